#if canImport(SwiftUI)
import BackgroundTasks
import Cradle
import Foundation
import Network
import UserNotifications

/// The core's notification plan on UNUserNotificationCenter. Requests are
/// keyed by the core's ids, so a diff adds and removes exactly those; the
/// planner keeps the total within iOS's 64 pending requests.
final class UserNotificationSink: NotificationSink {
    private let center = UNUserNotificationCenter.current()

    func schedule(_ n: NotificationInfo) {
        let content = UNMutableNotificationContent()
        content.title = n.title
        content.body = n.body
        content.userInfo = ["link": n.deepLink]
        content.sound = .default
        let trigger = UNTimeIntervalNotificationTrigger(timeInterval: n.secondsFromNow, repeats: false)
        center.add(UNNotificationRequest(identifier: n.id, content: content, trigger: trigger))
    }

    /// Also takes it off the screen if it already fired: done, moved, or news she has read.
    func cancel(_ id: String) {
        center.removePendingNotificationRequests(withIdentifiers: [id])
        center.removeDeliveredNotifications(withIdentifiers: [id])
    }

    /// iOS asks its own question once she has agreed in the app.
    static func askPermission() {
        UNUserNotificationCenter.current().requestAuthorization(options: [.alert, .sound]) { _, _ in }
    }
}

/// A tapped notification opens what it links to: the core's `cradle://`
/// link, read by the core through the router.
@MainActor
final class NotificationTaps: NSObject, UNUserNotificationCenterDelegate {
    static let shared = NotificationTaps()
    private weak var router: Router?
    /// A tap that launched the app, waiting for the first screen.
    private var waiting: String?

    func follow(_ router: Router) {
        self.router = router
        if let link = waiting {
            waiting = nil
            router.open(link)
        }
    }

    nonisolated func userNotificationCenter(
        _ center: UNUserNotificationCenter, didReceive response: UNNotificationResponse
    ) async {
        guard let link = response.notification.request.content.userInfo["link"] as? String else { return }
        await MainActor.run {
            if let router { router.open(link) } else { waiting = link }
        }
    }

    /// While the app is open a reminder still shows as a banner.
    nonisolated func userNotificationCenter(
        _ center: UNUserNotificationCenter, willPresent notification: UNNotification
    ) async -> UNNotificationPresentationOptions {
        [.banner, .sound]
    }
}

/// Back online: what waited for the network (her changes, an order, a
/// return) goes now rather than at the next scheduled run.
enum Reconnect {
    private static let monitor = NWPathMonitor()

    static func follow(core: CradleCore) {
        monitor.pathUpdateHandler = { path in
            if path.status == .satisfied { Task { _ = await BackgroundSync.run(core) } }
        }
        monitor.start(queue: DispatchQueue(label: "org.cradle.reconnect"))
    }
}

/// Background sync through BGTaskScheduler; the app also syncs on coming
/// to the foreground.
enum SyncTask {
    static let id = "org.cradle.sync"

    /// Must run before the app finishes launching.
    static func register(core: CradleCore) {
        BGTaskScheduler.shared.register(forTaskWithIdentifier: id, using: nil) { task in
            let work = Task {
                let outcome = await BackgroundSync.run(core)
                schedule()
                task.setTaskCompleted(success: outcome != .retry)
            }
            task.expirationHandler = { work.cancel() }
        }
    }

    /// Asks for the next run; the system picks the time and needs a network.
    static func schedule() {
        let request = BGAppRefreshTaskRequest(identifier: id)
        try? BGTaskScheduler.shared.submit(request)
    }
}
#endif
