@testable import Cradle
import Foundation
import XCTest

/// A fixed database key for tests; the app's lives in the Keychain.
let testKey = Data(repeating: 7, count: 32)

/// A test case with a fresh directory for its database files, removed afterwards.
class DatabaseTestCase: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("cradle-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    func path(_ name: String) -> String {
        dir.appendingPathComponent(name).path
    }

    /// Her delivery address in Shanghai (the default), which ordering needs.
    func shipHere(_ core: CradleCore) throws {
        _ = try core.shop().saveAddress(id: nil, address: ShipTo(
            name: "小林", phone: "13800138000", province: "上海市", city: "上海市",
            district: "浦东新区", detail: "世纪大道 100 号 2 号楼 301", postalCode: nil))
    }
}
