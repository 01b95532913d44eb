import Foundation
import Observation

/// Today: one core call per refresh (`today()` carries the timeline, the next
/// reminder, the most urgent flag and the sync state). It refreshes whenever
/// the core reports a change or the sync state moves, so it never polls.
@MainActor
@Observable
public final class TodayModel {
    public private(set) var state: Loadable<TodayScreen> = .loading
    @ObservationIgnored private let core: CradleCore
    @ObservationIgnored private let watch: Watch

    public init(core: CradleCore) {
        self.core = core
        watch = Watch(core: core)
    }

    /// Loads Today and keeps it current until `stop()`.
    public func start() {
        watch.start { [weak self] in self?.refresh() }
    }

    /// Stops listening; returns once unsubscribed, so the core can be released after.
    public func stop() async {
        await watch.stop()
    }

    public func refresh() {
        state = .attempt { try core.today() }
    }
}
