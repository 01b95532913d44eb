package org.cradle.ui

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.cancel
import kotlinx.coroutines.runBlocking
import org.cradle.viewmodel.ClinicViewModel
import org.cradle.viewmodel.Loadable
import ca.uhn.fhir.context.FhirContext
import org.hl7.fhir.r4.model.Bundle
import org.hl7.fhir.r4.model.Observation
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import uniffi.cradle.ClinicVisitScreen
import uniffi.cradle.records.Entry
import java.nio.file.Path

class ClinicViewModelTest {
    @TempDir
    lateinit var dir: Path

    private val ClinicViewModel.visit: ClinicVisitScreen get() = (state.value.screen as Loadable.Ready).value

    @Test
    fun `the visit summary follows her choices, her questions and the FHIR export`() = runBlocking {
        mother(dir, "en").use { core ->
            val scope = kotlinx.coroutines.CoroutineScope(Dispatchers.Default)
            val vm = ClinicViewModel(core, scope)
            vm.refresh()
            // Her name is left out until she asks; the reading is in.
            assertFalse(vm.visit.html.contains("Lin"))
            assertTrue(vm.visit.html.contains("142/92"))
            assertFalse(vm.visit.sections.single { it.code == "notes" }.included)

            vm.addQuestion("Should I worry about my blood pressure?")
            assertEquals("Should I worry about my blood pressure?", (vm.visit.questions.single().entry as Entry.Question).text)
            assertTrue(vm.visit.html.contains("Should I worry about my blood pressure?"))

            vm.setIncludeName(true)
            assertTrue(vm.visit.html.contains("Lin"))

            // Her age is judged by the core and never stored.
            vm.setAge(150u)
            assertEquals("age", vm.state.value.problem!!.field)
            assertFalse(vm.visit.html.contains("150"))
            vm.setAge(32u)
            assertTrue(vm.visit.html.contains("32 years"))
            assertFalse(core.exportAllData().contains("32 years"))

            // Unticking the questions leaves them out of the summary but on her list.
            vm.toggle("questions")
            assertFalse(vm.visit.sections.single { it.code == "questions" }.included)
            assertFalse(vm.visit.html.contains("Should I worry"))
            assertEquals(1, vm.visit.questions.size)

            // The last section cannot be unticked: empty would mean "the default set".
            vm.visit.sections.filter { it.included && it.code != "vitals" }.forEach { vm.toggle(it.code) }
            vm.toggle("vitals")
            assertEquals(listOf("vitals"), vm.visit.sections.filter { it.included }.map { it.code })

            vm.exportFhir()
            // The same choices: a FHIR R4 Bundle holding the blood pressure.
            val bundle = FhirContext.forR4().newJsonParser().parseResource(Bundle::class.java, vm.state.value.fhir!!)
            assertTrue(bundle.entry.any { it.resource is Observation })
            vm.fhirSaved()
            assertNull(vm.state.value.fhir)

            vm.deleteQuestion(vm.visit.questions.single().id)
            assertTrue(vm.visit.questions.isEmpty())

            // A day in the future is refused by name and the summary stays.
            vm.setFrom("2099-01-01")
            assertEquals("from", vm.state.value.problem?.field)
            assertNull(vm.state.value.from)
            assertTrue(vm.visit.html.contains("142/92"))
            val today = core.today().date
            vm.setFrom(today)
            assertNull(vm.state.value.problem)
            assertTrue(vm.visit.html.contains(today))
            vm.stop()
            scope.cancel()
        }
    }
}
