//! The family's end-to-end keys.
//!
//! Each member's devices hold an X25519 key pair. Each scope (the mother's
//! shared categories, each baby) has a data key: a [`SyncKey`] that seals
//! fields exactly as her own sync key does. The owner's device seals that
//! data key to every member of the scope with HPKE (RFC 9180, base mode,
//! DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20-Poly1305); the server
//! stores only the sealed keys.
//!
//! Removing or narrowing a member starts a new epoch: a fresh data key,
//! sealed to the members who remain. What is written after that is sealed
//! with the new key, which the removed member's devices never receive.
//!
//! A safety number (a fingerprint of both members' public keys) is shown on
//! both devices when someone joins; a server that swapped a key on the way
//! makes the two numbers differ.

use super::super::seal::{SealError, SyncKey};
use hpke::aead::ChaCha20Poly1305;
use hpke::kdf::HkdfSha256;
use hpke::kem::X25519HkdfSha256;
use hpke::{Deserializable, Kem, OpModeR, OpModeS, Serializable};
use rand_core::{OsRng, TryRngCore};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha512};

type KemPrivate = <X25519HkdfSha256 as Kem>::PrivateKey;
type KemPublic = <X25519HkdfSha256 as Kem>::PublicKey;
type Encapped = <X25519HkdfSha256 as Kem>::EncappedKey;

/// RFC 9180's `info`: which protocol a sealed key belongs to.
const INFO: &[u8] = b"cradle family scope key v1";
const SAFETY_LABEL: &[u8] = b"cradle safety number v1";

fn corrupt() -> SealError {
    SealError::Corrupt("a family key")
}

/// A member device's secret key. Its `Debug` never shows the bytes.
pub struct MemberSecret(KemPrivate);

impl std::fmt::Debug for MemberSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MemberSecret(…)")
    }
}

/// A member's public key, as the server relays it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberPublic(#[serde(with = "hex32")] pub [u8; 32]);

impl MemberSecret {
    pub fn generate() -> Result<Self, SealError> {
        let mut rng = OsRng.unwrap_err();
        Ok(Self(X25519HkdfSha256::gen_keypair(&mut rng).0))
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Self, SealError> {
        KemPrivate::from_bytes(bytes)
            .map(Self)
            .map_err(|_| corrupt())
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.to_bytes().to_vec()
    }

    pub fn public(&self) -> MemberPublic {
        let bytes = X25519HkdfSha256::sk_to_pk(&self.0).to_bytes();
        MemberPublic(bytes.into())
    }
}

/// One scope's data key in one epoch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScopeKey {
    /// `mother`, or `baby:<n>`.
    pub scope: String,
    pub epoch: u32,
    pub key: SyncKey,
}

impl ScopeKey {
    pub fn first(scope: &str) -> Result<Self, SealError> {
        Ok(Self {
            scope: scope.to_owned(),
            epoch: 1,
            key: SyncKey::generate()?,
        })
    }

    /// The key after a removal: a fresh one, never derived from this one,
    /// so holding this key says nothing about the next.
    pub fn next(&self) -> Result<Self, SealError> {
        Ok(Self {
            scope: self.scope.clone(),
            epoch: self.epoch.checked_add(1).ok_or_else(corrupt)?,
            key: SyncKey::generate()?,
        })
    }

    /// Seals this key to one member. The associated data names the scope,
    /// the epoch and the member, so the server cannot hand a sealed key to
    /// someone else or pass an old epoch off as a new one.
    pub fn seal_for(&self, member: &str, to: &MemberPublic) -> Result<SealedScopeKey, SealError> {
        let pk = KemPublic::from_bytes(&to.0).map_err(|_| corrupt())?;
        let aad = aad(&self.scope, self.epoch, member);
        let mut rng = OsRng.unwrap_err();
        let (enc, sealed) =
            hpke::single_shot_seal::<ChaCha20Poly1305, HkdfSha256, X25519HkdfSha256, _>(
                &OpModeS::Base,
                &pk,
                INFO,
                self.key.as_bytes(),
                aad.as_bytes(),
                &mut rng,
            )
            .map_err(|_| corrupt())?;
        Ok(SealedScopeKey {
            scope: self.scope.clone(),
            epoch: self.epoch,
            member: member.to_owned(),
            enc: enc.to_bytes().to_vec(),
            sealed,
        })
    }
}

fn aad(scope: &str, epoch: u32, member: &str) -> String {
    format!("{scope}\u{1f}{epoch}\u{1f}{member}")
}

/// A scope key as the server stores it for one member: it cannot open it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealedScopeKey {
    pub scope: String,
    pub epoch: u32,
    pub member: String,
    pub enc: Vec<u8>,
    pub sealed: Vec<u8>,
}

impl SealedScopeKey {
    /// Opens the key on the member's device; anything tampered with, or
    /// sealed to someone else, is refused.
    pub fn open(&self, secret: &MemberSecret) -> Result<ScopeKey, SealError> {
        let enc = Encapped::from_bytes(&self.enc).map_err(|_| corrupt())?;
        let aad = aad(&self.scope, self.epoch, &self.member);
        let plain = hpke::single_shot_open::<ChaCha20Poly1305, HkdfSha256, X25519HkdfSha256>(
            &OpModeR::Base,
            &secret.0,
            &enc,
            INFO,
            &self.sealed,
            aad.as_bytes(),
        )
        .map_err(|_| corrupt())?;
        Ok(ScopeKey {
            scope: self.scope.clone(),
            epoch: self.epoch,
            key: SyncKey::from_bytes(&plain)?,
        })
    }
}

/// Sixty digits in twelve groups of five, the same on both devices for the
/// same two keys, whichever side computes it.
pub fn safety_number(a: &MemberPublic, b: &MemberPublic) -> String {
    let (lo, hi) = if a.0 <= b.0 { (a, b) } else { (b, a) };
    let digest = Sha512::new()
        .chain_update(SAFETY_LABEL)
        .chain_update(lo.0)
        .chain_update(hi.0)
        .finalize();
    digest
        .chunks_exact(5)
        .take(12)
        .map(|c| {
            let n = c.iter().fold(0u64, |n, b| (n << 8) | u64::from(*b));
            format!("{:05}", n % 100_000)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

mod hex32 {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(bytes: &[u8; 32], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&data_encoding::HEXLOWER.encode(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<[u8; 32], D::Error> {
        let text = String::deserialize(d)?;
        data_encoding::HEXLOWER
            .decode(text.as_bytes())
            .ok()
            .and_then(|b| b.try_into().ok())
            .ok_or_else(|| D::Error::custom("a public key is 64 hexadecimal digits"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_member_opens_the_scope_key_sealed_to_her_and_no_one_else_does() {
        let grandma = MemberSecret::generate().unwrap();
        let nanny = MemberSecret::generate().unwrap();
        let key = ScopeKey::first("baby:1").unwrap();
        let sealed = key.seal_for("grandma", &grandma.public()).unwrap();
        assert_eq!(sealed.open(&grandma).unwrap(), key);
        assert!(sealed.open(&nanny).is_err());

        // The server moving it to another member, or relabelling the epoch, is caught.
        let mut moved = sealed.clone();
        moved.member = "nanny".into();
        assert!(moved.open(&grandma).is_err());
        let mut relabelled = sealed;
        relabelled.epoch = 2;
        assert!(relabelled.open(&grandma).is_err());
    }

    #[test]
    fn after_a_removal_the_removed_member_opens_nothing_written_next() {
        let nanny = MemberSecret::generate().unwrap();
        let epoch1 = ScopeKey::first("baby:1").unwrap();
        let kept = epoch1
            .seal_for("nanny", &nanny.public())
            .unwrap()
            .open(&nanny)
            .unwrap();
        let before = epoch1
            .key
            .seal("feed", "f1", "ml", &json!(120), "c:1")
            .unwrap();
        assert_eq!(
            kept.key.open("feed", "f1", "ml", &before).unwrap(),
            json!(120)
        );

        // The nanny is removed: epoch 2 is sealed only to who remains.
        let epoch2 = epoch1.next().unwrap();
        assert_eq!(epoch2.epoch, 2);
        assert_ne!(epoch2.key, epoch1.key);
        let after = epoch2
            .key
            .seal("feed", "f2", "ml", &json!(90), "c:2")
            .unwrap();
        assert!(kept.key.open("feed", "f2", "ml", &after).is_err());
    }

    #[test]
    fn both_sides_compute_one_safety_number_and_a_swapped_key_changes_it() {
        let mother = MemberSecret::generate().unwrap();
        let grandma = MemberSecret::generate().unwrap();
        let server = MemberSecret::generate().unwrap();
        let on_hers = safety_number(&mother.public(), &grandma.public());
        assert_eq!(on_hers, safety_number(&grandma.public(), &mother.public()));
        assert_eq!(on_hers.len(), 12 * 5 + 11);
        assert!(
            on_hers
                .split(' ')
                .all(|g| g.len() == 5 && g.bytes().all(|b| b.is_ascii_digit()))
        );
        // The server hands the mother its own key in place of grandma's.
        assert_ne!(on_hers, safety_number(&mother.public(), &server.public()));
    }

    #[test]
    fn keys_survive_their_stored_forms() {
        let me = MemberSecret::generate().unwrap();
        let again = MemberSecret::from_bytes(&me.to_bytes()).unwrap();
        assert_eq!(me.public(), again.public());
        let text = serde_json::to_string(&me.public()).unwrap();
        assert_eq!(
            serde_json::from_str::<MemberPublic>(&text).unwrap(),
            me.public()
        );
        assert!(serde_json::from_str::<MemberPublic>("\"abc\"").is_err());
        assert!(MemberSecret::from_bytes(&[1; 7]).is_err());
        assert_eq!(format!("{me:?}"), "MemberSecret(…)");
    }
}
