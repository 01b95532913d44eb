package org.cradle.core

import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir
import uniffi.cradle.CradleCore
import uniffi.cradle.CradleException
import uniffi.cradle.store.Purpose
import uniffi.cradle.SyncState
import uniffi.cradle.SyncStatusListener
import java.nio.file.Path
import java.util.UUID
import java.util.concurrent.CopyOnWriteArrayList

/** Accounts and sync through the bindings, against the real server scripts/test starts. */
class SyncTest {
    @TempDir
    lateinit var dir: Path

    private val server: String = System.getProperty("cradle.server").also {
        assertTrue(!it.isNullOrBlank() && !it.startsWith("\${"), "cradle.server must be set by scripts/test")
    }

    /** A device whose user agreed to sync at onboarding. */
    private fun open(name: String) =
        CradleCore.open(dir.resolve(name).toString(), TEST_KEY, "Asia/Shanghai", "zh-Hans-CN")
            .also { it.setConsent(Purpose.SYNC, true) }

    private val password = "correct horse battery"

    @Test
    fun `a reading syncs to a second device, with status updates on the way`() = runBlocking {
        val login = "kt-" + UUID.randomUUID().toString().take(8)
        open("a.db").use { a ->
            open("b.db").use { b ->
                assertEquals(SyncState.SignedOut, a.syncStatus())
                val code = a.sync().register(server, login, password, "Pixel")
                assertEquals(64, code.length)
                a.records().recordBloodPressure(118u, 76u, 70u, null)
                assertEquals(SyncState.Waiting(1uL, null), a.syncStatus())

                val seen = CopyOnWriteArrayList<SyncState>()
                val subscription = a.subscribeSync(object : SyncStatusListener {
                    override fun syncStatusChanged(status: SyncState) {
                        seen.add(status)
                    }
                })
                val summary = a.sync().syncNow()
                assertEquals(1uL, summary.pushed)
                assertTrue(seen.any { it is SyncState.Syncing }, "$seen")
                assertTrue(seen.last() is SyncState.UpToDate, "$seen")
                subscription.close()

                b.sync().login(server, login, password, "Tablet", code)
                b.sync().syncNow()
                val readings = b.records().list("blood_pressure")
                assertEquals(1, readings.size)
                assertEquals(login, b.syncAccount()!!.login)
                assertEquals(code, b.recoveryCode())
            }
        }
    }

    @Test
    fun `a wrong recovery code and a wrong password are typed errors`() = runBlocking {
        val login = "kt-" + UUID.randomUUID().toString().take(8)
        open("a.db").use { a -> a.sync().register(server, login, password, "Pixel") }
        open("b.db").use { b ->
            val someoneElses = "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA"
            val wrongCode = assertThrows<CradleException.InvalidInput> {
                runBlocking { b.sync().login(server, login, password, "Tablet", someoneElses) }
            }
            assertEquals("recovery_code", wrongCode.field)
            val wrongPassword = assertThrows<CradleException.InvalidInput> {
                runBlocking { b.sync().login(server, login, "not the password", "Tablet", someoneElses) }
            }
            assertEquals("password", wrongPassword.field)
            assertThrows<CradleException.SignInRequired> { runBlocking { b.sync().syncNow() } }
            assertEquals(SyncState.SignedOut, b.syncStatus())
        }
    }
}
