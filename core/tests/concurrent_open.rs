//! Shells open the database from whatever thread starts first (an app, a
//! widget, a background sync): opening from many threads at once must work.

#[test]
fn many_databases_open_at_once_from_many_threads() {
    for round in 0..30 {
        let dir = tempfile::tempdir().unwrap();
        let handles: Vec<_> = (0..8)
            .map(|i| {
                let path = dir.path().join(format!("{i}.db"));
                std::thread::spawn(move || {
                    let key = cradle_core::storage::DbKey::generate().unwrap();
                    let config = cradle_core::Config::new("UTC", "en", key).unwrap();
                    cradle_core::Cradle::open(&path, config).map(|_| ())
                })
            })
            .collect();
        for h in handles {
            if let Err(e) = h.join().unwrap() {
                panic!("round {round}: {e:?}");
            }
        }
    }
}
