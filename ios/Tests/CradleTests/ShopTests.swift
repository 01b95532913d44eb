@testable import Cradle
import Foundation
import XCTest

/// The catalogue and the cart through the bindings; totals come from the core.
final class ShopTests: DatabaseTestCase {
    func testTheCatalogueIsSearchedOfflineAndTheCartComputesItsTotal() async throws {
        let server = try XCTUnwrap(ProcessInfo.processInfo.environment["CRADLE_TEST_SERVER"])
        let c = try CradleCore.open(
            path: path("shop.db"), key: testKey, deviceTimeZone: "Asia/Shanghai", deviceLocale: "zh-Hans-CN")
        let update = try await c.shop().updateCatalog(serverUrl: server)
        XCTAssertGreaterThan(update.changed, 200)
        let hits = try c.shop().screen(query: "叶酸", limit: 5).products
        let first = try XCTUnwrap(hits.first)
        XCTAssertTrue(first.name.contains("叶酸"))
        let view = try c.shop().cartAdd(sku: first.sku, qty: 2)
        XCTAssertEqual(view.itemCount, 2)
        XCTAssertEqual(view.totalMinor, first.priceMinor * 2)
        XCTAssertThrowsError(try c.shop().cartAdd(sku: first.sku, qty: 0)) { error in
            guard case CradleError.InvalidInput(let field, _) = error else {
                return XCTFail("\(error)")
            }
            XCTAssertEqual(field, "qty")
        }
        XCTAssertEqual(try c.shop().cart(), view)

        // Nothing goes to the shop until she agrees to it, and the refusal names the purpose.
        do {
            _ = try await c.shop().reviewCheckout()
            XCTFail("expected a consent refusal")
        } catch CradleError.ConsentRequired(let purpose) {
            XCTAssertEqual(purpose, .shop)
        }
        _ = try c.setConsent(purpose: .sync, granted: true)
        _ = try c.setConsent(purpose: .shop, granted: true)

        // Checkout needs her account; the review and the order come from the core.
        let login = "sw-shop-" + UUID().uuidString.prefix(8).lowercased()
        _ = try await c.sync().register(serverUrl: server, login: login, password: "correct horse battery", device: "iPhone")
        let review = try await c.shop().reviewCheckout()
        XCTAssertTrue(review.warnings.isEmpty)
        XCTAssertEqual(review.totalText, view.totalText)
        do {
            _ = try await c.shop().placeOrder(quote: review.quote)
            XCTFail("an order needs somewhere to go")
        } catch CradleError.InvalidInput(let field, _) {
            XCTAssertEqual(field, "address")
        }
        let home = ShipTo(name: "小林", phone: "+86 138 0013 8000", province: "上海市", city: "上海市",
                          district: "浦东新区", detail: "世纪大道 100 号", postalCode: nil)
        var wrong = home
        wrong.province = "Shanghai"
        do {
            _ = try c.shop().saveAddress(id: nil, address: wrong)
            XCTFail("not a province the shop knows")
        } catch CradleError.InvalidInput(let field, _) {
            XCTAssertEqual(field, "province")
        }
        let book = try c.shop().saveAddress(id: nil, address: home)
        XCTAssertEqual(book.first?.shipTo.phone, "13800138000")
        XCTAssertEqual(provinces().count, 31)
        let order = try await c.shop().placeOrder(quote: review.quote)
        XCTAssertEqual(order.status, "pending_payment")
        XCTAssertEqual(order.shipTo, book.first?.label)
        XCTAssertTrue(try c.shop().cart().lines.isEmpty)
        XCTAssertEqual(try c.shop().orders(), [order])
    }
}
