package org.cradle.app

import android.content.Context
import org.cradle.viewmodel.Navigator
import uniffi.cradle.CradleCore
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

    /** Throws `CradleException` when the data cannot be opened (a wrong key, say). */
    fun get(context: Context): CradleCore = core ?: synchronized(this) {
        core ?: CradleCore.open(
            File(context.filesDir, "cradle.db").path,
            DatabaseKey.get(context.applicationContext),
            ZoneId.systemDefault().id,
            Locale.getDefault().toLanguageTag(),
        ).also { core = it }
    }
}
