package org.cradle.viewmodel

import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.withContext
import uniffi.cradle.ClinicExportOptions
import uniffi.cradle.ClinicVisitScreen
import uniffi.cradle.CradleCore
import uniffi.cradle.Problem
import uniffi.cradle.records.Entry

/**
 * The clinic visit: the core's summary (HTML, built offline) for the platform
 * to print or save as PDF, the sections she chooses to share, whether her
 * name is on it, and her questions. The FHIR export is built on request and
 * handed to the platform's save dialog; nothing leaves unless she saves it.
 */
class ClinicViewModel(
    private val core: CradleCore,
    scope: CoroutineScope,
    private val io: CoroutineDispatcher = Dispatchers.IO,
) {
    data class State(
        val screen: Loadable<ClinicVisitScreen> = Loadable.Loading,
        /** Off until she asks: the least personal information by default. */
        val includeName: Boolean = false,
        /** Her age for page 1, typed for this summary and never stored. */
        val ageYears: UInt? = null,
        /** `YYYY-MM-DD`, or null for everything. */
        val from: String? = null,
        /** Codes she chose; empty for the core's default set. */
        val sections: List<String> = emptyList(),
        val problem: Problem? = null,
        /** A FHIR bundle waiting for the platform's save dialog. */
        val fhir: String? = null,
    )

    private val _state = MutableStateFlow(State())
    val state: StateFlow<State> = _state.asStateFlow()
    private val watch = Watch(core, scope) { refresh() }

    fun start() = watch.start()

    suspend fun stop() = watch.stop()

    suspend fun refresh() {
        val options = options(_state.value)
        val screen = withContext(io) { attempt { core.records().clinicVisit(options) } }.toLoadable()
        _state.update { it.copy(screen = screen) }
    }

    /**
     * Ticks or unticks one section. The last ticked one stays: an empty
     * choice would mean the core's default set, not "nothing".
     */
    suspend fun toggle(code: String) {
        val shown = (_state.value.screen as? Loadable.Ready)?.value?.sections ?: return
        val chosen = shown.filter { if (it.code == code) !it.included else it.included }.map { it.code }
        if (chosen.isEmpty()) return
        choose { it.copy(sections = chosen) }
    }

    suspend fun setIncludeName(include: Boolean) = choose { it.copy(includeName = include) }

    /** An age the core refuses (12 to 60) is shown as a problem; the summary stays. */
    suspend fun setAge(years: UInt?) = choose { it.copy(ageYears = years) }

    /** A day in the future is refused by the core; the summary stays as it was. */
    suspend fun setFrom(date: String?) = choose { it.copy(from = date) }

    suspend fun addQuestion(text: String) = act { core.records().addEntry(Entry.Question(text), null) }

    suspend fun deleteQuestion(id: Long) = act { core.records().deleteEntry(id) }

    /** Builds the FHIR bundle of the same choices for the platform to save. */
    suspend fun exportFhir() {
        val options = options(_state.value)
        val result = withContext(io) { attempt { core.records().clinicExport("fhir", options) } }
        _state.update { it.copy(fhir = result.getOrNull(), problem = result.problemOrNull()) }
    }

    /** The platform has taken the bundle. */
    fun fhirSaved() = _state.update { it.copy(fhir = null) }

    private suspend fun act(call: () -> Any) {
        val result = withContext(io) { attempt { call() } }
        _state.update { it.copy(problem = result.problemOrNull()) }
        refresh()
    }

    /** Applies a choice only if the core accepts it; a refusal keeps the last summary. */
    private suspend fun choose(change: (State) -> State) {
        val next = change(_state.value)
        val result = withContext(io) { attempt { core.records().clinicVisit(options(next)) } }
        _state.update { current ->
            result.fold(
                onSuccess = { next.copy(screen = Loadable.Ready(it), problem = null) },
                onFailure = { current.copy(problem = result.problemOrNull()) },
            )
        }
    }

    private fun options(s: State) = ClinicExportOptions(s.from, s.includeName, s.sections, s.ageYears)
}
