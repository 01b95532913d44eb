import Foundation
import Observation

/// Records: quick add for blood pressure, weight and glucose, the kick counter
/// and the contraction timer. The core validates every value and says when a
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
        guard let sys = UInt32(systolic.trimmingCharacters(in: .whitespaces)),
              let dia = UInt32(diastolic.trimmingCharacters(in: .whitespaces))
        else {
            let field = UInt32(systolic.trimmingCharacters(in: .whitespaces)) == nil ? "systolic" : "diastolic"
            problem = Problem(CradleError.InvalidInput(field: field, reason: "a whole number"))
            return
        }
        act { _ = try core.recordBloodPressure(systolic: sys, diastolic: dia, pulse: nil, takenAt: nil) }
    }

    public func addWeight(_ value: Double, unit: WeightUnit) {
        act { _ = try core.recordWeight(value: value, unit: unit, takenAt: nil) }
    }

    public func addGlucose(_ value: Double, unit: GlucoseUnit, context: GlucoseContext) {
        act { _ = try core.recordGlucose(value: value, unit: unit, context: context, takenAt: nil) }
    }

    /// The big one-handed buttons: start, one tap per movement, stop.
    public func kick(_ action: KickAction) {
        act { _ = try core.kick(action: action) }
    }

    /// Pressed when a contraction starts, and again when it ends.
    public func contraction(starting: Bool) {
        act { _ = try core.contraction(starting: starting, rule: rule) }
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
