//! The user's own settings: an optional display name, locale and time zone.
//! PIPL asks for the minimum, so the name is optional and nothing else about
//! identity is kept here.

use crate::clock::zone_name;
use crate::error::{Error, Result};
use jiff::tz::TimeZone;
use rusqlite::{Connection, OptionalExtension, params};

#[derive(Debug, Clone, serde::Serialize)]
pub struct Profile {
    pub display_name: Option<String>,
    /// A BCP 47 tag as the device reports it, e.g. `zh-Hans-CN` or `en-GB`.
    pub locale: String,
    /// Written by its IANA name, `Asia/Shanghai`.
    #[serde(serialize_with = "as_zone_name")]
    pub time_zone: TimeZone,
}

fn as_zone_name<S: serde::Serializer>(z: &TimeZone, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(zone_name(z))
}

impl Profile {
    pub fn time_zone_name(&self) -> &str {
        zone_name(&self.time_zone)
    }
}

/// Languages Cradle has content for; any other locale reads English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Language {
    ZhHans,
    En,
}

impl Language {
    /// The one of two wordings that is in this language.
    pub fn pick<T>(self, zh: T, en: T) -> T {
        match self {
            Language::ZhHans => zh,
            Language::En => en,
        }
    }

    /// Simplified Chinese for `zh`, `zh-CN`, `zh-Hans…`, `zh-SG`; English otherwise
    /// (Traditional Chinese tags included, until there is content for them).
    pub fn for_locale(tag: &str) -> Language {
        let lower = tag.to_ascii_lowercase().replace('_', "-");
        let mut parts = lower.split('-');
        if parts.next() != Some("zh") {
            return Language::En;
        }
        match parts.next() {
            None | Some("hans") | Some("cn") | Some("sg") => Language::ZhHans,
            _ => Language::En,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Language::ZhHans => "zh-Hans",
            Language::En => "en",
        }
    }
}

const MAX_NAME_CHARS: usize = 40;

/// Validates and normalises a profile from untrusted input.
pub fn validate(display_name: Option<&str>, locale: &str, time_zone: &str) -> Result<Profile> {
    let display_name = match display_name.map(str::trim) {
        None | Some("") => None,
        Some(name) if name.chars().count() > MAX_NAME_CHARS => {
            return Err(Error::invalid(
                "display_name",
                format!("must be at most {MAX_NAME_CHARS} characters"),
            ));
        }
        Some(name) if name.chars().any(char::is_control) => {
            return Err(Error::invalid(
                "display_name",
                "must not contain control characters",
            ));
        }
        Some(name) => Some(name.to_owned()),
    };
    Ok(Profile {
        display_name,
        locale: validate_locale(locale)?,
        time_zone: parse_time_zone(time_zone)?,
    })
}

/// A BCP 47 language tag of the shape devices report (`zh-Hans-CN`, `en_US`).
pub fn validate_locale(tag: &str) -> Result<String> {
    let tag = tag.trim().replace('_', "-");
    let mut parts = tag.split('-');
    let lang_ok = parts
        .next()
        .is_some_and(|l| (2..=3).contains(&l.len()) && l.chars().all(|c| c.is_ascii_alphabetic()));
    let rest_ok =
        parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
    if !lang_ok || !rest_ok || tag.len() > 35 {
        return Err(Error::invalid(
            "locale",
            "must be a BCP 47 language tag such as zh-Hans-CN or en-GB",
        ));
    }
    Ok(tag)
}

pub fn parse_time_zone(name: &str) -> Result<TimeZone> {
    TimeZone::get(name.trim()).map_err(|_| {
        Error::invalid(
            "time_zone",
            "must be an IANA time zone name such as Asia/Shanghai",
        )
    })
}

pub fn load(conn: &Connection) -> Result<Option<Profile>> {
    // Read on every write (for the user's zone): cached, not re-prepared.
    let row = conn
        .prepare_cached("SELECT display_name, locale, time_zone FROM profile WHERE id = 1")?
        .query_row([], |r| {
            Ok((
                r.get::<_, Option<String>>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })
        .optional()?;
    row.map(|(display_name, locale, tz)| {
        Ok(Profile {
            display_name,
            locale,
            time_zone: parse_time_zone(&tz)?,
        })
    })
    .transpose()
}

pub fn save(conn: &Connection, profile: &Profile, updated_at: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO profile (id, display_name, locale, time_zone, updated_at)
         VALUES (1, ?1, ?2, ?3, ?4)
         ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name,
             locale = excluded.locale, time_zone = excluded.time_zone,
             updated_at = excluded.updated_at",
        params![
            profile.display_name,
            profile.locale,
            profile.time_zone_name(),
            updated_at
        ],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_tags_pick_simplified_chinese() {
        for tag in [
            "zh",
            "zh-CN",
            "zh-Hans",
            "zh-Hans-CN",
            "zh_CN",
            "ZH-hans",
            "zh-SG",
        ] {
            assert_eq!(Language::for_locale(tag), Language::ZhHans, "{tag}");
        }
        for tag in ["en", "en-GB", "fr-FR", "zh-Hant-TW", "zh-TW", "zh-HK"] {
            assert_eq!(Language::for_locale(tag), Language::En, "{tag}");
        }
    }

    #[test]
    fn validation_names_the_field() {
        let e = validate(None, "not a tag!", "Asia/Shanghai").unwrap_err();
        assert!(matches!(
            e,
            Error::Invalid {
                field: "locale",
                ..
            }
        ));
        let e = validate(None, "en", "Mars/Olympus").unwrap_err();
        assert!(matches!(
            e,
            Error::Invalid {
                field: "time_zone",
                ..
            }
        ));
        let long = "x".repeat(MAX_NAME_CHARS + 1);
        let e = validate(Some(&long), "en", "UTC").unwrap_err();
        assert!(matches!(
            e,
            Error::Invalid {
                field: "display_name",
                ..
            }
        ));
        let e = validate(Some("a\u{7}b"), "en", "UTC").unwrap_err();
        assert!(matches!(
            e,
            Error::Invalid {
                field: "display_name",
                ..
            }
        ));
    }

    #[test]
    fn blank_names_are_absent_and_names_are_trimmed() {
        assert_eq!(
            validate(Some("   "), "en", "UTC").unwrap().display_name,
            None
        );
        let p = validate(Some("  小雨 "), "zh_CN", " Asia/Shanghai ").unwrap();
        assert_eq!(p.display_name.as_deref(), Some("小雨"));
        assert_eq!(p.locale, "zh-CN");
        assert_eq!(p.time_zone_name(), "Asia/Shanghai");
        // A 40-character CJK name is within the limit: it counts characters, not bytes.
        assert!(validate(Some(&"雨".repeat(MAX_NAME_CHARS)), "zh", "UTC").is_ok());
    }
}
