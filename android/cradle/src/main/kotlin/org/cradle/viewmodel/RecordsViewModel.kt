package org.cradle.viewmodel

import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.withContext
import uniffi.cradle.CallRule
import uniffi.cradle.CradleCore
import uniffi.cradle.GlucoseContext
import uniffi.cradle.GlucoseUnit
import uniffi.cradle.KickAction
import uniffi.cradle.RecordsScreen
import uniffi.cradle.WeightUnit

/**
 * Records: quick add for blood pressure, weight and glucose, the kick counter
 * and the contraction timer. The core validates every value and says when a
 * reading or a pattern needs care; the screen is one call.
 */
class RecordsViewModel(
    private val core: CradleCore,
    scope: CoroutineScope,
    private val io: CoroutineDispatcher = Dispatchers.IO,
    /** When to call the hospital: 5-1-1 unless her clinic says 3-1-1. */
    private val rule: CallRule = CallRule.FIVE_ONE_ONE,
) {
    data class State(
        val screen: Loadable<RecordsScreen> = Loadable.Loading,
        /** The last refused entry, naming the field to fix. */
        val problem: Problem? = null,
    )

    private val _state = MutableStateFlow(State())
    val state: StateFlow<State> = _state.asStateFlow()
    private val watch = Watch(core, scope) { refresh() }

    fun start() = watch.start()

    suspend fun stop() = watch.stop()

    suspend fun refresh() {
        val screen = withContext(io) { attempt { core.recordsScreen(rule) } }.toLoadable()
        _state.update { it.copy(screen = screen) }
    }

    /** From the two number fields; the core judges the values. */
    suspend fun addBloodPressure(systolic: String, diastolic: String) {
        val sys = systolic.trim().toUIntOrNull()
        val dia = diastolic.trim().toUIntOrNull()
        if (sys == null || dia == null) {
            _state.update { it.copy(problem = Problem(Problem.Kind.InvalidInput, if (sys == null) "systolic" else "diastolic", "a whole number")) }
            return
        }
        act { core.recordBloodPressure(sys, dia, null, null) }
    }

    suspend fun addWeight(value: Double, unit: WeightUnit) = act { core.recordWeight(value, unit, null) }

    suspend fun addGlucose(value: Double, unit: GlucoseUnit, context: GlucoseContext) =
        act { core.recordGlucose(value, unit, context, null) }

    /** The big one-handed buttons: start, one tap per movement, stop. */
    suspend fun kick(action: KickAction) = act { core.kick(action) }

    /** Pressed when a contraction starts, and again when it ends. */
    suspend fun contraction(starting: Boolean) = act { core.contraction(starting, rule) }

    private suspend fun act(call: () -> Any) {
        val result = withContext(io) { attempt { call() } }
        _state.update { it.copy(problem = result.problemOrNull()) }
        refresh()
    }
}
