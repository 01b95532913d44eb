package org.cradle.app

import android.app.Application
import android.os.Looper
import androidx.test.core.app.ApplicationProvider
import androidx.work.Configuration
import androidx.work.OneTimeWorkRequestBuilder
import androidx.work.WorkInfo
import androidx.work.WorkManager
import androidx.work.impl.WorkManagerImpl
import androidx.work.impl.close
import org.cradle.viewmodel.Tab
import org.robolectric.Shadows.shadowOf
import uniffi.cradle.CradleCore
import uniffi.cradle.Dating
import uniffi.cradle.ProfileInfo
import uniffi.cradle.store.Purpose
import java.time.LocalDate
import java.time.ZoneId
import javax.crypto.spec.SecretKeySpec

/**
 * A phone for one test: Robolectric has no AndroidKeyStore, so the database
 * key is wrapped by a JCA key instead; each test starts with no data, as the
 * app's process singletons outlive a test.
 */
object Phone {
    val context: Application get() = ApplicationProvider.getApplicationContext()

    fun fresh(wrappingKey: ByteArray = ByteArray(32) { 7 }) {
        DatabaseKey.wrapper = KeyWrapper { SecretKeySpec(wrappingKey, "AES") }
        Core.startFresh(context)
        Core.navigator.select(Tab.Today)
        // On a phone androidx.startup's provider initialises WorkManager;
        // Robolectric runs no providers, so this does what work-testing's
        // helper would: a new WorkManager for this test's application
        // (WorkManager.initialize would keep the last test's, and its context).
        @Suppress("DEPRECATION") WorkManagerImpl.getInstance()?.close() // the last test's threads stop
        WorkManagerImpl.setDelegate(WorkManagerImpl(context, Configuration.Builder().build()))
    }

    /** Waits, up to ten seconds, for what another thread does. */
    fun waitFor(what: String, done: () -> Boolean) {
        val until = System.nanoTime() + 10_000_000_000
        while (!done()) {
            check(System.nanoTime() < until) { "timed out: $what" }
            Thread.sleep(20)
        }
    }

    /** Runs SyncWorker once, as WorkManager does, and returns what it said. */
    fun runSyncWorker(): WorkInfo {
        val request = OneTimeWorkRequestBuilder<SyncWorker>().build()
        val work = WorkManager.getInstance(context)
        work.enqueue(request).result.get()
        var info: WorkInfo? = null
        waitFor("the worker ran") {
            shadowOf(Looper.getMainLooper()).idle() // WorkManager reports on the main thread
            info = work.getWorkInfoById(request.id).get()
            info!!.state.isFinished || (info!!.state == WorkInfo.State.ENQUEUED && info!!.runAttemptCount > 0)
        }
        return info!!
    }

    /** The demo mother, 28 weeks pregnant, who agreed to notifications. */
    fun mother(locale: String = "en"): CradleCore = Core.get(context).also { core ->
        core.setProfile(ProfileInfo(if (locale.startsWith("zh")) "小林" else "Lin", locale, "Asia/Shanghai"))
        core.recordDating(Dating.Edd(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusWeeks(12).toString()))
        core.setConsent(Purpose.NOTIFICATIONS, true)
    }
}
