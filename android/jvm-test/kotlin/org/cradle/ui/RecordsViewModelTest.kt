package org.cradle.ui

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.cancel
import kotlinx.coroutines.runBlocking
import org.cradle.viewmodel.Loadable
import org.cradle.viewmodel.RecordsViewModel
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import uniffi.cradle.ProblemKind
import uniffi.cradle.records.GlucoseContext
import uniffi.cradle.records.GlucoseUnit
import uniffi.cradle.KickAction
import uniffi.cradle.RecordsScreen
import uniffi.cradle.records.WeightUnit
import uniffi.cradle.BodyBaseline
import uniffi.cradle.records.Milk
import uniffi.cradle.records.Side
import uniffi.cradle.timeline.Stage
import java.nio.file.Path

class RecordsViewModelTest {
    @TempDir
    lateinit var dir: Path

    private fun RecordsViewModel.screen(): RecordsScreen = (state.value.screen as Loadable.Ready).value

    @Test
    fun `quick add, the kick counter and the contraction timer, all judged by the core`() = runBlocking {
        mother(dir, "zh-Hans-CN").use { core ->
            val scope = CoroutineScope(Dispatchers.Default)
            val vm = RecordsViewModel(core, scope)
            vm.refresh()
            assertEquals("142/92 mmHg", vm.screen().recent.single().text)
            assertEquals("contact_clinic", vm.screen().flag!!.level)

            vm.addBloodPressure("118", "76")
            assertNull(vm.state.value.problem)
            assertEquals("118/76 mmHg", vm.screen().recent.first().text, "newest first")
            assertEquals(16, vm.screen().recent.first().takenAtLocal.length, "YYYY-MM-DD HH:MM in her zone")
            vm.addBloodPressure("", "76")
            assertEquals("systolic", vm.state.value.problem!!.field)
            vm.addBloodPressure("400", "76")
            assertEquals(ProblemKind.INVALID_INPUT, vm.state.value.problem!!.kind, "the core refuses the impossible")
            assertEquals(2, vm.screen().recent.size, "and nothing was written")

            vm.addWeight("123", WeightUnit.JIN)
            assertEquals("61.5 kg", vm.screen().recent.first().text)
            vm.addGlucose("5,1", GlucoseUnit.MMOL_PER_L, GlucoseContext.FASTING)
            assertEquals("5.1 mmol/L (空腹)", vm.screen().recent.first().text, "in her language")
            vm.addWeight("sixty", WeightUnit.KG)
            assertEquals("weight", vm.state.value.problem!!.field)

            // The chart: one day's weight at 28 weeks; no band until her height is known.
            assertEquals(Stage.PREGNANT, vm.screen().stage)
            assertEquals(28.0, vm.screen().weight.single().gaWeeks!!, 0.001)
            assertNull(vm.screen().weightBand)
            core.records().setBodyBaseline(BodyBaseline(160.0, 55.0))
            vm.refresh()
            val band = vm.screen().weightBand!!
            assertEquals("normal", band.`class`)
            val week28 = band.points.single { it.week == 28L }
            assertTrue(55.0 < week28.lowKg && week28.lowKg < week28.highKg, "on the scale, above her weight before")
            assertTrue(vm.screen().babies.isEmpty(), "no baby logs before the birth")

            vm.kick(KickAction.START)
            repeat(3) { vm.kick(KickAction.TAP) }
            val kicks = vm.screen().kicks!!
            assertEquals(3u, kicks.count)
            assertNull(kicks.endedAtEpochMs)
            assertFalse(kicks.belowTarget)
            vm.kick(KickAction.STOP)
            assertTrue(vm.screen().kicks!!.endedAtEpochMs != null)

            vm.contraction(true)
            assertTrue(vm.screen().contractions.currentStartedAtEpochMs != null)
            vm.contraction(false)
            assertEquals(1u, vm.screen().contractions.countLastHour)
            scope.cancel()
        }
    }

    @Test
    fun `after the birth the baby's day is logged in one tap each`() = runBlocking {
        mother(dir, "en").use { core ->
            core.recordBirth(core.today().date, 39u, 0u, 1u, emptyList(), null)
            val scope = CoroutineScope(Dispatchers.Default)
            val vm = RecordsViewModel(core, scope)
            vm.refresh()
            assertEquals(Stage.POSTPARTUM, vm.screen().stage)
            vm.logBreast(1u, Side.LEFT, "15")
            vm.logBottle(1u, "90", Milk.FORMULA)
            vm.logDiaper(1u, wet = true, dirty = false)
            vm.logDiaper(1u, wet = true, dirty = true)
            vm.logSleep(1u, "45")
            val day = vm.screen().babies.single()
            assertEquals(listOf(2u, 2u, 1u, 45u), listOf(day.feeds, day.wet, day.dirty, day.sleepMinutes))
            assertEquals(5, day.lastFeedLocal!!.length, "HH:MM in her zone")
            vm.logBreast(1u, Side.RIGHT, "")
            assertEquals("minutes", vm.state.value.problem!!.field)
            vm.logBottle(1u, "900", Milk.FORMULA)
            assertEquals(ProblemKind.INVALID_INPUT, vm.state.value.problem!!.kind, "the core refuses 900 ml")
            assertEquals(2u, vm.screen().babies.single().feeds)
            scope.cancel()
        }
    }
}
