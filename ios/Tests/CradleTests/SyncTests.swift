@testable import Cradle
import Foundation
import XCTest

/// Accounts and sync through the bindings, against the real server scripts/test starts.
final class SyncTests: DatabaseTestCase {
    let password = "correct horse battery"

    /// A device whose user agreed to sync at onboarding.
    func open(_ name: String) throws -> CradleCore {
        let core = try CradleCore.open(
            path: path(name), key: testKey, deviceTimeZone: "Asia/Shanghai", deviceLocale: "zh-Hans-CN")
        _ = try core.setConsent(purpose: .sync, granted: true)
        return core
    }

    func server() throws -> String {
        try XCTUnwrap(
            ProcessInfo.processInfo.environment["CRADLE_TEST_SERVER"],
            "CRADLE_TEST_SERVER must be set by scripts/test")
    }

    func testAReadingSyncsToASecondDeviceAndTheStatusStreamFollows() async throws {
        let server = try server()
        let login = "sw-" + UUID().uuidString.prefix(8).lowercased()
        let a = try open("a.db")
        let b = try open("b.db")
        XCTAssertEqual(try a.syncStatus(), .signedOut)
        let code = try await a.sync().register(serverUrl: server, login: login, password: password, device: "iPhone")
        _ = try a.records().recordBloodPressure(systolic: 118, diastolic: 76, pulse: nil, takenAt: nil)

        var states = a.syncStates().makeAsyncIterator()
        let first = await states.next()
        XCTAssertEqual(first, .waiting(pending: 1, lastSyncedAtEpochMs: nil))
        let summary = try await a.sync().syncNow()
        XCTAssertEqual(summary.pushed, 1)
        var sawUpToDate = false
        while let state = await states.next() {
            if case .upToDate = state {
                sawUpToDate = true
                break
            }
        }
        XCTAssertTrue(sawUpToDate)

        try await b.sync().login(serverUrl: server, login: login, password: password, device: "iPad", recoveryCode: code)
        _ = try await b.sync().syncNow()
        XCTAssertEqual(try b.records().list(kind: "blood_pressure").count, 1)
        XCTAssertEqual(try b.recoveryCode(), code)
    }

    func testAWrongRecoveryCodeIsATypedError() async throws {
        let server = try server()
        let login = "sw-" + UUID().uuidString.prefix(8).lowercased()
        let a = try open("a.db")
        _ = try await a.sync().register(serverUrl: server, login: login, password: password, device: "iPhone")
        let b = try open("b.db")
        do {
            try await b.sync().login(
                serverUrl: server, login: login, password: password, device: "iPad",
                recoveryCode: "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA")
            XCTFail("expected an error")
        } catch CradleError.InvalidInput(let field, _) {
            XCTAssertEqual(field, "recovery_code")
        }
        do {
            _ = try await b.sync().syncNow()
            XCTFail("expected an error")
        } catch CradleError.SignInRequired {
        }
    }
}
