//! The clinic-visit summary and its export.

use super::*;

/// What the user chose to put in the clinic-visit export.
#[derive(uniffi::Record)]
pub struct ClinicExportOptions {
    /// `YYYY-MM-DD`; records from that local day on. `None` for all.
    pub from: Option<String>,
    pub include_name: bool,
    /// Section codes (see `ClinicVisitScreen::sections`); empty for the default set.
    pub sections: Vec<String>,
    /// Her age for page 1, typed when she shares; never stored.
    #[uniffi(default = None)]
    pub age_years: Option<u32>,
}

impl TryFrom<ClinicExportOptions> for cradle_core::clinic::Options {
    type Error = CradleError;

    fn try_from(o: ClinicExportOptions) -> Result<Self> {
        Ok(cradle_core::clinic::Options {
            from: o
                .from
                .map(|d| cradle_core::timeline::parse_date("from", &d))
                .transpose()?,
            include_name: o.include_name,
            age_years: o.age_years,
            sections: o.sections,
        })
    }
}

#[derive(uniffi::Record)]
pub struct ClinicSection {
    pub code: String,
    /// In her language.
    pub label: String,
    pub included: bool,
}

#[derive(uniffi::Record)]
pub struct ClinicVisitScreen {
    /// The printable summary; the platform prints it or saves it as PDF.
    pub html: String,
    pub sections: Vec<ClinicSection>,
    /// Her questions for the visit, oldest first.
    pub questions: Vec<JournalItem>,
}

#[uniffi::export]
impl RecordsClient {
    /// The clinic-visit export: `format` is `html` (printable summary) or
    /// `fhir` (an HL7 FHIR R4 Bundle, JSON). Built offline.
    pub fn clinic_export(&self, format: String, options: ClinicExportOptions) -> Result<String> {
        let format = cradle_core::clinic::Format::from_code(&format)?;
        Ok(self.records().clinic_export(format, &options.try_into()?)?)
    }

    /// The clinic-visit screen: the HTML summary to print or share, what it
    /// includes, and her questions.
    pub fn clinic_visit(&self, options: ClinicExportOptions) -> Result<ClinicVisitScreen> {
        let v = self.records().clinic_visit(&options.try_into()?)?;
        Ok(ClinicVisitScreen {
            html: v.html,
            sections: v
                .sections
                .into_iter()
                .map(|c| ClinicSection {
                    code: c.code.to_owned(),
                    label: c.label.to_owned(),
                    included: c.included,
                })
                .collect(),
            questions: v.questions.into_iter().map(Into::into).collect(),
        })
    }
}
