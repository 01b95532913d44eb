package org.cradle.viewmodel

import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.withContext
import uniffi.cradle.CradleCore
import uniffi.cradle.TodayScreen

/**
 * Today: one core call per refresh (`today()` carries the timeline, the next
 * reminder, the most urgent flag and the sync state). It refreshes whenever
 * the core reports a change or the sync state moves, so it never polls.
 */
class TodayViewModel(
    private val core: CradleCore,
    scope: CoroutineScope,
    private val io: CoroutineDispatcher = Dispatchers.IO,
) {
    private val _state = MutableStateFlow<Loadable<TodayScreen>>(Loadable.Loading)
    val state: StateFlow<Loadable<TodayScreen>> = _state.asStateFlow()
    private val watch = Watch(core, scope) { refresh() }

    /** Loads Today and keeps it current until [stop]. */
    fun start() = watch.start()

    /** Stops listening; returns once unsubscribed, so the core can be closed after. */
    suspend fun stop() = watch.stop()

    suspend fun refresh() {
        _state.value = withContext(io) { attempt { core.today() } }.toLoadable()
    }
}
