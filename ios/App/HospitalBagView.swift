#if canImport(SwiftUI)
import Cradle
import SwiftUI

/// The hospital-bag checklist: each item ticks as packed (the whole row is
/// the button), shows whether one is in the cart or bought, and offers the
/// products that fill it; a product opens its page. Before 28 weeks it says
/// when it opens.
struct HospitalBagView: View {
    let model: HospitalBagModel
    let s: ShellStrings

    var body: some View {
        List {
            if let p = model.problem { Text(s.problem(p)).foregroundStyle(.red) }
            switch model.bag {
            case .loading: ProgressView(s.loading)
            case .failed(let p): Text(s.problem(p)).foregroundStyle(.red)
            case .ready(let bag) where !bag.open:
                Text(bag.note)
                if let day = bag.opensOn { Text(s.bagOpensOn(day)) }
            case .ready(let bag):
                Section {
                    Text(s.packedOf(bag.packed, bag.total)).font(.headline)
                    ProgressView(value: Double(bag.packed), total: Double(max(bag.total, 1)))
                }
                ForEach(bag.groups, id: \.code) { group in
                    Section(group.title) {
                        ForEach(group.items, id: \.id) { item in row(item) }
                    }
                }
                Section {
                    ForEach(bag.sources, id: \.self) { Text(s.source($0)).font(.footnote) }
                }
            }
        }
        .task { model.start(); model.refresh() }
    }

    @ViewBuilder
    private func row(_ item: BagItem) -> some View {
        Button { model.pack(id: item.id, packed: !item.packed) } label: {
            HStack {
                Image(systemName: item.packed ? "checkmark.square.fill" : "square")
                Text(item.name)
                Spacer()
                if !item.shopText.isEmpty { Text(item.shopText).font(.footnote).foregroundStyle(.tint) }
            }
            .frame(minHeight: 44)
        }
        .accessibilityAddTraits(item.packed ? [.isSelected] : [])
        // What fills it, while she still needs one (the core decides).
        if let card = item.products.first {
            NavigationLink(value: Route.product(sku: card.sku)) { ProductRow(card: card, s: s) }
        }
    }
}
#endif
