package org.cradle.core

import kotlinx.coroutines.channels.awaitClose
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.callbackFlow
import uniffi.cradle.ChangeListener
import uniffi.cradle.CradleCore
import uniffi.cradle.DataArea

/**
 * The core's "data changed" events as a cold [Flow]: collecting subscribes,
 * cancelling unsubscribes. Screens collect it and refresh their area.
 */
fun CradleCore.changes(): Flow<DataArea> = callbackFlow {
    val id = subscribe(object : ChangeListener {
        override fun dataChanged(area: DataArea) {
            trySend(area)
        }
    })
    awaitClose { unsubscribe(id) }
}
