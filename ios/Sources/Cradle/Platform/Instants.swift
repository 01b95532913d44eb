import Foundation

// The one bridge between the core's instants (epoch milliseconds) and
// Foundation's `Date`: conversions only; every calendar rule is the core's.

extension NotificationInfo {
    public var fireDate: Date { Date(timeIntervalSince1970: TimeInterval(fireAtEpochMs) / 1000) }

    /// For a time-interval trigger, which must be positive.
    public var secondsFromNow: TimeInterval { max(1, fireDate.timeIntervalSinceNow) }
}

extension Date {
    /// The day a platform date picker chose, as the core reads this instant
    /// in `zone`: `YYYY-MM-DD`.
    public func pickedDay(in zone: TimeZone = .current) -> String? {
        try? pickedDate(epochMs: Int64((timeIntervalSince1970 * 1000).rounded()), timeZone: zone.identifier)
    }
}
