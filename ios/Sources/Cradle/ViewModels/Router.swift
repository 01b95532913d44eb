import Foundation
import Observation

/// The app's tabs, in the order the bar shows them.
public enum AppTab: Hashable, CaseIterable, Sendable {
    case today, reminders, records, shop, settings
}

/// Screens pushed over a tab.
public enum Route: Hashable, Sendable {
    case journey, clinic, cart, orders, addresses, bag
    case product(sku: String)
}

/// Where she is: the selected tab and the screens pushed over each tab.
/// The tab bar, the back button and `cradle://` links (a notification's, a
/// shared one) all change this one place. The core reads the links; this
/// only maps each to a place.
@MainActor
@Observable
public final class Router {
    public var tab: AppTab = .today
    public var paths: [AppTab: [Route]] = [:]

    public init() {}

    public func path(_ tab: AppTab) -> [Route] { paths[tab] ?? [] }

    /// Opens a link in place of what its tab showed. A link Cradle did not
    /// make leaves her where she is and returns false.
    @discardableResult
    public func open(_ url: String) -> Bool {
        guard let link = try? parseLink(url: url) else { return false }
        let (tab, path) = Router.place(of: link)
        self.tab = tab
        paths[tab] = path
        return true
    }

    static func place(of link: Link) -> (AppTab, [Route]) {
        switch link {
        case .today: return (.today, [])
        case .journey: return (.today, [.journey])
        case .reminders, .reminder: return (.reminders, [])
        case .records: return (.records, [])
        case .clinic: return (.records, [.clinic])
        case .shop: return (.shop, [])
        case .product(let sku): return (.shop, [.product(sku: sku)])
        case .cart: return (.shop, [.cart])
        case .orders, .order: return (.shop, [.orders])
        case .bag: return (.shop, [.bag])
        case .settings: return (.settings, [])
        }
    }
}
