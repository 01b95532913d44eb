package org.cradle.app

import androidx.work.WorkInfo
import com.sun.net.httpserver.HttpServer
import kotlinx.coroutines.runBlocking
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Before
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner
import org.robolectric.annotation.Config
import uniffi.cradle.store.Purpose
import uniffi.cradle.SyncState
import java.net.InetSocketAddress
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.util.UUID

/**
 * WorkManager runs SyncWorker against the real test server (scripts/test
 * starts it): one sync, and a retry when the server cannot be reached.
 * work-testing is not served here, so this is WorkManager itself.
 */
@RunWith(RobolectricTestRunner::class)
@Config(sdk = [35])
class SyncWorkerTest {
    private val server: String = System.getProperty("cradle.server").orEmpty().also {
        assertTrue("cradle.server must be set by scripts/test", it.startsWith("http://"))
    }

    @Before
    fun setUp() = Phone.fresh()

    @Test
    fun `one run syncs her reading`() = runBlocking {
        val core = Phone.mother()
        core.setConsent(Purpose.SYNC, true)
        core.sync().register(server, "robo-" + UUID.randomUUID().toString().take(8), "correct horse battery", "Robolectric")
        core.records().recordBloodPressure(118u, 76u, null, null)
        assertTrue(core.syncStatus() is SyncState.Waiting)
        assertEquals(WorkInfo.State.SUCCEEDED, Phone.runSyncWorker().state)
        assertTrue("${core.syncStatus()}", core.syncStatus() is SyncState.UpToDate)
    }

    @Test
    fun `an unreachable server asks WorkManager to retry`() = runBlocking {
        // A server on loopback that forwards to the real one while she
        // signs in, then goes away.
        val client = HttpClient.newHttpClient()
        val proxy = HttpServer.create(InetSocketAddress("127.0.0.1", 0), 0)
        proxy.createContext("/") { exchange ->
            val body = exchange.requestBody.readAllBytes()
            val forward = HttpRequest.newBuilder(URI.create(server + exchange.requestURI))
                .method(exchange.requestMethod, HttpRequest.BodyPublishers.ofByteArray(body))
            exchange.requestHeaders["Content-Type"]?.firstOrNull()?.let { forward.header("Content-Type", it) }
            exchange.requestHeaders["Authorization"]?.firstOrNull()?.let { forward.header("Authorization", it) }
            val answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray())
            answer.headers().firstValue("Content-Type").ifPresent { exchange.responseHeaders.add("Content-Type", it) }
            exchange.sendResponseHeaders(answer.statusCode(), if (answer.body().isEmpty()) -1 else answer.body().size.toLong())
            exchange.responseBody.use { it.write(answer.body()) }
        }
        proxy.start()
        val core = Phone.mother()
        core.setConsent(Purpose.SYNC, true)
        core.sync().register("http://127.0.0.1:${proxy.address.port}", "robo-" + UUID.randomUUID().toString().take(8), "correct horse battery", "Robolectric")
        proxy.stop(0)
        core.records().recordBloodPressure(118u, 76u, null, null)
        val info = Phone.runSyncWorker()
        assertEquals(WorkInfo.State.ENQUEUED, info.state)
        assertEquals(1, info.runAttemptCount)
        assertTrue(core.syncStatus() !is SyncState.UpToDate)
    }
}
