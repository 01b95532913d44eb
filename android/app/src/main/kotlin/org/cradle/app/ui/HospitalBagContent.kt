package org.cradle.app.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.selection.toggleable
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Checkbox
import androidx.compose.material3.LinearProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import org.cradle.viewmodel.HospitalBagViewModel
import org.cradle.viewmodel.Loadable
import uniffi.cradle.shop.BagItem

/**
 * The hospital-bag checklist: each item ticks as packed (the whole row is
 * the touch target), shows whether one is in the cart or bought, and offers
 * the products that fill it; a product opens its page. Before 28 weeks it
 * says when it opens.
 */
@Composable
fun HospitalBagContent(
    state: HospitalBagViewModel.State,
    onPack: (id: String, packed: Boolean) -> Unit,
    onOpen: (sku: String) -> Unit,
    modifier: Modifier = Modifier,
) {
    val s = LocalStrings.current
    Column(
        modifier.fillMaxWidth().verticalScroll(rememberScrollState()).padding(16.dp),
        verticalArrangement = Arrangement.spacedBy(12.dp),
    ) {
        state.problem?.let { Text(s.problem(it), color = MaterialTheme.colorScheme.error) }
        when (val st = state.bag) {
            is Loadable.Loading -> Text(s.loading)
            is Loadable.Failed -> Text(s.problem(st.error), color = MaterialTheme.colorScheme.error)
            is Loadable.Ready -> {
                val bag = st.value
                if (!bag.open) {
                    Text(bag.note, style = MaterialTheme.typography.bodyLarge)
                    bag.opensOn?.let { Text(s.bagOpensOn(it)) }
                    return@Column
                }
                Text(s.packedOf(bag.packed, bag.total), style = MaterialTheme.typography.titleMedium)
                LinearProgressIndicator(
                    progress = { if (bag.total == 0u) 0f else bag.packed.toFloat() / bag.total.toFloat() },
                    modifier = Modifier.fillMaxWidth(),
                )
                for (group in bag.groups) {
                    Text(
                        group.title,
                        style = MaterialTheme.typography.titleLarge,
                        modifier = Modifier.semantics { heading() },
                    )
                    for (item in group.items) BagRow(item, onPack, onOpen)
                }
                for (source in bag.sources) {
                    Text(s.source(source), style = MaterialTheme.typography.bodySmall)
                }
            }
        }
    }
}

@Composable
private fun BagRow(item: BagItem, onPack: (String, Boolean) -> Unit, onOpen: (String) -> Unit) {
    Column(verticalArrangement = Arrangement.spacedBy(4.dp)) {
        Row(
            Modifier
                .fillMaxWidth()
                .heightIn(min = 48.dp)
                .toggleable(value = item.packed, role = Role.Checkbox) { onPack(item.id, it) },
            verticalAlignment = Alignment.CenterVertically,
        ) {
            // The row carries the toggle, so the box itself takes no clicks.
            Checkbox(checked = item.packed, onCheckedChange = null)
            Text(item.name, Modifier.weight(1f).padding(start = 8.dp))
            if (item.shopText.isNotEmpty()) {
                Text(item.shopText, color = MaterialTheme.colorScheme.primary, style = MaterialTheme.typography.labelLarge)
            }
        }
        // What fills it, while she still needs one (the core decides).
        item.products.firstOrNull()?.let { ProductRow(it, onOpen) }
    }
}
