package org.cradle.ui

import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse

/**
 * The reference server's sandbox, driven over real HTTP as the shop's
 * warehouse would: it signs in as her (a second session) and moves an
 * order one step on.
 */
internal class Sandbox(private val server: String, login: String, password: String) {
    private val http = HttpClient.newHttpClient()
    private val token: String = run {
        val body = """{"login":"$login","password":"$password","device":"warehouse"}"""
        val answer = post("/v1/sessions", body, bearer = null)
        Regex("\"token\":\"([^\"]+)\"").find(answer)!!.groupValues[1]
    }

    /** Moves the order (or its open return) one step: paid → shipped → delivered. */
    fun advance(orderId: String) {
        post("/v1/sandbox/orders/$orderId/advance", "", token)
    }

    /** Declines a requested return, saying why. */
    fun reject(orderId: String, returnId: String, reason: String) {
        post("/v1/sandbox/orders/$orderId/returns/$returnId/reject", "{\"reason\":\"$reason\"}", token)
    }

    private fun post(path: String, body: String, bearer: String?): String {
        val request = HttpRequest.newBuilder(URI.create(server.trimEnd('/') + path))
            .header("content-type", "application/json")
            .apply { if (bearer != null) header("authorization", "Bearer $bearer") }
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build()
        val response = http.send(request, HttpResponse.BodyHandlers.ofString())
        check(response.statusCode() in 200..299) { "$path: ${response.statusCode()}" }
        return response.body()
    }
}
