import Foundation

/// One background sync, as BGTaskScheduler (or coming to the foreground)
/// runs it. The core does the work and its back-off; this only says whether
/// the system should try again later.
public enum BackgroundSync {
    public enum Outcome: Equatable, Sendable {
        /// Synced, or nothing to do: signed out, or sync not agreed to.
        case done
        /// Offline or a busy server: ask the system to run again later.
        case retry
        /// Her session ended; the app asks her to sign in.
        case needsSignIn
    }

    public static func run(_ core: CradleCore) async -> Outcome {
        do {
            _ = try await core.syncNow()
            return .done
        } catch CradleError.ConsentRequired {
            return .done
        } catch CradleError.SignInRequired {
            return (try? core.syncAccount()) == nil ? .done : .needsSignIn
        } catch {
            // Offline, a busy server, a sync that did not settle: its state is kept.
            return .retry
        }
    }
}
