package org.cradle.app

import android.os.Bundle
import androidx.activity.ComponentActivity
import androidx.activity.compose.setContent
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.ui.res.stringResource
import org.cradle.app.ui.CradleApp
import uniffi.cradle.CradleCore
import uniffi.cradle.CradleException
import java.io.File
import java.time.ZoneId
import java.util.Locale

class MainActivity : ComponentActivity() {
    /** "Export my data" waiting for her to pick where it goes. */
    private var pendingExport: String? = null

    // The system's "save to" picker: the export goes straight where she
    // chooses, with no unencrypted copy left in the app's cache.
    private val saveTo = registerForActivityResult(ActivityResultContracts.CreateDocument("application/json")) { uri ->
        val json = pendingExport
        pendingExport = null
        if (uri != null && json != null) {
            contentResolver.openOutputStream(uri)?.use { it.write(json.toByteArray()) }
        }
    }

    private fun saveExport(json: String) {
        pendingExport = json
        saveTo.launch("cradle-export.json")
    }

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        // The device's zone and locale are passed in; the core does the dates.
        val core = try {
            CradleCore.open(
                File(filesDir, "cradle.db").path,
                DatabaseKey.get(this),
                ZoneId.systemDefault().id,
                Locale.getDefault().toLanguageTag(),
            )
        } catch (e: CradleException) {
            setContent { MaterialTheme { Text(stringResource(R.string.error_open, e.message ?: "")) } }
            return
        }
        setContent { CradleApp(core, onShare = ::saveExport) }
    }
}
