package org.cradle.viewmodel

import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.withContext
import uniffi.cradle.CradleCore
import uniffi.cradle.Problem
import uniffi.cradle.shop.OrderView
import uniffi.cradle.shop.ReturnItem

/**
 * Her orders with their tracking, as last fetched (so they show offline),
 * payment, "buy again", the return form and complaint tickets with the
 * shop's service targets. The core says which orders can
 * be paid and which lines can still be returned; a return asked for offline
 * waits in the core and is shown as such.
 */
class OrdersViewModel(
    private val core: CradleCore,
    scope: CoroutineScope,
    private val io: CoroutineDispatcher = Dispatchers.IO,
) {
    /**
     * The return form for one order: what she asks for (`return`,
     * `exchange`, `refund_only`), how many of each line, and why.
     */
    data class ReturnForm(
        val orderId: String,
        val kind: String = "return",
        val qty: Map<String, UInt> = emptyMap(),
        val reason: String? = null,
        val note: String = "",
    )

    /** The complaint form for one order: the topic and what happened. */
    data class ComplaintForm(
        val orderId: String,
        val topic: String? = null,
        val note: String = "",
    )

    data class State(
        val orders: Loadable<List<OrderView>> = Loadable.Loading,
        val problem: Problem? = null,
        val busy: Boolean = false,
        val returning: ReturnForm? = null,
        val complaining: ComplaintForm? = null,
        /** Names "buy again" could not put back in the cart. */
        val skipped: List<String>? = null,
    )

    private val _state = MutableStateFlow(State())
    val state: StateFlow<State> = _state.asStateFlow()
    private val watch = Watch(core, scope) { refresh() }

    fun start() = watch.start()

    suspend fun stop() = watch.stop()

    suspend fun refresh() {
        val orders = withContext(io) { attempt { core.shop().orders() } }.toLoadable()
        _state.update { it.copy(orders = orders) }
    }

    /** Fetches status and tracking from the server; offline, the list stays. */
    suspend fun sync() = network { core.shop().refreshOrders() }

    suspend fun pay(id: String) = network { core.shop().payOrder(id) }

    /** Cancels an order before it ships; a paid one is refunded. */
    suspend fun cancel(id: String) = network { core.shop().cancelOrder(id) }

    suspend fun buyAgain(id: String) {
        val result = withContext(io) { attempt { core.shop().buyAgain(id) } }
        _state.update { it.copy(skipped = result.getOrNull()?.skipped, problem = result.problemOrNull()) }
    }

    fun startReturn(orderId: String) =
        _state.update { it.copy(returning = ReturnForm(orderId), complaining = null, problem = null) }

    fun cancelReturn() = _state.update { it.copy(returning = null, problem = null) }

    fun startComplaint(orderId: String) =
        _state.update { it.copy(complaining = ComplaintForm(orderId), returning = null, problem = null) }

    fun cancelComplaint() = _state.update { it.copy(complaining = null, problem = null) }

    fun chooseTopic(code: String) = _state.update { s -> s.copy(complaining = s.complaining?.copy(topic = code)) }

    fun setComplaintNote(text: String) = _state.update { s -> s.copy(complaining = s.complaining?.copy(note = text)) }

    /** Files the complaint; offline it waits in the core, shown as such. */
    suspend fun submitComplaint() {
        val f = _state.value.complaining ?: return
        submit({ core.shop().fileComplaint(f.orderId, f.topic ?: "", f.note) }) { it.copy(complaining = null) }
    }

    fun setReturnQty(sku: String, qty: UInt) = form { it.copy(qty = it.qty + (sku to qty)) }

    fun chooseKind(code: String) = form { it.copy(kind = code) }

    fun chooseReason(code: String) = form { it.copy(reason = code) }

    fun setNote(text: String) = form { it.copy(note = text) }

    /** Sends the form; the core checks it, and the form stays open if refused. */
    suspend fun submitReturn() {
        val f = _state.value.returning ?: return
        val items = f.qty.filterValues { it > 0u }.map { (sku, qty) -> ReturnItem(sku, qty) }
        submit({ core.shop().requestReturn(f.orderId, f.kind, items, f.reason ?: "", f.note.ifBlank { null }) }) {
            it.copy(returning = null)
        }
    }

    /** Sends a form: it closes once the core accepts it, and stays open with why if refused. */
    private suspend inline fun submit(call: () -> Any, crossinline close: (State) -> State) {
        _state.update { it.copy(busy = true) }
        val result = attempt(call)
        _state.update { s -> (if (result.isSuccess) close(s) else s).copy(busy = false, problem = result.problemOrNull()) }
        refresh()
    }

    private inline fun form(change: (ReturnForm) -> ReturnForm) =
        _state.update { s -> s.returning?.let { s.copy(returning = change(it)) } ?: s }

    private suspend inline fun network(call: () -> Any) = submit(call) { it }
}
