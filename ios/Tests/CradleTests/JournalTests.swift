import Foundation
import XCTest
@testable import Cradle

/// Journal entries, trends and the clinic export through the bindings.
final class JournalTests: DatabaseTestCase {
    let everyKind: [Entry] = [
        .medication(name: "叶酸", dose: "0.4 mg", supplement: true),
        .allergy(substance: "Penicillin", reaction: nil),
        .lab(name: "Haemoglobin", value: 98, unit: "g/L", low: 110, high: 150),
        .ultrasound(crlMm: 45, bpdMm: nil, hcMm: nil, acMm: nil, flMm: nil, efwGrams: nil),
        .note(text: "A calm day"),
        .question(text: "Can I keep swimming?"),
        .feed(baby: 1, feed: .solids(food: "rice cereal")),
        .sleep(baby: 1, minutes: 95),
        .diaper(baby: 1, wet: true, dirty: true),
        .temperature(baby: 1, celsius: 38.2),
        .growth(baby: 1, weightGrams: 4200, lengthMm: 540, headMm: 370),
    ]

    func testEveryEntryKindRoundTripsAndBadInputNamesTheField() throws {
        let core = try CradleCore.open(
            path: path("j.db"), key: testKey, deviceTimeZone: "Asia/Shanghai", deviceLocale: "en")
        XCTAssertThrowsError(try core.records().addEntry(entry: .sleep(baby: 1, minutes: 30), at: nil)) {
            guard case CradleError.InvalidInput(let field, _) = $0 else { return XCTFail("\($0)") }
            XCTAssertEqual(field, "baby")
        }
        _ = try core.recordBirth(date: "2026-10-01", gaWeeks: 39, gaDays: 0, count: 1, birthWeightsGrams: [], motherHbsag: nil)
        try core.setBabySex(baby: 1, sex: .male)
        for entry in everyKind { _ = try core.records().addEntry(entry: entry, at: nil) }
        let items = try core.records().entries(kinds: [], from: nil, to: nil)
        XCTAssertEqual(items.map(\.entry), everyKind)
        XCTAssertTrue(items[9].unusual, "a fever is flagged")
        let growth = try core.records().trends(from: nil, to: nil).growth
        XCTAssertEqual(growth.first?.curves.count, 15)
        XCTAssertEqual(Set(growth.first?.curves.map(\.indicator) ?? []), [.weight, .length, .head])
        let reading = growth.first?.points.first
        XCTAssertNotNil(reading?.weightPercentile)
        XCTAssertNotNil(reading?.lengthPercentile)
        XCTAssertNotNil(reading?.headPercentile)
    }

    func testTheClinicExportIsBuiltOffline() throws {
        let core = try CradleCore.open(
            path: path("c.db"), key: testKey, deviceTimeZone: "Asia/Shanghai", deviceLocale: "zh-Hans")
        for entry in everyKind.prefix(6) { _ = try core.records().addEntry(entry: entry, at: nil) }
        let options = ClinicExportOptions(from: nil, includeName: false, sections: [])
        let html = try core.records().clinicExport(format: "html", options: options)
        // No pregnancy and no baby yet: a clinic visit, not a prenatal one.
        XCTAssertTrue(html.contains("<h1>就诊摘要</h1>") && html.contains("叶酸"))
        let fhir = try core.records().clinicExport(format: "fhir", options: options)
        let bundle = try JSONSerialization.jsonObject(with: Data(fhir.utf8)) as? [String: Any]
        XCTAssertEqual(bundle?["resourceType"] as? String, "Bundle")
        XCTAssertEqual(bundle?["type"] as? String, "document")
        XCTAssertThrowsError(try core.records().clinicExport(format: "pdf", options: options))
        XCTAssertEqual(try core.records().clinicVisit(options: options).sections.first?.code, "pregnancy")
    }
}
