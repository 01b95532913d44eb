package org.cradle.core

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir
import uniffi.cradle.CradleCore
import uniffi.cradle.store.Purpose
import uniffi.cradle.CradleException
import uniffi.cradle.Dating
import uniffi.cradle.ReminderKind
import uniffi.cradle.ReminderStatus
import java.nio.file.Path
import java.time.LocalDate

/** Reminders and the notification plan, through the bindings. */
class RemindersTest {
    @TempDir
    lateinit var dir: Path

    /** A user who agreed to notifications at onboarding. */
    private fun open() = CradleCore.open(dir.resolve("r.db").toString(), TEST_KEY, "Asia/Shanghai", "zh-CN")
        .also { it.setConsent(Purpose.NOTIFICATIONS, true) }

    @Test
    fun `the notification plan is sorted, bounded, diffed and cancels what is done`() {
        open().use { core ->
            val today = LocalDate.parse(core.today().date)
            core.recordDating(Dating.Lmp(today.minusDays(60).toString(), 28u))
            core.reminders().add("补充叶酸", "FREQ=DAILY", "21:00")
            val plan = core.reminders().notificationPlan(64u)
            assertTrue(plan.isNotEmpty() && plan.size <= 64)
            assertTrue(plan.zipWithNext().all { (a, b) -> a.fireAtEpochMs <= b.fireAtEpochMs })
            assertEquals(plan.size, plan.map { it.id }.toSet().size)
            assertTrue(plan.any { it.id.startsWith("checkup:") })
            assertTrue(plan.all { it.deepLink == "cradle://reminders/${it.id}" })

            val first = core.reminders().notificationPlanDiff(64u)
            assertEquals(plan.map { it.id }, first.add.map { it.id })
            assertTrue(first.cancel.isEmpty())
            val unchanged = core.reminders().notificationPlanDiff(64u)
            assertTrue(unchanged.add.isEmpty() && unchanged.cancel.isEmpty())

            val custom = plan.first { it.id.startsWith("custom:") }
            core.reminders().completeItem(custom.id)
            assertTrue(custom.id in core.reminders().notificationPlanDiff(64u).cancel)
            val listed = core.reminders().list(null, null)
            assertTrue(listed.any { it.kind == ReminderKind.CHECKUP && it.windowStart != null })
            assertEquals(ReminderStatus.DONE, listed.first { it.id == custom.id }.status)
        }
    }

    @Test
    fun `bad reminder input is a typed exception naming the part`() {
        open().use { core ->
            val rule = assertThrows<CradleException.InvalidInput> {
                core.reminders().add("x", "FREQ=DAILY;BYDAY=XX", "09:00")
            }
            assertEquals("rrule", rule.field)
            assertTrue(rule.reason.contains("character 12"))
            assertEquals("time", assertThrows<CradleException.InvalidInput> {
                core.reminders().add("x", "FREQ=DAILY", "9 pm")
            }.field)
            assertThrows<CradleException.NotFound> {
                core.reminders().recordVaccine(1u, "BCG", 1u, core.today().date, null, null)
            }
            core.reminders().add("Iron", "FREQ=DAILY", "20:00")
            val id = core.reminders().list(null, null).first().id
            core.reminders().completeItem(id)
            assertEquals("status", assertThrows<CradleException.InvalidInput> {
                core.reminders().snoozeItem(id, 10u)
            }.field)
        }
    }
}
