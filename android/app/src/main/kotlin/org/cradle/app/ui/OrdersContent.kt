package org.cradle.app.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.FilterChip
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
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import org.cradle.viewmodel.Loadable
import org.cradle.viewmodel.OrdersViewModel
import uniffi.cradle.store.Language
import uniffi.cradle.shop.OrderView
import uniffi.cradle.complaintTopics
import uniffi.cradle.returnKinds
import uniffi.cradle.returnReasons

/** Actions on the orders screen, one per button. */
class OrderActions(
    val onSync: () -> Unit,
    val onPay: (id: String) -> Unit,
    val onCancelOrder: (id: String) -> Unit,
    val onBuyAgain: (id: String) -> Unit,
    val onStartReturn: (id: String) -> Unit,
    val onReturnQty: (sku: String, qty: UInt) -> Unit,
    val onKind: (code: String) -> Unit,
    val onReason: (code: String) -> Unit,
    val onNote: (String) -> Unit,
    val onSendReturn: () -> Unit,
    val onCancelReturn: () -> Unit,
    val onStartComplaint: (id: String) -> Unit,
    val onTopic: (code: String) -> Unit,
    val onComplaintNote: (String) -> Unit,
    val onSendComplaint: () -> Unit,
    val onCancelComplaint: () -> Unit,
)

/**
 * Her orders, newest first, as last fetched: each with its tracking, the
 * traceability of what was delivered, returns and complaints with their
 * progress (a complaint shows the shop's service target as time left), and
 * the actions the core allows (pay, buy again, return, complain). [focus] is
 * the order a notification opened: scrolled to and outlined.
 */
@Composable
fun OrdersContent(
    state: OrdersViewModel.State,
    focus: String?,
    language: Language,
    actions: OrderActions,
    modifier: Modifier = Modifier,
) {
    val s = LocalStrings.current
    val list = rememberFocusedListState((state.orders as? Loadable.Ready)?.value?.map { it.id }, focus)
    Column(modifier.fillMaxWidth().padding(16.dp), verticalArrangement = Arrangement.spacedBy(12.dp)) {
        OutlinedButton(actions.onSync, Modifier.fillMaxWidth(), enabled = !state.busy) { Text(s.refreshOrders) }
        state.problem?.let { Text(s.problem(it), color = MaterialTheme.colorScheme.error) }
        state.skipped?.let { Text(if (it.isEmpty()) s.backInCart else s.notBackInCart(it)) }
        when (val st = state.orders) {
            is Loadable.Loading -> Text(s.loading)
            is Loadable.Failed -> Text(s.problem(st.error), color = MaterialTheme.colorScheme.error)
            is Loadable.Ready -> if (st.value.isEmpty()) {
                Text(s.noOrders)
            } else {
                LazyColumn(state = list, verticalArrangement = Arrangement.spacedBy(8.dp)) {
                    items(st.value, key = { it.id }) { order ->
                        OrderCard(order, order.id == focus, state, language, actions)
                    }
                }
            }
        }
    }
}

@OptIn(ExperimentalLayoutApi::class)
@Composable
private fun OrderCard(
    order: OrderView,
    focused: Boolean,
    state: OrdersViewModel.State,
    language: Language,
    actions: OrderActions,
) {
    val s = LocalStrings.current
    val returning = state.returning?.takeIf { it.orderId == order.id }
    val complaining = state.complaining?.takeIf { it.orderId == order.id }
    val busy = state.busy
    // Cancelling cannot be undone: she confirms it first.
    var confirmCancel by remember { mutableStateOf(false) }
    if (confirmCancel) {
        AlertDialog(
            onDismissRequest = { confirmCancel = false },
            text = { Text(if (order.canPay) s.cancelUnpaid else s.cancelPaid) },
            confirmButton = {
                TextButton({
                    confirmCancel = false
                    actions.onCancelOrder(order.id)
                }) { Text(s.cancelOrder) }
            },
            dismissButton = { TextButton({ confirmCancel = false }) { Text(s.keepOrder) } },
        )
    }
    Card(Modifier.fillMaxWidth().marked(focused), border = markBorder(focused)) {
        Column(Modifier.padding(12.dp), verticalArrangement = Arrangement.spacedBy(6.dp)) {
            Row(verticalAlignment = Alignment.CenterVertically) {
                Text(order.statusText, style = MaterialTheme.typography.titleMedium, modifier = Modifier.weight(1f).semantics { heading() })
                Text(order.totalText, style = MaterialTheme.typography.titleMedium)
            }
            Text(s.orderedOn(order.createdText), style = MaterialTheme.typography.bodySmall)
            order.shipTo?.let { Text(s.deliverTo(it), style = MaterialTheme.typography.bodySmall) }
            order.lines.forEach { l ->
                Text("${l.qty} × ${l.name} · ${l.unitPriceText}")
                Text(s.lineTrace(l.batch, l.origin), style = MaterialTheme.typography.bodySmall)
            }
            Text(s.tracking, style = MaterialTheme.typography.labelLarge)
            order.history.forEach { step -> Text("${step.atText}  ${step.text}", style = MaterialTheme.typography.bodySmall) }
            order.returns.forEach { r ->
                Text(s.returnLine(r.kindText, r.reasonText, r.statusText))
                r.rejection?.let { Text(s.shopSaid(it), color = MaterialTheme.colorScheme.error) }
                r.history.lastOrNull()?.let { Text(it.atText, style = MaterialTheme.typography.bodySmall) }
            }
            order.complaints.forEach { k ->
                Text(s.complaintLine(k.topicText, k.statusText))
                k.targetText?.let {
                    // The core's words say how late; the colour flags it.
                    Text(
                        it,
                        style = MaterialTheme.typography.bodySmall,
                        color = if (k.overdue) MaterialTheme.colorScheme.error else MaterialTheme.colorScheme.onSurfaceVariant,
                    )
                }
            }
            order.returnDeadlineText?.takeIf { order.canReturn }?.let { Text(s.returnUntil(it), style = MaterialTheme.typography.bodySmall) }
            when {
                returning != null -> ReturnForm(order, returning, busy, language, actions)
                complaining != null -> ComplaintForm(complaining, busy, language, actions)
                else -> FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                    if (order.canPay) Button({ actions.onPay(order.id) }, enabled = !busy) { Text(s.pay) }
                    if (order.canCancel) TextButton({ confirmCancel = true }, enabled = !busy) { Text(s.cancelOrder) }
                    OutlinedButton({ actions.onBuyAgain(order.id) }) { Text(s.buyAgain) }
                    if (order.canReturn) OutlinedButton({ actions.onStartReturn(order.id) }) { Text(s.requestReturn) }
                    TextButton({ actions.onStartComplaint(order.id) }) { Text(s.complain) }
                }
            }
        }
    }
}

@OptIn(ExperimentalLayoutApi::class)
@Composable
private fun ReturnForm(
    order: OrderView,
    form: OrdersViewModel.ReturnForm,
    busy: Boolean,
    language: Language,
    actions: OrderActions,
) {
    val s = LocalStrings.current
    val kinds = remember(language) { returnKinds(language) }
    val reasons = remember(language) { returnReasons(language) }
    Text(s.requestReturn, style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
    order.lines.filter { it.returnable }.forEach { l ->
        val qty = form.qty[l.sku] ?: 0u
        Row(verticalAlignment = Alignment.CenterVertically, horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            Text(l.name, Modifier.weight(1f))
            OutlinedButton(
                { actions.onReturnQty(l.sku, qty - 1u) },
                Modifier.semantics { contentDescription = s.decrease(l.name) },
                enabled = qty > 0u,
            ) { Text("−") }
            Text(qty.toString())
            OutlinedButton(
                { actions.onReturnQty(l.sku, qty + 1u) },
                Modifier.semantics { contentDescription = s.increase(l.name) },
                // As many as were ordered; the core checks the rest.
                enabled = qty < l.qty,
            ) { Text("+") }
        }
    }
    Text(s.returnKind, style = MaterialTheme.typography.labelLarge)
    FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
        kinds.forEach { k ->
            FilterChip(form.kind == k.code, { actions.onKind(k.code) }, label = { Text(k.label) }, modifier = Modifier.heightIn(min = 48.dp))
        }
    }
    Text(s.returnReason, style = MaterialTheme.typography.labelLarge)
    FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
        reasons.forEach { r ->
            FilterChip(form.reason == r.code, { actions.onReason(r.code) }, label = { Text(r.label) }, modifier = Modifier.heightIn(min = 48.dp))
        }
    }
    OutlinedTextField(form.note, actions.onNote, Modifier.fillMaxWidth(), label = { Text(s.returnNote) })
    Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
        Button(actions.onSendReturn, enabled = !busy) { Text(s.sendReturn) }
        TextButton(actions.onCancelReturn) { Text(s.cancel) }
    }
}

@OptIn(ExperimentalLayoutApi::class)
@Composable
private fun ComplaintForm(
    form: OrdersViewModel.ComplaintForm,
    busy: Boolean,
    language: Language,
    actions: OrderActions,
) {
    val s = LocalStrings.current
    val topics = remember(language) { complaintTopics(language) }
    Text(s.complain, style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
    Text(s.complaintPromise, style = MaterialTheme.typography.bodySmall)
    FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
        topics.forEach { t ->
            FilterChip(form.topic == t.code, { actions.onTopic(t.code) }, label = { Text(t.label) }, modifier = Modifier.heightIn(min = 48.dp))
        }
    }
    OutlinedTextField(form.note, actions.onComplaintNote, Modifier.fillMaxWidth(), label = { Text(s.whatHappened) })
    Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
        Button(actions.onSendComplaint, enabled = !busy) { Text(s.sendComplaint) }
        TextButton(actions.onCancelComplaint) { Text(s.cancel) }
    }
}
