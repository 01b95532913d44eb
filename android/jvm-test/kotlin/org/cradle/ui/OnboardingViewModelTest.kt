package org.cradle.ui

import kotlinx.coroutines.runBlocking
import org.cradle.viewmodel.OnboardingViewModel
import org.cradle.viewmodel.OnboardingViewModel.DatingBy
import org.cradle.viewmodel.OnboardingViewModel.Stage
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import uniffi.cradle.CradleCore
import uniffi.cradle.ProblemKind
import uniffi.cradle.store.Language
import uniffi.cradle.store.Purpose
import uniffi.cradle.timeline.Stage as CoreStage
import java.nio.file.Path
import java.time.LocalDate

class OnboardingViewModelTest {
    @TempDir
    lateinit var dir: Path

    private fun fresh(locale: String) =
        CradleCore.open(dir.resolve("new-$locale.db").toString(), KEY, "Asia/Shanghai", locale)

    @Test
    fun `nothing is pre-selected, and each purpose is answered on its own`() = runBlocking {
        fresh("zh-Hans-CN").use { core ->
            val vm = OnboardingViewModel(core)
            vm.load()
            val s = vm.state.value
            assertEquals(Language.ZH_HANS, s.language, "the device's language first")
            assertNull(s.stage)
            assertTrue(s.consents.values.none { it }, "no consent is pre-ticked")
            assertEquals(Purpose.entries.toSet(), s.consents.keys)
            assertFalse(s.canFinish)

            vm.chooseStage(Stage.PREGNANT)
            vm.chooseDating(DatingBy.LMP)
            // A period 196 days ago: 28 weeks today (a picker's date; the test does the arithmetic).
            vm.chooseDate(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(196).toString())
            vm.answer(Purpose.SYNC, true)
            vm.answer(Purpose.NOTIFICATIONS, true)
            vm.finish()
            assertTrue(vm.state.value.finished, "${vm.state.value.problem}")

            val today = core.today()
            assertEquals(CoreStage.PREGNANT, today.stage)
            assertEquals(28L, today.pregnancy!!.gestationalAge.weeks)
            assertEquals("zh-Hans-CN", today.profile!!.locale)
            assertNull(today.profile!!.displayName, "only what is needed")
            val consents = core.consents().associate { it.purpose to it }
            assertTrue(consents[Purpose.SYNC]!!.granted)
            assertFalse(consents[Purpose.SHOP]!!.granted)
            assertTrue(consents[Purpose.SHOP]!!.answeredAtEpochMs != null, "her 'no' is recorded as an answer")
            assertTrue(consents[Purpose.NOTIFICATIONS]!!.granted)
        }
    }

    @Test
    fun `a date the core refuses is shown and onboarding is not done`() = runBlocking {
        fresh("en-GB").use { core ->
            val vm = OnboardingViewModel(core)
            vm.load()
            vm.chooseLanguage(Language.EN)
            vm.chooseStage(Stage.PREGNANT)
            vm.chooseDating(DatingBy.LMP)
            vm.chooseDate("2031-01-01")
            vm.finish()
            val s = vm.state.value
            assertFalse(s.finished)
            assertEquals(ProblemKind.INVALID_INPUT, s.problem!!.kind)
            assertEquals("lmp", s.problem!!.field)
            assertNull(core.profile(), "no profile: the app still shows onboarding")

            vm.chooseStage(Stage.BABY)
            vm.chooseDate(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(30).toString())
            vm.chooseBirthWeeks(36u)
            vm.chooseBirthWeight(100u)
            vm.finish()
            assertEquals("birth_weights", vm.state.value.problem!!.field, "the core judges the weight")
            vm.chooseBirthWeight(2400u)
            vm.finish()
            assertTrue(vm.state.value.finished)
            val summary = core.records().clinicExport("html", uniffi.cradle.ClinicExportOptions(null, false, emptyList()))
            assertTrue(summary.contains("Birth weight: 2400 g"), "her baby's weight is on the record")
            val today = core.today()
            assertEquals(CoreStage.POSTPARTUM, today.stage, "a month after the birth")
            assertEquals(36L, today.baby!!.gestationalAgeAtBirth.weeks)
            assertTrue(today.baby!!.correctedAgeDays != null, "born before 37 weeks")
            assertEquals("en-GB", today.profile!!.locale, "her device's English stays")
            assertTrue(core.consents().none { it.granted })
        }
    }
}
