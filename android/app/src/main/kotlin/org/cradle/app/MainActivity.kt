package org.cradle.app

import android.Manifest
import android.content.Intent
import android.content.pm.PackageManager
import android.graphics.Color
import android.os.Build
import android.os.Bundle
import androidx.activity.ComponentActivity
import androidx.activity.OnBackPressedCallback
import androidx.activity.SystemBarStyle
import androidx.activity.enableEdgeToEdge
import androidx.activity.compose.setContent
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.ui.res.stringResource
import org.cradle.app.ui.CradleApp
import org.cradle.app.ui.UnreadableContent
import androidx.lifecycle.lifecycleScope
import kotlinx.coroutines.launch
import org.cradle.core.changes
import org.cradle.platform.NotificationPlanner
import uniffi.cradle.CradleCore
import uniffi.cradle.CradleException
import uniffi.cradle.store.DataArea
import uniffi.cradle.store.Language
import uniffi.cradle.store.Purpose
import java.util.Locale

class MainActivity : ComponentActivity() {
    /** A file (her data export, the FHIR bundle) waiting for her to pick where it goes. */
    private var pendingSave: String? = null
    private val printer = HtmlPrinter(this)

    // The system's "save to" picker: the file goes straight where she
    // chooses, with no unencrypted copy left in the app's cache.
    private val saveTo = registerForActivityResult(ActivityResultContracts.CreateDocument("application/json")) { uri ->
        val json = pendingSave
        pendingSave = null
        if (uri != null && json != null) {
            contentResolver.openOutputStream(uri)?.use { it.write(json.toByteArray()) }
        }
    }

    private fun save(fileName: String, json: String) {
        pendingSave = json
        saveTo.launch(fileName)
    }

    override fun onCreate(savedInstanceState: Bundle?) {
        // Android 15 draws every app edge to edge; the screens pad for the
        // bars and the keyboard. Her screens are light, so the bars' icons are dark.
        enableEdgeToEdge(
            statusBarStyle = SystemBarStyle.light(Color.TRANSPARENT, Color.TRANSPARENT),
            navigationBarStyle = SystemBarStyle.light(Color.TRANSPARENT, Color.TRANSPARENT),
        )
        super.onCreate(savedInstanceState)
        val core = try {
            Core.get(this)
        } catch (e: UnreadableData) {
            val language = if (Locale.getDefault().language == "zh") Language.ZH_HANS else Language.EN
            setContent {
                UnreadableContent(language) {
                    Core.startFresh(this)
                    recreate()
                }
            }
            return
        } catch (e: CradleException) {
            setContent { MaterialTheme { Text(stringResource(R.string.error_open, e.message ?: "")) } }
            return
        }
        // Back goes through the navigator while it has somewhere to go; on
        // Today the system's back leaves the app (with its predictive animation).
        val navigator = Core.navigator
        val back = object : OnBackPressedCallback(navigator.place.value.canGoBack) {
            override fun handleOnBackPressed() {
                navigator.back()
            }
        }
        onBackPressedDispatcher.addCallback(this, back)
        lifecycleScope.launch { navigator.place.collect { back.isEnabled = it.canGoBack } }
        // A rotation keeps her place; only a fresh start follows the link.
        if (savedInstanceState == null) openLink(intent)
        NotificationPlanner(core, AlarmSink(this)).follow(lifecycleScope)
        SyncWorker.schedule(this)
        lifecycleScope.launch {
            core.changes().collect { area ->
                // A local change goes out soon; her consent is checked by the
                // core. Shop changes come from syncing itself (an order queued
                // offline asks for a run through sendSoon).
                if (area != DataArea.SHOP) SyncWorker.soon(this@MainActivity)
                if (area == DataArea.PROFILE) askToNotify(core)
            }
        }
        setContent {
            CradleApp(
                core,
                onSave = ::save,
                onPrint = printer::print,
                htmlPreview = { html, m -> HtmlPreview(html, m) },
                sendSoon = { SyncWorker.soon(this) },
                navigator = navigator,
                device = Build.MODEL,
            )
        }
    }

    /** A notification tapped while the app is open (launchMode singleTop). */
    override fun onNewIntent(intent: Intent) {
        super.onNewIntent(intent)
        openLink(intent)
    }

    /** A `cradle://` link: the core reads it, the navigator goes there. */
    private fun openLink(intent: Intent?) {
        intent?.takeIf { it.action == Intent.ACTION_VIEW }?.dataString?.let { Core.navigator.open(it) }
    }

    /** Once she agrees to notifications in the app, Android 13+ asks its own question. */
    private fun askToNotify(core: CradleCore) {
        val agreed = core.consents().any { it.purpose == Purpose.NOTIFICATIONS && it.granted }
        if (agreed && Build.VERSION.SDK_INT >= 33 &&
            checkSelfPermission(Manifest.permission.POST_NOTIFICATIONS) != PackageManager.PERMISSION_GRANTED
        ) {
            requestPermissions(arrayOf(Manifest.permission.POST_NOTIFICATIONS), 1)
        }
    }
}
