import Foundation
import XCTest
@testable import Cradle

/// Health records and insights through the bindings.
final class RecordsTests: DatabaseTestCase {
    func testEachRecordTypeRoundTripsAndInsightsFollowTheLatestReading() throws {
        let core = try CradleCore.open(
            path: path("h.db"), key: testKey, deviceTimeZone: "Asia/Shanghai", deviceLocale: "zh-Hans")
        // Pregnancy advice needs a pregnancy, and readings from this week.
        let edd = ISO8601DateFormatter().string(from: Date().addingTimeInterval(16 * 7 * 86_400)).prefix(10)
        _ = try core.recordDating(dating: .edd(edd: String(edd)))
        let anHourAgo = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-3_600))
        _ = try core.records().recordWeight(value: 64.5, unit: .kg, takenAt: nil)
        _ = try core.records().recordBloodPressure(systolic: 161, diastolic: 100, pulse: nil, takenAt: nil)
        _ = try core.records().recordGlucose(value: 10.2, unit: .mmolPerL, context: .oneHour, takenAt: anHourAgo)
        let records = try core.records().list(kind: nil)
        XCTAssertEqual(records.count, 3)
        XCTAssertEqual(records[0].value, .glucose(mmolPerL: 10.2, context: .oneHour), "oldest first")
        XCTAssertEqual(records[1].value, .weight(grams: 64_500))
        let insights = try core.records().insights()
        XCTAssertEqual(insights.map(\.level), ["seek_care_now", "contact_clinic"])
        XCTAssertTrue(insights[0].message.contains("不是诊断"))

        XCTAssertThrowsError(try core.records().recordGlucose(value: 0, unit: .mmolPerL, context: .fasting, takenAt: nil)) {
            guard case CradleError.InvalidInput(let field, _) = $0 else { return XCTFail("\($0)") }
            XCTAssertEqual(field, "glucose")
        }
        XCTAssertEqual(try core.records().list(kind: nil).count, 3)
    }
}
