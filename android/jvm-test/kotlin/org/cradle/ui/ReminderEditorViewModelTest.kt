package org.cradle.ui

import kotlinx.coroutines.runBlocking
import org.cradle.viewmodel.ReminderEditorViewModel
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import uniffi.cradle.Every
import uniffi.cradle.ProblemKind
import uniffi.cradle.ReminderKind
import uniffi.cradle.RepeatEnds
import uniffi.cradle.Weekday
import java.nio.file.Path

class ReminderEditorViewModelTest {
    @TempDir
    lateinit var dir: Path

    @Test
    fun `the picker's choices become the core's rule, sentence and preview, then one reminder`() = runBlocking {
        mother(dir, "en").use { core ->
            val vm = ReminderEditorViewModel(core)
            vm.setEvery(Every.WEEK)
            // An untouched title is not shown as a mistake, and nothing can be saved yet.
            assertEquals("title", vm.state.value.problem?.field)
            assertNull(vm.state.value.shownProblem)
            assertFalse(vm.save())

            vm.setTitle("Iron tablet")
            vm.setInterval(2u)
            vm.toggle(Weekday.THURSDAY)
            vm.toggle(Weekday.MONDAY)
            vm.setEnds(RepeatEnds.After(10u))
            vm.setTime("21:00")
            val draft = vm.state.value.draft!!
            assertEquals("FREQ=WEEKLY;COUNT=10;INTERVAL=2;BYDAY=MO,TH", draft.rrule)
            assertEquals("Every 2 weeks on Mon, Thu · 10 times", draft.summary)
            assertEquals(3, draft.next.size)
            assertTrue(draft.next.all { it.endsWith("T21:00") })

            // Monthly repeats have no weekdays: switching clears them.
            vm.setEvery(Every.MONTH)
            assertTrue(vm.state.value.weekdays.isEmpty())
            assertEquals("FREQ=MONTHLY;COUNT=10;INTERVAL=2", vm.state.value.draft!!.rrule)

            // An end before today is refused by the core, naming the field.
            vm.setEnds(RepeatEnds.On("2020-01-01"))
            assertEquals(ProblemKind.INVALID_INPUT, vm.state.value.shownProblem?.kind)
            assertEquals("until", vm.state.value.shownProblem?.field)
            assertNull(vm.state.value.draft)

            vm.setEnds(RepeatEnds.Never)
            assertTrue(vm.save())
            assertTrue(vm.state.value.saved)
            val mine = core.reminders().list(null, "2099-01-01").filter { it.kind == ReminderKind.CUSTOM }
            assertTrue(mine.isNotEmpty())
            assertTrue(mine.all { it.title == "Iron tablet" })
        }
    }
}
