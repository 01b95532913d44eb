//! Listening to the core, matrix-style: each subscription is a handle that
//! ends when it is cancelled or dropped, so a screen that goes away cannot
//! leave a listener behind.

use super::*;
use std::sync::Weak;
use std::sync::atomic::{AtomicBool, Ordering};

enum Topic {
    Changes(u64),
    Sync(u64),
}

/// A live subscription. `cancel()`, or dropping the handle, ends it; it
/// does not keep the core open.
#[derive(uniffi::Object)]
pub struct SubscriptionHandle {
    core: Weak<CradleCore>,
    topic: Topic,
    live: AtomicBool,
}

impl SubscriptionHandle {
    fn new(core: &Arc<CradleCore>, topic: Topic) -> Arc<Self> {
        Arc::new(Self {
            core: Arc::downgrade(core),
            topic,
            live: AtomicBool::new(true),
        })
    }
}

#[uniffi::export]
impl SubscriptionHandle {
    /// Stops the events; `false` if it had already ended.
    pub fn cancel(&self) -> bool {
        if !self.live.swap(false, Ordering::SeqCst) {
            return false;
        }
        let Some(core) = self.core.upgrade() else {
            return false;
        };
        match self.topic {
            Topic::Changes(id) => core.core.unsubscribe(id),
            Topic::Sync(id) => core.core.sync().unsubscribe_sync(id),
        }
    }
}

impl Drop for SubscriptionHandle {
    fn drop(&mut self) {
        self.cancel();
    }
}

#[uniffi::export]
impl CradleCore {
    /// Hears which area changed after every committed write or applied sync.
    pub fn subscribe(
        self: Arc<Self>,
        listener: Arc<dyn ChangeListener>,
    ) -> Arc<SubscriptionHandle> {
        let id = self.core.subscribe(Arc::new(ListenerObserver(listener)));
        SubscriptionHandle::new(&self, Topic::Changes(id))
    }

    /// Hears every sync status change, on the thread that syncs.
    pub fn subscribe_sync(
        self: Arc<Self>,
        listener: Arc<dyn SyncStatusListener>,
    ) -> Arc<SubscriptionHandle> {
        let id = self
            .core
            .sync()
            .subscribe_sync(Arc::new(StatusForwarder(listener)));
        SubscriptionHandle::new(&self, Topic::Sync(id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    struct Heard(Mutex<Vec<DataArea>>);

    impl ChangeListener for Heard {
        fn data_changed(&self, area: DataArea) {
            self.0.lock().unwrap().push(area);
        }
    }

    fn core(dir: &std::path::Path) -> Arc<CradleCore> {
        CradleCore::open(
            dir.join("c.db").to_string_lossy().into_owned(),
            generate_database_key().unwrap(),
            "UTC".into(),
            "en".into(),
        )
        .unwrap()
    }

    fn write(core: &CradleCore, name: &str) {
        core.set_profile(ProfileInfo {
            display_name: Some(name.into()),
            locale: "en".into(),
            time_zone: "UTC".into(),
        })
        .unwrap();
    }

    #[test]
    fn a_dropped_handle_hears_nothing_more() {
        let dir = tempfile::tempdir().unwrap();
        let core = core(dir.path());
        let heard = Arc::new(Heard(Mutex::new(Vec::new())));
        let handle = core.clone().subscribe(heard.clone());
        write(&core, "Lin");
        let before = heard.0.lock().unwrap().len();
        assert!(before > 0, "a write is heard");
        drop(handle);
        write(&core, "Mia");
        assert_eq!(heard.0.lock().unwrap().len(), before, "dropping ended it");
    }

    #[test]
    fn cancel_ends_it_once_and_outliving_the_core_is_harmless() {
        let dir = tempfile::tempdir().unwrap();
        let core = core(dir.path());
        let heard = Arc::new(Heard(Mutex::new(Vec::new())));
        let first = core.clone().subscribe(heard.clone());
        assert!(first.cancel());
        assert!(!first.cancel());
        write(&core, "Lin");
        assert!(heard.0.lock().unwrap().is_empty());
        let late = core.clone().subscribe(heard.clone());
        drop(core);
        assert!(!late.cancel(), "the core is gone: nothing to end");
    }
}
