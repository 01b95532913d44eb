import Foundation
import Observation

/// Adding her own reminder with the recurrence picker. Every change asks the
/// core for a draft: it builds the RRULE, checks each field as saving would,
/// says the rule back in her language and previews the next times it rings.
/// Saving passes the draft's rule on unchanged.
@MainActor
@Observable
public final class ReminderEditorModel {
    public static let weekdays: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday, .saturday, .sunday]

    public var title = "" { didSet { redraft() } }
    /// Weekdays only apply to weekly repeats, so another choice clears them.
    public var every = Every.day {
        didSet {
            if every != .week { weekdays = [] }
            redraft()
        }
    }
    public var interval: UInt16 = 1 { didSet { redraft() } }
    public var weekdays: Set<Weekday> = [] { didSet { redraft() } }
    public var ends = RepeatEnds.never { didSet { redraft() } }
    /// `HH:MM`, local.
    public var time = "09:00" { didSet { redraft() } }
    /// The core's reading of the choices; nil while a field is refused.
    public private(set) var draft: ReminderDraft?
    public private(set) var problem: Problem?
    @ObservationIgnored private let core: CradleCore

    public init(core: CradleCore) {
        self.core = core
    }

    /// An untouched empty title is not yet a mistake.
    public var shownProblem: Problem? {
        guard let problem, !(problem.field == "title" && title.isEmpty) else { return nil }
        return problem
    }

    /// Saves the draft's rule; true once saved.
    @discardableResult
    public func save() -> Bool {
        guard let draft else { return false }
        do {
            _ = try core.reminders().add(title: title, rrule: draft.rrule, time: time)
            problem = nil
            return true
        } catch {
            problem = Problem(error)
            return false
        }
    }

    /// Starts a new reminder from scratch.
    public func reset() {
        (title, every, interval, weekdays, ends, time) = ("", .day, 1, [], .never, "09:00")
        (draft, problem) = (nil, nil)
    }

    public func toggle(_ day: Weekday) {
        if weekdays.contains(day) { weekdays.remove(day) } else { weekdays.insert(day) }
    }

    private func redraft() {
        let choice = RepeatChoice(
            every: every, interval: interval,
            weekdays: Self.weekdays.filter(weekdays.contains), ends: ends)
        switch Loadable.attempt({ try core.reminders().draft(title: title, repeat: choice, time: time) }) {
        case .ready(let d): (draft, problem) = (d, nil)
        case .failed(let p): (draft, problem) = (nil, p)
        case .loading: break
        }
    }
}
