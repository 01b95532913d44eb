import Foundation
import Observation

/// Records: quick add for blood pressure, weight and glucose, the weight chart
/// with its recommended band, the kick counter, the contraction timer and,
/// after the birth, the baby's feeds, nappies and sleep. The core validates every value and says when a
/// reading or a pattern needs care; the screen is one call.
@MainActor
@Observable
public final class RecordsModel {
    public private(set) var screen: Loadable<RecordsScreen> = .loading
    /// The last refused entry, naming the field to fix.
    public private(set) var problem: Problem?
    @ObservationIgnored private let core: CradleCore
    @ObservationIgnored private let watch: Watch
    /// When to call the hospital: 5-1-1 unless her clinic says 3-1-1.
    @ObservationIgnored private let rule: CallRule

    public init(core: CradleCore, rule: CallRule = .fiveOneOne) {
        self.core = core
        self.rule = rule
        watch = Watch(core: core)
    }

    public func start() {
        watch.start { [weak self] in self?.refresh() }
    }

    public func stop() async {
        await watch.stop()
    }

    public func refresh() {
        screen = .attempt { try core.recordsScreen(rule: rule) }
    }

    /// From the two number fields; the core judges the values.
    public func addBloodPressure(systolic: String, diastolic: String) {
        whole(systolic, "systolic") { sys in
            whole(diastolic, "diastolic") { dia in
                act { _ = try core.records().recordBloodPressure(systolic: sys, diastolic: dia, pulse: nil, takenAt: nil) }
            }
        }
    }

    public func addWeight(_ value: String, unit: WeightUnit) {
        number(value, "weight") { v in act { _ = try core.records().recordWeight(value: v, unit: unit, takenAt: nil) } }
    }

    public func addGlucose(_ value: String, unit: GlucoseUnit, context: GlucoseContext) {
        number(value, "glucose") { v in
            act { _ = try core.records().recordGlucose(value: v, unit: unit, context: context, takenAt: nil) }
        }
    }

    /// Baby logs, one tap each; the core judges the amounts and flags the unusual.
    public func logBreast(baby: UInt8, side: Side, minutes: String) {
        whole(minutes, "minutes") { m in log(.feed(baby: baby, feed: .breast(side: side, minutes: m))) }
    }

    public func logBottle(baby: UInt8, ml: String, milk: Milk) {
        whole(ml, "ml") { v in log(.feed(baby: baby, feed: .bottle(ml: v, milk: milk))) }
    }

    public func logSleep(baby: UInt8, minutes: String) {
        whole(minutes, "minutes") { m in log(.sleep(baby: baby, minutes: m)) }
    }

    public func logDiaper(baby: UInt8, wet: Bool, dirty: Bool) {
        log(.diaper(baby: baby, wet: wet, dirty: dirty))
    }

    private func log(_ entry: Entry) {
        act { _ = try core.records().addEntry(entry: entry, at: nil) }
    }

    /// A text field's whole number, or a refusal naming `field`; its range is the core's to judge.
    private func whole(_ text: String, _ field: String, then: (UInt32) -> Void) {
        guard let v = UInt32(text.trimmingCharacters(in: .whitespaces)) else {
            return refuse(field, "a whole number")
        }
        then(v)
    }

    private func number(_ text: String, _ field: String, then: (Double) -> Void) {
        let t = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        guard let v = Double(t) else { return refuse(field, "a number") }
        then(v)
    }

    private func refuse(_ field: String, _ reason: String) {
        problem = Problem(CradleError.InvalidInput(field: field, reason: reason))
    }

    /// The big one-handed buttons: start, one tap per movement, stop.
    public func kick(_ action: KickAction) {
        act { _ = try core.records().kick(action: action) }
    }

    /// Pressed when a contraction starts, and again when it ends.
    public func contraction(starting: Bool) {
        act { _ = try core.records().contraction(starting: starting, rule: rule) }
    }

    private func act(_ call: () throws -> Void) {
        do {
            try call()
            problem = nil
        } catch {
            problem = Problem(error)
        }
        refresh()
    }
}
