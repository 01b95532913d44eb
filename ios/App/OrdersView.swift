#if canImport(SwiftUI)
import Cradle
import SwiftUI

/// Her orders, newest first, as last fetched: each with its tracking, the
/// traceability of what was delivered, returns and complaints with their
/// progress (a complaint shows the shop's service target as time left), and
/// the actions the core allows (pay, buy again, return, complain). `focus`
/// is the order a notification opened: scrolled to and marked.
struct OrdersView: View {
    let model: OrdersModel
    let focus: String?
    let s: ShellStrings
    /// Cancelling cannot be undone: she confirms it first.
    @State private var cancelling: OrderView?

    var body: some View {
        ScrollViewReader { proxy in
            List {
                if let p = model.problem { Text(s.problem(p)).foregroundStyle(.red) }
                if let skipped = model.skipped { Text(s.backInCart(skipped: skipped)) }
                switch model.orders {
                case .loading: ProgressView(s.loading)
                case .failed(let p): Text(s.problem(p)).foregroundStyle(.red)
                case .ready(let orders) where orders.isEmpty: Text(s.noOrders)
                case .ready(let orders): ForEach(orders, id: \.id) { order($0).marked($0.id == focus) }
                }
            }
            .scrollsTo(focus, once: model.orders.value != nil, proxy)
        }
        .refreshable { await model.sync() }
        .confirmationDialog(
            cancelling.map(s.cancelQuestion) ?? "",
            isPresented: Binding(get: { cancelling != nil }, set: { if !$0 { cancelling = nil } }),
            titleVisibility: .visible
        ) {
            Button(s.cancelOrder, role: .destructive) {
                if let o = cancelling { Task { await model.cancel(id: o.id) } }
            }
            Button(s.keepOrder, role: .cancel) {}
        }
        .toolbar {
            Button(s.refreshOrders) { Task { await model.sync() } }.disabled(model.busy)
        }
        .sheet(isPresented: Binding(get: { model.returning != nil }, set: { if !$0 { model.cancelReturn() } })) {
            if let form = model.returning, let o = model.orders.value?.first(where: { $0.id == form.orderId }) {
                NavigationStack { ReturnFormView(model: model, order: o, form: form, s: s) }
            }
        }
        .sheet(isPresented: Binding(get: { model.complaining != nil }, set: { if !$0 { model.cancelComplaint() } })) {
            if let form = model.complaining {
                NavigationStack { ComplaintFormView(model: model, form: form, s: s) }
            }
        }
        .task { model.start(); model.refresh() }
    }

    private func order(_ o: OrderView) -> some View {
        Section {
            HStack {
                Text(o.statusText).font(.headline)
                Spacer()
                Text(o.totalText).font(.headline)
            }
            Text(s.orderedOn(o.createdText)).font(.footnote)
            if let to = o.shipTo { Text(s.deliverTo(to)).font(.footnote) }
            ForEach(o.lines, id: \.sku) { l in
                VStack(alignment: .leading) {
                    Text("\(l.qty) × \(l.name) · \(l.unitPriceText)")
                    Text(s.lineTrace(l)).font(.footnote)
                }
            }
            DisclosureGroup(s.tracking) {
                // Two steps can share a second (the sandbox moves fast), so rows go by position.
                ForEach(Array(o.history.enumerated()), id: \.offset) { _, step in
                    LabeledContent(step.text, value: step.atText)
                }
            }
            ForEach(o.returns, id: \.id) { r in
                VStack(alignment: .leading) {
                    Text(s.returnLine(r))
                    if let why = r.rejection { Text(s.shopSaid(why)).font(.footnote).foregroundStyle(.red) }
                }
            }
            ForEach(o.complaints, id: \.id) { k in
                VStack(alignment: .leading) {
                    Text(s.complaintLine(k))
                    // The core's words say how late; the colour flags it.
                    if let target = k.targetText {
                        Text(target).font(.footnote).foregroundStyle(k.overdue ? .red : .secondary)
                    }
                }
            }
            if o.canReturn, let until = o.returnDeadlineText { Text(s.returnUntil(until)).font(.footnote) }
            HStack {
                if o.canPay { Button(s.pay) { Task { await model.pay(id: o.id) } }.disabled(model.busy) }
                if o.canCancel { Button(s.cancelOrder) { cancelling = o }.disabled(model.busy) }
                Button(s.buyAgain) { model.buyAgain(id: o.id) }
                if o.canReturn { Button(s.requestReturn) { model.startReturn(orderId: o.id) } }
                Button(s.complain) { model.startComplaint(orderId: o.id) }
            }
            .buttonStyle(.bordered)
            .frame(minHeight: 44)
        }
    }
}

/// The return form: how many of each returnable line, why, and a note.
private struct ReturnFormView: View {
    let model: OrdersModel
    let order: OrderView
    let form: OrdersModel.ReturnForm
    let s: ShellStrings

    var body: some View {
        Form {
            if let p = model.problem { Text(s.problem(p)).foregroundStyle(.red) }
            ForEach(order.lines.filter(\.returnable), id: \.sku) { l in
                // As many as were ordered; the core checks the rest.
                Stepper(
                    "\(l.name): \(form.qty[l.sku] ?? 0)",
                    value: Binding(get: { form.qty[l.sku] ?? 0 }, set: { model.setReturnQty(sku: l.sku, qty: $0) }),
                    in: 0...l.qty)
            }
            Picker(s.returnKind, selection: Binding(get: { form.kind }, set: { model.chooseKind($0) })) {
                ForEach(returnKinds(language: s.language), id: \.code) { Text($0.label).tag($0.code) }
            }
            Picker(s.returnReason, selection: Binding(get: { form.reason ?? "" }, set: { model.chooseReason($0) })) {
                ForEach(returnReasons(language: s.language), id: \.code) { Text($0.label).tag($0.code) }
            }
            TextField(s.returnNote, text: Binding(get: { form.note }, set: { model.setNote($0) }), axis: .vertical)
        }
        .navigationTitle(s.requestReturn)
        .toolbar {
            ToolbarItem(placement: .confirmationAction) {
                Button(s.sendReturn) { Task { await model.submitReturn() } }.disabled(model.busy)
            }
            ToolbarItem(placement: .cancellationAction) { Button(s.cancel) { model.cancelReturn() } }
        }
    }
}

/// The complaint form: what it is about and what happened.
private struct ComplaintFormView: View {
    let model: OrdersModel
    let form: OrdersModel.ComplaintForm
    let s: ShellStrings

    var body: some View {
        Form {
            if let p = model.problem { Text(s.problem(p)).foregroundStyle(.red) }
            Text(s.complaintPromise).font(.footnote)
            Picker(s.complaintTopic, selection: Binding(get: { form.topic ?? "" }, set: { model.chooseTopic($0) })) {
                ForEach(complaintTopics(language: s.language), id: \.code) { Text($0.label).tag($0.code) }
            }
            TextField(s.whatHappened, text: Binding(get: { form.note }, set: { model.setComplaintNote($0) }), axis: .vertical)
        }
        .navigationTitle(s.complain)
        .toolbar {
            ToolbarItem(placement: .confirmationAction) {
                Button(s.sendComplaint) { Task { await model.submitComplaint() } }.disabled(model.busy)
            }
            ToolbarItem(placement: .cancellationAction) { Button(s.cancel) { model.cancelComplaint() } }
        }
    }
}
#endif
