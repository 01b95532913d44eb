package org.cradle.app

import android.os.Bundle
import androidx.activity.ComponentActivity
import androidx.activity.compose.setContent
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Scaffold
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import org.cradle.core.changes
import uniffi.cradle.CradleCore
import uniffi.cradle.CradleException
import uniffi.cradle.TodayScreen
import java.io.File
import java.time.ZoneId
import java.util.Locale

class MainActivity : ComponentActivity() {
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
        setContent { MaterialTheme { TodayRoute(core) } }
    }
}

@Composable
private fun TodayRoute(core: CradleCore) {
    // One FFI call per refresh; a failure is shown, never thrown at the UI.
    var today by remember { mutableStateOf<Result<TodayScreen>?>(null) }
    LaunchedEffect(core) {
        today = runCatching { core.today() }
        core.changes().collect { today = runCatching { core.today() } }
    }
    Scaffold { padding ->
        Column(Modifier.padding(padding).padding(24.dp)) {
            Text(stringResource(R.string.today_title), style = MaterialTheme.typography.headlineMedium)
            today?.onSuccess { TodayBody(it) }?.onFailure {
                Text(stringResource(R.string.error_open, it.message ?: ""))
            }
        }
    }
}

@Composable
private fun TodayBody(today: TodayScreen) {
    val name = today.profile?.displayName
    Text(
        if (name != null) stringResource(R.string.greeting_named, name, today.date)
        else stringResource(R.string.greeting, today.date),
        style = MaterialTheme.typography.bodyLarge,
    )
    if (today.profile == null) {
        Text(stringResource(R.string.welcome), style = MaterialTheme.typography.bodyMedium)
    }
}
