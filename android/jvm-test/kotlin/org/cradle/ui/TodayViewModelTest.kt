package org.cradle.ui

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.cancel
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.cradle.viewmodel.Loadable
import org.cradle.viewmodel.TodayViewModel
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import uniffi.cradle.ReminderKind
import uniffi.cradle.timeline.Stage
import uniffi.cradle.SyncState
import uniffi.cradle.TodayScreen
import java.nio.file.Path

class TodayViewModelTest {
    @TempDir
    lateinit var dir: Path

    @Test
    fun `Today loads in one call and follows the core's changes`() = runBlocking {
        mother(dir, "en").use { core ->
            val scope = kotlinx.coroutines.CoroutineScope(Dispatchers.Default)
            val vm = TodayViewModel(core, scope)
            vm.start()
            val first = vm.ready { it.pregnancy != null }
            assertEquals(Stage.PREGNANT, first.stage)
            assertEquals(28L, first.pregnancy!!.gestationalAge.weeks)
            assertEquals(84L, first.pregnancy!!.daysToEdd)
            assertEquals(ReminderKind.CHECKUP, first.nextReminder!!.kind)
            assertEquals("contact_clinic", first.flag!!.level)
            assertEquals(SyncState.SignedOut, first.sync)

            // A more worrying reading reaches Today through the change events.
            core.records().recordBloodPressure(165u, 112u, null, null)
            val urgent = vm.ready { it.flag?.level == "seek_care_now" }
            assertNotNull(urgent.flag!!.source)

            // Ticking the checkup moves "next" on.
            core.reminders().completeItem(first.nextReminder!!.id)
            val moved = vm.ready { it.nextReminder?.id != first.nextReminder!!.id }
            assertNull(moved.nextReminder?.takeIf { it.id == first.nextReminder!!.id })
            vm.stop()
            scope.cancel()
        }
    }

    private suspend fun TodayViewModel.ready(until: (TodayScreen) -> Boolean): TodayScreen = withTimeout(60_000) {
        (state.first { it is Loadable.Ready && until(it.value) } as Loadable.Ready).value
    }
}
