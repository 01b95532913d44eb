import Foundation
import XCTest
@testable import Cradle

/// The timeline through the bindings. Expected values are derived from the
/// date the core itself reports, so a run across midnight still holds.
final class TimelineTests: DatabaseTestCase {
    private let iso: DateFormatter = {
        let f = DateFormatter()
        f.calendar = Calendar(identifier: .gregorian)
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd"
        return f
    }()

    private func open() throws -> CradleCore {
        try CradleCore.open(
            path: path("t.db"), key: testKey, deviceTimeZone: "Asia/Shanghai", deviceLocale: "zh-Hans")
    }

    private func shift(_ date: String, days: Int) -> String {
        iso.string(from: iso.date(from: date)!.addingTimeInterval(Double(days) * 86_400))
    }

    private func days(from: String, to: String) -> Int64 {
        Int64((iso.date(from: to)!.timeIntervalSince(iso.date(from: from)!) / 86_400).rounded())
    }

    func testDatingByLmpFillsTheTodayScreenInOneCall() throws {
        let core = try open()
        let lmp = shift(try core.today().date, days: -196)
        let screen = try core.recordDating(dating: .lmp(lmp: lmp, cycleDays: 28))
        let elapsed = days(from: lmp, to: screen.date)
        XCTAssertEqual(screen.stage, .pregnant)
        let p = try XCTUnwrap(screen.pregnancy)
        XCTAssertEqual(p.gestationalAge.totalDays, elapsed)
        XCTAssertEqual(p.edd, shift(lmp, days: 280))
        XCTAssertEqual(p.datingMethod, .lmp)
        XCTAssertEqual(p.trimester, 3)
        XCTAssertEqual(p.term, .preterm)
        let week = try XCTUnwrap(screen.week)
        XCTAssertEqual(week.week, p.gestationalAge.weeks)
        XCTAssertFalse(week.sizeComparison.isEmpty)
        XCTAssertFalse(week.checkups.isEmpty, "28 weeks has a visit window")
    }

    func testBadDatingInputIsATypedErrorAndChangesNothing() throws {
        let core = try open()
        let future = shift(try core.today().date, days: 2)
        XCTAssertThrowsError(try core.recordDating(dating: .lmp(lmp: future, cycleDays: 28))) { error in
            guard case CradleError.InvalidInput(let field, _) = error else {
                return XCTFail("expected InvalidInput, got \(error)")
            }
            XCTAssertEqual(field, "lmp")
        }
        XCTAssertThrowsError(try core.recordDating(dating: .lmp(lmp: "not-a-date", cycleDays: 28)))
        XCTAssertThrowsError(try core.recordDating(dating: .lmp(lmp: shift(future, days: -30), cycleDays: 60))) {
            guard case CradleError.InvalidInput(let field, _) = $0 else { return XCTFail("\($0)") }
            XCTAssertEqual(field, "cycle_days")
        }
        XCTAssertEqual(try core.today().stage, Stage.none)
        XCTAssertTrue(try core.datingHistory().isEmpty)
    }

    func testAPretermBirthShowsCorrectedAge() throws {
        let core = try open()
        let birth = shift(try core.today().date, days: -10)
        let screen = try core.recordBirth(date: birth, gaWeeks: 32, gaDays: 0, count: 2, birthWeightsGrams: [], motherHbsag: nil)
        XCTAssertEqual(screen.stage, .postpartum)
        let baby = try XCTUnwrap(screen.baby)
        let age = days(from: birth, to: screen.date)
        XCTAssertEqual(baby.ageDays, age)
        XCTAssertEqual(baby.correctedAgeDays, age - 56)
        XCTAssertEqual(baby.count, 2)
        XCTAssertNil(screen.pregnancy)
    }
}
