import Foundation

/// Where notifications go: UNUserNotificationCenter in the app, a record in tests.
public protocol NotificationSink: AnyObject {
    /// Schedules (or replaces) the notification with this id.
    func schedule(_ notification: NotificationInfo)
    func cancel(_ id: String)
}

/// Applies the core's notification plan. The core decides what fires when
/// (quiet hours, snoozes, her consent); this hands on only the changes, and
/// never more than iOS's 64 pending requests.
@MainActor
public final class NotificationPlanner {
    /// iOS keeps at most 64 pending notification requests per app.
    public static let iosLimit: UInt32 = 64
    private let core: CradleCore
    private let sink: NotificationSink
    private var task: Task<Void, Never>?

    public init(core: CradleCore, sink: NotificationSink) {
        self.core = core
        self.sink = sink
    }

    /// After a change: only what changed since the last plan.
    public func apply() throws {
        let diff = try core.reminders().notificationPlanDiff(limit: Self.iosLimit)
        diff.cancel.forEach(sink.cancel)
        diff.add.forEach(sink.schedule)
    }

    /// After a restore or reinstall, when the system holds none of them.
    public func rescheduleAll() throws {
        try apply()
        try core.reminders().notificationPlan(limit: Self.iosLimit).forEach(sink.schedule)
    }

    /// Applies the plan whenever reminders, the profile or her orders' news
    /// change, until `stop()`.
    public func follow() {
        guard task == nil else { return }
        let changes = core.changes()
        try? apply()
        task = Task { [weak self] in
            for await area in changes where area == .reminders || area == .profile || area == .shop {
                try? self?.apply()
            }
        }
    }

    public func stop() async {
        task?.cancel()
        await task?.value
        task = nil
    }
}
