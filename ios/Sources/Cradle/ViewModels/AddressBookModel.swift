import Foundation
import Observation

/// Her delivery addresses. The form holds what she types; the core tidies
/// and checks it (the same rule the shop's server applies) and names the
/// field to fix, so the form stays open with her text until it is right.
@MainActor
@Observable
public final class AddressBookModel {
    /// The form: a new address (`id` nil) or a change to one.
    public struct Form: Equatable {
        public var id: String?
        public var address: ShipTo
    }

    public private(set) var book: Loadable<[AddressView]> = .loading
    public var form: Form?
    public private(set) var problem: Problem?
    @ObservationIgnored private let core: CradleCore

    public init(core: CradleCore) {
        self.core = core
    }

    public func load() { change { try core.shop().addresses() } }

    public func startNew() {
        form = Form(id: nil, address: ShipTo(
            name: "", phone: "", province: "", city: "", district: "", detail: "", postalCode: nil))
        problem = nil
    }

    public func edit(_ a: AddressView) {
        form = Form(id: a.id, address: a.shipTo)
        problem = nil
    }

    public func cancel() {
        form = nil
        problem = nil
    }

    public func save() {
        guard let f = form else { return }
        change(closing: true) { try core.shop().saveAddress(id: f.id, address: f.address) }
    }

    public func makeDefault(id: String) { change { try core.shop().setDefaultAddress(id: id) } }

    public func remove(id: String) { change { try core.shop().removeAddress(id: id) } }

    private func change(closing: Bool = false, _ call: () throws -> [AddressView]) {
        switch Loadable.attempt(call) {
        case .ready(let list):
            book = .ready(list)
            problem = nil
            if closing { form = nil }
        case .failed(let p):
            problem = p
            // A book that never loaded shows the failure in its place.
            if case .loading = book { book = .failed(p) }
        case .loading:
            break
        }
    }
}
