//! End-to-end encryption of health fields. The sync key is made on the
//! first device and never leaves the user's devices except as the recovery
//! code she writes down; the server stores and merges what it cannot read.
//!
//! Each field value is sealed on its own with XChaCha20-Poly1305 (RustCrypto).
//! The associated data binds the ciphertext to its collection, document and
//! field, so the server cannot move a value to another record or field
//! without the device noticing.
//!
//! - **Padding.** The plaintext is padded before sealing (at least 32 bytes,
//!   then Padmé), so a ciphertext's length does not tell `mild` from
//!   `severe`, or 98 from 102.
//! - **Nonces.** A field's nonce is derived from the key, the mutation (client
//!   id and mutation id), the place and the padded plaintext, as in SIV.
//!   A retry of one mutation seals to the same bytes, so the server can
//!   compare whole mutations and tell a retry from a cloned install's other
//!   edit; any other value, place or mutation gets another nonce.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use data_encoding::{BASE32_NOPAD, BASE64URL_NOPAD};
use hmac::{Hmac, Mac};
use serde_json::Value;
use sha2::Sha256;

/// Why a key or a sealed value was refused. Neither variant carries the
/// value itself: messages reach logs.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SealError {
    /// A key or a sealed value that does not open (tampered, another key).
    #[error("{0}")]
    Corrupt(&'static str),
    /// What she typed broke a rule (a recovery code).
    #[error("invalid {field}: {reason}")]
    Invalid {
        field: &'static str,
        reason: &'static str,
    },
}

type Result<T, E = SealError> = std::result::Result<T, E>;

/// The prefix of a sealed field: the envelope's version (padded, derived nonce).
pub const SEALED_PREFIX: &str = "e2.";
/// Fields sealed before padding (random nonce, no padding): still opened.
const UNPADDED_PREFIX: &str = "e1.";
/// The smallest padded plaintext: every code, date and number fits in it.
const MIN_PADDED: usize = 32;
/// Ends the value inside its padding (ISO/IEC 7816-4): then zeros.
const PAD_MARK: u8 = 0x80;
/// What `key_check` seals, so a new device can tell a mistyped recovery code.
const KEY_CHECK: &[u8] = b"cradle key check v1";
const KEY_CHECK_AAD: &[u8] = b"cradle/key-check";
const NONCE_LEN: usize = 24;
/// Poly1305's tag.
const TAG_LEN: usize = 16;

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
    getrandom::fill(&mut bytes).map_err(|_| SealError::Corrupt("no randomness available"))?;
    Ok(bytes)
}

const NOT_A_RECOVERY_CODE: SealError = SealError::Invalid {
    field: "recovery_code",
    reason: "is not a Cradle recovery code",
};

impl SyncKey {
    pub fn generate() -> Result<Self> {
        Ok(Self(random()?))
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let key: [u8; 32] = bytes
            .try_into()
            .map_err(|_| SealError::Corrupt("sync key"))?;
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
            .map_err(|_| NOT_A_RECOVERY_CODE)?;
        if bytes.len() != 32 {
            return Err(NOT_A_RECOVERY_CODE);
        }
        Self::from_bytes(&bytes)
    }

    fn cipher(&self) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new(self.0.as_slice().into())
    }

    fn seal_bytes(
        &self,
        prefix: &str,
        aad: &[u8],
        plaintext: &[u8],
        nonce: [u8; NONCE_LEN],
    ) -> Result<String> {
        let sealed = self
            .cipher()
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: plaintext,
                    aad,
                },
            )
            .map_err(|_| SealError::Corrupt("encryption failed"))?;
        let mut out = nonce.to_vec();
        out.extend_from_slice(&sealed);
        Ok(format!("{prefix}{}", BASE64URL_NOPAD.encode(&out)))
    }

    fn open_bytes(&self, aad: &[u8], raw: &[u8]) -> Result<Vec<u8>> {
        if raw.len() < NONCE_LEN {
            return Err(tampered());
        }
        let (nonce, body) = raw.split_at(NONCE_LEN);
        self.cipher()
            .decrypt(XNonce::from_slice(nonce), Payload { msg: body, aad })
            .map_err(|_| tampered())
    }

    /// The nonce of one field of one mutation: a PRF of everything sealed,
    /// under a key of its own derived from the sync key.
    fn field_nonce(&self, mutation: &str, aad: &[u8], padded: &[u8]) -> Result<[u8; NONCE_LEN]> {
        let mut derive = <Hmac<Sha256> as Mac>::new_from_slice(&self.0)
            .map_err(|_| SealError::Corrupt("sync key"))?;
        derive.update(b"cradle/field-nonce/v1");
        let nonce_key = derive.finalize().into_bytes();
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&nonce_key)
            .map_err(|_| SealError::Corrupt("sync key"))?;
        for part in [mutation.as_bytes(), aad, padded] {
            mac.update(&(part.len() as u64).to_le_bytes());
            mac.update(part);
        }
        let tag = mac.finalize().into_bytes();
        let mut nonce = [0u8; NONCE_LEN];
        nonce.copy_from_slice(&tag[..NONCE_LEN]);
        Ok(nonce)
    }

    /// Seals one field's value for `collection`/`doc`/`field`, as part of
    /// `mutation` (`<client id>:<mutation id>`): the same mutation seals to
    /// the same bytes.
    pub fn seal(
        &self,
        collection: &str,
        doc: &str,
        field: &str,
        value: &Value,
        mutation: &str,
    ) -> Result<Value> {
        let plain = serde_json::to_vec(value).map_err(|_| SealError::Corrupt("a field value"))?;
        let padded = pad(&plain);
        let aad = aad(collection, doc, field);
        let nonce = self.field_nonce(mutation, aad.as_bytes(), &padded)?;
        Ok(Value::String(self.seal_bytes(
            SEALED_PREFIX,
            aad.as_bytes(),
            &padded,
            nonce,
        )?))
    }

    /// Opens a value sealed by [`seal`](Self::seal) for the same place.
    pub fn open(&self, collection: &str, doc: &str, field: &str, sealed: &Value) -> Result<Value> {
        let text = sealed
            .as_str()
            .ok_or(SealError::Corrupt("a synced value is not sealed"))?;
        let aad = aad(collection, doc, field);
        let plain = if let Some(raw) = decode(text, SEALED_PREFIX) {
            unpad(self.open_bytes(aad.as_bytes(), &raw?)?)?
        } else if let Some(raw) = decode(text, UNPADDED_PREFIX) {
            self.open_bytes(aad.as_bytes(), &raw?)?
        } else {
            return Err(tampered());
        };
        std::str::from_utf8(&plain)
            .ok()
            .and_then(|text| serde_json::from_str(text).ok())
            .ok_or(SealError::Corrupt("a synced value"))
    }

    /// The account's key check: proves a recovery code without revealing it.
    pub fn key_check(&self) -> Result<String> {
        self.seal_bytes(UNPADDED_PREFIX, KEY_CHECK_AAD, KEY_CHECK, random()?)
    }

    /// Whether this key made `key_check`.
    pub fn matches(&self, key_check: &str) -> bool {
        decode(key_check, UNPADDED_PREFIX)
            .and_then(Result::ok)
            .and_then(|raw| self.open_bytes(KEY_CHECK_AAD, &raw).ok())
            .is_some_and(|p| p == KEY_CHECK)
    }
}

fn tampered() -> SealError {
    SealError::Corrupt("a synced value failed its integrity check")
}

/// The raw bytes of an envelope with `prefix`; `None` for another envelope.
fn decode(text: &str, prefix: &str) -> Option<Result<Vec<u8>>> {
    let body = text.strip_prefix(prefix)?;
    Some(
        BASE64URL_NOPAD
            .decode(body.as_bytes())
            .map_err(|_| tampered()),
    )
}

/// How long the sealed form of a `plain_len`-byte value is, as the server
/// measures a field: the JSON string, quotes included.
pub fn sealed_json_len(plain_len: usize) -> usize {
    let raw = NONCE_LEN + pad_len(plain_len) + TAG_LEN;
    // Unpadded base64: four characters per three bytes, and the rest.
    2 + SEALED_PREFIX.len() + (4 * raw).div_ceil(3)
}

/// Padmé (Nikitin et al., "Reducing Metadata Leakage from Encrypted Files
/// and Communication with PURBs", PETS 2019): rounds `len` up so that at most
/// O(log log len) bits of it show.
fn padme(len: usize) -> usize {
    if len < 2 {
        return len;
    }
    let e = usize::BITS - 1 - len.leading_zeros();
    let s = u32::BITS - e.leading_zeros();
    let mask = (1usize << (e - s)) - 1;
    (len + mask) & !mask
}

fn pad_len(plain_len: usize) -> usize {
    padme(plain_len + 1).max(MIN_PADDED)
}

/// The value, its mark, then zeros up to its bucket.
fn pad(plain: &[u8]) -> Vec<u8> {
    let len = pad_len(plain.len());
    let mut out = Vec::with_capacity(len);
    out.extend_from_slice(plain);
    out.push(PAD_MARK);
    out.resize(len, 0);
    out
}

fn unpad(mut padded: Vec<u8>) -> Result<Vec<u8>> {
    while padded.last() == Some(&0) {
        padded.pop();
    }
    match padded.pop() {
        Some(PAD_MARK) => Ok(padded),
        _ => Err(tampered()),
    }
}

/// Whether a wire value has the shape of a sealed value (what the server checks).
pub fn is_sealed(value: &Value) -> bool {
    value.as_str().is_some_and(|s| {
        [SEALED_PREFIX, UNPADDED_PREFIX].iter().any(|prefix| {
            s.strip_prefix(prefix)
                .is_some_and(|b| b.len() > 40 && BASE64URL_NOPAD.decode(b.as_bytes()).is_ok())
        })
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
            .seal("measurement", "d1", "systolic", &json!(152), "c:1")
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
    }

    #[test]
    fn a_retry_seals_to_the_same_bytes_and_nothing_else_does() {
        let key = SyncKey::generate().unwrap();
        let seal = |value: serde_json::Value, doc: &str, mutation: &str| {
            key.seal("body_baseline", doc, "height_mm", &value, mutation)
                .unwrap()
        };
        let first = seal(json!(1650), "d", "c:7");
        assert_eq!(first, seal(json!(1650), "d", "c:7"), "a retry");
        // A clone's other edit under the same mutation id differs, and so does
        // the same value in another mutation (equal values do not show).
        assert_ne!(first, seal(json!(1660), "d", "c:7"));
        assert_ne!(first, seal(json!(1650), "d", "c:8"));
        assert_ne!(first, seal(json!(1650), "d", "other:7"));
        assert_ne!(first, seal(json!(1650), "e", "c:7"));
    }

    #[test]
    fn fields_sealed_before_padding_still_open() {
        let key = SyncKey::generate().unwrap();
        let aad = aad("measurement", "d1", "grams");
        let old = key
            .seal_bytes(UNPADDED_PREFIX, aad.as_bytes(), b"63000", random().unwrap())
            .unwrap();
        assert!(is_sealed(&json!(old)));
        assert_eq!(
            key.open("measurement", "d1", "grams", &json!(old)).unwrap(),
            json!(63000)
        );
    }

    /// The length of a sealed value, which is all the server sees of it.
    fn sealed_len(key: &SyncKey, field: &str, value: serde_json::Value) -> usize {
        key.seal("symptom", "d", field, &value, "c:1")
            .unwrap()
            .as_str()
            .unwrap()
            .len()
    }

    #[test]
    fn a_sealed_length_shows_neither_the_value_nor_its_digits() {
        let key = SyncKey::generate().unwrap();
        let severity: std::collections::BTreeSet<usize> = ["mild", "moderate", "severe"]
            .into_iter()
            .map(|v| sealed_len(&key, "severity", json!(v)))
            .collect();
        assert_eq!(severity.len(), 1, "{severity:?}");
        // The server's measure of a sealed field is known before sealing.
        for n in [0, 1, 30, 31, 32, 100, 1000, 11_000, 50_000] {
            let v = json!("x".repeat(n));
            let sealed = key.seal("entry", "d", "data", &v, "c:1").unwrap();
            assert_eq!(
                sealed.to_string().len(),
                sealed_json_len(serde_json::to_vec(&v).unwrap().len())
            );
        }
        // Nor does the number of digits show: every reading seals alike.
        let numbers: std::collections::BTreeSet<usize> =
            [0_i64, 7, 98, 102, 63_000, 4_000_000, -1, i64::MAX]
                .into_iter()
                .map(|n| sealed_len(&key, "grams", json!(n)))
                .collect();
        assert_eq!(numbers.len(), 1, "{numbers:?}");
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
                Err(SealError::Invalid {
                    field: "recovery_code",
                    ..
                })
            ));
        }
    }

    proptest! {
        #[test]
        fn padding_round_trips_and_costs_little(plain in proptest::collection::vec(any::<u8>(), 0..5000)) {
            let padded = pad(&plain);
            prop_assert!(padded.len() > plain.len());
            prop_assert!(padded.len() >= MIN_PADDED);
            // Padmé's overhead is at most about 12 %.
            prop_assert!(padded.len() <= (plain.len() + 1).max(MIN_PADDED) * 113 / 100);
            prop_assert_eq!(unpad(padded).unwrap(), plain);
        }

        #[test]
        fn any_value_opens_as_it_was_sealed(text in ".{0,300}", n in any::<i64>()) {
            let key = SyncKey::generate().unwrap();
            for v in [json!(text), json!(n), json!({"note": text, "n": n})] {
                let sealed = key.seal("entry", "d", "data", &v, "c:1").unwrap();
                prop_assert_eq!(key.open("entry", "d", "data", &sealed).unwrap(), v);
            }
        }

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
