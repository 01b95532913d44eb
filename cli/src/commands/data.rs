//! Her data: export it, or delete it all from this device.

use crate::*;

#[derive(Subcommand)]
pub(crate) enum Command {
    /// Export your data
    Export {
        #[command(subcommand)]
        what: ExportWhat,
    },
    /// Delete all your data on this device (not the server's copy)
    DeleteAll {
        /// Required: this cannot be undone
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Subcommand)]
pub(crate) enum ExportWhat {
    /// Every record, as JSON
    All {
        /// Write to FILE instead of standard output
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// The clinic-visit summary (html) or an HL7 FHIR R4 Bundle (fhir)
    Clinic {
        #[arg(long, default_value = "html")]
        format: String,
        #[arg(long)]
        out: PathBuf,
        /// Records from this date (YYYY-MM-DD) on
        #[arg(long)]
        from: Option<String>,
        /// Put your name on it
        #[arg(long)]
        include_name: bool,
        /// Your age in years, shown on page 1 (not stored)
        #[arg(long)]
        age: Option<u32>,
        /// Sections, comma-separated (default: all but the diary)
        #[arg(long, value_delimiter = ',')]
        sections: Vec<String>,
    },
}

pub(crate) fn run(cradle: &Cradle, out: &Output, command: Command) -> Result<(), CradleError> {
    match command {
        Command::Export {
            what: ExportWhat::All { out: file },
        } => {
            let data = cradle.export_all()?;
            let text = serde_json::to_string_pretty(&data).unwrap_or_default();
            match file {
                Some(path) => {
                    std::fs::write(&path, text).map_err(|_| CradleError::Storage {
                        reason: format!("cannot write {}", path.display()),
                    })?;
                    out.ok(
                        cradle.language()?,
                        &path.display().to_string(),
                        Outcome::Exported,
                    );
                }
                None => out.text(&text),
            }
        }
        Command::Export {
            what:
                ExportWhat::Clinic {
                    format,
                    out: file,
                    from,
                    include_name,
                    age,
                    sections,
                },
        } => {
            let options = clinic::Options {
                from: from.map(|d| parse_date("from", &d)).transpose()?,
                include_name,
                age_years: age,
                sections,
            };
            let text = cradle
                .records()
                .clinic_export(clinic::Format::from_code(&format)?, &options)?;
            std::fs::write(&file, text).map_err(|_| CradleError::Storage {
                reason: format!("cannot write {}", file.display()),
            })?;
            out.ok(
                cradle.language()?,
                &file.display().to_string(),
                Outcome::Exported,
            );
        }
        Command::DeleteAll { yes } => {
            if !yes {
                return Err(CradleError::InvalidInput {
                    field: "yes".into(),
                    reason: "deleting all data cannot be undone; pass --yes".into(),
                });
            }
            cradle.delete_all()?;
            out.ok(cradle.language()?, "all", Outcome::Deleted);
        }
    }
    Ok(())
}
