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
    public private(set) var tab: AppTab = .today
    public private(set) var paths: [AppTab: [Route]] = [:]
    /// The reminder or order a link pointed at: its screen scrolls to it and
    /// marks it, until she moves elsewhere.
    public private(set) var focus: String?

    public init() {}

    public func path(_ tab: AppTab) -> [Route] { paths[tab] ?? [] }

    /// A tab from the bar. SwiftUI may write back what it already shows;
    /// only a real move clears the mark.
    public func select(_ tab: AppTab) {
        guard tab != self.tab else { return }
        self.tab = tab
        focus = nil
    }

    /// A screen pushed or popped by the navigation stack.
    public func setPath(_ path: [Route], for tab: AppTab) {
        guard path != self.path(tab) else { return }
        paths[tab] = path
        focus = nil
    }

    /// Opens a link in place of what its tab showed. A link Cradle did not
    /// make leaves her where she is and returns false.
    @discardableResult
    public func open(_ url: String) -> Bool {
        guard let link = try? parseLink(url: url) else { return false }
        let (tab, path, focus) = Router.place(of: link)
        self.tab = tab
        paths[tab] = path
        self.focus = focus
        return true
    }

    static func place(of link: Link) -> (AppTab, [Route], String?) {
        switch link {
        case .today: return (.today, [], nil)
        case .journey: return (.today, [.journey], nil)
        case .reminders: return (.reminders, [], nil)
        case .reminder(let id): return (.reminders, [], id)
        case .records: return (.records, [], nil)
        case .clinic: return (.records, [.clinic], nil)
        case .shop: return (.shop, [], nil)
        case .product(let sku): return (.shop, [.product(sku: sku)], nil)
        case .cart: return (.shop, [.cart], nil)
        case .orders: return (.shop, [.orders], nil)
        case .order(let id): return (.shop, [.orders], id)
        case .bag: return (.shop, [.bag], nil)
        case .settings: return (.settings, [], nil)
        }
    }
}
