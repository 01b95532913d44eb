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
import uniffi.cradle.ReminderItem

/**
 * Reminders: the core's list for the coming weeks (checkups, vaccines and
 * her own), and the actions on one item. Which items exist, when they are
 * due and what "done" records are the core's; this only asks and shows.
 */
class RemindersViewModel(
    private val core: CradleCore,
    scope: CoroutineScope,
    private val io: CoroutineDispatcher = Dispatchers.IO,
) {
    data class State(
        val items: Loadable<List<ReminderItem>> = Loadable.Loading,
        /** The last refused action, until the next one succeeds. */
        val problem: Problem? = null,
    )

    private val _state = MutableStateFlow(State())
    val state: StateFlow<State> = _state.asStateFlow()
    private val watch = Watch(core, scope) { refresh() }

    /** Loads the list and keeps it current until [stop]. */
    fun start() = watch.start()

    /** Stops listening; returns once unsubscribed, so the core can be closed after. */
    suspend fun stop() = watch.stop()

    suspend fun refresh() {
        // The core's default window: today and the next 30 days.
        val items = withContext(io) { attempt { core.reminders().list(null, null) } }.toLoadable()
        _state.update { it.copy(items = items) }
    }

    suspend fun complete(id: String) = act { core.reminders().completeItem(id) }

    suspend fun skip(id: String) = act { core.reminders().skipItem(id) }

    suspend fun snooze(id: String, minutes: UInt) = act { core.reminders().snoozeItem(id, minutes) }

    private suspend fun act(call: () -> Unit) {
        val result = withContext(io) { attempt(call) }
        _state.update { s -> s.copy(problem = result.problemOrNull()) }
        if (result.isSuccess) refresh()
    }
}
