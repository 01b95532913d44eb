//! Invites: only the owner makes one; it is a one-time 6-digit code (and
//! the same code as a QR), valid for 10 minutes and used once. Joining
//! with it only asks: the owner approves on her device after the two
//! safety numbers match, and nothing is accepted automatically.
//!
//! A million codes are easy to guess at machine speed, so guessing is
//! limited per joining account: five wrong codes in ten minutes, and the
//! next try waits until the oldest of them is ten minutes old.

use super::roles::{BabyId, Role};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// How long an invite can be used, in seconds.
pub const VALID_FOR_SECS: i64 = 10 * 60;
/// Wrong codes a joining account may try within [`GUESS_WINDOW_SECS`].
pub const WRONG_GUESSES: usize = 5;
pub const GUESS_WINDOW_SECS: i64 = 10 * 60;

/// Why a code was refused. None names the code or the family.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InviteError {
    #[error("this code has expired; ask for a new one")]
    Expired,
    #[error("this code has been used")]
    Used,
    #[error("this code is not right")]
    Unknown,
    #[error("too many wrong codes; try again in {retry_after_secs} s")]
    TooManyGuesses { retry_after_secs: i64 },
    #[error("the owner is not invited; a family has one")]
    OwnerNotInvitable,
    #[error("no randomness available")]
    NoRandomness,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invite {
    pub code: String,
    pub role: Role,
    /// The babies in the joiner's scope; empty means all of them.
    pub babies: BTreeSet<BabyId>,
    /// Unix seconds.
    pub created_at: i64,
    pub used: bool,
}

impl Invite {
    pub fn new(role: Role, babies: BTreeSet<BabyId>, now: i64) -> Result<Self, InviteError> {
        if role == Role::Owner {
            return Err(InviteError::OwnerNotInvitable);
        }
        Ok(Self {
            code: new_code()?,
            role,
            babies,
            created_at: now,
            used: false,
        })
    }

    pub fn expires_at(&self) -> i64 {
        self.created_at.saturating_add(VALID_FOR_SECS)
    }

    /// What the owner's QR code holds: the code, nothing else.
    pub fn link(&self) -> String {
        format!("cradle://family/join?code={}", self.code)
    }
}

/// Six uniform digits: rejection sampling keeps `% 1_000_000` unbiased.
fn new_code() -> Result<String, InviteError> {
    const LIMIT: u32 = u32::MAX - (u32::MAX % 1_000_000) - 1;
    loop {
        let mut bytes = [0u8; 4];
        getrandom::fill(&mut bytes).map_err(|_| InviteError::NoRandomness)?;
        let n = u32::from_le_bytes(bytes);
        if n <= LIMIT {
            return Ok(format!("{:06}", n % 1_000_000));
        }
    }
}

/// One joining account's recent wrong codes (unix seconds).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Guesses {
    pub wrong: Vec<i64>,
}

impl Guesses {
    fn recent(&mut self, now: i64) {
        self.wrong
            .retain(|t| now.saturating_sub(*t) < GUESS_WINDOW_SECS);
    }

    fn check(&mut self, now: i64) -> Result<(), InviteError> {
        self.recent(now);
        if self.wrong.len() < WRONG_GUESSES {
            return Ok(());
        }
        let oldest = self.wrong.iter().min().copied().unwrap_or(now);
        Err(InviteError::TooManyGuesses {
            retry_after_secs: (oldest + GUESS_WINDOW_SECS - now).max(1),
        })
    }
}

/// Uses `code` for a joiner whose wrong codes are `guesses`: the invite it
/// opens is marked used and returned. Every refusal but the rate limit
/// itself counts as a wrong code, and nothing else changes.
pub fn redeem<'a>(
    invites: &'a mut [Invite],
    code: &str,
    now: i64,
    guesses: &mut Guesses,
) -> Result<&'a mut Invite, InviteError> {
    guesses.check(now)?;
    let found = invites.iter_mut().find(|i| same(&i.code, code));
    let refusal = match &found {
        None => Some(InviteError::Unknown),
        Some(i) if i.used => Some(InviteError::Used),
        Some(i) if now >= i.expires_at() || now < i.created_at => Some(InviteError::Expired),
        Some(_) => None,
    };
    if let Some(e) = refusal {
        guesses.wrong.push(now);
        return Err(e);
    }
    let invite = found.ok_or(InviteError::Unknown)?;
    invite.used = true;
    Ok(invite)
}

/// Compares in time that does not depend on where the codes differ.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |d, (x, y)| d | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const T0: i64 = 1_800_000_000;

    fn invite() -> Invite {
        Invite::new(Role::Caregiver, BTreeSet::from([1]), T0).unwrap()
    }

    #[test]
    fn a_code_opens_its_invite_once_within_ten_minutes() {
        let mut invites = vec![invite()];
        let code = invites[0].code.clone();
        assert_eq!(code.len(), 6);
        let mut g = Guesses::default();
        let used = redeem(&mut invites, &code, T0 + 599, &mut g).unwrap();
        assert_eq!(used.role, Role::Caregiver);
        assert_eq!(
            redeem(&mut invites, &code, T0 + 600, &mut g),
            Err(InviteError::Used)
        );

        let mut late = vec![invite()];
        let code = late[0].code.clone();
        assert_eq!(
            redeem(&mut late, &code, T0 + 600, &mut g),
            Err(InviteError::Expired)
        );
        assert!(!late[0].used, "a refused code changes nothing");
        assert_eq!(
            Invite::new(Role::Owner, BTreeSet::new(), T0),
            Err(InviteError::OwnerNotInvitable)
        );
    }

    #[test]
    fn guessing_stops_after_five_wrong_codes_even_for_the_right_one() {
        let mut g = Guesses::default();
        let mut none: Vec<Invite> = Vec::new();
        for i in 0..5 {
            assert_eq!(
                redeem(&mut none, "000000", T0 + i, &mut g),
                Err(InviteError::Unknown)
            );
        }
        // The owner makes an invite five minutes later; the guesser is still held off.
        let mut invites = vec![Invite::new(Role::Caregiver, BTreeSet::new(), T0 + 300).unwrap()];
        let right = invites[0].code.clone();
        assert_eq!(
            redeem(&mut invites, &right, T0 + 310, &mut g),
            Err(InviteError::TooManyGuesses {
                retry_after_secs: 290
            })
        );
        assert!(!invites[0].used);
        // Ten minutes after the first wrong code, one more try is heard.
        assert!(redeem(&mut invites, &right, T0 + 600, &mut g).is_ok());
    }

    proptest! {
        /// Whatever a guesser tries, at most five wrong codes are heard per
        /// ten minutes, and an invite is used at most once.
        #[test]
        fn at_most_five_wrong_codes_per_window(
            tries in proptest::collection::vec((0i64..1200, "[0-9]{6}"), 1..60)
        ) {
            let mut invites = vec![invite()];
            let mut g = Guesses::default();
            let mut tries = tries;
            tries.sort();
            let mut heard: Vec<i64> = Vec::new();
            let mut opened = 0;
            for (at, code) in tries {
                match redeem(&mut invites, &code, T0 + at, &mut g) {
                    Ok(_) => opened += 1,
                    Err(InviteError::TooManyGuesses { retry_after_secs }) => prop_assert!(retry_after_secs > 0),
                    Err(_) => heard.push(at),
                }
            }
            prop_assert!(opened <= 1);
            for w in heard.windows(WRONG_GUESSES + 1) {
                prop_assert!(w[WRONG_GUESSES] - w[0] >= GUESS_WINDOW_SECS);
            }
        }

        #[test]
        fn codes_are_six_digits(_n in 0u8..50) {
            let code = new_code().unwrap();
            prop_assert!(code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()));
        }
    }
}
