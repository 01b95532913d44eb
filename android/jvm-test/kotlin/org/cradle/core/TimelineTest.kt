package org.cradle.core

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir
import uniffi.cradle.CradleCore
import uniffi.cradle.CradleException
import uniffi.cradle.Dating
import uniffi.cradle.timeline.Method
import uniffi.cradle.timeline.Stage
import uniffi.cradle.timeline.TermClass
import java.nio.file.Path
import java.time.LocalDate
import java.time.temporal.ChronoUnit

/**
 * The timeline through the bindings. Expected values are derived from the
 * date the core itself reports, so a test run across midnight still holds.
 */
class TimelineTest {
    @TempDir
    lateinit var dir: Path

    private fun open() = CradleCore.open(dir.resolve("t.db").toString(), TEST_KEY, "Asia/Shanghai", "en")

    @Test
    fun `dating by LMP fills the Today screen in one call`() {
        open().use { core ->
            val lmp = LocalDate.parse(core.today().date).minusDays(196)
            val screen = core.recordDating(Dating.Lmp(lmp.toString(), 28u))
            val elapsed = ChronoUnit.DAYS.between(lmp, LocalDate.parse(screen.date))
            assertEquals(Stage.PREGNANT, screen.stage)
            val p = screen.pregnancy!!
            assertEquals(elapsed, p.gestationalAge.totalDays)
            assertEquals(lmp.plusDays(280).toString(), p.edd)
            assertEquals(Method.LMP, p.datingMethod)
            assertEquals(3.toUByte(), p.trimester)
            assertEquals(TermClass.PRETERM, p.term)
            assertEquals(280 - elapsed, p.daysToEdd)
            val week = screen.week!!
            assertEquals(p.gestationalAge.weeks, week.week)
            assertTrue(week.sizeComparison.isNotBlank())
            assertEquals(listOf(Method.LMP), core.datingHistory().map { it.method })
        }
    }

    @Test
    fun `an ultrasound far from the LMP redates the pregnancy`() {
        open().use { core ->
            val today = LocalDate.parse(core.today().date)
            core.recordDating(Dating.Lmp(today.minusDays(100).toString(), 28u))
            // Stated 12w0d today, while the LMP says 14w2d: 16 days apart, over ACOG's 7.
            val screen = core.recordDating(Dating.UltrasoundStated(today.toString(), 12u, 0u))
            val p = screen.pregnancy!!
            assertEquals(Method.ULTRASOUND, p.datingMethod)
            assertTrue(p.redated)
        }
    }

    @Test
    fun `bad dating input is a typed error and changes nothing`() {
        open().use { core ->
            val tomorrow = LocalDate.parse(core.today().date).plusDays(2)
            val future = assertThrows<CradleException.InvalidInput> {
                core.recordDating(Dating.Lmp(tomorrow.toString(), 28u))
            }
            assertEquals("lmp", future.field)
            assertEquals("crl", assertThrows<CradleException.InvalidInput> {
                core.recordDating(Dating.UltrasoundCrl(tomorrow.minusDays(10).toString(), 90.0))
            }.field)
            assertEquals("embryo_age", assertThrows<CradleException.InvalidInput> {
                core.recordDating(Dating.Ivf(tomorrow.minusDays(30).toString(), 4u))
            }.field)
            assertEquals("edd", assertThrows<CradleException.InvalidInput> {
                core.recordDating(Dating.Edd("2026-02-30"))
            }.field)
            assertEquals(Stage.NONE, core.today().stage)
            assertTrue(core.datingHistory().isEmpty())
        }
    }

    @Test
    fun `a preterm birth shows corrected age, and a loss ends pregnancy content`() {
        open().use { core ->
            val today = LocalDate.parse(core.today().date)
            val born = core.recordBirth(today.minusDays(10).toString(), 32u, 0u, 1u, emptyList(), null)
            assertEquals(Stage.POSTPARTUM, born.stage)
            val baby = born.baby!!
            val age = ChronoUnit.DAYS.between(today.minusDays(10), LocalDate.parse(born.date))
            assertEquals(age, baby.ageDays)
            assertEquals(age - 56, baby.correctedAgeDays)
            assertEquals(0u, born.month!!.month)
        }
        CradleCore.open(dir.resolve("loss.db").toString(), TEST_KEY, "Asia/Shanghai", "zh-CN").use { core ->
            val today = LocalDate.parse(core.today().date)
            core.recordDating(Dating.Lmp(today.minusDays(60).toString(), 28u))
            val after = core.recordLoss(today.toString())
            assertEquals(Stage.AFTER_LOSS, after.stage)
            assertNull(after.pregnancy)
            assertNull(after.week)
            assertThrows<CradleException.NotFound> { core.recordLoss(today.toString()) }
        }
    }
}
