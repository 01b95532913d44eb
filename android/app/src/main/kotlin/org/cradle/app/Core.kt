package org.cradle.app

import android.content.Context
import org.cradle.viewmodel.Navigator
import uniffi.cradle.CradleCore
import uniffi.cradle.CradleException
import java.io.File
import java.time.ZoneId
import java.util.Locale

/**
 * The one open core per process, shared by the activity, the alarm and boot
 * receivers and the sync worker: SQLite allows one writer, and opening costs
 * a key unwrap. The device's zone and locale are passed in; the core does the dates.
 */
object Core {
    @Volatile private var core: CradleCore? = null

    /** Where she is in the app; kept for the process, so a rotation keeps it. */
    val navigator = Navigator()

    /**
     * Throws [UnreadableData] when this phone cannot open the data on it (it
     * came from another phone without its key), and `CradleException` for
     * any other failure to open.
     */
    fun get(context: Context): CradleCore = core ?: synchronized(this) {
        core ?: open(context.applicationContext).also { core = it }
    }

    private fun open(context: Context): CradleCore {
        val key = DatabaseKey.get(context)
        return try {
            CradleCore.open(database(context).path, key, ZoneId.systemDefault().id, Locale.getDefault().toLanguageTag())
        } catch (e: CradleException.WrongKey) {
            throw UnreadableData(e)
        }
    }

    /**
     * Her choice when the data cannot be opened: the unreadable copy and its
     * key go, and an empty database starts. What she synced comes back when
     * she signs in again; nothing else could be read anyway.
     */
    fun startFresh(context: Context) = synchronized(this) {
        core?.destroy()
        core = null
        val db = database(context.applicationContext)
        for (suffix in listOf("", "-wal", "-shm")) File(db.path + suffix).delete()
        DatabaseKey.forget(context.applicationContext)
    }

    private fun database(context: Context) = File(context.filesDir, "cradle.db")
}
