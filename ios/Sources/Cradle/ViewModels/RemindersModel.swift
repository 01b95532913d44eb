import Foundation
import Observation

/// Reminders: the core's list for the coming weeks (checkups, vaccines and
/// her own), and the actions on one item. Which items exist, when they are
/// due and what "done" records are the core's; this only asks and shows.
@MainActor
@Observable
public final class RemindersModel {
    public private(set) var items: Loadable<[ReminderItem]> = .loading
    /// The last refused action, until the next one succeeds.
    public private(set) var problem: Problem?
    @ObservationIgnored private let core: CradleCore
    @ObservationIgnored private let watch: Watch

    public init(core: CradleCore) {
        self.core = core
        watch = Watch(core: core)
    }

    /// Loads the list and keeps it current until `stop()`.
    public func start() {
        watch.start { [weak self] in self?.refresh() }
    }

    /// Stops listening; returns once unsubscribed, so the core can be released after.
    public func stop() async {
        await watch.stop()
    }

    /// The core's default window: today and the next 30 days.
    public func refresh() {
        items = .attempt { try core.reminders().list(from: nil, to: nil) }
    }

    public func complete(_ id: String) { act { try core.reminders().completeItem(id: id) } }

    public func skip(_ id: String) { act { try core.reminders().skipItem(id: id) } }

    public func snooze(_ id: String, minutes: UInt32) { act { try core.reminders().snoozeItem(id: id, minutes: minutes) } }

    private func act(_ call: () throws -> Void) {
        do {
            try call()
            problem = nil
            refresh()
        } catch {
            problem = Problem(error)
        }
    }
}
