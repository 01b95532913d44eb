import Foundation
import XCTest
@testable import Cradle

/// Health records and insights through the bindings.
final class RecordsTests: DatabaseTestCase {
    func testEachRecordTypeRoundTripsAndInsightsFollowTheLatestReading() throws {
        let core = try CradleCore.open(
            path: path("h.db"), key: testKey, deviceTimeZone: "Asia/Shanghai", deviceLocale: "zh-Hans")
        _ = try core.recordWeight(value: 64.5, unit: .kg, takenAt: nil)
        _ = try core.recordBloodPressure(systolic: 161, diastolic: 100, pulse: nil, takenAt: nil)
        _ = try core.recordGlucose(value: 10.2, unit: .mmolPerL, context: .oneHour, takenAt: "2026-01-02T08:00:00+08:00")
        let records = try core.records(kind: nil)
        XCTAssertEqual(records.count, 3)
        XCTAssertEqual(records[0].value, .glucose(mmolPerL: 10.2, context: .oneHour), "oldest first")
        XCTAssertEqual(records[1].value, .weight(grams: 64_500))
        let insights = try core.insights()
        XCTAssertEqual(insights.map(\.level), ["seek_care_now", "contact_clinic"])
        XCTAssertTrue(insights[0].message.contains("不是诊断"))

        XCTAssertThrowsError(try core.recordGlucose(value: 0, unit: .mmolPerL, context: .fasting, takenAt: nil)) {
            guard case CradleError.InvalidInput(let field, _) = $0 else { return XCTFail("\($0)") }
            XCTAssertEqual(field, "glucose")
        }
        XCTAssertEqual(try core.records(kind: nil).count, 3)
    }
}
