import Foundation
import Observation

/// First run: her language, her stage, and one answer per purpose. Nothing is
/// pre-selected and no consent is pre-ticked (PIPL art. 29 wants each asked
/// separately). Dates come from the platform's date picker through
/// `pickedDate`, and the core validates them; the profile is saved last, so
/// an app stopped half-way starts onboarding again.
@MainActor
@Observable
public final class OnboardingModel {
    public enum Stage: CaseIterable, Sendable { case trying, pregnant, baby }
    /// How she dates a pregnancy at first; scans can redate it later.
    public enum DatingBy: CaseIterable, Sendable { case lmp, edd }

    public var language: Language = .en
    public var stage: Stage? {
        didSet { date = nil; problem = nil }
    }
    public var datingBy: DatingBy = .lmp {
        didSet { date = nil }
    }
    /// The last period, the due date or the birth date, `YYYY-MM-DD`.
    public var date: String?
    /// Completed weeks at birth.
    public var birthWeeks: UInt32 = 40
    /// Her baby's birth weight in grams, if she has it to hand; the core judges it.
    public var birthWeightGrams: UInt32?
    /// Every purpose, answered "no" until she ticks it.
    public var consents: [Purpose: Bool] = [.sync: false, .shop: false, .notifications: false]
    public private(set) var problem: Problem?
    public private(set) var busy = false
    public private(set) var finished = false
    @ObservationIgnored private let core: CradleCore

    public init(core: CradleCore) {
        self.core = core
    }

    /// The form is complete enough to send; the core judges the values.
    public var canFinish: Bool { stage != nil && (stage == .trying || date != nil) && !busy }

    /// Starts in the device's language, as the core reads it.
    public func load() {
        switch Loadable.attempt({ try core.today() }) {
        case .ready(let t): language = t.language
        case .failed(let p): problem = p
        case .loading: break
        }
    }

    /// Saves everything; a refused date is shown and nothing is marked done.
    public func finish() {
        guard canFinish, let stage else { return }
        busy = true
        defer { busy = false }
        do {
            switch stage {
            case .trying: _ = try core.setTrying(since: nil)
            // A 28-day cycle until she says otherwise; the first scan redates it.
            case .pregnant:
                _ = try core.recordDating(dating: datingBy == .lmp ? .lmp(lmp: date ?? "", cycleDays: 28) : .edd(edd: date ?? ""))
            case .baby: _ = try core.recordBirth(date: date ?? "", gaWeeks: birthWeeks, gaDays: 0, count: 1, birthWeightsGrams: birthWeightGrams.map { [$0] } ?? [], motherHbsag: nil)
            }
            // A "no" is an answer too, and is recorded as one.
            for purpose in [Purpose.sync, .shop, .notifications] {
                _ = try core.setConsent(purpose: purpose, granted: consents[purpose] ?? false)
            }
            _ = try core.setLanguage(language: language)
            problem = nil
            finished = true
        } catch {
            problem = Problem(error)
        }
    }
}
