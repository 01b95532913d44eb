package org.cradle.ui

import kotlinx.coroutines.runBlocking
import org.cradle.platform.BackgroundSync
import org.cradle.platform.NotificationPlanner
import org.cradle.platform.NotificationSink
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import uniffi.cradle.NotificationInfo
import uniffi.cradle.store.Purpose
import java.nio.file.Path
import java.util.UUID

/** The shell's platform duties, against the real core: alarms and background sync. */
class PlatformTest {
    @TempDir
    lateinit var dir: Path

    private val server: String = System.getProperty("cradle.server")

    /** What AlarmManager would hold. */
    private class Alarms : NotificationSink {
        val scheduled = linkedMapOf<String, NotificationInfo>()

        override fun schedule(notification: NotificationInfo) {
            scheduled[notification.id] = notification
        }

        override fun cancel(id: String) {
            scheduled.remove(id)
        }
    }

    @Test
    fun `alarms follow the plan, her consent, and survive a reboot`() {
        mother(dir, "en").use { core ->
            val alarms = Alarms()
            val planner = NotificationPlanner(core, alarms)
            planner.apply()
            assertTrue(alarms.scheduled.isEmpty(), "nothing before she agrees to notifications")

            core.setConsent(Purpose.NOTIFICATIONS, true)
            planner.apply()
            val plan = core.reminders().notificationPlan(64u)
            assertEquals(plan.map { it.id }, alarms.scheduled.keys.toList())
            assertTrue(plan.size in 1..64)

            // Ticking a checkup cancels its alarm and nothing else.
            val done = core.today().nextReminder!!.id
            assertTrue(done in alarms.scheduled.keys)
            core.reminders().completeItem(done)
            planner.apply()
            assertTrue(done !in alarms.scheduled.keys)
            assertEquals(core.reminders().notificationPlan(64u).map { it.id }.toSet(), alarms.scheduled.keys)

            // A reboot forgets every alarm; the whole plan comes back.
            val rebooted = Alarms()
            NotificationPlanner(core, rebooted).rescheduleAll()
            assertEquals(alarms.scheduled.keys, rebooted.scheduled.keys)

            // Withdrawing consent cancels every one.
            core.setConsent(Purpose.NOTIFICATIONS, false)
            planner.apply()
            assertTrue(alarms.scheduled.isEmpty())
        }
    }

    @Test
    fun `background sync says when to retry and when there is nothing to do`() = runBlocking {
        mother(dir, "en").use { core ->
            assertEquals(BackgroundSync.Outcome.Done, BackgroundSync.run(core), "no consent: nothing to do")
            core.setConsent(Purpose.SYNC, true)
            assertEquals(BackgroundSync.Outcome.Done, BackgroundSync.run(core), "signed out: nothing to do")
            core.sync().register(server, "kt-bg-" + UUID.randomUUID().toString().take(8), "correct horse battery", "Pixel")
            assertEquals(BackgroundSync.Outcome.Done, BackgroundSync.run(core))
            assertTrue(core.syncStatus() is uniffi.cradle.SyncState.UpToDate)
        }
    }
}
