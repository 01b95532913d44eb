package org.cradle.viewmodel

import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.withContext
import uniffi.cradle.CradleCore
import uniffi.cradle.Dating
import uniffi.cradle.Problem
import uniffi.cradle.store.Language
import uniffi.cradle.store.Purpose

/**
 * First run: her language, her stage, and one answer per purpose. Nothing is
 * pre-selected and no consent is pre-ticked (PIPL art. 29 wants each asked
 * separately). Dates come from the platform's date picker as ISO strings and
 * the core validates them; the profile is saved last, so an app stopped
 * half-way starts onboarding again.
 */
class OnboardingViewModel(
    private val core: CradleCore,
    private val io: CoroutineDispatcher = Dispatchers.IO,
) {
    enum class Stage { TRYING, PREGNANT, BABY }

    /** How she dates a pregnancy at first; scans can redate it later. */
    enum class DatingBy { LMP, EDD }

    data class State(
        val language: Language = Language.EN,
        val stage: Stage? = null,
        val datingBy: DatingBy = DatingBy.LMP,
        /** The last period, the due date or the birth date, `YYYY-MM-DD`. */
        val date: String? = null,
        /** Completed weeks at birth, from the picker's range. */
        val birthWeeks: UInt = 40u,
        /** Her baby's birth weight in grams, if she has it to hand; the core judges it. */
        val birthWeightGrams: UInt? = null,
        /** Every purpose, answered "no" until she ticks it. */
        val consents: Map<Purpose, Boolean> = Purpose.entries.associateWith { false },
        val problem: Problem? = null,
        val busy: Boolean = false,
        val finished: Boolean = false,
    ) {
        /** The form is complete enough to send; the core judges the values. */
        val canFinish: Boolean get() = stage != null && (stage == Stage.TRYING || date != null) && !busy
    }

    private val _state = MutableStateFlow(State())
    val state: StateFlow<State> = _state.asStateFlow()

    /** Starts in the device's language, as the core reads it. */
    suspend fun load() {
        val today = withContext(io) { attempt { core.today() } }
        today.onSuccess { t -> _state.update { it.copy(language = t.language) } }
            .onFailure { e -> _state.update { it.copy(problem = (e as ProblemException).problem) } }
    }

    fun chooseLanguage(language: Language) = _state.update { it.copy(language = language) }

    fun chooseStage(stage: Stage) = _state.update { it.copy(stage = stage, date = null, problem = null) }

    fun chooseDating(by: DatingBy) = _state.update { it.copy(datingBy = by, date = null) }

    fun chooseDate(isoDate: String) = _state.update { it.copy(date = isoDate, problem = null) }

    fun chooseBirthWeeks(weeks: UInt) = _state.update { it.copy(birthWeeks = weeks) }

    fun chooseBirthWeight(grams: UInt?) = _state.update { it.copy(birthWeightGrams = grams) }

    fun answer(purpose: Purpose, granted: Boolean) =
        _state.update { it.copy(consents = it.consents + (purpose to granted)) }

    /** Saves everything; a refused date is shown and nothing is marked done. */
    suspend fun finish() {
        val s = _state.value
        if (!s.canFinish) return
        _state.update { it.copy(busy = true) }
        val result = withContext(io) {
            attempt {
                when (s.stage!!) {
                    Stage.TRYING -> core.setTrying(null)
                    // A 28-day cycle until she says otherwise; the first scan redates it.
                    Stage.PREGNANT -> core.recordDating(
                        when (s.datingBy) {
                            DatingBy.LMP -> Dating.Lmp(s.date!!, 28u)
                            DatingBy.EDD -> Dating.Edd(s.date!!)
                        },
                    )
                    Stage.BABY -> core.recordBirth(s.date!!, s.birthWeeks, 0u, 1u, listOfNotNull(s.birthWeightGrams), null)
                }
                // A "no" is an answer too, and is recorded as one.
                for ((purpose, granted) in s.consents) core.setConsent(purpose, granted)
                core.setLanguage(s.language)
            }
        }
        _state.update { st ->
            result.fold(
                onSuccess = { st.copy(busy = false, finished = true, problem = null) },
                onFailure = { st.copy(busy = false, problem = (it as ProblemException).problem) },
            )
        }
    }
}
