package org.cradle.platform

import uniffi.cradle.CradleCore
import uniffi.cradle.CradleException

/**
 * One background sync, as WorkManager (Android) or BGTaskScheduler (iOS)
 * runs it. The core does the work and its back-off; this only says whether
 * the platform should try again later.
 */
object BackgroundSync {
    enum class Outcome {
        /** Synced, or nothing to do: signed out, or sync not agreed to. */
        Done,

        /** Offline or a busy server: the platform retries with its own back-off. */
        Retry,

        /** Her session ended; the app asks her to sign in, the scheduler stops asking. */
        NeedsSignIn,
    }

    suspend fun run(core: CradleCore): Outcome = try {
        core.syncNow()
        Outcome.Done
    } catch (e: CradleException.ConsentRequired) {
        Outcome.Done
    } catch (e: CradleException.SignInRequired) {
        if (core.syncAccount() == null) Outcome.Done else Outcome.NeedsSignIn
    } catch (e: CradleException) {
        // Offline, a busy server, a sync that did not settle: its state is kept.
        Outcome.Retry
    }
}
