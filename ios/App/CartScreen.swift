#if canImport(SwiftUI)
import Cradle
import SwiftUI

/// The cart and checkout; every number on it was computed by the core.
struct CartScreen: View {
    let model: CartModel
    let s: ShellStrings

    var body: some View {
        List {
            if let p = model.problem { Text(s.problem(p)).foregroundStyle(.red) }
            if let o = model.placed {
                Text(s.ordered(o))
                NavigationLink(s.seeOrders, value: Route.orders)
            }
            switch model.cart {
            case .loading: ProgressView(s.loading)
            case .failed(let p): Text(s.problem(p)).foregroundStyle(.red)
            case .ready(let cart) where cart.lines.isEmpty:
                if let q = cart.queued { queuedSection(q) } else { Text(s.cartEmpty) }
            case .ready(let cart):
                if let q = cart.queued { queuedSection(q) }
                ForEach(cart.lines, id: \.sku) { line in lineRow(line) }
                Section {
                    Text(s.total(cart)).font(.title3)
                    NavigationLink(cart.shipTo.map(s.deliverTo) ?? s.addAddress, value: Route.addresses)
                    if let review = model.review {
                        ForEach(review.warnings, id: \.sku) { Text($0.message).foregroundStyle(.red) }
                        Button(s.confirm(review)) { Task { await model.confirm() } }.disabled(model.busy)
                    } else {
                        Button(s.review) { Task { await model.startReview() } }.disabled(model.busy)
                        // Checkout needs the shop; offline, the core can hold the order until she is back.
                        if model.problem?.kind == .network && cart.queued == nil {
                            Button(s.orderWhenOnline) { model.queue() }.disabled(model.busy)
                        }
                    }
                }
            }
        }
    }

    /// The order waiting for the network: what it holds, and what changed once it needs her.
    private func queuedSection(_ q: QueuedOrder) -> some View {
        let review = q.status == "needs_review"
        return Section {
            Text(q.statusText).font(.headline).foregroundStyle(review ? .red : .primary)
            Text(s.queuedSaved(q))
            Text(s.deliverTo(q.shipTo)).font(.footnote)
            ForEach(q.lines, id: \.sku) { Text(s.reviewLine($0)) }
            ForEach(q.warnings, id: \.sku) { Text($0.message).foregroundStyle(.red) }
            Button(review ? s.reviewInCart : s.takeBack) { Task { await model.takeBack() } }.disabled(model.busy)
        }
    }

    private func lineRow(_ line: CartLine) -> some View {
        VStack(alignment: .leading, spacing: 6) {
            Text(line.name).font(.headline)
            Text(line.priceText)
            if line.priceChanged { Text(s.priceChanged).foregroundStyle(.red) }
            if line.unavailable { Text(s.unavailable).foregroundStyle(.red) }
            if line.shortOfStock { Text(s.shortOfStock).foregroundStyle(.red) }
            HStack {
                // The core says what each button sets, following the product's step.
                Button("−") { if let q = line.qtyDown { model.set(sku: line.sku, qty: Int64(q)) } }
                    .disabled(line.qtyDown == nil)
                    .frame(minWidth: 44, minHeight: 44)
                    .accessibilityLabel(s.decrease(line.name))
                Text(s.quantity(line.qty))
                Button("+") { if let q = line.qtyUp { model.set(sku: line.sku, qty: Int64(q)) } }
                    .disabled(line.qtyUp == nil)
                    .frame(minWidth: 44, minHeight: 44)
                    .accessibilityLabel(s.increase(line.name))
                Spacer()
                Text(line.lineTotalText).font(.headline)
            }
            .buttonStyle(.bordered)
        }
        .swipeActions {
            Button(s.removeShort, role: .destructive) { model.remove(sku: line.sku) }
                .accessibilityLabel(s.remove(line.name))
        }
    }
}
#endif
