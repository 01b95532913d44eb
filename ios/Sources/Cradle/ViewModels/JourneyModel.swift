import Foundation
import Observation

/// Journey: every week of the pregnancy (or month of the baby), dated for her,
/// with today's page marked. One core call; it reloads when her dates change.
@MainActor
@Observable
public final class JourneyModel {
    public private(set) var state: Loadable<JourneyScreen> = .loading
    @ObservationIgnored private let core: CradleCore
    @ObservationIgnored private let watch: Watch

    public init(core: CradleCore) {
        self.core = core
        watch = Watch(core: core)
    }

    public func start() {
        watch.start { [weak self] in self?.refresh() }
    }

    public func stop() async {
        await watch.stop()
    }

    public func refresh() {
        state = .attempt { try core.journeyScreen() }
    }
}
