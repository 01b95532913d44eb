import Foundation
import Observation

/// Her orders with their tracking, as last fetched (so they show offline),
/// payment, "buy again", the return form and complaint tickets with the
/// shop's service targets. The core says which orders can
/// be paid and which lines can still be returned; a return asked for offline
/// waits in the core and is shown as such.
@MainActor
@Observable
public final class OrdersModel {
    /// The return form for one order: what she asks for (`return`,
    /// `exchange`, `refund_only`), how many of each line, and why.
    public struct ReturnForm: Equatable {
        public let orderId: String
        public var kind = "return"
        public var qty: [String: UInt32] = [:]
        public var reason: String?
        public var note = ""
    }

    public private(set) var orders: Loadable<[OrderView]> = .loading
    public private(set) var problem: Problem?
    public private(set) var busy = false
    public private(set) var returning: ReturnForm?

    /// The complaint form for one order: the topic and what happened.
    public struct ComplaintForm: Equatable {
        public let orderId: String
        public var topic: String?
        public var note = ""
    }

    public private(set) var complaining: ComplaintForm?
    /// Names "buy again" could not put back in the cart.
    public private(set) var skipped: [String]?
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
        orders = .attempt { try core.shop().orders() }
    }

    /// Fetches status and tracking from the server; offline, the list stays.
    public func sync() async {
        await network { _ = try await self.core.shop().refreshOrders() }
    }

    public func pay(id: String) async {
        await network { _ = try await self.core.shop().payOrder(id: id) }
    }

    /// Cancels an order before it ships; a paid one is refunded.
    public func cancel(id: String) async {
        await network { _ = try await self.core.shop().cancelOrder(id: id) }
    }

    public func buyAgain(id: String) {
        do {
            skipped = try core.shop().buyAgain(orderId: id).skipped
            problem = nil
        } catch {
            problem = Problem(error)
        }
    }

    public func startReturn(orderId: String) {
        returning = ReturnForm(orderId: orderId)
        complaining = nil
        problem = nil
    }

    public func startComplaint(orderId: String) {
        complaining = ComplaintForm(orderId: orderId)
        returning = nil
        problem = nil
    }

    public func cancelComplaint() {
        complaining = nil
        problem = nil
    }

    public func chooseTopic(_ code: String) { complaining?.topic = code }

    public func setComplaintNote(_ text: String) { complaining?.note = text }

    /// Files the complaint; offline it waits in the core, shown as such.
    public func submitComplaint() async {
        guard let form = complaining else { return }
        await network {
            _ = try await self.core.shop().fileComplaint(orderId: form.orderId, topic: form.topic ?? "", note: form.note)
            self.complaining = nil
        }
    }

    public func cancelReturn() {
        returning = nil
        problem = nil
    }

    public func setReturnQty(sku: String, qty: UInt32) { returning?.qty[sku] = qty }

    public func chooseKind(_ code: String) { returning?.kind = code }

    public func chooseReason(_ code: String) { returning?.reason = code }

    public func setNote(_ text: String) { returning?.note = text }

    /// Sends the form; the core checks it, and the form stays open if refused.
    public func submitReturn() async {
        guard let form = returning else { return }
        let items = form.qty.filter { $0.value > 0 }.sorted { $0.key < $1.key }
            .map { ReturnItem(sku: $0.key, qty: $0.value) }
        let note = form.note.trimmingCharacters(in: .whitespacesAndNewlines)
        await network {
            _ = try await self.core.shop().requestReturn(
                orderId: form.orderId, kind: form.kind, items: items, reason: form.reason ?? "",
                note: note.isEmpty ? nil : note)
            self.returning = nil
        }
    }

    private func network(_ call: () async throws -> Void) async {
        busy = true
        defer { busy = false }
        do {
            try await call()
            problem = nil
        } catch {
            problem = Problem(error)
        }
        refresh()
    }
}
