package org.cradle.core

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
import uniffi.cradle.records.Entry
import uniffi.cradle.records.Feed
import uniffi.cradle.records.GlucoseContext
import uniffi.cradle.records.GlucoseUnit
import uniffi.cradle.timeline.HbsAg
import uniffi.cradle.records.Indicator
import uniffi.cradle.records.Milk
import uniffi.cradle.ProfileInfo
import uniffi.cradle.records.Severity
import uniffi.cradle.timeline.Sex
import uniffi.cradle.records.Side
import uniffi.cradle.records.WeightUnit
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
            val bad = assertThrows<CradleException.InvalidInput> { core.records().addEntry(Entry.Sleep(1u, 30u), null) }
            assertEquals("baby", bad.field)
            core.recordBirth(LocalDate.now().minusDays(40).toString(), 39u, 0u, 1u, emptyList(), null)
            everyKind.forEach { core.records().addEntry(it, null) }
            val items = core.records().entries(emptyList(), null, null)
            assertEquals(everyKind, items.map { it.entry })
            assertTrue(items[2].unusual, "a lab below its range is flagged")
            assertEquals(2, core.records().entries(listOf("feed"), null, null).size)
            core.records().deleteEntry(items[4].id)
            assertEquals(everyKind.size - 1, core.records().entries(emptyList(), null, null).size)
        }
    }

    @Test
    fun `trends come in one call with the weight band and WHO curves`() {
        CradleCore.open(dir.resolve("t.db").toString(), TEST_KEY, "Asia/Shanghai", "en").use { core ->
            core.recordDating(Dating.Lmp(LocalDate.now().minusWeeks(20).toString(), 28u))
            core.records().setBodyBaseline(BodyBaseline(160.0, 55.0))
            core.records().recordWeight(60.0, WeightUnit.KG, null)
            val t = core.records().trends(null, null)
            assertEquals(60.0, t.weight.single().kg)
            assertEquals("normal", t.weightBand!!.`class`)
            assertEquals(43, t.weightBand!!.points.size)
            assertThrows<CradleException.InvalidInput> { core.records().setBodyBaseline(BodyBaseline(20.0, 55.0)) }

            core.recordBirth(LocalDate.now().minusDays(1).toString(), 39u, 0u, 1u, emptyList(), null)
            core.setBabySex(1u, Sex.MALE)
            core.records().addEntry(Entry.Growth(1u, 3400u, 500u, 345u), null)
            val growth = core.records().trends(null, null).growth.single()
            assertEquals(setOf(Indicator.WEIGHT, Indicator.LENGTH, Indicator.HEAD), growth.curves.map { it.indicator }.toSet())
            assertEquals(15, growth.curves.size)
            val reading = growth.points.single()
            assertNotNull(reading.weightPercentile)
            assertNotNull(reading.lengthPercentile)
            assertNotNull(reading.headPercentile)
        }
    }

    /** Ten situations a clinic meets, each exported and validated. */
    private val scenarios: List<Pair<String, (CradleCore) -> Unit>> = listOf(
        "pregnant, dated by LMP, with everything" to { core ->
            core.recordDating(Dating.Lmp(LocalDate.now().minusWeeks(30).toString(), 28u))
            core.records().setBodyBaseline(BodyBaseline(160.0, 55.0))
            core.records().recordWeight(64.0, WeightUnit.KG, null)
            core.records().recordBloodPressure(145u, 95u, 88u, null)
            core.records().recordGlucose(9.5, GlucoseUnit.MMOL_PER_L, GlucoseContext.ONE_HOUR, null)
            core.records().noteSymptom("headache", Severity.SEVERE, null)
            core.records().addEntry(Entry.Ogtt(5.3, 10.4, 8.1), null)
            everyKind.take(6).forEach { core.records().addEntry(it, null) }
        },
        "dated by IVF transfer" to { core ->
            core.recordDating(Dating.Ivf(LocalDate.now().minusWeeks(10).toString(), 5u))
        },
        "dated by a scan after the LMP" to { core ->
            core.recordDating(Dating.Lmp(LocalDate.now().minusWeeks(12).toString(), 28u))
            core.recordDating(Dating.UltrasoundCrl(LocalDate.now().minusDays(3).toString(), 45.0))
        },
        "dated by the clinic, no known allergies" to { core ->
            core.recordDating(Dating.Edd(LocalDate.now().plusWeeks(8).toString()))
            core.records().addEntry(Entry.NoKnownAllergies, null)
        },
        "pregnant, nothing recorded yet" to { core ->
            core.recordDating(Dating.Lmp(LocalDate.now().minusWeeks(8).toString(), 28u))
        },
        "postpartum, HBsAg-positive mother" to { core ->
            val born = LocalDate.now().minusDays(5).toString()
            core.recordBirth(born, 39u, 0u, 1u, listOf(3300u), HbsAg.POSITIVE)
            core.setBabySex(1u, Sex.FEMALE)
            core.reminders().recordVaccine(1u, "HBIG", 1u, born, "HBIG-1", null)
            core.reminders().recordVaccine(1u, "HepB", 1u, born, "HB2026-10", "和睦家医院")
            core.records().addEntry(Entry.Temperature(1u, 37.1), null)
        },
        "twins, each with growth and doses" to { core ->
            val born = LocalDate.now().minusDays(20).toString()
            core.recordBirth(born, 35u, 4u, 2u, listOf(2300u, 1900u), HbsAg.NEGATIVE)
            core.setBabySex(1u, Sex.MALE)
            core.setBabySex(2u, Sex.FEMALE)
            core.records().addEntry(Entry.Growth(1u, 2600u, 470u, 330u), null)
            core.records().addEntry(Entry.Growth(2u, 2000u, 450u, 320u), null)
            core.reminders().recordVaccine(1u, "BCG", 1u, born, null, null)
            core.reminders().recordVaccine(2u, "HepB", 1u, born, null, null)
        },
        "a baby of five months with a fever" to { core ->
            core.recordBirth(LocalDate.now().minusMonths(5).toString(), 40u, 0u, 1u, listOf(3500u), null)
            core.records().addEntry(Entry.Temperature(1u, 39.2), null)
        },
        "trying to conceive, with a blood pressure" to { core ->
            core.setTrying(LocalDate.now().minusMonths(2).toString())
            core.records().recordBloodPressure(128u, 82u, null, null)
        },
        "after a loss" to { core ->
            core.recordDating(Dating.Lmp(LocalDate.now().minusWeeks(14).toString(), 28u))
            core.recordLoss(LocalDate.now().minusDays(7).toString())
        },
    )

    @Test
    fun `ten FHIR documents pass the R4 validator, the vital-signs profiles and IPS 2_0_0`() {
        assertEquals(10, scenarios.size)
        scenarios.forEachIndexed { i, (name, setUp) ->
            CradleCore.open(dir.resolve("f$i.db").toString(), TEST_KEY, "Asia/Shanghai", "en").use { core ->
                core.setProfile(ProfileInfo("Lin", "en", "Asia/Shanghai"))
                setUp(core)
                val json = core.records().clinicExport("fhir", ClinicExportOptions(null, true, emptyList()))
                assertTrue(json.contains("\"type\": \"document\""), name)
                assertTrue(json.contains("60591-5"), name)
                for (errors in listOf(Fhir.errors(Fhir.base, json), Fhir.errors(Fhir.ips, json, Fhir.IPS_BUNDLE))) {
                    assertTrue(errors.isEmpty(), "$name:\n" + errors.joinToString("\n"))
                }
            }
        }
    }

    @Test
    fun `the validators check the declared vital-signs and IPS profiles`() {
        CradleCore.open(dir.resolve("p.db").toString(), TEST_KEY, "Asia/Shanghai", "en").use { core ->
            core.recordDating(Dating.Lmp(LocalDate.now().minusWeeks(30).toString(), 28u))
            core.records().recordBloodPressure(145u, 95u, null, null)
            val json = core.records().clinicExport("fhir", ClinicExportOptions(null, false, emptyList()))
            assertTrue(json.contains("StructureDefinition/bp"))
            // A blood pressure without its diastolic component breaks the bp profile.
            val broken = json.replace("\"8462-4\"", "\"8867-4\"")
            val errors = Fhir.errors(Fhir.base, broken)
            assertTrue(
                errors.any { it.contains("DiastolicBP") && it.contains("StructureDefinition/bp") },
                errors.joinToString("\n"),
            )
            // A document without its allergies section is no IPS.
            val noAllergies = json.replace("\"48765-2\"", "\"48765-0\"")
            assertTrue(Fhir.errors(Fhir.base, noAllergies).isEmpty(), "base R4 does not mind")
            val clean = Fhir.errors(Fhir.ips, json, Fhir.IPS_BUNDLE)
            assertTrue(clean.isEmpty(), clean.joinToString("\n"))
            val ipsErrors = Fhir.errors(Fhir.ips, noAllergies, Fhir.IPS_BUNDLE)
            assertTrue(ipsErrors.any { "uv/ips" in it }, ipsErrors.joinToString("\n"))
        }
    }

    @Test
    fun `the clinic summary page names her allergies and her medication`() {
        CradleCore.open(dir.resolve("h.db").toString(), TEST_KEY, "Asia/Shanghai", "en").use { core ->
            core.setProfile(ProfileInfo("Lin", "en", "Asia/Shanghai"))
            core.recordDating(Dating.Lmp(LocalDate.now().minusWeeks(30).toString(), 28u))
            everyKind.take(6).forEach { core.records().addEntry(it, null) }
            val html = core.records().clinicExport("html", ClinicExportOptions(null, true, emptyList(), 32u))
            assertTrue(html.contains("Lin") && html.contains("Penicillin") && html.contains("32 years"))
            assertFalse(html.contains("A calm day"))
        }
    }
}
