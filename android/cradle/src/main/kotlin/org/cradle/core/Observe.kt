package org.cradle.core

import kotlinx.coroutines.channels.awaitClose
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.callbackFlow
import kotlinx.coroutines.flow.conflate
import uniffi.cradle.ChangeListener
import uniffi.cradle.CradleCore
import uniffi.cradle.store.DataArea
import uniffi.cradle.SyncState
import uniffi.cradle.SyncStatusListener

/**
 * The core's "data changed" events as a cold [Flow]: collecting subscribes,
 * cancelling closes the subscription's handle. Screens collect it and
 * refresh their area.
 */
fun CradleCore.changes(): Flow<DataArea> = callbackFlow {
    val subscription = subscribe(object : ChangeListener {
        override fun dataChanged(area: DataArea) {
            trySend(area)
        }
    })
    awaitClose { subscription.close() }
}

/**
 * Sync status as a cold [Flow]: the current state first, then every change
 * (offline, syncing with progress, up to date, sign in again, error).
 */
fun CradleCore.syncStates(): Flow<SyncState> = callbackFlow {
    val subscription = subscribeSync(object : SyncStatusListener {
        override fun syncStatusChanged(status: SyncState) {
            trySend(status)
        }
    })
    trySend(syncStatus())
    awaitClose { subscription.close() }
}

/**
 * When a screen should reload: once as soon as it is listening, then after
 * every data change or sync-state change. Subscribing before the first load
 * means no change can slip between the load and the subscription. Bursts are
 * conflated, since each reload reads the whole screen.
 */
fun CradleCore.refreshes(): Flow<Unit> = callbackFlow {
    val changes = subscribe(object : ChangeListener {
        override fun dataChanged(area: DataArea) {
            trySend(Unit)
        }
    })
    val sync = subscribeSync(object : SyncStatusListener {
        override fun syncStatusChanged(status: SyncState) {
            trySend(Unit)
        }
    })
    trySend(Unit)
    awaitClose {
        changes.close()
        sync.close()
    }
}.conflate()
