import Foundation
import Observation

/// The hospital-bag checklist. The core decides when it opens (28 weeks),
/// what is on it, which products fill each item and whether one is in the
/// cart or bought; this holds the screen and passes her ticks on. It reloads
/// on every core change, so an item added to the cart elsewhere shows here.
@MainActor
@Observable
public final class HospitalBagModel {
    public private(set) var bag: Loadable<HospitalBag> = .loading
    public private(set) var problem: Problem?
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
        bag = .attempt { try core.shop().hospitalBag() }
    }

    /// Ticks or unticks an item; the list comes back whole.
    public func pack(id: String, packed: Bool) {
        switch Loadable.attempt({ try core.shop().packBagItem(id: id, packed: packed) }) {
        case .ready(let b):
            bag = .ready(b)
            problem = nil
        case .failed(let p):
            problem = p
        case .loading:
            break
        }
    }
}
