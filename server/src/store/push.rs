//! A push, planned once for every backend: the backend reads what the
//! batch's documents hold and which digests its retries carry, this module
//! applies the mutations in order in memory, and the backend writes the
//! outcome in a few statements. On PostgreSQL that is a dozen round trips
//! for a batch of any size instead of about ten per mutation.

use super::{FieldWrite, Step, digest, loses_concurrent_edit, step};
use cradle_protocol::wire::{Mutation, MutationResult, MutationStatus, Op};
use std::collections::{BTreeSet, HashMap};

/// A document as stored, before the push.
#[derive(Default)]
pub struct DocState {
    pub deleted: bool,
    pub fields: HashMap<String, FieldWrite>,
}

/// (collection, doc).
pub type DocKey = (String, String);

/// What the push reads before planning.
pub struct Before {
    /// The account's version and the client's last processed id.
    pub version: u64,
    pub last: u64,
    /// The stored state of each document the batch names that exists.
    pub docs: HashMap<DocKey, DocState>,
    /// The stored digest of each retried id that is still in the window.
    pub digests: HashMap<u64, Vec<u8>>,
}

/// The documents and digests a batch needs read: every document it names,
/// and the ids at or below `last` (retries).
pub fn wanted(mutations: &[Mutation], last: u64) -> (Vec<DocKey>, Vec<i64>) {
    let docs: BTreeSet<DocKey> = mutations
        .iter()
        .map(|m| (m.collection.clone(), m.doc.clone()))
        .collect();
    let retries = mutations
        .iter()
        .filter(|m| m.id <= last)
        .map(|m| m.id as i64)
        .collect();
    (docs.into_iter().collect(), retries)
}

pub struct DocWrite {
    pub collection: String,
    pub doc: String,
    pub version: i64,
    pub deleted: bool,
}

pub struct FieldRow {
    pub collection: String,
    pub doc: String,
    pub name: String,
    pub value: String,
    pub version: i64,
}

pub struct ConflictRow {
    pub version: i64,
    pub collection: String,
    pub doc: String,
    pub field: String,
    pub lost: String,
    pub won: String,
}

/// What the backend writes, in this order: documents, then the fields of
/// deleted ones cleared, then fields, conflicts and digests, then the
/// client's last id and the account's version.
pub struct Plan {
    pub results: Vec<MutationResult>,
    pub last: u64,
    pub version: u64,
    pub docs: Vec<DocWrite>,
    /// Documents now tombstones: they hold no values.
    pub cleared: Vec<DocKey>,
    pub fields: Vec<FieldRow>,
    pub conflicts: Vec<ConflictRow>,
    pub digests: Vec<(i64, Vec<u8>)>,
}

pub enum Planned {
    Write(Plan),
    /// A mutation id this client used before arrived with other content:
    /// nothing is written.
    ClientIdConflict,
}

/// Applies `mutations` from `client` to `before`, in order, as a push does.
pub fn plan(mutations: &[Mutation], client: &str, before: Before) -> Planned {
    let Before {
        mut version,
        mut last,
        mut docs,
        mut digests,
    } = before;
    let mut results = Vec::new();
    let mut conflicts = Vec::new();
    let mut new_digests = Vec::new();
    // The final version and deletion of each document this push changed,
    // and the fields it wrote, in first-touched order.
    let mut touched: Vec<DocKey> = Vec::new();
    let mut doc_version: HashMap<DocKey, u64> = HashMap::new();
    let mut written: HashMap<DocKey, BTreeSet<String>> = HashMap::new();
    for m in mutations {
        let d = digest(m);
        let (status, code) = match step(m, last) {
            Step::Gap => break,
            Step::Retry => {
                if digests.get(&m.id).is_some_and(|seen| *seen != d) {
                    return Planned::ClientIdConflict;
                }
                results.push(MutationResult {
                    id: m.id,
                    status: MutationStatus::Duplicate,
                    code: None,
                });
                continue;
            }
            Step::Reject(code) => (MutationStatus::Rejected, Some(code)),
            Step::Apply => {
                let key = (m.collection.clone(), m.doc.clone());
                let existing = docs.get(&key).map(|s| s.deleted);
                let v = version + 1;
                let changed = match (m.op, existing) {
                    (Op::Delete, Some(true)) => Some(false),
                    (Op::Delete, _) => {
                        let state = docs.entry(key.clone()).or_default();
                        state.deleted = true;
                        // A tombstone holds no values.
                        state.fields.clear();
                        written.remove(&key);
                        Some(true)
                    }
                    (Op::Put, Some(true)) => None,
                    (Op::Put, Some(false)) if m.fields.is_empty() => Some(false),
                    (Op::Put, _) => {
                        let state = docs.entry(key.clone()).or_default();
                        let names = written.entry(key.clone()).or_default();
                        for (name, value) in &m.fields {
                            let text = value.to_string();
                            if let Some(b) = state.fields.get(name)
                                && loses_concurrent_edit(b, m, client, &text)
                            {
                                // The earlier value loses, and the user can see it.
                                conflicts.push(ConflictRow {
                                    version: v as i64,
                                    collection: m.collection.clone(),
                                    doc: m.doc.clone(),
                                    field: name.clone(),
                                    lost: b.value.clone(),
                                    won: text.clone(),
                                });
                            }
                            names.insert(name.clone());
                            state.fields.insert(
                                name.clone(),
                                FieldWrite {
                                    value: text,
                                    version: v,
                                    client: client.to_owned(),
                                },
                            );
                        }
                        Some(true)
                    }
                };
                match changed {
                    Some(true) => {
                        version = v;
                        if doc_version.insert(key.clone(), v).is_none() {
                            touched.push(key);
                        }
                        (MutationStatus::Applied, None)
                    }
                    Some(false) => (MutationStatus::Applied, None),
                    None => (MutationStatus::Rejected, Some("deleted".to_owned())),
                }
            }
        };
        results.push(MutationResult {
            id: m.id,
            status,
            code,
        });
        digests.insert(m.id, d.clone());
        new_digests.push((m.id as i64, d));
        last = m.id;
    }
    let mut plan = Plan {
        results,
        last,
        version,
        docs: Vec::new(),
        cleared: Vec::new(),
        fields: Vec::new(),
        conflicts,
        digests: new_digests,
    };
    for key in touched {
        let state = &docs[&key];
        let v = doc_version[&key] as i64;
        if state.deleted {
            plan.cleared.push(key.clone());
        }
        for name in written.get(&key).into_iter().flatten() {
            plan.fields.push(FieldRow {
                collection: key.0.clone(),
                doc: key.1.clone(),
                name: name.clone(),
                value: state.fields[name].value.clone(),
                version: state.fields[name].version as i64,
            });
        }
        plan.docs.push(DocWrite {
            collection: key.0,
            doc: key.1,
            version: v,
            deleted: state.deleted,
        });
    }
    Planned::Write(plan)
}

#[cfg(test)]
mod tests {
    use super::*;
    use cradle_protocol::seal::SyncKey;
    use proptest::prelude::*;
    use std::collections::BTreeMap;
    use std::sync::LazyLock;

    /// Sealing is slow: a few sealed values, made once.
    static VALUES: LazyLock<Vec<serde_json::Value>> = LazyLock::new(|| {
        let key = SyncKey::generate().unwrap();
        (0..3)
            .map(|i| {
                key.seal("measurement", "d", "systolic", &i.into(), "c:1")
                    .unwrap()
            })
            .collect()
    });

    /// The client's last id, a batch of ids (a client sends the same
    /// content under an id every time), each id's content, stored docs.
    type Content = (usize, bool, Vec<(bool, usize)>, u64);
    type Input = (u64, Vec<i64>, Vec<Content>, Vec<usize>);

    fn batch() -> impl Strategy<Value = Input> {
        let content = (
            0..3usize,
            any::<bool>(),
            proptest::collection::vec((any::<bool>(), 0..3usize), 0..3),
            0..8u64,
        );
        (
            0..5u64,
            // Mostly the next id, sometimes a retry, now and then a gap.
            proptest::collection::vec(
                prop_oneof![6 => Just(1i64), 2 => -2..=0i64, 1 => Just(2i64)],
                0..16,
            ),
            proptest::collection::vec(content, 12),
            proptest::collection::vec(0..3usize, 0..3),
        )
    }

    fn mutations(input: &Input) -> Vec<Mutation> {
        let mut at = input.0 as i64;
        input
            .1
            .iter()
            .map(|step| {
                let id = (at + step).clamp(1, 11);
                at = at.max(id);
                let (doc, delete, fields, base) = &input.2[id as usize];
                Mutation {
                    id: id as u64,
                    collection: "measurement".into(),
                    doc: format!("d{doc}"),
                    op: if *delete { Op::Delete } else { Op::Put },
                    base_version: *base,
                    fields: fields
                        .iter()
                        .map(|(systolic, v)| {
                            let name = if *systolic { "systolic" } else { "diastolic" };
                            (name.to_owned(), VALUES[*v].clone())
                        })
                        .collect::<BTreeMap<_, _>>(),
                }
            })
            .collect()
    }

    /// Stored documents written by another device at versions 1–5.
    fn before(input: &Input) -> Before {
        let docs = input
            .3
            .iter()
            .map(|d| {
                let fields = [("systolic", 2), ("diastolic", 4)]
                    .map(|(name, version)| {
                        let value = VALUES[*d].to_string();
                        let client = "other".to_owned();
                        (
                            name.to_owned(),
                            FieldWrite {
                                value,
                                version,
                                client,
                            },
                        )
                    })
                    .into();
                let state = DocState {
                    deleted: *d == 2,
                    fields,
                };
                (("measurement".to_owned(), format!("d{d}")), state)
            })
            .collect();
        Before {
            version: 5,
            last: input.0,
            docs,
            digests: HashMap::new(),
        }
    }

    /// The stored state after writing `plan` over `before`.
    fn after(mut before: Before, plan: &Plan) -> Before {
        for key in &plan.cleared {
            before.docs.entry(key.clone()).or_default().fields.clear();
        }
        for d in &plan.docs {
            let key = (d.collection.clone(), d.doc.clone());
            before.docs.entry(key).or_default().deleted = d.deleted;
        }
        for f in &plan.fields {
            let key = (f.collection.clone(), f.doc.clone());
            let write = FieldWrite {
                value: f.value.clone(),
                version: f.version as u64,
                client: "mine".into(),
            };
            before
                .docs
                .get_mut(&key)
                .unwrap()
                .fields
                .insert(f.name.clone(), write);
        }
        before
            .digests
            .extend(plan.digests.iter().map(|(m, d)| (*m as u64, d.clone())));
        before.version = plan.version;
        before.last = plan.last;
        before
    }

    proptest! {
        /// What the backends write in one statement each never touches a
        /// row twice (PostgreSQL refuses that in one upsert), a tombstone
        /// keeps no values, and sending the same batch again, as a retry
        /// does, writes nothing and answers every mutation as a duplicate.
        #[test]
        fn a_plan_writes_each_row_once_and_a_retry_writes_nothing(input in batch()) {
            let batch = mutations(&input);
            let Planned::Write(first) = plan(&batch, "mine", before(&input)) else {
                panic!("one client's batch never conflicts with itself");
            };
            let docs: BTreeSet<_> = first.docs.iter().map(|d| (&d.collection, &d.doc)).collect();
            prop_assert_eq!(docs.len(), first.docs.len());
            let fields: BTreeSet<_> =
                first.fields.iter().map(|f| (&f.collection, &f.doc, &f.name)).collect();
            prop_assert_eq!(fields.len(), first.fields.len());
            for key in &first.cleared {
                prop_assert!(first.docs.iter().any(|d| d.deleted && (&d.collection, &d.doc) == (&key.0, &key.1)));
                prop_assert!(!first.fields.iter().any(|f| (&f.collection, &f.doc) == (&key.0, &key.1)));
            }
            for d in &first.docs {
                prop_assert!(d.version > 5 && d.version as u64 <= first.version);
            }
            prop_assert!(first.results.len() <= batch.len());

            let again = plan(&batch, "mine", after(before(&input), &first));
            let Planned::Write(again) = again else { panic!("a retry is not a clone") };
            prop_assert!(again.docs.is_empty() && again.fields.is_empty() && again.conflicts.is_empty());
            prop_assert_eq!(again.version, first.version);
            let processed = first.results.iter().filter(|r| r.id > input.0).count();
            prop_assert!(again.results.iter().filter(|r| r.id > input.0).all(|r| r.status == MutationStatus::Duplicate));
            prop_assert!(again.results.iter().filter(|r| r.id > input.0).count() >= processed);
        }
    }
}
