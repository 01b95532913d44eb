package org.cradle.viewmodel

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.launch
import org.cradle.core.refreshes
import uniffi.cradle.CradleCore

/** Reloads a screen on every core refresh while started; one per view model. */
internal class Watch(
    private val core: CradleCore,
    private val scope: CoroutineScope,
    private val reload: suspend () -> Unit,
) {
    private var job: Job? = null

    fun start() {
        if (job == null) job = scope.launch { core.refreshes().collect { reload() } }
    }

    /** Returns once unsubscribed, so the core can be closed after. */
    suspend fun stop() {
        job?.cancelAndJoin()
        job = null
    }
}
