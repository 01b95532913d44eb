package org.cradle.app

import android.content.Intent
import android.os.Looper
import androidx.compose.ui.test.junit4.createEmptyComposeRule
import androidx.compose.ui.test.onNodeWithText
import androidx.compose.ui.test.hasSetTextAction
import androidx.compose.ui.test.hasText
import androidx.compose.ui.test.onAllNodesWithText
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollTo
import androidx.compose.ui.test.performTextInput
import kotlinx.coroutines.runBlocking
import uniffi.cradle.store.Purpose
import java.util.UUID
import androidx.test.core.app.ActivityScenario
import org.cradle.app.ui.Strings
import org.junit.Assert.assertArrayEquals
import org.junit.Assert.assertEquals
import org.junit.Assert.assertThrows
import org.junit.Assert.assertTrue
import org.junit.Before
import org.junit.Rule
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner
import org.robolectric.Shadows.shadowOf
import org.robolectric.annotation.Config
import uniffi.cradle.CradleCore
import java.io.File
import java.security.GeneralSecurityException
import java.time.ZoneId
import javax.crypto.AEADBadTagException
import javax.crypto.spec.SecretKeySpec

/**
 * Her data moved to a new phone without the Keystore key that wraps its
 * database key (a maker's transfer tool, a restore): the app says so gently
 * and lets her start fresh, instead of crashing at every launch.
 */
@RunWith(RobolectricTestRunner::class)
@Config(sdk = [35])
class NewPhoneTest {
    @get:Rule
    val compose = createEmptyComposeRule()

    private val oldPhone = ByteArray(32) { 1 }
    private val newPhone = ByteArray(32) { 2 }

    @Before
    fun setUp() = Phone.fresh(wrappingKey = oldPhone)

    /** What the transfer copied: her database and the key wrapped on the old phone. */
    private fun dataFromTheOldPhone() {
        val key = DatabaseKey.get(Phone.context)
        CradleCore.open(File(Phone.context.filesDir, "cradle.db").path, key, ZoneId.systemDefault().id, "en").use {
            it.setProfile(uniffi.cradle.ProfileInfo("Lin", "en", "Asia/Shanghai"))
        }
        DatabaseKey.wrapper = KeyWrapper { SecretKeySpec(newPhone, "AES") }
    }

    @Test
    fun `the app explains and starts fresh instead of crashing`() {
        dataFromTheOldPhone()
        assertThrows(UnreadableData::class.java) { Core.get(Phone.context) }
        ActivityScenario.launch(MainActivity::class.java).use {
            val s = Strings.EN
            compose.onNodeWithText(s.unreadableTitle).assertExists()
            compose.onNodeWithText(s.startFresh).performClick()
            compose.waitForIdle()
            compose.onNodeWithText(s.welcomeTitle).assertExists()
        }
        // The new key opens the new, empty data from now on.
        assertEquals(null, Core.get(Phone.context).profile())
    }

    @Test
    fun `she signs in on the new phone and what she synced comes back`() {
        val server = System.getProperty("cradle.server").orEmpty()
        assertTrue("cradle.server must be set by scripts/test", server.startsWith("http://"))
        val login = "moved-" + UUID.randomUUID().toString().take(8)
        // Her old phone, synced to her account.
        val code = CradleCore.open(File(Phone.context.cacheDir, "old-phone.db").path, ByteArray(32) { 3 }, "Asia/Shanghai", "en").use { old ->
            old.setProfile(uniffi.cradle.ProfileInfo("Lin", "en", "Asia/Shanghai"))
            old.setConsent(Purpose.SYNC, true)
            runBlocking { old.sync().register(server, login, "correct horse battery", "old phone").also { old.sync().syncNow() } }
        }
        dataFromTheOldPhone()
        ActivityScenario.launch(MainActivity::class.java).use {
            val s = Strings.EN
            compose.onNodeWithText(s.startFresh).performClick()
            compose.onNodeWithText(s.haveAccount).performClick()
            compose.onNode(hasSetTextAction() and hasText(s.server)).performTextInput(server)
            compose.onNode(hasSetTextAction() and hasText(s.login)).performTextInput(login)
            compose.onNode(hasSetTextAction() and hasText(s.password)).performTextInput("correct horse battery")
            compose.onNode(hasSetTextAction() and hasText(s.recoveryCode)).performTextInput(code)
            compose.onNodeWithText(s.purpose(Purpose.SYNC)).performScrollTo().performClick()
            compose.onNodeWithText(s.signIn).performScrollTo().performClick()
            compose.waitUntil(20_000) { compose.onAllNodesWithText(s.hello("Lin")).fetchSemanticsNodes().isNotEmpty() }
        }
        assertEquals("Lin", Core.get(Phone.context).profile()!!.displayName)
    }

    @Test
    fun `a database without its wrapped key is unreadable too`() {
        dataFromTheOldPhone()
        DatabaseKey.forget(Phone.context) // only the database came across
        assertThrows(UnreadableData::class.java) { Core.get(Phone.context) }
    }

    @Test
    fun `the reboot receiver does not crash on it`() {
        dataFromTheOldPhone()
        val crashes = mutableListOf<Throwable>()
        Thread.setDefaultUncaughtExceptionHandler { _, e -> synchronized(crashes) { crashes += e } }
        Phone.context.sendBroadcast(Intent(Intent.ACTION_BOOT_COMPLETED).setPackage(Phone.context.packageName))
        shadowOf(Looper.getMainLooper()).idle()
        Thread.sleep(500)
        shadowOf(Looper.getMainLooper()).idle()
        assertEquals(emptyList<Throwable>(), synchronized(crashes) { crashes.toList() })
        assertTrue(shadowOf(Phone.context.getSystemService(android.app.AlarmManager::class.java)!!).scheduledAlarms.isEmpty())
    }

    @Test
    fun `the sync worker finishes quietly, without retrying`() {
        dataFromTheOldPhone()
        // Nothing can be sent until she starts fresh: a retry would only
        // wake the phone again for the same answer.
        val info = Phone.runSyncWorker()
        assertEquals(androidx.work.WorkInfo.State.SUCCEEDED, info.state)
    }

    @Test
    fun `the wrapping round-trips with a JCA key and refuses any other key or a damaged blob`() {
        val databaseKey = ByteArray(32) { it.toByte() }
        val wrapped = KeyWrapper { SecretKeySpec(oldPhone, "AES") }.wrap(databaseKey)
        assertEquals(12 + 32 + 16, wrapped.size) // IV, key, tag
        assertArrayEquals(databaseKey, KeyWrapper { SecretKeySpec(oldPhone, "AES") }.unwrap(wrapped))
        assertThrows(AEADBadTagException::class.java) { KeyWrapper { SecretKeySpec(newPhone, "AES") }.unwrap(wrapped) }
        val damaged = wrapped.copyOf().also { it[20] = (it[20].toInt() xor 1).toByte() }
        assertThrows(AEADBadTagException::class.java) { KeyWrapper { SecretKeySpec(oldPhone, "AES") }.unwrap(damaged) }
        assertThrows(GeneralSecurityException::class.java) { KeyWrapper { SecretKeySpec(oldPhone, "AES") }.unwrap(ByteArray(12)) }
    }

    @Test
    fun `neither a backup nor a transfer takes the database or its key`() {
        val info = Phone.context.packageManager.getApplicationInfo(Phone.context.packageName, 0)
        assertEquals(0, info.flags and android.content.pm.ApplicationInfo.FLAG_ALLOW_BACKUP)
        val rules = Phone.context.resources.getXml(R.xml.data_extraction_rules)
        val excluded = mutableListOf<String>()
        var section = ""
        while (rules.next() != org.xmlpull.v1.XmlPullParser.END_DOCUMENT) {
            if (rules.eventType != org.xmlpull.v1.XmlPullParser.START_TAG) continue
            when (rules.name) {
                "cloud-backup", "device-transfer" -> section = rules.name
                "exclude" -> excluded += "$section:${rules.getAttributeValue(null, "domain")}:${rules.getAttributeValue(null, "path")}"
            }
        }
        for (section in listOf("cloud-backup", "device-transfer")) {
            for (domain in listOf("file", "sharedpref", "database")) assertTrue("$section $domain", "$section:$domain:." in excluded)
        }
    }
}
