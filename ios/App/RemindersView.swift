#if canImport(SwiftUI)
import Cradle
import SwiftUI

/// Reminders for the coming weeks, with done, skip and (her own) snooze.
/// `focus` is the reminder a notification opened: scrolled to and marked.
struct RemindersView: View {
    let model: RemindersModel
    let editor: ReminderEditorModel
    let focus: String?
    let s: ShellStrings
    @State private var adding = false

    var body: some View {
        ScrollViewReader { proxy in
            List {
                if let p = model.problem { Text(s.problem(p)).foregroundStyle(.red) }
                switch model.items {
                case .loading: ProgressView(s.loading)
                case .failed(let p): Text(s.problem(p)).foregroundStyle(.red)
                case .ready(let items) where items.isEmpty: Text(s.nothingDue)
                case .ready(let items): ForEach(items, id: \.id) { row($0).marked($0.id == focus) }
                }
            }
            .scrollsTo(focus, once: model.items.value != nil, proxy)
        }
        .toolbar {
            Button { adding = true } label: { Label(s.addReminder, systemImage: "plus") }
        }
        .sheet(isPresented: $adding, onDismiss: editor.reset) {
            NavigationStack {
                ReminderEditorView(model: editor, s: s) { adding = false }.navigationTitle(s.newReminder)
            }
        }
    }

    private func row(_ item: ReminderItem) -> some View {
        VStack(alignment: .leading, spacing: 4) {
            Text(item.title).font(.headline)
            if let start = item.windowStart, let end = item.windowEnd {
                Text(s.window(start, end))
            } else {
                Text(item.due)
            }
            ForEach(item.checks, id: \.self) { Text("· \($0)").font(.footnote) }
            Text(s.status(item.status)).font(.caption).foregroundStyle(.secondary)
        }
        .swipeActions(edge: .leading) {
            if item.status == .pending || item.status == .snoozed {
                Button(s.done) { model.complete(item.id) }.tint(.green)
            }
        }
        .swipeActions(edge: .trailing) {
            if item.status == .pending || item.status == .snoozed {
                Button(s.skip) { model.skip(item.id) }
                if item.kind == .custom {
                    Button(s.snoozeHour) { model.snooze(item.id, minutes: 60) }.tint(.orange)
                }
            }
        }
    }
}
#endif
