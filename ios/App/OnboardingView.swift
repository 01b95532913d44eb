#if canImport(SwiftUI)
import Cradle
import Foundation
import SwiftUI

/// First run: language, stage (with the platform's date picker) and one
/// unticked toggle per purpose.
struct OnboardingView: View {
    @Bindable var model: OnboardingModel
    let signIn: SignInModel
    @State private var picked = Date()
    @State private var signingIn = false

    var body: some View {
        let s = ShellStrings(model.language)
        Form {
            // A new phone, or one that could not open the old data: her synced data comes back.
            Button(s.haveAccount) { signingIn = true }
                .frame(minHeight: 44)
            Section(s.languageLabel) {
                Picker(s.languageLabel, selection: $model.language) {
                    ForEach([Language.zhHans, .en], id: \.self) { Text(ShellStrings.languageName($0)).tag($0) }
                }
                .pickerStyle(.segmented)
            }
            Section(s.stageQuestion) {
                Picker(s.stageQuestion, selection: $model.stage) {
                    ForEach(OnboardingModel.Stage.allCases, id: \.self) { Text(s.stage($0)).tag(Optional($0)) }
                }
                .pickerStyle(.inline)
                .labelsHidden()
                if model.stage == .pregnant {
                    Picker(s.chooseDate, selection: $model.datingBy) {
                        ForEach(OnboardingModel.DatingBy.allCases, id: \.self) { Text(s.datingBy($0)).tag($0) }
                    }
                }
                if model.stage == .pregnant || model.stage == .baby {
                    DatePicker(model.date.map(s.date) ?? s.chooseDate, selection: $picked, displayedComponents: .date)
                        .onChange(of: picked) { _, day in model.date = day.pickedDay() }
                }
                if model.stage == .baby {
                    // The core judges the weeks when she starts; this only steps the number.
                    Stepper(s.birthWeeks(model.birthWeeks), value: $model.birthWeeks)
                    TextField(s.birthWeight, value: $model.birthWeightGrams, format: IntegerFormatStyle<UInt32>())
                        .keyboardType(.numberPad)
                }
            }
            Section {
                ForEach([Purpose.sync, .shop, .notifications], id: \.self) { p in
                    Toggle(isOn: Binding(get: { model.consents[p] ?? false }, set: { model.consents[p] = $0 })) {
                        VStack(alignment: .leading) {
                            Text(s.purpose(p))
                            Text(s.purposeDetail(p)).font(.footnote).foregroundStyle(.secondary)
                        }
                    }
                }
            } header: {
                Text(s.consents)
            } footer: {
                Text(s.consentIntro)
            }
            if let p = model.problem { Text(s.problem(p)).foregroundStyle(.red) }
            Button(s.start) { model.finish() }
                .disabled(!model.canFinish)
                .frame(maxWidth: .infinity, minHeight: 44)
        }
        .task { model.load() }
        .sheet(isPresented: $signingIn) { SignInView(model: signIn, s: s) }
    }
}
#endif
