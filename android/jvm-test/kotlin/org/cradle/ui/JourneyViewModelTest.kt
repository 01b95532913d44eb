package org.cradle.ui

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.cancel
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.cradle.viewmodel.JourneyViewModel
import org.cradle.viewmodel.Loadable
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import uniffi.cradle.JourneyScreen
import uniffi.cradle.timeline.Stage
import uniffi.cradle.timeline.When
import java.nio.file.Path
import java.time.LocalDate
import java.time.ZoneId

class JourneyViewModelTest {
    @TempDir
    lateinit var dir: Path

    @Test
    fun `the journey opens at week 28 and turns to months when the baby is born`() = runBlocking {
        mother(dir, "en").use { core ->
            val scope = kotlinx.coroutines.CoroutineScope(Dispatchers.Default)
            val vm = JourneyViewModel(core, scope)
            vm.start()
            val pregnant = vm.ready { it.stage == Stage.PREGNANT }
            assertEquals(39, pregnant.steps.size)
            val now = pregnant.steps[pregnant.now!!.toInt()]
            assertEquals("Week 28", now.title)
            assertEquals(When.NOW, now.`when`)
            assertEquals(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(), now.starts)
            assertNotNull(now.week)
            assertNull(now.month)
            assertEquals(When.PAST, pregnant.steps.first().`when`)

            val today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString()
            core.recordBirth(today, 28u, 0u, 1u, emptyList(), null)
            val baby = vm.ready { it.stage == Stage.POSTPARTUM }
            assertEquals(0u, baby.now)
            assertEquals("Newborn", baby.steps.first().title)
            assertEquals(today, baby.steps.first().starts)
            assertNotNull(baby.steps.first().month)
            vm.stop()
            scope.cancel()
        }
    }

    private suspend fun JourneyViewModel.ready(until: (JourneyScreen) -> Boolean): JourneyScreen = withTimeout(60_000) {
        (state.first { it is Loadable.Ready && until(it.value) } as Loadable.Ready).value
    }
}
