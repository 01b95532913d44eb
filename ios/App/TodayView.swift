#if canImport(SwiftUI)
import Cradle
import SwiftUI

/// Today, rendered from the one `today()` answer.
struct TodayView: View {
    let state: Loadable<TodayScreen>
    let s: ShellStrings

    var body: some View {
        switch state {
        case .loading: ProgressView(s.loading)
        case .failed(let p): Text(s.problem(p)).foregroundStyle(.red)
        case .ready(let t): content(t)
        }
    }

    private func content(_ t: TodayScreen) -> some View {
        List {
            Section {
                Text(s.hello(t.profile?.displayName)).font(.title).accessibilityAddTraits(.isHeader)
                Text(t.date).font(.subheadline)
            }
            if let f = t.flag {
                Section(s.healthFlag) {
                    Text(f.message)
                    Text(f.source).font(.footnote).foregroundStyle(.secondary)
                }
                .listRowBackground(Color.red.opacity(0.12))
            }
            if let p = t.pregnancy {
                Section {
                    Text(s.gestationalAge(p.gestationalAge)).font(.title2)
                    Text(s.dueIn(p))
                    // The core gives whole percent; the view takes a fraction.
                    ProgressView(value: Double(p.progressPercent), total: 100)
                        .accessibilityLabel("\(s.progress) \(p.progressPercent)%")
                }
            }
            if let w = t.week {
                Section("\(s.thisWeek(w.week)) · \(w.sizeComparison)") { Text(w.baby) }
            }
            if t.week != nil || t.month != nil {
                NavigationLink(s.seeJourney, value: Route.journey)
            }
            if let b = t.baby {
                Section {
                    Text(s.babyAge(b)).font(.title2)
                    if let m = b.correctedAgeMonths { Text(s.correctedAge(m)) }
                }
            }
            if let m = t.month {
                Section(m.highlight) { Text(m.tip) }
            }
            Section(s.next) {
                if let r = t.nextReminder { Text("\(r.title) · \(r.due)") } else { Text(s.nothingDue) }
            }
            if t.profile == nil { Text(s.welcome) }
            Text(t.syncText).font(.footnote).foregroundStyle(.secondary)
        }
    }
}
#endif
