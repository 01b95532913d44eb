//! What the terminal's environment says about the device: zone, locale and
//! where user data lives.

use cradle_core::CradleError;
use cradle_core::storage::DbKey;
use std::path::{Path, PathBuf};

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

/// How this device appears in the account's list of signed-in devices.
pub fn name() -> String {
    let host = std::env::var("HOSTNAME")
        .ok()
        .or_else(|| std::fs::read_to_string("/etc/hostname").ok())
        .map(|h| h.trim().to_owned())
        .filter(|h| !h.is_empty());
    match host {
        Some(h) => format!("cradle CLI on {}", h.chars().take(40).collect::<String>()),
        None => "cradle CLI".to_owned(),
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

/// The database key for `db`: from `key_file` if given, else `<db>.key`
/// beside it, created (mode 0600) when neither it nor the database exists
/// yet. A desktop has no Keychain here; the file plays its part.
pub fn database_key(db: &Path, key_file: Option<&Path>) -> Result<DbKey, CradleError> {
    let default = db.with_extension("key");
    let path = key_file.unwrap_or(&default);
    let storage = |what: &str| CradleError::Storage {
        reason: format!("{what} {}", path.display()),
    };
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(DbKey::from_hex(&text)?),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !db.exists() => {
            let key = DbKey::generate()?;
            write_private(path, &key.to_hex()).map_err(|_| storage("cannot write the key file"))?;
            Ok(key)
        }
        Err(_) => Err(storage("cannot read the key file")),
    }
}

fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)?.write_all(text.as_bytes())
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
