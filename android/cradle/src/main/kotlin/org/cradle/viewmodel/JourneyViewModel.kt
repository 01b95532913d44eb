package org.cradle.viewmodel

import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.withContext
import uniffi.cradle.CradleCore
import uniffi.cradle.JourneyScreen

/**
 * Journey: every week of the pregnancy (or month of the baby), dated for her,
 * with today's page marked. One core call; it reloads when her dates change.
 */
class JourneyViewModel(
    private val core: CradleCore,
    scope: CoroutineScope,
    private val io: CoroutineDispatcher = Dispatchers.IO,
) {
    private val _state = MutableStateFlow<Loadable<JourneyScreen>>(Loadable.Loading)
    val state: StateFlow<Loadable<JourneyScreen>> = _state.asStateFlow()
    private val watch = Watch(core, scope) { refresh() }

    fun start() = watch.start()

    suspend fun stop() = watch.stop()

    suspend fun refresh() {
        _state.value = withContext(io) { attempt { core.journeyScreen() } }.toLoadable()
    }
}
