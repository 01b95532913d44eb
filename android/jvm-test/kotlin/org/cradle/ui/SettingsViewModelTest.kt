package org.cradle.ui

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.cancel
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.cradle.viewmodel.Loadable
import org.cradle.viewmodel.SettingsViewModel
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import uniffi.cradle.ProblemKind
import uniffi.cradle.store.Language
import uniffi.cradle.store.Purpose
import uniffi.cradle.SettingsScreen
import uniffi.cradle.SyncState
import java.nio.file.Path

class SettingsViewModelTest {
    @TempDir
    lateinit var dir: Path

    @Test
    fun `consents are revocable, language and quiet hours change, and her data is exported then deleted`() = runBlocking {
        mother(dir, "en").use { core ->
            val scope = CoroutineScope(Dispatchers.Default)
            val vm = SettingsViewModel(core, scope)
            vm.start()
            val first = vm.ready { true }
            assertEquals(Language.EN, first.language)
            assertTrue(first.consents.all { !it.granted })
            assertEquals(SyncState.SignedOut, first.sync)
            assertNull(first.account)

            // Notifications on, then off: the plan empties, so the platform cancels everything.
            vm.setConsent(Purpose.NOTIFICATIONS, true)
            vm.ready { s -> s.consents.single { it.purpose == Purpose.NOTIFICATIONS }.granted }
            assertTrue(core.reminders().notificationPlan(64u).isNotEmpty())
            vm.setConsent(Purpose.NOTIFICATIONS, false)
            vm.ready { s -> !s.consents.single { it.purpose == Purpose.NOTIFICATIONS }.granted }
            assertTrue(core.reminders().notificationPlan(64u).isEmpty())

            // Sync without consent is refused by name; the screen says which purpose.
            vm.syncNow()
            assertEquals(ProblemKind.CONSENT_REQUIRED, vm.state.value.problem!!.kind)
            assertEquals(Purpose.SYNC, vm.state.value.problem!!.purpose)

            vm.setLanguage(Language.ZH_HANS)
            assertEquals(Language.ZH_HANS, vm.ready { it.language == Language.ZH_HANS }.language)
            vm.setQuietHours("21:30", "07:00")
            assertEquals("21:30", vm.ready { it.reminders.quietStart == "21:30" }.reminders.quietStart)
            vm.setQuietHours("25:00", "07:00")
            assertEquals("quiet_start", vm.state.value.problem!!.field)

            vm.exportData()
            val export = vm.state.value.export!!
            assertTrue(export.contains("\"consent_log\""), "her consent history is part of her data")
            assertTrue(export.contains("blood_pressure"))
            vm.exportShared()
            assertNull(vm.state.value.export)

            vm.deleteEverything()
            assertTrue(vm.state.value.deleted)
            assertNull(core.profile())
            assertTrue(core.records().list(null).isEmpty())
            vm.stop()
            scope.cancel()
        }
    }

    private suspend fun SettingsViewModel.ready(until: (SettingsScreen) -> Boolean): SettingsScreen = withTimeout(60_000) {
        (state.first { it.screen is Loadable.Ready && until((it.screen as Loadable.Ready).value) }.screen as Loadable.Ready).value
    }
}
