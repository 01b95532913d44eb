package org.cradle.viewmodel

import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.withContext
import uniffi.cradle.Problem
import uniffi.cradle.shop.CartView
import uniffi.cradle.shop.CheckoutReview
import uniffi.cradle.CradleCore
import uniffi.cradle.shop.OrderView

/**
 * The cart and checkout. Every change is one core call that returns the
 * whole cart, so totals, price-change notes and quantity rules all come from
 * the core. A refused change leaves the cart as it was and shows why. It
 * reloads on every core change, so an item added on a product page, or on
 * her other phone, is in the cart however she got to it.
 */
class CartViewModel(
    private val core: CradleCore,
    scope: CoroutineScope,
    private val io: CoroutineDispatcher = Dispatchers.IO,
) {
    data class State(
        val cart: Loadable<CartView> = Loadable.Loading,
        /** The last refused change, until the next one succeeds. */
        val problem: Problem? = null,
        /** Set after "review": the repriced cart and its warnings, to confirm. */
        val review: CheckoutReview? = null,
        val placed: OrderView? = null,
        val busy: Boolean = false,
    )

    private val _state = MutableStateFlow(State())
    val state: StateFlow<State> = _state.asStateFlow()

    private val watch = Watch(core, scope) { refresh() }

    fun start() = watch.start()

    suspend fun stop() = watch.stop()

    suspend fun load() = change { core.shop().cart() }

    suspend fun add(sku: String, qty: Long = 1) = change { core.shop().cartAdd(sku, qty) }

    suspend fun set(sku: String, qty: Long) = change { core.shop().cartSet(sku, qty) }

    suspend fun remove(sku: String) = change { core.shop().cartRemove(sku) }

    /** Reprices the cart on the server; warnings are shown before she confirms. */
    suspend fun review() {
        _state.update { it.copy(busy = true) }
        val result = attempt { core.shop().reviewCheckout() }
        _state.update { s ->
            result.fold(
                onSuccess = { s.copy(review = it, problem = null, busy = false) },
                onFailure = { s.copy(problem = (it as ProblemException).problem, busy = false) },
            )
        }
    }

    /** Places the reviewed order; a retry after a lost answer is the same order. */
    suspend fun confirm() {
        val quote = _state.value.review?.quote ?: return
        _state.update { it.copy(busy = true) }
        val result = attempt { core.shop().placeOrder(quote) }
        val cart = withContext(io) { attempt { core.shop().cart() } }
        _state.update { s ->
            result.fold(
                onSuccess = { s.copy(placed = it, review = null, cart = cart.toLoadable(), problem = null, busy = false) },
                onFailure = { s.copy(problem = (it as ProblemException).problem, busy = false) },
            )
        }
    }

    /**
     * Offline: the cart waits as one order, placed when she is back online
     * only if nothing changed ([CartView.queued]; the background run sends it).
     */
    suspend fun queue() = change { core.shop().queueOrder() }

    /** Takes the waiting order back into the cart, to change it or review what changed. */
    suspend fun takeBack() {
        _state.update { it.copy(busy = true) }
        val result = attempt { core.shop().cancelQueuedOrder() }
        _state.update { s ->
            result.fold(
                onSuccess = { s.copy(cart = Loadable.Ready(it), problem = null, review = null, busy = false) },
                onFailure = { s.copy(problem = (it as ProblemException).problem, busy = false) },
            )
        }
    }

    /** A core change: the cart as it is now, keeping a review she is reading. */
    private suspend fun refresh() {
        val cart = withContext(io) { attempt { core.shop().cart() } }.getOrNull() ?: return
        _state.update { it.copy(cart = Loadable.Ready(cart)) }
    }

    private suspend fun change(call: () -> CartView) {
        val result = withContext(io) { attempt(call) }
        _state.update { s ->
            result.fold(
                onSuccess = { s.copy(cart = Loadable.Ready(it), problem = null, review = null) },
                onFailure = {
                    val problem = (it as ProblemException).problem
                    // A cart that never loaded shows the failure in its place.
                    s.copy(cart = if (s.cart is Loadable.Loading) Loadable.Failed(problem) else s.cart, problem = problem)
                },
            )
        }
    }
}
