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
import uniffi.cradle.shop.HospitalBag

/**
 * The hospital-bag checklist. The core decides when it opens (28 weeks),
 * what is on it, which products fill each item and whether one is in the
 * cart or bought; this holds the screen and passes her ticks on. It reloads
 * on every core change, so an item added to the cart elsewhere shows here.
 */
class HospitalBagViewModel(
    private val core: CradleCore,
    scope: CoroutineScope,
    private val io: CoroutineDispatcher = Dispatchers.IO,
) {
    data class State(
        val bag: Loadable<HospitalBag> = Loadable.Loading,
        val problem: Problem? = null,
    )

    private val _state = MutableStateFlow(State())
    val state: StateFlow<State> = _state.asStateFlow()
    private val watch = Watch(core, scope) { refresh() }

    fun start() = watch.start()

    suspend fun stop() = watch.stop()

    suspend fun refresh() {
        val bag = withContext(io) { attempt { core.shop().hospitalBag() } }.toLoadable()
        _state.update { it.copy(bag = bag) }
    }

    /** Ticks or unticks an item; the list comes back whole. */
    suspend fun pack(id: String, packed: Boolean) {
        val result = withContext(io) { attempt { core.shop().packBagItem(id, packed) } }
        _state.update { s ->
            result.fold(
                onSuccess = { s.copy(bag = Loadable.Ready(it), problem = null) },
                onFailure = { s.copy(problem = (it as ProblemException).problem) },
            )
        }
    }
}
