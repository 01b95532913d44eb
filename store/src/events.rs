//! "Data changed" notifications, so shells refresh a screen when the core
//! writes instead of polling.

use std::sync::{Arc, Mutex};

/// Which part of the data changed; a screen refreshes when its area does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum DataArea {
    Profile,
    /// Pregnancy, dating, birth, loss and trying to conceive.
    Timeline,
    /// Reminder plans and the notification plan.
    Reminders,
    /// Health records and the insights drawn from them.
    Records,
    /// The catalogue copy and the cart.
    Shop,
}

/// The screens a write refreshes, for the writes that touch more than one.
/// A timeline change regenerates the reminder plans; so does the profile
/// (language and time zone).
pub const TIMELINE: &[DataArea] = &[DataArea::Timeline, DataArea::Reminders];
pub const PROFILE: &[DataArea] = &[DataArea::Profile, DataArea::Reminders];

pub trait ChangeObserver: Send + Sync {
    fn data_changed(&self, area: DataArea);
}

/// A handle returned by `subscribe`, used to unsubscribe.
pub type SubscriptionId = u64;

#[derive(Default)]
pub struct Observers {
    inner: Mutex<ObserverList>,
}

#[derive(Default)]
struct ObserverList {
    next_id: SubscriptionId,
    entries: Vec<(SubscriptionId, Arc<dyn ChangeObserver>)>,
}

impl Observers {
    pub fn subscribe(&self, observer: Arc<dyn ChangeObserver>) -> SubscriptionId {
        let mut list = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        list.next_id += 1;
        let id = list.next_id;
        list.entries.push((id, observer));
        id
    }

    pub fn unsubscribe(&self, id: SubscriptionId) -> bool {
        let mut list = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        let before = list.entries.len();
        list.entries.retain(|(i, _)| *i != id);
        list.entries.len() != before
    }

    /// Called after the write committed and with no lock held, so an
    /// observer may read straight back through the facade.
    pub fn notify(&self, area: DataArea) {
        let snapshot: Vec<_> = {
            let list = self.inner.lock().unwrap_or_else(|e| e.into_inner());
            list.entries.iter().map(|(_, o)| Arc::clone(o)).collect()
        };
        for observer in snapshot {
            observer.data_changed(area);
        }
    }
}
