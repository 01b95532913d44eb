package org.cradle.platform

import uniffi.cradle.CradleCore
import uniffi.cradle.CradleException

/**
 * One background sync, as WorkManager (Android) or BGTaskScheduler (iOS)
 * runs it. The core does the work and its back-off; this only says whether
 * the platform should try again later.
 */
object BackgroundSync {
    /** In rising order of need: the run's outcome is its steps' greatest. */
    enum class Outcome {
        /** Synced, or nothing to do: signed out, or sync not agreed to. */
        Done,

        /** Her session ended; the app asks her to sign in, the scheduler stops asking. */
        NeedsSignIn,

        /** Offline or a busy server: the platform retries with its own back-off. */
        Retry,
    }

    /**
     * Syncs her records, then the shop's queue (an order, returns and
     * complaints made offline) and her orders' news.
     */
    suspend fun run(core: CradleCore): Outcome {
        val records = step(core) { core.sync().syncNow() }
        val shop = step(core) { core.shop().syncShop() }
        return maxOf(records, shop)
    }

    private suspend fun step(core: CradleCore, work: suspend () -> Unit): Outcome = try {
        work()
        Outcome.Done
    } catch (e: CradleException.ConsentRequired) {
        Outcome.Done
    } catch (e: CradleException.InvalidInput) {
        // No account to send to: nothing to do until she signs in.
        Outcome.Done
    } catch (e: CradleException.SignInRequired) {
        if (core.syncAccount() == null) Outcome.Done else Outcome.NeedsSignIn
    } catch (e: CradleException) {
        // Offline, a busy server, a sync that did not settle: its state is kept.
        Outcome.Retry
    }
}
