package org.cradle.core

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir
import uniffi.cradle.records.CallRule
import uniffi.cradle.CradleCore
import uniffi.cradle.CradleException
import uniffi.cradle.Dating
import uniffi.cradle.records.GlucoseContext
import uniffi.cradle.records.GlucoseUnit
import uniffi.cradle.KickAction
import uniffi.cradle.MeasurementValue
import uniffi.cradle.records.WeightUnit
import java.nio.file.Path
import java.time.LocalDate
import java.time.ZoneId

/** Health records and insights through the bindings. */
class RecordsTest {
    @TempDir
    lateinit var dir: Path

    @Test
    fun `each record type round-trips and insights follow the latest reading`() {
        CradleCore.open(dir.resolve("h.db").toString(), TEST_KEY, "Asia/Shanghai", "en").use { core ->
            // Pregnancy advice needs a pregnancy (24 weeks along).
            core.recordDating(Dating.Edd(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusWeeks(16).toString()))
            core.records().recordWeight(130.0, WeightUnit.JIN, null)
            core.records().recordBloodPressure(150u, 92u, 80u, null)
            core.records().recordGlucose(100.0, GlucoseUnit.MG_PER_DL, GlucoseContext.FASTING, null)
            val values = core.records().list(null).map { it.value }
            assertEquals(MeasurementValue.Weight(65_000u), values[0])
            assertEquals(MeasurementValue.BloodPressure(150u, 92u, 80u), values[1])
            assertEquals(MeasurementValue.Glucose(5.56, GlucoseContext.FASTING), values[2])
            val insights = core.records().insights()
            assertEquals(listOf("blood_pressure_high", "glucose_fasting_above_target"), insights.map { it.code })
            assertTrue(insights.all { it.message.contains("not a diagnosis") && it.source.isNotBlank() })

            val bad = assertThrows<CradleException.InvalidInput> { core.records().recordBloodPressure(400u, 90u, null, null) }
            assertEquals("systolic", bad.field)
            assertEquals(3, core.records().list(null).size)
            core.records().deleteRecord(core.records().list("blood_pressure").single().id)
            assertTrue(core.records().list("blood_pressure").isEmpty())
        }
    }

    @Test
    fun `kick counter and contraction timer`() {
        CradleCore.open(dir.resolve("k.db").toString(), TEST_KEY, "Asia/Shanghai", "en").use { core ->
            core.records().kick(KickAction.START)
            repeat(3) { core.records().kick(KickAction.TAP) }
            val session = core.records().kick(KickAction.STOP)
            assertEquals(3u, session.count)
            assertTrue(session.endedAtEpochMs != null && !session.belowTarget)
            assertThrows<CradleException.NotFound> { core.records().kick(KickAction.TAP) }

            assertTrue(core.records().contraction(true, CallRule.FIVE_ONE_ONE).currentStartedAtEpochMs != null)
            val timer = core.records().contraction(false, CallRule.FIVE_ONE_ONE)
            assertEquals(1u, timer.countLastHour)
            assertTrue(!timer.timeToCall)
        }
    }

    @Test
    fun `export all my data, then delete all my data`() {
        CradleCore.open(dir.resolve("p.db").toString(), TEST_KEY, "Asia/Shanghai", "en").use { core ->
            core.records().recordWeight(61.2, WeightUnit.KG, null)
            val export = core.exportAllData()
            assertTrue(export.contains("\"grams\":61200"), export)
            core.deleteAllData()
            assertTrue(core.records().list(null).isEmpty())
            assertTrue(core.exportAllData().contains("\"measurement\":[]"))
        }
    }
}
