package org.cradle.app.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.Spacer
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import org.cradle.viewmodel.CartViewModel
import org.cradle.viewmodel.Loadable
import uniffi.cradle.ProblemKind
import uniffi.cradle.shop.CartLine
import uniffi.cradle.shop.QueuedOrder

/** The cart and checkout (under its page title); every number on it was computed by the core. */
@Composable
fun CartContent(
    state: CartViewModel.State,
    onSet: (sku: String, qty: Long) -> Unit,
    onRemove: (sku: String) -> Unit,
    onReview: () -> Unit,
    onConfirm: () -> Unit,
    onQueue: () -> Unit,
    onTakeBack: () -> Unit,
    onOrders: () -> Unit,
    onAddresses: () -> Unit,
    modifier: Modifier = Modifier,
) {
    val s = LocalStrings.current
    Column(modifier.fillMaxWidth().padding(16.dp), verticalArrangement = Arrangement.spacedBy(12.dp)) {
        state.problem?.let { Text(s.problem(it), color = MaterialTheme.colorScheme.error) }
        state.placed?.let {
            Text(s.ordered(it.summaryText))
            TextButton(onOrders) { Text(s.seeOrders) }
        }
        when (val cart = state.cart) {
            is Loadable.Loading -> Text(s.loading)
            is Loadable.Failed -> Text(s.problem(cart.error), color = MaterialTheme.colorScheme.error)
            is Loadable.Ready -> if (cart.value.lines.isEmpty()) {
                val queued = cart.value.queued
                if (queued == null) Text(s.cartEmpty) else QueuedCard(queued, state.busy, onTakeBack)
            } else {
                cart.value.queued?.let { QueuedCard(it, state.busy, onTakeBack) }
                LazyColumn(Modifier.weight(1f, fill = false), verticalArrangement = Arrangement.spacedBy(8.dp)) {
                    items(cart.value.lines, key = { it.sku }) { line -> LineCard(line, onSet, onRemove) }
                }
                Text(s.total(cart.value.itemCount, cart.value.totalText), style = MaterialTheme.typography.titleLarge)
                Row(verticalAlignment = Alignment.CenterVertically) {
                    val shipTo = cart.value.shipTo
                    Text(shipTo?.let(s.deliverTo) ?: s.addAddress, Modifier.weight(1f))
                    TextButton(onAddresses) { Text(if (shipTo == null) s.newAddress else s.change) }
                }
                val review = state.review
                if (review == null) {
                    Button(onReview, Modifier.fillMaxWidth(), enabled = !state.busy) { Text(s.review) }
                    // Checkout needs the shop; offline, the core can hold the order until she is back.
                    if (state.problem?.kind == ProblemKind.NETWORK && cart.value.queued == null) {
                        OutlinedButton(onQueue, Modifier.fillMaxWidth(), enabled = !state.busy) { Text(s.orderWhenOnline) }
                    }
                } else {
                    review.warnings.forEach { Text(it.message, color = MaterialTheme.colorScheme.error) }
                    Button(onConfirm, Modifier.fillMaxWidth(), enabled = !state.busy) { Text(s.confirm(review.totalText)) }
                }
            }
        }
    }
}

/** The order waiting for the network: what it holds, and what changed once it needs her. */
@Composable
private fun QueuedCard(queued: QueuedOrder, busy: Boolean, onTakeBack: () -> Unit) {
    val s = LocalStrings.current
    val review = queued.status == "needs_review"
    Card(Modifier.fillMaxWidth()) {
        Column(Modifier.padding(12.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
            Text(
                queued.statusText,
                style = MaterialTheme.typography.titleMedium,
                color = if (review) MaterialTheme.colorScheme.error else MaterialTheme.colorScheme.onSurface,
            )
            Text(s.queuedSaved(queued.queuedText, queued.totalText))
            Text(s.deliverTo(queued.shipTo), style = MaterialTheme.typography.bodySmall)
            queued.lines.forEach { Text(s.reviewLine(it.qty, it.name, it.lineTotalText)) }
            queued.warnings.forEach { Text(it.message, color = MaterialTheme.colorScheme.error) }
            if (review) {
                Button(onTakeBack, Modifier.fillMaxWidth(), enabled = !busy) { Text(s.reviewInCart) }
            } else {
                TextButton(onTakeBack, Modifier.align(Alignment.End), enabled = !busy) { Text(s.takeBack) }
            }
        }
    }
}

@Composable
private fun LineCard(line: CartLine, onSet: (String, Long) -> Unit, onRemove: (String) -> Unit) {
    val s = LocalStrings.current
    Card(Modifier.fillMaxWidth()) {
        Column(Modifier.padding(12.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
            Text(line.name, style = MaterialTheme.typography.titleMedium)
            Text(line.priceText)
            if (line.priceChanged) Text(s.priceChanged, color = MaterialTheme.colorScheme.error)
            if (line.unavailable) Text(s.unavailable, color = MaterialTheme.colorScheme.error)
            if (line.shortOfStock) Text(s.shortOfStock, color = MaterialTheme.colorScheme.error)
            Row(verticalAlignment = Alignment.CenterVertically, horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                // The core says what each button sets, following the product's step.
                val down = line.qtyDown
                val up = line.qtyUp
                OutlinedButton(
                    { if (down != null) onSet(line.sku, down.toLong()) },
                    Modifier.semantics { contentDescription = s.decrease(line.name) },
                    enabled = down != null,
                ) { Text("−") }
                Text(s.quantity(line.qty))
                OutlinedButton(
                    { if (up != null) onSet(line.sku, up.toLong()) },
                    Modifier.semantics { contentDescription = s.increase(line.name) },
                    enabled = up != null,
                ) { Text("+") }
                Spacer(Modifier.weight(1f))
                Text(line.lineTotalText, style = MaterialTheme.typography.titleMedium)
            }
            TextButton(
                { onRemove(line.sku) },
                Modifier.align(Alignment.End).semantics { contentDescription = s.remove(line.name) },
            ) { Text(s.removeShort) }
        }
    }
}
