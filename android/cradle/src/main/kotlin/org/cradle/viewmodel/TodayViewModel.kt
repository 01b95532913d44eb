package org.cradle.viewmodel

import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.Job
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext
import org.cradle.core.refreshes
import uniffi.cradle.CradleCore
import uniffi.cradle.TodayScreen

/**
 * Today: one core call per refresh (`today()` carries the timeline, the next
 * reminder, the most urgent flag and the sync state). It refreshes whenever
 * the core reports a change or the sync state moves, so it never polls.
 */
class TodayViewModel(
    private val core: CradleCore,
    private val scope: CoroutineScope,
    private val io: CoroutineDispatcher = Dispatchers.IO,
) {
    private val _state = MutableStateFlow<Loadable<TodayScreen>>(Loadable.Loading)
    val state: StateFlow<Loadable<TodayScreen>> = _state.asStateFlow()
    private var watching: Job? = null

    /** Loads Today and keeps it current until [stop]. */
    fun start() {
        if (watching != null) return
        watching = scope.launch { core.refreshes().collect { refresh() } }
    }

    /** Stops listening; returns once unsubscribed, so the core can be closed after. */
    suspend fun stop() {
        watching?.cancelAndJoin()
        watching = null
    }

    suspend fun refresh() {
        _state.value = withContext(io) { attempt { core.today() } }.toLoadable()
    }
}
