#if canImport(SwiftUI)
import Cradle
import SwiftUI

/// Signing in on a phone without her data: the account, the recovery code,
/// and sync's own consent, off. The core checks every value.
struct SignInView: View {
    @Bindable var model: SignInModel
    let s: ShellStrings
    @Environment(\.dismiss) private var dismiss

    var body: some View {
        NavigationStack {
            Form {
                Section {
                    TextField(s.server, text: $model.server)
                        .keyboardType(.URL)
                        .textInputAutocapitalization(.never)
                        .autocorrectionDisabled()
                    TextField(s.login, text: $model.login)
                        .textContentType(.username)
                        .textInputAutocapitalization(.never)
                    SecureField(s.password, text: $model.password)
                        .textContentType(.password)
                    TextField(s.recoveryCode, text: $model.recoveryCode)
                        .textInputAutocapitalization(.characters)
                        .autocorrectionDisabled()
                } footer: {
                    Text(s.signInIntro)
                }
                Toggle(isOn: $model.syncConsent) {
                    VStack(alignment: .leading) {
                        Text(s.purpose(.sync))
                        Text(s.purposeDetail(.sync)).font(.footnote).foregroundStyle(.secondary)
                    }
                }
                if let p = model.problem { Text(s.problem(p)).foregroundStyle(.red) }
                Button(s.signIn) { Task { await model.signIn() } }
                    .disabled(!model.canSignIn)
                    .frame(maxWidth: .infinity, minHeight: 44)
            }
            .navigationTitle(s.signInTitle)
            .toolbar {
                ToolbarItem(placement: .cancellationAction) { Button(s.cancel) { dismiss() } }
            }
        }
    }
}
#endif
