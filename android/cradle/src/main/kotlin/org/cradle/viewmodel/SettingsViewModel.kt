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
import uniffi.cradle.store.Language
import uniffi.cradle.store.Purpose
import uniffi.cradle.SettingsScreen

/**
 * Settings: her consents (each revocable), language, quiet hours, account
 * and sync, and her rights over her data (export, delete). The screen is one
 * core call; each change is one more, and the watch reloads the screen.
 */
class SettingsViewModel(
    private val core: CradleCore,
    scope: CoroutineScope,
    private val io: CoroutineDispatcher = Dispatchers.IO,
) {
    data class State(
        val screen: Loadable<SettingsScreen> = Loadable.Loading,
        val problem: Problem? = null,
        /** "Export my data": the JSON for the platform's share sheet, until shared. */
        val export: String? = null,
        /** Set once everything on this device is deleted: the app starts over. */
        val deleted: Boolean = false,
        val busy: Boolean = false,
    )

    private val _state = MutableStateFlow(State())
    val state: StateFlow<State> = _state.asStateFlow()
    private val watch = Watch(core, scope) { refresh() }

    fun start() = watch.start()

    suspend fun stop() = watch.stop()

    suspend fun refresh() {
        val screen = withContext(io) { attempt { core.settingsScreen() } }.toLoadable()
        _state.update { it.copy(screen = screen) }
    }

    suspend fun setConsent(purpose: Purpose, granted: Boolean) = act { core.setConsent(purpose, granted) }

    suspend fun setLanguage(language: Language) = act { core.setLanguage(language) }

    /** Quiet hours as `HH:MM` from the time picker; the core checks them. */
    suspend fun setQuietHours(start: String, end: String) = act {
        val current = core.reminders().settings()
        core.reminders().setSettings(current.copy(quietStart = start, quietEnd = end))
    }

    suspend fun syncNow() = act { core.sync().syncNow() }

    suspend fun signOutEverywhere() = act { core.sync().signOutEverywhere() }

    suspend fun exportData() {
        val json = withContext(io) { attempt { core.exportAllData() } }
        _state.update { s ->
            json.fold(
                onSuccess = { s.copy(export = it, problem = null) },
                onFailure = { s.copy(problem = (it as ProblemException).problem) },
            )
        }
    }

    /** The share sheet closed: the export is not kept in memory. */
    fun exportShared() = _state.update { it.copy(export = null) }

    suspend fun deleteEverything() {
        act { core.deleteAllData() }
        if (_state.value.problem == null) _state.update { it.copy(deleted = true) }
    }

    /** One change; the watch reloads the screen after the core's event. */
    private suspend fun act(call: suspend () -> Unit) {
        _state.update { it.copy(busy = true) }
        val result = withContext(io) { attempt { call() } }
        _state.update { s -> s.copy(busy = false, problem = result.problemOrNull()) }
        refresh()
    }
}
