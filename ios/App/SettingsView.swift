#if canImport(SwiftUI)
import Cradle
import SwiftUI

/// Settings: consents, language, quiet hours, account and her data rights.
struct SettingsView: View {
    let model: SettingsModel
    let s: ShellStrings
    @State private var confirmingDelete = false

    /// Half-hour steps for the quiet-hours pickers.
    private static let times = (0..<24).flatMap { h in [String(format: "%02d:00", h), String(format: "%02d:30", h)] }

    var body: some View {
        Form {
            if let p = model.problem { Text(s.problem(p)).foregroundStyle(.red) }
            switch model.screen {
            case .loading: ProgressView(s.loading)
            case .failed(let p): Text(s.problem(p)).foregroundStyle(.red)
            case .ready(let screen): sections(screen)
            }
        }
        .jsonExporter(model.export, name: "cradle-export.json", done: { model.exportShared() })
        .confirmationDialog(s.deleteData, isPresented: $confirmingDelete, titleVisibility: .visible) {
            Button(s.delete, role: .destructive) { model.deleteEverything() }
            Button(s.cancel, role: .cancel) {}
        } message: {
            Text(s.deleteWarning)
        }
        .task { model.start() }
    }

    @ViewBuilder
    private func sections(_ screen: SettingsScreen) -> some View {
        Section(s.consents) {
            ForEach(screen.consents, id: \.purpose) { c in
                Toggle(isOn: Binding(get: { c.granted }, set: { model.setConsent(c.purpose, granted: $0) })) {
                    VStack(alignment: .leading) {
                        Text(s.purpose(c.purpose))
                        Text(s.purposeDetail(c.purpose)).font(.footnote).foregroundStyle(.secondary)
                    }
                }
            }
        }
        Section(s.languageLabel) {
            Picker(s.languageLabel, selection: Binding(get: { screen.language }, set: { model.setLanguage($0) })) {
                ForEach([Language.zhHans, .en], id: \.self) { Text(ShellStrings.languageName($0)).tag($0) }
            }
            .pickerStyle(.segmented)
            Picker(s.quietFrom, selection: Binding(
                get: { screen.reminders.quietStart },
                set: { model.setQuietHours(start: $0, end: screen.reminders.quietEnd) })
            ) { ForEach(Self.times, id: \.self) { Text($0).tag($0) } }
            Picker(s.quietUntil, selection: Binding(
                get: { screen.reminders.quietEnd },
                set: { model.setQuietHours(start: screen.reminders.quietStart, end: $0) })
            ) { ForEach(Self.times, id: \.self) { Text($0).tag($0) } }
        }
        Section(s.account) {
            if let account = screen.account {
                Text(s.signedInAs(account.login))
                Text(screen.syncText).foregroundStyle(.secondary)
                Button(s.syncNow) { Task { await model.syncNow() } }.disabled(model.busy)
                Button(s.signOutEverywhere) { Task { await model.signOutEverywhere() } }.disabled(model.busy)
            } else {
                Text(s.notSignedIn)
            }
        }
        Section(s.yourData) {
            Button(s.exportData) { model.exportData() }
            Button(s.deleteData, role: .destructive) { confirmingDelete = true }
        }
    }
}

#endif
