import Foundation

/// One background sync, as BGTaskScheduler (or coming to the foreground)
/// runs it. The core does the work and its back-off; this only says whether
/// the system should try again later.
public enum BackgroundSync {
    /// In rising order of need: a run's outcome is its steps' greatest.
    public enum Outcome: Int, Comparable, Sendable {
        /// Synced, or nothing to do: signed out, or sync not agreed to.
        case done
        /// Her session ended; the app asks her to sign in.
        case needsSignIn
        /// Offline or a busy server: ask the system to run again later.
        case retry

        public static func < (a: Outcome, b: Outcome) -> Bool { a.rawValue < b.rawValue }
    }

    /// Syncs her records, then the shop's queue (an order, returns and
    /// complaints made offline) and her orders' news.
    public static func run(_ core: CradleCore) async -> Outcome {
        let records = await step(core) { _ = try await core.sync().syncNow() }
        let shop = await step(core) { try await core.shop().syncShop() }
        return max(records, shop)
    }

    private static func step(_ core: CradleCore, _ work: () async throws -> Void) async -> Outcome {
        do {
            try await work()
            return .done
        } catch CradleError.ConsentRequired {
            return .done
        } catch CradleError.InvalidInput {
            // No account to send to: nothing to do until she signs in.
            return .done
        } catch CradleError.SignInRequired {
            return (try? core.syncAccount()) == nil ? .done : .needsSignIn
        } catch {
            // Offline, a busy server, a sync that did not settle: its state is kept.
            return .retry
        }
    }
}
