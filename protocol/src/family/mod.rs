//! The family circle: each caregiver with their own account, a role and a
//! scope (`roles`), one-time invites (`invite`), and the end-to-end keys
//! that let each member open only their scope (`keys`). Joining is a
//! request the owner approves (`Join`); nothing is accepted automatically.

pub mod invite;
pub mod keys;
pub mod roles;

use keys::{MemberPublic, safety_number};
use roles::Grant;

/// Someone used a code and asks to join: pending until the owner decides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Join {
    pub member: String,
    pub grant: Grant,
    /// The joiner's public key as it reached the owner's device.
    pub public: MemberPublic,
    pub state: JoinState,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JoinState {
    Pending,
    Approved,
    Declined,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JoinError {
    /// The number the owner confirmed is not the one these two keys give:
    /// a key was swapped on the way, and the join does not complete.
    #[error("the safety numbers do not match")]
    SafetyNumberMismatch,
    #[error("this request was already answered")]
    Answered,
}

impl Join {
    /// The number the owner's device shows, to compare with the joiner's.
    pub fn safety_number(&self, owner: &MemberPublic) -> String {
        safety_number(owner, &self.public)
    }

    /// The owner approves, having read `confirmed` on the joiner's screen.
    pub fn approve(&mut self, owner: &MemberPublic, confirmed: &str) -> Result<(), JoinError> {
        if self.state != JoinState::Pending {
            return Err(JoinError::Answered);
        }
        if self.safety_number(owner) != confirmed {
            return Err(JoinError::SafetyNumberMismatch);
        }
        self.state = JoinState::Approved;
        Ok(())
    }

    pub fn decline(&mut self) -> Result<(), JoinError> {
        if self.state != JoinState::Pending {
            return Err(JoinError::Answered);
        }
        self.state = JoinState::Declined;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::keys::MemberSecret;
    use super::roles::Role;
    use super::*;
    use std::collections::BTreeSet;

    fn grant() -> Grant {
        Grant {
            role: Role::Caregiver,
            babies: BTreeSet::from([1]),
            shared: BTreeSet::new(),
        }
    }

    #[test]
    fn a_join_completes_only_when_the_numbers_on_both_phones_match() {
        let mother = MemberSecret::generate().unwrap();
        let grandma = MemberSecret::generate().unwrap();
        let server = MemberSecret::generate().unwrap();

        // What grandma's phone shows: her key and the mother's as relayed.
        let on_grandmas = safety_number(&grandma.public(), &mother.public());

        // A server that swapped grandma's key for its own.
        let mut swapped = Join {
            member: "grandma".into(),
            grant: grant(),
            public: server.public(),
            state: JoinState::Pending,
        };
        assert_eq!(
            swapped.approve(&mother.public(), &on_grandmas),
            Err(JoinError::SafetyNumberMismatch)
        );
        assert_eq!(
            swapped.state,
            JoinState::Pending,
            "nothing completes silently"
        );

        let mut honest = Join {
            public: grandma.public(),
            ..swapped
        };
        honest.approve(&mother.public(), &on_grandmas).unwrap();
        assert_eq!(honest.state, JoinState::Approved);
        assert_eq!(honest.decline(), Err(JoinError::Answered));
    }
}
