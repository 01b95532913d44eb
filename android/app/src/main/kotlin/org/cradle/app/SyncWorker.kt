package org.cradle.app

import android.content.Context
import androidx.work.Constraints
import androidx.work.CoroutineWorker
import androidx.work.ExistingPeriodicWorkPolicy
import androidx.work.ExistingWorkPolicy
import androidx.work.NetworkType
import androidx.work.OneTimeWorkRequestBuilder
import androidx.work.PeriodicWorkRequestBuilder
import androidx.work.WorkManager
import androidx.work.WorkerParameters
import org.cradle.platform.BackgroundSync
import java.util.concurrent.TimeUnit

/** Syncs in the background when there is a network; the core does the work. */
class SyncWorker(context: Context, params: WorkerParameters) : CoroutineWorker(context, params) {
    override suspend fun doWork(): Result {
        val core = try {
            Core.get(applicationContext)
        } catch (e: UnreadableData) {
            return Result.success() // nothing to send until she starts fresh in the app
        }
        return when (BackgroundSync.run(core)) {
            BackgroundSync.Outcome.Done, BackgroundSync.Outcome.NeedsSignIn -> Result.success()
            BackgroundSync.Outcome.Retry -> Result.retry()
        }
    }

    companion object {
        private val online = Constraints.Builder().setRequiredNetworkType(NetworkType.CONNECTED).build()

        /** Every few hours while the app is installed, and soon after a local change. */
        fun schedule(context: Context) {
            val work = WorkManager.getInstance(context)
            work.enqueueUniquePeriodicWork(
                "cradle-sync",
                ExistingPeriodicWorkPolicy.KEEP,
                PeriodicWorkRequestBuilder<SyncWorker>(6, TimeUnit.HOURS).setConstraints(online).build(),
            )
        }

        fun soon(context: Context) {
            WorkManager.getInstance(context).enqueueUniqueWork(
                "cradle-sync-soon",
                ExistingWorkPolicy.REPLACE,
                OneTimeWorkRequestBuilder<SyncWorker>().setConstraints(online)
                    .setInitialDelay(30, TimeUnit.SECONDS).build(),
            )
        }
    }
}
