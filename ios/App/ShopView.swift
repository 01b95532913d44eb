#if canImport(SwiftUI)
import Cradle
import SwiftUI

/// The shop: search over the catalogue on the phone, and suggestions for her
/// stage while the search is empty. The cart and her orders open from the
/// toolbar; every price and label is the core's. Screens are pushed as
/// `Route` values, so a deep link can open them too.
struct ShopView: View {
    let model: ShopModel
    let s: ShellStrings

    var body: some View {
        List {
            NavigationLink(s.hospitalBag, value: Route.bag)
            if let p = model.problem { Text(s.problem(p)).foregroundStyle(.red) }
            switch model.screen {
            case .loading: ProgressView(s.loading)
            case .failed(let p): Text(s.problem(p)).foregroundStyle(.red)
            case .ready(let screen) where !screen.catalogReady:
                Text(s.catalogMissing)
                Button(s.updateCatalog) { Task { await model.updateCatalog() } }.disabled(model.updating)
            case .ready(let screen) where screen.products.isEmpty:
                Text(screen.searching ? s.noResults : s.noSuggestions)
            case .ready(let screen):
                Section(screen.searching ? "" : s.suggested) {
                    ForEach(screen.products, id: \.sku) { card in
                        NavigationLink(value: Route.product(sku: card.sku)) { ProductRow(card: card, s: s) }
                    }
                }
            }
        }
        .searchable(text: Binding(get: { model.query }, set: { model.search($0) }), prompt: s.searchShop)
        .refreshable { await model.updateCatalog() }
        .toolbar {
            ToolbarItem(placement: .navigation) {
                NavigationLink(value: Route.orders) {
                    Image(systemName: "shippingbox")
                }
                .accessibilityLabel(s.myOrders)
            }
            ToolbarItem(placement: .primaryAction) {
                let count = model.screen.value?.cartCount ?? 0
                NavigationLink(value: Route.cart) {
                    Image(systemName: "cart").overlay(alignment: .topTrailing) {
                        if count > 0 { Text("\(count)").font(.caption2).padding(3).background(.red, in: Circle()).foregroundStyle(.white) }
                    }
                }
                .accessibilityLabel(s.cartCount(count))
            }
        }
        .task { model.start(); model.refresh() }
    }

}

/// A product in a list: its name, its price, and why it cannot be bought now.
struct ProductRow: View {
    let card: ProductCard
    let s: ShellStrings

    var body: some View {
        HStack {
            VStack(alignment: .leading) {
                Text(card.name).font(.headline)
                if let why = s.availability(card) { Text(why).foregroundStyle(.red) }
            }
            Spacer()
            Text(card.priceText).font(.headline)
        }
        .frame(minHeight: 44)
    }
}

/// The product page: what it is, whether it suits her now (with the cited
/// reason when it does not), where it comes from, and "Add to cart" with the
/// quantity the core offers.
struct ProductView: View {
    let model: ShopModel
    let sku: String
    let s: ShellStrings

    var body: some View {
        List {
            switch model.product {
            case nil, .loading?: ProgressView(s.loading)
            case .failed(let p)?: Text(s.problem(p)).foregroundStyle(.red)
            case .ready(let page)?: content(page)
            }
        }
        .navigationTitle(s.product)
        .onAppear { model.open(sku: sku) }
        .onDisappear { model.close() }
    }

    @ViewBuilder
    private func content(_ page: ProductPage) -> some View {
        Section {
            Text(page.card.name).font(.title2).accessibilityAddTraits(.isHeader)
            Text(page.card.priceText).font(.title3)
            if let why = s.availability(page.card) { Text(why).foregroundStyle(.red) }
            if !page.suitsNow { Text(s.notForNow) }
            ForEach(page.warnings, id: \.tag) { w in
                VStack(alignment: .leading, spacing: 4) {
                    Text(w.message).foregroundStyle(.red)
                    Text(s.source(w.source)).font(.footnote)
                }
            }
            if !page.description.isEmpty { Text(page.description) }
            Text(s.quantityRule(page)).font(.footnote)
            if let p = model.problem { Text(s.problem(p)).foregroundStyle(.red) }
            Button(page.addQty.map(s.addToCart) ?? s.cannotAdd) { model.addToCart() }
                .disabled(page.addQty == nil)
                .frame(minHeight: 44)
            if page.inCart > 0 { Text(s.inCart(page.inCart)) }
        }
        Section(s.traceability) {
            LabeledContent(s.batch, value: page.traceability.batch)
            LabeledContent(s.origin, value: page.traceability.origin)
            LabeledContent(s.qualityReport, value: page.traceability.qualityReport)
            if page.traceability.coldChain { Text(s.coldChain) }
        }
    }
}
#endif
