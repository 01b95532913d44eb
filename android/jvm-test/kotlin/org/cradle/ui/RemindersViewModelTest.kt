package org.cradle.ui

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.cancel
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.cradle.viewmodel.Loadable
import org.cradle.viewmodel.RemindersViewModel
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import uniffi.cradle.ProblemKind
import uniffi.cradle.ReminderItem
import uniffi.cradle.ReminderKind
import uniffi.cradle.ReminderStatus
import java.nio.file.Path

class RemindersViewModelTest {
    @TempDir
    lateinit var dir: Path

    @Test
    fun `the list comes from the core and follows her actions`() = runBlocking {
        mother(dir, "en").use { core ->
            val scope = CoroutineScope(Dispatchers.Default)
            val vm = RemindersViewModel(core, scope)
            vm.start()
            val first = vm.until { items -> items.any { it.kind == ReminderKind.CHECKUP } }
            val checkup = first.first { it.kind == ReminderKind.CHECKUP && it.status == ReminderStatus.PENDING }
            assertTrue(checkup.windowStart != null && checkup.checks.isNotEmpty(), "$checkup")

            vm.complete(checkup.id)
            val after = (vm.state.value.items as Loadable.Ready).value
            assertEquals(ReminderStatus.DONE, after.first { it.id == checkup.id }.status)

            // Her own reminder, added elsewhere, arrives through the change events, and snoozes.
            core.reminders().add("Folic acid", "FREQ=DAILY", "21:00")
            val custom = vm.until { items -> items.any { it.kind == ReminderKind.CUSTOM } }
                .first { it.kind == ReminderKind.CUSTOM }
            vm.snooze(custom.id, 60u)
            assertEquals(null, vm.state.value.problem)

            // A refused action is shown and changes nothing.
            vm.snooze(custom.id, 0u)
            assertEquals(ProblemKind.INVALID_INPUT, vm.state.value.problem!!.kind)
            vm.complete("checkup:no-such-item")
            assertTrue(vm.state.value.problem != null)
            vm.stop()
            scope.cancel()
        }
    }

    private suspend fun RemindersViewModel.until(ok: (List<ReminderItem>) -> Boolean): List<ReminderItem> =
        withTimeout(60_000) {
            (state.first { it.items is Loadable.Ready && ok((it.items as Loadable.Ready).value) }.items as Loadable.Ready).value
        }
}
