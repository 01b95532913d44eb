@testable import Cradle
import Foundation
import XCTest

/// Her data restored to a new iPhone without its Keychain key: the store
/// reports it unreadable (the app then offers to start fresh), never a dead end.
final class DataStoreTests: DatabaseTestCase {
    private func open(_ key: Data) -> DataStore.Opening {
        DataStore.open(in: dir, key: { key }, timeZone: "Asia/Shanghai", locale: "zh-Hans-CN")
    }

    func testDataWithoutItsKeyIsUnreadableAndStartingFreshOpensEmpty() throws {
        guard case .open(let old) = open(testKey) else { return XCTFail("a new store opens") }
        _ = try old.setProfile(profile: ProfileInfo(displayName: "小林", locale: "zh-Hans-CN", timeZone: "Asia/Shanghai"))
        let newPhone = Data(repeating: 8, count: 32)
        guard case .unreadable = open(newPhone) else { return XCTFail("another key cannot read it") }
        try DataStore.startFresh(in: dir)
        guard case .open(let fresh) = open(newPhone) else { return XCTFail("a fresh start opens") }
        XCTAssertNil(try fresh.profile())
    }

    func testADatabaseFromBeforeTheFolderMovesIn() throws {
        let legacy = dir.appendingPathComponent("cradle.db").path
        _ = try CradleCore.open(path: legacy, key: testKey, deviceTimeZone: "Asia/Shanghai", deviceLocale: "en")
            .setProfile(profile: ProfileInfo(displayName: "Lin", locale: "en", timeZone: "Asia/Shanghai"))
        guard case .open(let core) = open(testKey) else { return XCTFail("the moved data opens") }
        XCTAssertEqual(try core.profile()?.displayName, "Lin")
        XCTAssertFalse(FileManager.default.fileExists(atPath: legacy))
        XCTAssertTrue(FileManager.default.fileExists(atPath: DataStore.folder(in: dir).appendingPathComponent("cradle.db").path))
    }

    func testTheGentlePathSpeaksBothLanguages() {
        for language in [Language.en, Language.zhHans] {
            let s = ShellStrings(language)
            XCTAssertFalse(s.unreadableTitle.isEmpty || s.unreadableBody.isEmpty || s.startFresh.isEmpty)
        }
        XCTAssertNotEqual(ShellStrings(.en).startFresh, ShellStrings(.zhHans).startFresh)
    }
}
