//! What the terminal's environment says about the device: zone, locale and
//! where user data lives.

use cradle_core::CradleError;
use std::path::PathBuf;

/// The system's IANA zone, or UTC when it cannot be read.
pub fn time_zone() -> String {
    iana_time_zone::get_timezone().unwrap_or_else(|_| "UTC".to_owned())
}

/// The POSIX locale (`LC_ALL`, `LC_MESSAGES`, `LANG`) as a BCP 47 tag.
pub fn locale() -> String {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty())
        .map(|v| posix_to_bcp47(&v))
        .unwrap_or_else(|| "en".to_owned())
}

fn posix_to_bcp47(posix: &str) -> String {
    // "zh_CN.UTF-8@pinyin" -> "zh-CN"; "C" and "POSIX" mean no preference.
    let base = posix.split(['.', '@']).next().unwrap_or_default();
    match base {
        "" | "C" | "POSIX" => "en".to_owned(),
        other => other.replace('_', "-"),
    }
}

pub fn default_db_path() -> Result<PathBuf, CradleError> {
    let dirs = directories::ProjectDirs::from("org", "Cradle", "cradle").ok_or_else(|| {
        CradleError::Storage {
            reason: "no home directory; pass --db PATH".into(),
        }
    })?;
    let dir = dirs.data_dir();
    std::fs::create_dir_all(dir).map_err(|_| CradleError::Storage {
        reason: format!("cannot create {}; pass --db PATH", dir.display()),
    })?;
    Ok(dir.join("cradle.db"))
}

#[cfg(test)]
mod tests {
    use super::posix_to_bcp47;

    #[test]
    fn posix_locales_become_language_tags() {
        assert_eq!(posix_to_bcp47("zh_CN.UTF-8"), "zh-CN");
        assert_eq!(posix_to_bcp47("en_GB.utf8@euro"), "en-GB");
        assert_eq!(posix_to_bcp47("C.UTF-8"), "en");
        assert_eq!(posix_to_bcp47("POSIX"), "en");
    }
}
