#if canImport(SwiftUI)
import Cradle
import SwiftUI

/// Journey: one row per week (or month), scrolled to today's page. Today's
/// row is open; tapping another opens it. Titles, dates and texts are the core's.
struct JourneyView: View {
    let model: JourneyModel
    let s: ShellStrings
    @State private var open: Int?

    var body: some View {
        switch model.state {
        case .loading: ProgressView(s.loading)
        case .failed(let p): Text(s.problem(p)).foregroundStyle(.red)
        case .ready(let j) where j.steps.isEmpty: Text(s.journeyEmpty).padding()
        case .ready(let j): list(j)
        }
    }

    private func list(_ j: JourneyScreen) -> some View {
        let now = j.now.map(Int.init)
        return ScrollViewReader { proxy in
            List(Array(j.steps.enumerated()), id: \.offset) { i, step in
                Button { open = i } label: { row(step, expanded: i == (open ?? now)) }
                    .buttonStyle(.plain)
                    .listRowBackground(step.when == .now ? Color.accentColor.opacity(0.12) : nil)
                    .accessibilityValue(s.journeyWhen(step.when))
                    .id(i)
            }
            .onAppear { if let now { proxy.scrollTo(now, anchor: .top) } }
        }
    }

    @ViewBuilder
    private func row(_ step: JourneyStep, expanded: Bool) -> some View {
        VStack(alignment: .leading, spacing: 4) {
            Text(step.title).font(.headline)
            Text("\(s.journeyWhen(step.when)) · \(s.dateRange(step.starts, step.ends))")
                .font(.subheadline).foregroundStyle(.secondary)
            if expanded, let w = step.week {
                Text(s.sizeOf(w.sizeComparison)).font(.body)
                Text(w.baby)
                Text(w.mother)
                Text(w.tip).font(.footnote)
                ForEach(w.checkups, id: \.self) { Text("· \($0)").font(.footnote) }
            }
            if expanded, let m = step.month {
                Text(m.highlight).font(.body)
                Text(m.tip).font(.footnote)
            }
        }
        .frame(maxWidth: .infinity, minHeight: 44, alignment: .leading)
        .contentShape(Rectangle())
    }
}
#endif
