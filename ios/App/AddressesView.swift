#if canImport(SwiftUI)
import Cradle
import SwiftUI

/// Her delivery addresses; the default one goes with every order. The core
/// checks each field and names the one to fix.
struct AddressesView: View {
    @Bindable var model: AddressBookModel
    let s: ShellStrings

    var body: some View {
        List {
            if let p = model.problem, model.form == nil { Text(s.problem(p)).foregroundStyle(.red) }
            switch model.book {
            case .loading: ProgressView(s.loading)
            case .failed(let p): Text(s.problem(p)).foregroundStyle(.red)
            case .ready(let book) where book.isEmpty: Text(s.noAddresses)
            case .ready(let book):
                ForEach(book, id: \.id) { a in
                    VStack(alignment: .leading, spacing: 6) {
                        Text(a.label)
                        if a.isDefault { Text(s.defaultAddress).font(.footnote).foregroundStyle(.tint) }
                    }
                    .swipeActions {
                        Button(s.removeShort, role: .destructive) { model.remove(id: a.id) }
                        Button(s.edit) { model.edit(a) }
                        if !a.isDefault { Button(s.useThisAddress) { model.makeDefault(id: a.id) } }
                    }
                }
            }
            Button(s.newAddress) { model.startNew() }
        }
        .task { model.load() }
        .sheet(isPresented: Binding(get: { model.form != nil }, set: { if !$0 { model.cancel() } })) {
            NavigationStack { AddressForm(model: model, s: s) }
        }
    }
}

private struct AddressForm: View {
    @Bindable var model: AddressBookModel
    let s: ShellStrings

    var body: some View {
        Form {
            if let p = model.problem { Text(s.problem(p)).foregroundStyle(.red) }
            if model.form != nil {
                TextField(s.recipient, text: field(\.name))
                TextField(s.phone, text: field(\.phone)).keyboardType(.phonePad)
                // The provinces the shop delivers to, from the core.
                Picker(s.province, selection: field(\.province)) {
                    ForEach(provinces(), id: \.self) { Text($0).tag($0) }
                }
                TextField(s.city, text: field(\.city))
                TextField(s.district, text: field(\.district))
                TextField(s.streetAndDoor, text: field(\.detail))
                TextField(s.postalCode, text: Binding(
                    get: { model.form?.address.postalCode ?? "" },
                    set: { model.form?.address.postalCode = $0 })).keyboardType(.numberPad)
            }
        }
        .toolbar {
            ToolbarItem(placement: .confirmationAction) { Button(s.saveAddress) { model.save() } }
            ToolbarItem(placement: .cancellationAction) { Button(s.cancel) { model.cancel() } }
        }
    }

    private func field(_ path: WritableKeyPath<ShipTo, String>) -> Binding<String> {
        Binding(get: { model.form?.address[keyPath: path] ?? "" }, set: { model.form?.address[keyPath: path] = $0 })
    }
}
#endif
