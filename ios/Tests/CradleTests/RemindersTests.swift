import Foundation
import XCTest
@testable import Cradle

/// Reminders and the notification plan, through the bindings.
final class RemindersTests: DatabaseTestCase {
    /// A user who agreed to notifications at onboarding.
    private func open() throws -> CradleCore {
        let core = try CradleCore.open(
            path: path("r.db"), key: testKey, deviceTimeZone: "Europe/London", deviceLocale: "en-GB")
        _ = try core.setConsent(purpose: .notifications, granted: true)
        return core
    }

    func testTheNotificationPlanFitsTheIOSLimitAndDiffs() throws {
        let core = try open()
        for hour in 0..<4 {
            _ = try core.reminders().add(title: "Reminder \(hour)", rrule: "FREQ=DAILY", time: "1\(hour):15")
        }
        let plan = try core.reminders().notificationPlan(limit: 64)
        XCTAssertEqual(plan.count, 64, "iOS keeps 64 pending notifications")
        XCTAssertEqual(plan.map(\.fireAtEpochMs), plan.map(\.fireAtEpochMs).sorted())
        XCTAssertEqual(Set(plan.map(\.id)).count, plan.count)

        let diff = try core.reminders().notificationPlanDiff(limit: 64)
        XCTAssertEqual(diff.add.count, 64)
        XCTAssertTrue(diff.cancel.isEmpty)
        let again = try core.reminders().notificationPlanDiff(limit: 64)
        XCTAssertTrue(again.add.isEmpty && again.cancel.isEmpty)

        try core.reminders().skipItem(id: plan[0].id)
        let afterSkip = try core.reminders().notificationPlanDiff(limit: 64)
        XCTAssertEqual(afterSkip.cancel, [plan[0].id])
        XCTAssertEqual(afterSkip.add.count, 1, "the next occurrence moves into the 64")
    }

    func testAnInvalidRuleNamesItsPosition() throws {
        let core = try open()
        XCTAssertThrowsError(try core.reminders().add(title: "x", rrule: "FREQ=DAILY;BYDAY=XX", time: "09:00")) { error in
            guard case CradleError.InvalidInput(let field, let reason) = error else {
                return XCTFail("expected InvalidInput, got \(error)")
            }
            XCTAssertEqual(field, "rrule")
            XCTAssertTrue(reason.contains("character 12"), reason)
        }
        XCTAssertTrue(try core.reminders().list(from: nil, to: nil).isEmpty)
    }
}
