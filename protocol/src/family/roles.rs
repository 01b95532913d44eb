//! Who in the family may read or write what. One table, applied by the
//! server to every request and by the core before it writes, so the two
//! cannot disagree.
//!
//! | role | may |
//! |---|---|
//! | owner (the mother) | everything |
//! | co-parent | the babies' logs, reminders and vaccines; read the pregnancy timeline; shop for the family; read her records only in the categories she shares |
//! | caregiver | log feeds, sleep, diapers and temperature for the babies in scope; read their reminders and vaccines; never her records, orders or addresses |
//! | viewer | read the babies in scope |

use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Owner,
    CoParent,
    Caregiver,
    Viewer,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Owner, Role::CoParent, Role::Caregiver, Role::Viewer];
}

/// A category of her own health records, shared with a co-parent one by
/// one; nothing is shared until she says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Checkups and the week she is in.
    Checkups,
    BloodPressure,
    Weight,
    Glucose,
    Symptoms,
    KickCounts,
    Journal,
}

impl Category {
    pub const ALL: [Category; 7] = [
        Category::Checkups,
        Category::BloodPressure,
        Category::Weight,
        Category::Glucose,
        Category::Symptoms,
        Category::KickCounts,
        Category::Journal,
    ];
}

/// What a request touches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Area {
    /// Feeds, sleep, diapers and temperature of one baby.
    BabyCare(BabyId),
    /// A baby's growth and other logs a caregiver does not keep.
    BabyRecords(BabyId),
    /// A baby's reminders and vaccines.
    BabyReminders(BabyId),
    /// The pregnancy timeline: her week, the due date, the journey.
    Pregnancy,
    /// Her own health records of one category.
    Mother(Category),
    Orders,
    Addresses,
    /// Members, roles, invites and removals.
    Members,
}

/// A baby of the family, by its place among the family's babies (1, 2…).
pub type BabyId = u32;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Access {
    None,
    Read,
    Write,
}

/// One member's standing: the role, the babies in scope, and (the owner's
/// choice) which categories of her records the member may read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grant {
    pub role: Role,
    /// Empty means every baby of the family.
    pub babies: BTreeSet<BabyId>,
    pub shared: BTreeSet<Category>,
}

impl Grant {
    pub fn owner() -> Self {
        Self {
            role: Role::Owner,
            babies: BTreeSet::new(),
            shared: BTreeSet::new(),
        }
    }

    fn has_baby(&self, baby: BabyId) -> bool {
        self.babies.is_empty() || self.babies.contains(&baby)
    }

    /// What this member may do with `area`.
    pub fn access(&self, area: Area) -> Access {
        use Access::*;
        if self.role == Role::Owner {
            return Write;
        }
        let baby = |b: BabyId, a: Access| if self.has_baby(b) { a } else { None };
        match (self.role, area) {
            (Role::CoParent, Area::BabyCare(b) | Area::BabyRecords(b) | Area::BabyReminders(b)) => {
                baby(b, Write)
            }
            (Role::CoParent, Area::Pregnancy) => Read,
            (Role::CoParent, Area::Mother(c)) if self.shared.contains(&c) => Read,
            (Role::CoParent, Area::Orders | Area::Addresses) => Write,
            (Role::Caregiver, Area::BabyCare(b)) => baby(b, Write),
            (Role::Caregiver, Area::BabyReminders(b)) => baby(b, Read),
            (Role::Viewer, Area::BabyCare(b) | Area::BabyRecords(b) | Area::BabyReminders(b)) => {
                baby(b, Read)
            }
            _ => None,
        }
    }

    pub fn may_read(&self, area: Area) -> bool {
        self.access(area) >= Access::Read
    }

    pub fn may_write(&self, area: Area) -> bool {
        self.access(area) == Access::Write
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn grant(role: Role, babies: &[BabyId], shared: &[Category]) -> Grant {
        Grant {
            role,
            babies: babies.iter().copied().collect(),
            shared: shared.iter().copied().collect(),
        }
    }

    #[test]
    fn the_table_of_the_issue() {
        let co = grant(Role::CoParent, &[], &[Category::Checkups]);
        assert!(co.may_write(Area::BabyReminders(1)));
        assert!(co.may_read(Area::Pregnancy) && !co.may_write(Area::Pregnancy));
        assert!(co.may_read(Area::Mother(Category::Checkups)));
        assert!(!co.may_read(Area::Mother(Category::BloodPressure)));
        assert!(co.may_write(Area::Orders));
        assert!(!co.may_write(Area::Members));

        let nanny = grant(Role::Caregiver, &[2], &[]);
        assert!(nanny.may_write(Area::BabyCare(2)));
        assert!(!nanny.may_read(Area::BabyCare(1)), "twins: only her baby");
        assert!(nanny.may_read(Area::BabyReminders(2)) && !nanny.may_write(Area::BabyReminders(2)));
        for area in [
            Area::Orders,
            Area::Addresses,
            Area::Pregnancy,
            Area::BabyRecords(2),
        ] {
            assert!(!nanny.may_read(area), "{area:?}");
        }

        let grandpa = grant(Role::Viewer, &[1], &[]);
        assert!(grandpa.may_read(Area::BabyCare(1)) && !grandpa.may_write(Area::BabyCare(1)));
        assert!(!grandpa.may_read(Area::BabyCare(2)));
    }

    fn any_category() -> impl Strategy<Value = Category> {
        proptest::sample::select(Category::ALL.to_vec())
    }

    proptest! {
        /// Whatever the owner shares, a caregiver or a viewer never reads
        /// her records, and nobody but the owner manages the family.
        #[test]
        fn only_sharing_opens_her_records_and_only_to_a_co_parent(
            role in proptest::sample::select(Role::ALL.to_vec()),
            shared in proptest::collection::btree_set(any_category(), 0..7),
            babies in proptest::collection::btree_set(1u32..4, 0..3),
            asked in any_category(),
        ) {
            let g = Grant { role, babies, shared: shared.clone() };
            let reads = g.may_read(Area::Mother(asked));
            match role {
                Role::Owner => prop_assert!(reads),
                Role::CoParent => prop_assert_eq!(reads, shared.contains(&asked)),
                Role::Caregiver | Role::Viewer => prop_assert!(!reads),
            }
            prop_assert_eq!(g.may_write(Area::Members), role == Role::Owner);
            prop_assert!(role == Role::Owner || !g.may_write(Area::Mother(asked)));
        }
    }
}
