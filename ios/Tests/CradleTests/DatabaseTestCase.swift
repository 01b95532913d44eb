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
}
