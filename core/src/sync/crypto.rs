//! End-to-end encryption of health fields. The sync key is made on the
//! first device and never leaves the user's devices except as the recovery
//! code she writes down; the server stores and merges what it cannot read.
//!
//! Each field value is sealed on its own with XChaCha20-Poly1305 (RustCrypto)
//! and a random 192-bit nonce. The associated data binds the ciphertext to
//! its collection, document and field, so the server cannot move a value to
//! another record or field without the device noticing.

use crate::error::{Error, Result};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use data_encoding::{BASE32_NOPAD, BASE64URL_NOPAD};
use serde_json::Value;

/// The prefix of a sealed value: the envelope's version.
pub const SEALED_PREFIX: &str = "e1.";
/// What `key_check` seals, so a new device can tell a mistyped recovery code.
const KEY_CHECK: &[u8] = b"cradle key check v1";
const KEY_CHECK_AAD: &[u8] = b"cradle/key-check";
const NONCE_LEN: usize = 24;

/// The end-to-end key. Its `Debug` never shows the bytes.
#[derive(Clone, PartialEq, Eq)]
pub struct SyncKey([u8; 32]);

impl std::fmt::Debug for SyncKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SyncKey(…)")
    }
}

fn random<const N: usize>() -> Result<[u8; N]> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|_| Error::Corrupt("no randomness available"))?;
    Ok(bytes)
}

impl SyncKey {
    pub fn generate() -> Result<Self> {
        Ok(Self(random()?))
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let key: [u8; 32] = bytes.try_into().map_err(|_| Error::Corrupt("sync key"))?;
        Ok(Self(key))
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// The key as the user writes it down: 52 base32 letters and digits in
    /// groups of four. Base32 avoids 0/O and 1/I/L confusion in the reading.
    pub fn recovery_code(&self) -> String {
        let text = BASE32_NOPAD.encode(&self.0);
        text.as_bytes()
            .chunks(4)
            .map(|c| std::str::from_utf8(c).unwrap_or_default())
            .collect::<Vec<_>>()
            .join("-")
    }

    /// Reads a recovery code, forgiving case, spaces and dashes.
    pub fn from_recovery_code(code: &str) -> Result<Self> {
        let cleaned: String = code
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let bytes = BASE32_NOPAD
            .decode(cleaned.as_bytes())
            .map_err(|_| Error::invalid("recovery_code", "is not a Cradle recovery code"))?;
        if bytes.len() != 32 {
            return Err(Error::invalid(
                "recovery_code",
                "is not a Cradle recovery code",
            ));
        }
        Self::from_bytes(&bytes)
    }

    fn cipher(&self) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new(self.0.as_slice().into())
    }

    fn seal_bytes(&self, aad: &[u8], plaintext: &[u8]) -> Result<String> {
        let nonce: [u8; NONCE_LEN] = random()?;
        let sealed = self
            .cipher()
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: plaintext,
                    aad,
                },
            )
            .map_err(|_| Error::Corrupt("encryption failed"))?;
        let mut out = nonce.to_vec();
        out.extend_from_slice(&sealed);
        Ok(format!("{SEALED_PREFIX}{}", BASE64URL_NOPAD.encode(&out)))
    }

    fn open_bytes(&self, aad: &[u8], sealed: &str) -> Result<Vec<u8>> {
        let bad = || Error::Corrupt("a synced value failed its integrity check");
        let raw = sealed
            .strip_prefix(SEALED_PREFIX)
            .and_then(|b| BASE64URL_NOPAD.decode(b.as_bytes()).ok())
            .ok_or_else(bad)?;
        if raw.len() < NONCE_LEN {
            return Err(bad());
        }
        let (nonce, body) = raw.split_at(NONCE_LEN);
        self.cipher()
            .decrypt(XNonce::from_slice(nonce), Payload { msg: body, aad })
            .map_err(|_| bad())
    }

    /// Seals one field's value for `collection`/`doc`/`field`.
    pub fn seal(&self, collection: &str, doc: &str, field: &str, value: &Value) -> Result<Value> {
        let plain = serde_json::to_vec(value).map_err(|_| Error::Corrupt("a field value"))?;
        Ok(Value::String(self.seal_bytes(
            aad(collection, doc, field).as_bytes(),
            &plain,
        )?))
    }

    /// Opens a value sealed by [`seal`](Self::seal) for the same place.
    pub fn open(&self, collection: &str, doc: &str, field: &str, sealed: &Value) -> Result<Value> {
        let text = sealed
            .as_str()
            .ok_or(Error::Corrupt("a synced value is not sealed"))?;
        let plain = self.open_bytes(aad(collection, doc, field).as_bytes(), text)?;
        serde_json::from_slice(&plain).map_err(|_| Error::Corrupt("a synced value"))
    }

    /// The account's key check: proves a recovery code without revealing it.
    pub fn key_check(&self) -> Result<String> {
        self.seal_bytes(KEY_CHECK_AAD, KEY_CHECK)
    }

    /// Whether this key made `key_check`.
    pub fn matches(&self, key_check: &str) -> bool {
        self.open_bytes(KEY_CHECK_AAD, key_check)
            .is_ok_and(|p| p == KEY_CHECK)
    }
}

/// Whether a wire value has the shape of a sealed value (what the server checks).
pub fn is_sealed(value: &Value) -> bool {
    value.as_str().is_some_and(|s| {
        s.strip_prefix(SEALED_PREFIX)
            .is_some_and(|b| b.len() > 40 && BASE64URL_NOPAD.decode(b.as_bytes()).is_ok())
    })
}

fn aad(collection: &str, doc: &str, field: &str) -> String {
    format!("cradle/{collection}/{doc}/{field}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    #[test]
    fn a_sealed_value_opens_only_in_its_own_place() {
        let key = SyncKey::generate().unwrap();
        let sealed = key
            .seal("measurement", "d1", "systolic", &json!(152))
            .unwrap();
        assert!(is_sealed(&sealed));
        assert!(!sealed.as_str().unwrap().contains("152"));
        assert_eq!(
            key.open("measurement", "d1", "systolic", &sealed).unwrap(),
            json!(152)
        );
        // Moved to another field, another record, or opened with another key: refused.
        assert!(key.open("measurement", "d1", "diastolic", &sealed).is_err());
        assert!(key.open("measurement", "d2", "systolic", &sealed).is_err());
        let other = SyncKey::generate().unwrap();
        assert!(
            other
                .open("measurement", "d1", "systolic", &sealed)
                .is_err()
        );
        // Two seals of one value differ (random nonces), so equal values do not show.
        let again = key
            .seal("measurement", "d1", "systolic", &json!(152))
            .unwrap();
        assert_ne!(sealed, again);
    }

    #[test]
    fn plain_values_are_not_taken_for_sealed_ones() {
        for v in [
            json!(120),
            json!("e1."),
            json!("hello"),
            json!(null),
            json!("e1.!!!"),
        ] {
            assert!(!is_sealed(&v), "{v}");
        }
    }

    #[test]
    fn the_key_check_tells_a_wrong_recovery_code() {
        let key = SyncKey::generate().unwrap();
        let check = key.key_check().unwrap();
        assert!(key.matches(&check));
        assert!(!SyncKey::generate().unwrap().matches(&check));
        assert!(!key.matches("e1.garbage"));
    }

    #[test]
    fn bad_recovery_codes_are_typed_errors() {
        for bad in ["", "ABCD", "!!!!-!!!!", &"A".repeat(60)] {
            assert!(matches!(
                SyncKey::from_recovery_code(bad),
                Err(Error::Invalid {
                    field: "recovery_code",
                    ..
                })
            ));
        }
    }

    proptest! {
        #[test]
        fn recovery_codes_round_trip_however_they_are_typed(bytes in proptest::array::uniform32(any::<u8>())) {
            let key = SyncKey::from_bytes(&bytes).unwrap();
            let code = key.recovery_code();
            prop_assert_eq!(code.len(), 52 + 12);
            let typed = code.to_lowercase().replace('-', " ");
            prop_assert_eq!(SyncKey::from_recovery_code(&typed).unwrap(), key);
        }
    }
}
