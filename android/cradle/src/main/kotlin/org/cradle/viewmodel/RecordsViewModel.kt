package org.cradle.viewmodel

import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.withContext
import uniffi.cradle.Problem
import uniffi.cradle.ProblemKind
import uniffi.cradle.records.CallRule
import uniffi.cradle.CradleCore
import uniffi.cradle.records.Entry
import uniffi.cradle.records.Feed
import uniffi.cradle.records.GlucoseContext
import uniffi.cradle.records.GlucoseUnit
import uniffi.cradle.KickAction
import uniffi.cradle.records.Milk
import uniffi.cradle.RecordsScreen
import uniffi.cradle.records.Side
import uniffi.cradle.records.WeightUnit

/**
 * Records: quick add for blood pressure, weight and glucose, the weight chart
 * with its recommended band, the kick counter, the contraction timer and,
 * after the birth, the baby's feeds, nappies and sleep. The core validates every value and says when a
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
    suspend fun addBloodPressure(systolic: String, diastolic: String) =
        whole(systolic, "systolic") { sys -> whole(diastolic, "diastolic") { dia -> act { core.records().recordBloodPressure(sys, dia, null, null) } } }

    suspend fun addWeight(value: String, unit: WeightUnit) =
        number(value, "weight") { v -> act { core.records().recordWeight(v, unit, null) } }

    suspend fun addGlucose(value: String, unit: GlucoseUnit, context: GlucoseContext) =
        number(value, "glucose") { v -> act { core.records().recordGlucose(v, unit, context, null) } }

    /** Baby logs, one tap each; the core judges the amounts and flags the unusual. */
    suspend fun logBreast(baby: UByte, side: Side, minutes: String) =
        whole(minutes, "minutes") { m -> act { core.records().addEntry(Entry.Feed(baby, Feed.Breast(side, m)), null) } }

    suspend fun logBottle(baby: UByte, ml: String, milk: Milk) =
        whole(ml, "ml") { v -> act { core.records().addEntry(Entry.Feed(baby, Feed.Bottle(v, milk)), null) } }

    suspend fun logSleep(baby: UByte, minutes: String) =
        whole(minutes, "minutes") { m -> act { core.records().addEntry(Entry.Sleep(baby, m), null) } }

    suspend fun logDiaper(baby: UByte, wet: Boolean, dirty: Boolean) = act { core.records().addEntry(Entry.Diaper(baby, wet, dirty), null) }

    /** The big one-handed buttons: start, one tap per movement, stop. */
    suspend fun kick(action: KickAction) = act { core.records().kick(action) }

    /** Pressed when a contraction starts, and again when it ends. */
    suspend fun contraction(starting: Boolean) = act { core.records().contraction(starting, rule) }

    /** A text field's whole number, or a refusal naming [field]; its range is the core's to judge. */
    private suspend fun whole(text: String, field: String, then: suspend (UInt) -> Unit) {
        text.trim().toUIntOrNull()?.let { then(it) } ?: refuse(field, "a whole number")
    }

    private suspend fun number(text: String, field: String, then: suspend (Double) -> Unit) {
        text.trim().replace(',', '.').toDoubleOrNull()?.let { then(it) } ?: refuse(field, "a number")
    }

    private fun refuse(field: String, reason: String) =
        _state.update { it.copy(problem = Problem(ProblemKind.INVALID_INPUT, field, reason)) }

    private suspend fun act(call: () -> Any) {
        val result = withContext(io) { attempt { call() } }
        _state.update { it.copy(problem = result.problemOrNull()) }
        refresh()
    }
}
