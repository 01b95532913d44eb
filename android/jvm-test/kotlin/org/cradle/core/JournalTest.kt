package org.cradle.core

import ca.uhn.fhir.context.FhirContext
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport
import ca.uhn.fhir.validation.ResultSeverityEnum
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir
import uniffi.cradle.BodyBaseline
import uniffi.cradle.ClinicExportOptions
import uniffi.cradle.CradleCore
import uniffi.cradle.CradleException
import uniffi.cradle.Dating
import uniffi.cradle.Entry
import uniffi.cradle.Feed
import uniffi.cradle.Indicator
import uniffi.cradle.Milk
import uniffi.cradle.ProfileInfo
import uniffi.cradle.Sex
import uniffi.cradle.Side
import uniffi.cradle.WeightUnit
import java.nio.file.Path
import java.time.LocalDate

/** Journal entries, trends and the clinic export through the bindings. */
class JournalTest {
    @TempDir
    lateinit var dir: Path

    private val everyKind = listOf(
        Entry.Medication("Folic acid", "0.4 mg", true),
        Entry.Allergy("Penicillin", "rash"),
        Entry.Lab("Haemoglobin", 98.0, "g/L", 110.0, 150.0),
        Entry.Ultrasound(45.0, null, null, null, null, null),
        Entry.Note("A calm day"),
        Entry.Question("Can I keep swimming?"),
        Entry.Feed(1u, Feed.Breast(Side.LEFT, 15u)),
        Entry.Feed(1u, Feed.Bottle(90u, Milk.FORMULA)),
        Entry.Sleep(1u, 95u),
        Entry.Diaper(1u, true, false),
        Entry.Temperature(1u, 36.8),
        Entry.Growth(1u, 4200u, 540u, 370u),
    )

    @Test
    fun `every entry kind round-trips and bad input names the field`() {
        CradleCore.open(dir.resolve("j.db").toString(), TEST_KEY, "Asia/Shanghai", "en").use { core ->
            val bad = assertThrows<CradleException.InvalidInput> { core.addEntry(Entry.Sleep(1u, 30u), null) }
            assertEquals("baby", bad.field)
            core.recordBirth(LocalDate.now().minusDays(40).toString(), 39u, 0u, 1u, emptyList(), null)
            everyKind.forEach { core.addEntry(it, null) }
            val items = core.entries(emptyList(), null, null)
            assertEquals(everyKind, items.map { it.entry })
            assertTrue(items[2].unusual, "a lab below its range is flagged")
            assertEquals(2, core.entries(listOf("feed"), null, null).size)
            core.deleteEntry(items[4].id)
            assertEquals(everyKind.size - 1, core.entries(emptyList(), null, null).size)
        }
    }

    @Test
    fun `trends come in one call with the weight band and WHO curves`() {
        CradleCore.open(dir.resolve("t.db").toString(), TEST_KEY, "Asia/Shanghai", "en").use { core ->
            core.recordDating(Dating.Lmp(LocalDate.now().minusWeeks(20).toString(), 28u))
            core.setBodyBaseline(BodyBaseline(160.0, 55.0))
            core.recordWeight(60.0, WeightUnit.KG, null)
            val t = core.trends(null, null)
            assertEquals(60.0, t.weight.single().kg)
            assertEquals("normal", t.weightBand!!.`class`)
            assertEquals(43, t.weightBand!!.points.size)
            assertThrows<CradleException.InvalidInput> { core.setBodyBaseline(BodyBaseline(20.0, 55.0)) }

            core.recordBirth(LocalDate.now().minusDays(1).toString(), 39u, 0u, 1u, emptyList(), null)
            core.setBabySex(1u, Sex.MALE)
            core.addEntry(Entry.Growth(1u, 3400u, 500u, 345u), null)
            val growth = core.trends(null, null).growth.single()
            assertEquals(setOf(Indicator.WEIGHT, Indicator.LENGTH, Indicator.HEAD), growth.curves.map { it.indicator }.toSet())
            assertEquals(15, growth.curves.size)
            val reading = growth.points.single()
            assertNotNull(reading.weightPercentile)
            assertNotNull(reading.lengthPercentile)
            assertNotNull(reading.headPercentile)
        }
    }

    @Test
    fun `the FHIR export passes the official R4 validator`() {
        CradleCore.open(dir.resolve("f.db").toString(), TEST_KEY, "Asia/Shanghai", "en").use { core ->
            core.setProfile(ProfileInfo("Lin", "en", "Asia/Shanghai"))
            core.recordDating(Dating.Lmp(LocalDate.now().minusWeeks(30).toString(), 28u))
            core.setBodyBaseline(BodyBaseline(160.0, 55.0))
            core.recordWeight(64.0, WeightUnit.KG, null)
            core.recordBloodPressure(145u, 95u, 88u, null)
            everyKind.take(6).forEach { core.addEntry(it, null) }
            val pregnant = core.clinicExport("fhir", ClinicExportOptions(null, true, emptyList()))
            assertValid(pregnant)

            core.recordBirth(LocalDate.now().minusDays(1).toString(), 39u, 0u, 1u, emptyList(), null)
            core.setBabySex(1u, Sex.FEMALE)
            core.addEntry(Entry.Growth(1u, 3300u, 500u, 345u), null)
            core.recordVaccine(1u, "HepB", 1u, LocalDate.now().minusDays(1).toString(), null, null)
            val baby = core.clinicExport("fhir", ClinicExportOptions(null, false, emptyList()))
            assertValid(baby)
            assertTrue(baby.contains("Immunization"))

            val html = core.clinicExport("html", ClinicExportOptions(null, true, emptyList()))
            assertTrue(html.contains("Lin") && html.contains("Penicillin"))
            assertFalse(html.contains("A calm day"))
        }
    }

    private fun assertValid(json: String) {
        val result = validator.validateWithResult(json)
        val errors = result.messages.filter {
            it.severity == ResultSeverityEnum.ERROR || it.severity == ResultSeverityEnum.FATAL
        }
        assertTrue(errors.isEmpty(), errors.joinToString("\n") { "${it.locationString}: ${it.message}" })
    }

    private companion object {
        val fhir: FhirContext = FhirContext.forR4()
        val validator = fhir.newValidator().apply {
            val support = ValidationSupportChain(
                DefaultProfileValidationSupport(fhir),
                InMemoryTerminologyServerValidationSupport(fhir),
                CommonCodeSystemsTerminologyService(fhir),
            )
            registerValidatorModule(FhirInstanceValidator(support))
        }
    }
}
