import Foundation
import Observation

/// The cart and checkout. Every change is one core call that returns the
/// whole cart, so totals, price-change notes and quantity rules all come from
/// the core. A refused change leaves the cart as it was and shows why. It
/// reloads on every core change, so an item added on a product page, or on
/// her other phone, is in the cart however she got to it.
@MainActor
@Observable
public final class CartModel {
    public private(set) var cart: Loadable<CartView> = .loading
    /// The last refused change, until the next one succeeds.
    public private(set) var problem: Problem?
    /// Set after `review()`: the repriced cart and its warnings, to confirm.
    public private(set) var review: CheckoutReview?
    public private(set) var placed: OrderView?
    public private(set) var busy = false
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

    public func load() { change { try core.shop().cart() } }

    /// A core change: the cart as it is now, keeping a review she is reading.
    private func refresh() {
        if let view = try? core.shop().cart() { cart = .ready(view) }
    }

    public func add(sku: String, qty: Int64 = 1) { change { try core.shop().cartAdd(sku: sku, qty: qty) } }

    public func set(sku: String, qty: Int64) { change { try core.shop().cartSet(sku: sku, qty: qty) } }

    public func remove(sku: String) { change { try core.shop().cartRemove(sku: sku) } }

    /// Reprices the cart on the server; warnings are shown before she confirms.
    public func startReview() async {
        busy = true
        defer { busy = false }
        do {
            review = try await core.shop().reviewCheckout()
            problem = nil
        } catch {
            problem = Problem(error)
        }
    }

    /// Places the reviewed order; a retry after a lost answer is the same order.
    public func confirm() async {
        guard let quote = review?.quote else { return }
        busy = true
        defer { busy = false }
        do {
            placed = try await core.shop().placeOrder(quote: quote)
            review = nil
            problem = nil
            cart = .attempt { try core.shop().cart() }
        } catch {
            problem = Problem(error)
        }
    }

    /// Offline: the cart waits as one order, placed when she is back online
    /// only if nothing changed (`CartView.queued`; the background run sends it).
    public func queue() { change { try core.shop().queueOrder() } }

    /// Takes the waiting order back into the cart, to change it or review what changed.
    public func takeBack() async {
        busy = true
        defer { busy = false }
        do {
            cart = .ready(try await core.shop().cancelQueuedOrder())
            problem = nil
            review = nil
        } catch {
            problem = Problem(error)
        }
    }

    private func change(_ call: () throws -> CartView) {
        switch Loadable.attempt(call) {
        case .ready(let view):
            cart = .ready(view)
            problem = nil
            review = nil
        case .failed(let p):
            problem = p
            // A cart that never loaded shows the failure in its place.
            if case .loading = cart { cart = .failed(p) }
        case .loading:
            break
        }
    }
}
