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
import uniffi.cradle.shop.ProductPage
import uniffi.cradle.shop.ShopScreen

/**
 * The shop: suggestions for her stage, or search results while she types,
 * from the catalogue copy on the phone, so it works offline; and the open
 * product's page with its traceability and anything that does not suit her.
 * What "Add to cart" adds is the core's answer, following the product's rules.
 */
class ShopViewModel(
    private val core: CradleCore,
    scope: CoroutineScope,
    private val io: CoroutineDispatcher = Dispatchers.IO,
) {
    data class State(
        val query: String = "",
        val screen: Loadable<ShopScreen> = Loadable.Loading,
        /** The product page she opened, kept current as the cart changes. */
        val product: Loadable<ProductPage>? = null,
        val problem: Problem? = null,
        /** A catalogue download is under way. */
        val updating: Boolean = false,
    )

    private val _state = MutableStateFlow(State())
    val state: StateFlow<State> = _state.asStateFlow()
    private val watch = Watch(core, scope) { refresh() }

    fun start() = watch.start()

    suspend fun stop() = watch.stop()

    suspend fun refresh() {
        val query = _state.value.query
        val sku = (_state.value.product as? Loadable.Ready)?.value?.card?.sku
        val screen = withContext(io) { attempt { core.shop().screen(query, LIMIT) } }.toLoadable()
        val product = sku?.let { withContext(io) { attempt { core.shop().productPage(it) } }.toLoadable() }
        _state.update { s ->
            // A result for a query she has since changed is dropped.
            if (s.query != query) s else s.copy(screen = screen, product = product ?: s.product)
        }
    }

    suspend fun search(query: String) {
        _state.update { it.copy(query = query) }
        refresh()
    }

    suspend fun open(sku: String) {
        val page = withContext(io) { attempt { core.shop().productPage(sku) } }.toLoadable()
        _state.update { it.copy(product = page, problem = null) }
    }

    fun close() = _state.update { it.copy(product = null, problem = null) }

    /** Adds what the page offers; a refusal (the rules, the stock) is shown. */
    suspend fun addToCart() {
        val page = (_state.value.product as? Loadable.Ready)?.value ?: return
        val qty = page.addQty ?: return
        val result = withContext(io) { attempt { core.shop().cartAdd(page.card.sku, qty.toLong()) } }
        _state.update { it.copy(problem = result.problemOrNull()) }
        refresh()
    }

    /** Fetches what changed in the catalogue from her server. */
    suspend fun updateCatalog() {
        _state.update { it.copy(updating = true) }
        val result = attempt { core.shop().updateCatalog(null) }
        _state.update { it.copy(updating = false, problem = result.problemOrNull()) }
        refresh()
    }

    private companion object {
        const val LIMIT = 40u
    }
}
