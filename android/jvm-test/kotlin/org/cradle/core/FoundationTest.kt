package org.cradle.core

import kotlinx.coroutines.async
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeoutOrNull
import kotlinx.coroutines.Dispatchers
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir
import uniffi.cradle.ChangeListener
import uniffi.cradle.CradleCore
import uniffi.cradle.CradleException
import uniffi.cradle.store.DataArea
import uniffi.cradle.store.Language
import uniffi.cradle.ProfileInfo
import uniffi.cradle.checkServer
import java.nio.file.Path
import java.util.concurrent.LinkedBlockingQueue
import java.util.concurrent.TimeUnit

/** The foundation contract, through the generated bindings and the real library. */
class FoundationTest {
    @TempDir
    lateinit var dir: Path

    private fun open(name: String = "cradle.db") =
        CradleCore.open(dir.resolve(name).toString(), TEST_KEY, "Asia/Shanghai", "zh-Hans-CN")

    @Test
    fun `an empty database opens and Today uses the device settings`() {
        open().use { core ->
            val today = core.today()
            assertNull(today.profile)
            assertEquals("Asia/Shanghai", today.timeZone)
            assertEquals(Language.ZH_HANS, today.language)
            assertTrue(Regex("""\d{4}-\d{2}-\d{2}""").matches(today.date))
        }
    }

    @Test
    fun `the profile is written, read back and survives reopening`() {
        open().use { core ->
            val saved = core.setProfile(ProfileInfo(" Mia ", "en-GB", "Europe/London"))
            assertEquals("Mia", saved.displayName)
        }
        open().use { core ->
            val profile = core.profile()!!
            assertEquals(ProfileInfo("Mia", "en-GB", "Europe/London"), profile)
            assertEquals(Language.EN, core.today().language)
        }
    }

    @Test
    fun `bad input is a typed exception naming the field, and changes nothing`() {
        open().use { core ->
            core.setProfile(ProfileInfo(null, "zh-CN", "Asia/Shanghai"))
            val e = assertThrows<CradleException.InvalidInput> {
                core.setProfile(ProfileInfo("x", "en", "Not/AZone"))
            }
            assertEquals("time_zone", e.field)
            assertEquals(ProfileInfo(null, "zh-CN", "Asia/Shanghai"), core.profile())
        }
        assertThrows<CradleException.InvalidInput> {
            CradleCore.open(dir.resolve("x.db").toString(), TEST_KEY, "Asia/Shanghai", "not a locale!")
        }
    }

    @Test
    fun `a wrong key is a typed error and the data survives`() {
        open().use { it.setProfile(ProfileInfo("Mia", "en", "UTC")) }
        assertThrows<CradleException.WrongKey> {
            CradleCore.open(dir.resolve("cradle.db").toString(), ByteArray(32) { 9 }, "UTC", "en")
        }
        assertEquals("key", assertThrows<CradleException.InvalidInput> {
            CradleCore.open(dir.resolve("short.db").toString(), ByteArray(16), "UTC", "en")
        }.field)
        open().use { assertEquals("Mia", it.profile()!!.displayName) }
        assertEquals(32, uniffi.cradle.generateDatabaseKey().size)
    }

    @Test
    fun `a write fires the listener`() {
        open().use { core ->
            val heard = LinkedBlockingQueue<DataArea>()
            val subscription = core.subscribe(object : ChangeListener {
                override fun dataChanged(area: DataArea) {
                    heard.add(area)
                }
            })
            core.setProfile(ProfileInfo(null, "en", "UTC"))
            // The timeout only guards against a hang; the assertion is on the value.
            assertEquals(DataArea.PROFILE, heard.poll(30, TimeUnit.SECONDS))
            assertTrue(subscription.cancel())
            assertFalse(subscription.cancel())
            subscription.close()
        }
    }

    @Test
    fun `the Flow wrapper delivers changes`() = runBlocking {
        open().use { core ->
            val first = async(Dispatchers.Default) { core.changes().first() }
            // The flow subscribes when its collector starts, on another
            // thread: write until it has heard one (bounded, no time asserted).
            var area: DataArea? = null
            repeat(300) {
                if (area == null) {
                    core.setProfile(ProfileInfo(null, "en", "UTC"))
                    area = withTimeoutOrNull(100) { first.await() }
                }
            }
            assertEquals(DataArea.PROFILE, area)
        }
    }

    @Test
    fun `the async server check reaches a real server`() = runBlocking {
        val server = System.getProperty("cradle.server")
        assertTrue(!server.isNullOrBlank() && !server.startsWith("\${"), "cradle.server must be set by scripts/test")
        val health = checkServer(server!!)
        assertEquals("ok", health.status)
    }

    @Test
    fun `the async server check fails with a typed network error`() = runBlocking {
        val port = java.net.ServerSocket(0).use { it.localPort }
        assertThrows<CradleException.Network> { runBlocking { checkServer("http://127.0.0.1:$port") } }
        assertThrows<CradleException.InvalidInput> { runBlocking { checkServer("not a url") } }
        Unit
    }
}
