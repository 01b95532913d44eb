package org.cradle.app

import android.app.Application
import androidx.test.core.app.ApplicationProvider
import androidx.work.Configuration
import androidx.work.WorkManager
import androidx.work.impl.WorkManagerImpl
import org.cradle.viewmodel.Tab
import uniffi.cradle.CradleCore
import uniffi.cradle.Dating
import uniffi.cradle.ProfileInfo
import uniffi.cradle.Purpose
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
        // helper would: a WorkManager for this test's application.
        WorkManagerImpl.setDelegate(null)
        WorkManager.initialize(context, Configuration.Builder().build())
    }

    /** Waits, up to ten seconds, for what another thread does. */
    fun waitFor(what: String, done: () -> Boolean) {
        val until = System.nanoTime() + 10_000_000_000
        while (!done()) {
            check(System.nanoTime() < until) { "timed out: $what" }
            Thread.sleep(20)
        }
    }

    /** The demo mother, 28 weeks pregnant, who agreed to notifications. */
    fun mother(locale: String = "en"): CradleCore = Core.get(context).also { core ->
        core.setProfile(ProfileInfo(if (locale.startsWith("zh")) "小林" else "Lin", locale, "Asia/Shanghai"))
        core.recordDating(Dating.Edd(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusWeeks(12).toString()))
        core.setConsent(Purpose.NOTIFICATIONS, true)
    }
}
