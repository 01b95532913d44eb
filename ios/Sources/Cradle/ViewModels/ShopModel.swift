import Foundation
import Observation

/// The shop: suggestions for her stage, or search results while she types,
/// from the catalogue copy on the phone, so it works offline; and the open
/// product's page with its traceability and anything that does not suit her.
/// What "Add to cart" adds is the core's answer, following the product's rules.
@MainActor
@Observable
public final class ShopModel {
    public private(set) var query = ""
    public private(set) var screen: Loadable<ShopScreen> = .loading
    /// The product page she opened, kept current as the cart changes.
    public private(set) var product: Loadable<ProductPage>?
    public private(set) var problem: Problem?
    /// A catalogue download is under way.
    public private(set) var updating = false
    @ObservationIgnored private let core: CradleCore
    @ObservationIgnored private let watch: Watch

    private static let limit: UInt32 = 40

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
        screen = .attempt { try core.shop().screen(query: query, limit: Self.limit) }
        if let sku = product?.value?.card.sku {
            product = .attempt { try core.shop().productPage(sku: sku) }
        }
    }

    public func search(_ text: String) {
        query = text
        refresh()
    }

    public func open(sku: String) {
        product = .attempt { try core.shop().productPage(sku: sku) }
        problem = nil
    }

    public func close() {
        product = nil
        problem = nil
    }

    /// Adds what the page offers; a refusal (the rules, the stock) is shown.
    public func addToCart() {
        guard let page = product?.value, let qty = page.addQty else { return }
        do {
            _ = try core.shop().cartAdd(sku: page.card.sku, qty: Int64(qty))
            problem = nil
        } catch {
            problem = Problem(error)
        }
        refresh()
    }

    /// Fetches what changed in the catalogue from her server.
    public func updateCatalog() async {
        updating = true
        defer { updating = false }
        do {
            _ = try await core.shop().updateCatalog(serverUrl: nil)
            problem = nil
        } catch {
            problem = Problem(error)
        }
        refresh()
    }
}
