import Foundation

/// Where her encrypted database lives: a folder of its own, excluded from
/// iCloud and computer backups. Its key is in the Keychain with
/// `…ThisDeviceOnly`, so a backup restored to a new iPhone would bring the
/// data without the key: it never goes into one. If it comes anyway (an
/// older install, a device transfer), the app says so and starts fresh.
public enum DataStore {
    public enum Opening {
        case open(CradleCore)
        /// The data was locked with a key this phone does not have.
        case unreadable
        case failed(Error)
    }

    /// Opens (or creates) her data under `base` (Application Support in the app).
    public static func open(in base: URL, key: () throws -> Data, timeZone: String, locale: String) -> Opening {
        do {
            let db = try database(in: base)
            return .open(try CradleCore.open(path: db.path, key: try key(), deviceTimeZone: timeZone, deviceLocale: locale))
        } catch CradleError.WrongKey {
            return .unreadable
        } catch {
            return .failed(error)
        }
    }

    /// Her choice when the data cannot be opened: it goes, and an empty one
    /// starts. What she synced comes back when she signs in again.
    public static func startFresh(in base: URL) throws {
        try FileManager.default.removeItem(at: folder(in: base))
    }

    /// The database file, in its excluded folder. A database from before the
    /// folder existed (with its WAL files) moves in.
    static func database(in base: URL) throws -> URL {
        let dir = folder(in: base)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try excludeFromBackup(dir)
        for suffix in ["", "-wal", "-shm"] {
            let old = base.appendingPathComponent("cradle.db" + suffix)
            let new = dir.appendingPathComponent("cradle.db" + suffix)
            if FileManager.default.fileExists(atPath: old.path), !FileManager.default.fileExists(atPath: new.path) {
                try FileManager.default.moveItem(at: old, to: new)
            }
        }
        return dir.appendingPathComponent("cradle.db")
    }

    static func folder(in base: URL) -> URL {
        base.appendingPathComponent("Database", isDirectory: true)
    }

    /// The flag is on the folder, so SQLite's WAL files, which come and go, are covered too.
    private static func excludeFromBackup(_ dir: URL) throws {
        #if canImport(Darwin)
        var values = URLResourceValues()
        values.isExcludedFromBackup = true
        var url = dir
        try url.setResourceValues(values)
        #endif
    }
}
