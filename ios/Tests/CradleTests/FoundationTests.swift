import Foundation
import XCTest
@testable import Cradle

/// The foundation contract, through the generated bindings and the real library.
final class FoundationTests: DatabaseTestCase {
    private func open(_ name: String = "cradle.db") throws -> CradleCore {
        try CradleCore.open(
            path: path(name), key: testKey,
            deviceTimeZone: "Asia/Shanghai",
            deviceLocale: "zh-Hans-CN"
        )
    }

    func testAnEmptyDatabaseOpensAndTodayUsesTheDeviceSettings() throws {
        let today = try open().today()
        XCTAssertNil(today.profile)
        XCTAssertEqual(today.timeZone, "Asia/Shanghai")
        XCTAssertEqual(today.language, .zhHans)
        XCTAssertEqual(today.date.count, 10)
    }

    func testTheProfileIsWrittenReadBackAndSurvivesReopening() throws {
        do {
            let saved = try open().setProfile(
                profile: ProfileInfo(displayName: " Mia ", locale: "en-GB", timeZone: "Europe/London"))
            XCTAssertEqual(saved.displayName, "Mia")
        }
        let core = try open()
        XCTAssertEqual(
            try core.profile(),
            ProfileInfo(displayName: "Mia", locale: "en-GB", timeZone: "Europe/London"))
        XCTAssertEqual(try core.today().language, .en)
    }

    func testBadInputIsATypedErrorNamingTheFieldAndChangesNothing() throws {
        let core = try open()
        let before = ProfileInfo(displayName: nil, locale: "zh-CN", timeZone: "Asia/Shanghai")
        _ = try core.setProfile(profile: before)
        XCTAssertThrowsError(
            try core.setProfile(profile: ProfileInfo(displayName: "x", locale: "en", timeZone: "Not/AZone"))
        ) { error in
            guard case CradleError.InvalidInput(let field, _) = error else {
                return XCTFail("expected InvalidInput, got \(error)")
            }
            XCTAssertEqual(field, "time_zone")
        }
        XCTAssertEqual(try core.profile(), before)
    }

    func testAWrongKeyIsATypedErrorAndTheDataSurvives() throws {
        _ = try open().setProfile(profile: ProfileInfo(displayName: "Mia", locale: "en", timeZone: "UTC"))
        XCTAssertThrowsError(
            try CradleCore.open(
                path: path("cradle.db"), key: Data(repeating: 9, count: 32), deviceTimeZone: "UTC", deviceLocale: "en")
        ) { error in
            XCTAssertEqual(error as? CradleError, CradleError.WrongKey)
        }
        XCTAssertEqual(try open().profile()?.displayName, "Mia")
        XCTAssertEqual(try generateDatabaseKey().count, 32)
    }

    func testAWriteFiresTheListenerObservedAsAnAsyncStream() async throws {
        let core = try open()
        var iterator = core.changes().makeAsyncIterator()
        _ = try core.setProfile(profile: ProfileInfo(displayName: nil, locale: "en", timeZone: "UTC"))
        let area = await iterator.next()
        XCTAssertEqual(area, .profile)
    }

    func testTheAsyncServerCheckReachesARealServer() async throws {
        let server = try XCTUnwrap(
            ProcessInfo.processInfo.environment["CRADLE_TEST_SERVER"],
            "CRADLE_TEST_SERVER must be set by scripts/test")
        let health = try await checkServer(baseUrl: server)
        XCTAssertEqual(health.status, "ok")
    }

    func testTheAsyncServerCheckFailsWithATypedError() async throws {
        do {
            _ = try await checkServer(baseUrl: "not a url")
            XCTFail("expected an error")
        } catch CradleError.InvalidInput(let field, _) {
            XCTAssertEqual(field, "server_url")
        }
    }
}
