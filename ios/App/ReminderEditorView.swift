#if canImport(SwiftUI)
import Cradle
import SwiftUI

/// A new reminder: title, time, the recurrence picker and the core's preview.
/// The rule itself is the core's; Save is enabled only when the core accepts
/// every field.
struct ReminderEditorView: View {
    @Bindable var model: ReminderEditorModel
    let s: ShellStrings
    let onDone: () -> Void
    @State private var lastDay = Date()

    private static let hours = (0..<24).map { String(format: "%02d", $0) }
    private static let minutes = stride(from: 0, to: 60, by: 5).map { String(format: "%02d", $0) }

    var body: some View {
        Form {
            TextField(s.reminderTitle, text: $model.title)
            Section(s.at) {
                HStack {
                    Picker(s.at, selection: timePart(0)) { ForEach(Self.hours, id: \.self) { Text($0) } }
                    Text(":")
                    Picker(s.at, selection: timePart(1)) { ForEach(Self.minutes, id: \.self) { Text($0) } }
                }
                .pickerStyle(.wheel)
                .labelsHidden()
            }
            Section(s.repeats) {
                Picker(s.repeats, selection: $model.every) {
                    ForEach([Every.day, .week, .month, .year], id: \.self) { Text(s.every($0)).tag($0) }
                }
                .pickerStyle(.segmented)
                // The core refuses a bad number; this only steps it.
                Stepper(s.interval(model.every, model.interval), value: $model.interval, in: 1...99)
                if model.every == .week {
                    HStack {
                        ForEach(ReminderEditorModel.weekdays, id: \.self) { day in
                            let on = model.weekdays.contains(day)
                            Button(weekdayName(language: s.language, day: day)) { model.toggle(day) }
                                .buttonStyle(.bordered)
                                .tint(on ? .accentColor : .secondary)
                                .frame(minHeight: 44)
                                .accessibilityAddTraits(on ? .isSelected : [])
                        }
                    }
                }
            }
            Section(s.ends) {
                Picker(s.ends, selection: endsKind) {
                    Text(s.never).tag(0)
                    Text(s.afterTimes).tag(1)
                    Text(s.onDate).tag(2)
                }
                .pickerStyle(.inline)
                .labelsHidden()
                if case .after(let count) = model.ends {
                    Stepper(s.times(count), value: Binding(get: { count }, set: { model.ends = .after(count: $0) }), in: 1...999)
                }
                if case .on = model.ends {
                    DatePicker(s.onDate, selection: $lastDay, displayedComponents: .date)
                        .onChange(of: lastDay) { _, day in model.ends = .on(date: day.pickedDay() ?? "") }
                }
            }
            if let p = model.shownProblem { Text(s.problem(p)).foregroundStyle(.red) }
            if let d = model.draft {
                Section {
                    Text(d.summary).font(.headline)
                    Text(d.next.isEmpty ? s.noMoreTimes : s.nextTimes)
                    ForEach(d.next, id: \.self) { Text("· \($0.replacingOccurrences(of: "T", with: " "))") }
                }
            }
        }
        .toolbar {
            ToolbarItem(placement: .confirmationAction) {
                Button(s.save) { if model.save() { onDone() } }.disabled(model.draft == nil)
            }
            ToolbarItem(placement: .cancellationAction) { Button(s.cancel, action: onDone) }
        }
    }

    /// The hour (0) or minute (1) half of `HH:MM`.
    private func timePart(_ i: Int) -> Binding<String> {
        Binding(
            get: { model.time.split(separator: ":").map(String.init)[i] },
            set: { new in
                var parts = model.time.split(separator: ":").map(String.init)
                parts[i] = new
                model.time = parts.joined(separator: ":")
            })
    }

    /// Never (0), after a count (1) or on a day (2); a new choice starts from
    /// ten times, or from the day shown in the picker.
    private var endsKind: Binding<Int> {
        Binding(
            get: {
                switch model.ends {
                case .never: return 0
                case .after: return 1
                case .on: return 2
                }
            },
            set: { kind in
                switch kind {
                case 1: model.ends = .after(count: 10)
                case 2: model.ends = .on(date: lastDay.pickedDay() ?? "")
                default: model.ends = .never
                }
            })
    }
}
#endif
