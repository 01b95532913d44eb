package org.cradle.viewmodel

import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.withContext
import uniffi.cradle.CradleCore
import uniffi.cradle.Every
import uniffi.cradle.Problem
import uniffi.cradle.ReminderDraft
import uniffi.cradle.RepeatChoice
import uniffi.cradle.RepeatEnds
import uniffi.cradle.Weekday

/**
 * Adding her own reminder with the recurrence picker. Every change asks the
 * core for a draft: it builds the RRULE, checks each field as saving would,
 * says the rule back in her language and previews the next times it rings.
 * Saving passes the draft's rule on unchanged.
 */
class ReminderEditorViewModel(
    private val core: CradleCore,
    private val io: CoroutineDispatcher = Dispatchers.IO,
) {
    data class State(
        val title: String = "",
        val every: Every = Every.DAY,
        val interval: UShort = 1u,
        val weekdays: Set<Weekday> = emptySet(),
        val ends: RepeatEnds = RepeatEnds.Never,
        /** `HH:MM`, local. */
        val time: String = "09:00",
        /** The core's reading of the choices; null while a field is refused. */
        val draft: ReminderDraft? = null,
        val problem: Problem? = null,
        val saved: Boolean = false,
    ) {
        /** An untouched empty title is not yet a mistake. */
        val shownProblem: Problem? get() = problem?.takeUnless { it.field == "title" && title.isEmpty() }
    }

    private val _state = MutableStateFlow(State())
    val state: StateFlow<State> = _state.asStateFlow()

    suspend fun setTitle(title: String) = edit { it.copy(title = title) }

    /** Weekdays only apply to weekly repeats, so another choice clears them. */
    suspend fun setEvery(every: Every) = edit { it.copy(every = every, weekdays = if (every == Every.WEEK) it.weekdays else emptySet()) }

    suspend fun setInterval(interval: UShort) = edit { it.copy(interval = interval) }

    suspend fun toggle(day: Weekday) = edit { it.copy(weekdays = if (day in it.weekdays) it.weekdays - day else it.weekdays + day) }

    suspend fun setEnds(ends: RepeatEnds) = edit { it.copy(ends = ends) }

    suspend fun setTime(time: String) = edit { it.copy(time = time) }

    /** Saves the draft's rule; true once saved. */
    suspend fun save(): Boolean {
        val s = _state.value
        val draft = s.draft ?: return false
        val result = withContext(io) { attempt { core.reminders().add(s.title, draft.rrule, s.time) } }
        _state.update { it.copy(saved = result.isSuccess, problem = result.problemOrNull()) }
        return result.isSuccess
    }

    /** Starts a new reminder from scratch. */
    fun reset() {
        _state.value = State()
    }

    private suspend fun edit(change: (State) -> State) {
        val s = change(_state.value)
        val choice = RepeatChoice(s.every, s.interval, Weekday.entries.filter { it in s.weekdays }, s.ends)
        val draft = withContext(io) { attempt { core.reminders().draft(s.title, choice, s.time) } }
        _state.value = s.copy(draft = draft.getOrNull(), problem = draft.problemOrNull(), saved = false)
    }
}
