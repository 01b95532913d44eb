package org.cradle.app.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.DropdownMenu
import androidx.compose.material3.DropdownMenuItem
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.unit.dp
import org.cradle.viewmodel.AddressBookViewModel
import org.cradle.viewmodel.Loadable
import uniffi.cradle.shop.AddressView
import uniffi.cradle.protocol.ShipTo
import uniffi.cradle.provinces

/** Actions on the address book, one per button or field. */
class AddressActions(
    val onNew: () -> Unit,
    val onEdit: (AddressView) -> Unit,
    val onType: ((ShipTo) -> ShipTo) -> Unit,
    val onSave: () -> Unit,
    val onCancel: () -> Unit,
    val onDefault: (id: String) -> Unit,
    val onRemove: (id: String) -> Unit,
)

/** Her delivery addresses; the default one goes with every order. The core checks each field. */
@Composable
fun AddressesContent(state: AddressBookViewModel.State, actions: AddressActions, modifier: Modifier = Modifier) {
    val s = LocalStrings.current
    Column(
        modifier.fillMaxWidth().padding(16.dp).verticalScroll(rememberScrollState()),
        verticalArrangement = Arrangement.spacedBy(12.dp),
    ) {
        state.problem?.let { Text(s.problem(it), color = MaterialTheme.colorScheme.error) }
        val form = state.form
        if (form != null) {
            AddressForm(form.address, actions)
            return@Column
        }
        when (val book = state.book) {
            is Loadable.Loading -> Text(s.loading)
            is Loadable.Failed -> Text(s.problem(book.error), color = MaterialTheme.colorScheme.error)
            is Loadable.Ready -> {
                if (book.value.isEmpty()) Text(s.noAddresses)
                book.value.forEach { a -> AddressCard(a, actions) }
            }
        }
        Button(actions.onNew, Modifier.fillMaxWidth()) { Text(s.newAddress) }
    }
}

@Composable
private fun AddressCard(a: AddressView, actions: AddressActions) {
    val s = LocalStrings.current
    Card(Modifier.fillMaxWidth()) {
        Column(Modifier.padding(12.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
            Text(a.label)
            Row(horizontalArrangement = Arrangement.spacedBy(8.dp), verticalAlignment = Alignment.CenterVertically) {
                if (a.isDefault) {
                    Text(s.defaultAddress, style = MaterialTheme.typography.labelLarge, color = MaterialTheme.colorScheme.primary)
                } else {
                    TextButton({ actions.onDefault(a.id) }) { Text(s.useThisAddress) }
                }
                TextButton({ actions.onEdit(a) }) { Text(s.edit) }
                TextButton({ actions.onRemove(a.id) }) { Text(s.removeShort) }
            }
        }
    }
}

@Composable
private fun AddressForm(a: ShipTo, actions: AddressActions) {
    val s = LocalStrings.current
    val field = @Composable { label: String, value: String, phone: Boolean, set: (ShipTo, String) -> ShipTo ->
        OutlinedTextField(
            value,
            { v -> actions.onType { set(it, v) } },
            Modifier.fillMaxWidth(),
            label = { Text(label) },
            singleLine = true,
            keyboardOptions = KeyboardOptions(keyboardType = if (phone) KeyboardType.Phone else KeyboardType.Text),
        )
    }
    field(s.recipient, a.name, false) { x, v -> x.copy(name = v) }
    field(s.phone, a.phone, true) { x, v -> x.copy(phone = v) }
    // The provinces the shop delivers to, from the core.
    var open by remember { mutableStateOf(false) }
    Box {
        OutlinedButton({ open = true }, Modifier.fillMaxWidth()) { Text(a.province.ifEmpty { s.province }) }
        DropdownMenu(open, { open = false }) {
            provinces().forEach { p ->
                DropdownMenuItem({ Text(p) }, {
                    actions.onType { it.copy(province = p) }
                    open = false
                })
            }
        }
    }
    field(s.city, a.city, false) { x, v -> x.copy(city = v) }
    field(s.district, a.district, false) { x, v -> x.copy(district = v) }
    field(s.streetAndDoor, a.detail, false) { x, v -> x.copy(detail = v) }
    field(s.postalCode, a.postalCode ?: "", true) { x, v -> x.copy(postalCode = v) }
    Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
        Button(actions.onSave) { Text(s.saveAddress) }
        TextButton(actions.onCancel) { Text(s.cancel) }
    }
}
