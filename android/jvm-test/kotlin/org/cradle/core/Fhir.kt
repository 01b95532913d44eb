package org.cradle.core

import ca.uhn.fhir.context.FhirContext
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport
import ca.uhn.fhir.context.support.IValidationSupport
import ca.uhn.fhir.validation.FhirValidator
import ca.uhn.fhir.validation.ResultSeverityEnum
import ca.uhn.fhir.validation.ValidationOptions
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport
import org.hl7.fhir.common.hapi.validation.support.NpmPackageValidationSupport
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator
import org.hl7.fhir.instance.model.api.IBaseResource

/**
 * HAPI's validator, twice: against base R4 and its vital-signs profiles
 * alone, and with the IPS 2.0.0 package and what it builds on (fetched from
 * the npm registry by scripts/fhir-packages.sh onto the test classpath).
 */
object Fhir {
    private val context: FhirContext = FhirContext.forR4()

    /** The IPS package and its dependencies, as scripts/fhir-packages.sh names them. */
    val PACKAGES = listOf(
        "hl7.terminology.r4-7.0.1.tgz",
        "hl7.fhir.uv.extensions.r4-5.3.0-ballot-tc1.tgz",
        "hl7.fhir.uv.ips-2.0.0.tgz",
    )

    val base: FhirValidator by lazy { validator(emptyList()) }
    val ips: FhirValidator by lazy { validator(PACKAGES) }

    private fun validator(packages: List<String>): FhirValidator {
        val core = DefaultProfileValidationSupport(context)
        // IG profiles name core types with their version ("Patient|4.0.1").
        val versioned = object : IValidationSupport {
            override fun getFhirContext() = context
            override fun fetchStructureDefinition(theUrl: String): IBaseResource? =
                if (theUrl.endsWith("|4.0.1")) core.fetchStructureDefinition(theUrl.substringBefore('|')) else null
        }
        val npm = NpmPackageValidationSupport(context)
        for (p in packages) {
            checkNotNull(javaClass.classLoader.getResource(p)) { "$p is missing: run scripts/fhir-packages.sh" }
            npm.loadPackageFromClasspath("classpath:$p")
        }
        val chain = ValidationSupportChain(
            core,
            versioned,
            npm,
            SnapshotGeneratingValidationSupport(context),
            InMemoryTerminologyServerValidationSupport(context),
            CommonCodeSystemsTerminologyService(context),
        )
        return context.newValidator().apply { registerValidatorModule(FhirInstanceValidator(chain)) }
    }

    const val IPS_BUNDLE = "http://hl7.org/fhir/uv/ips/StructureDefinition/Bundle-uv-ips"

    /**
     * Errors and fatal messages, with where they are; against `profile` too
     * when given. A Composition that matches no IPS slice says why: the
     * slice check alone does not.
     */
    fun errors(validator: FhirValidator, json: String, profile: String? = null): List<String> {
        val found = check(validator, json, profile)
        if (found.none { "Bundle.entry:composition" in it }) return found
        val tagged = json.replaceFirst(
            "\"resourceType\": \"Composition\",",
            "\"resourceType\": \"Composition\", \"meta\": {\"profile\": [\"http://hl7.org/fhir/uv/ips/StructureDefinition/Composition-uv-ips\"]},",
        )
        return found + check(validator, tagged, profile).filter { "Bundle.entry:composition" !in it }
    }

    private fun check(validator: FhirValidator, json: String, profile: String?): List<String> =
        validator.validateWithResult(json, ValidationOptions().apply { profile?.let { addProfile(it) } }).messages
            .filter { it.severity == ResultSeverityEnum.ERROR || it.severity == ResultSeverityEnum.FATAL }
            .map { "${it.locationString}: ${it.message}" }
}
