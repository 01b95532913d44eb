package org.cradle.app.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.FilterChip
import androidx.compose.material3.HorizontalDivider
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.material3.TimeInput
import androidx.compose.material3.rememberTimePickerState
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import org.cradle.viewmodel.Loadable
import org.cradle.viewmodel.SettingsViewModel
import uniffi.cradle.store.Language
import uniffi.cradle.store.Purpose
import uniffi.cradle.SettingsScreen

/** Settings: consents, language, quiet hours, account and her data rights. */
@Composable
fun SettingsContent(
    state: SettingsViewModel.State,
    onConsent: (Purpose, Boolean) -> Unit,
    onLanguage: (Language) -> Unit,
    onQuietHours: (String, String) -> Unit,
    onSyncNow: () -> Unit,
    onSignOutEverywhere: () -> Unit,
    onExport: () -> Unit,
    onDelete: () -> Unit,
    modifier: Modifier = Modifier,
) {
    val s = LocalStrings.current
    Column(
        modifier.fillMaxWidth().verticalScroll(rememberScrollState()).padding(16.dp),
        verticalArrangement = Arrangement.spacedBy(8.dp),
    ) {
        Text(s.settings, style = MaterialTheme.typography.headlineMedium, modifier = Modifier.semantics { heading() })
        state.problem?.let { Text(s.problem(it), color = MaterialTheme.colorScheme.error) }
        when (val screen = state.screen) {
            is Loadable.Loading -> Text(s.loading)
            is Loadable.Failed -> Text(s.problem(screen.error), color = MaterialTheme.colorScheme.error)
            is Loadable.Ready -> Sections(screen.value, state.busy, onConsent, onLanguage, onQuietHours, onSyncNow, onSignOutEverywhere, onExport, onDelete)
        }
    }
}

@Composable
private fun Sections(
    screen: SettingsScreen,
    busy: Boolean,
    onConsent: (Purpose, Boolean) -> Unit,
    onLanguage: (Language) -> Unit,
    onQuietHours: (String, String) -> Unit,
    onSyncNow: () -> Unit,
    onSignOutEverywhere: () -> Unit,
    onExport: () -> Unit,
    onDelete: () -> Unit,
) {
    val s = LocalStrings.current
    Heading(s.consents)
    screen.consents.forEach { c -> ConsentRow(c.purpose, c.granted) { onConsent(c.purpose, it) } }
    HorizontalDivider()
    Heading(s.language)
    Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
        FilterChip(screen.language == Language.ZH_HANS, { onLanguage(Language.ZH_HANS) }, { Text("简体中文") })
        FilterChip(screen.language == Language.EN, { onLanguage(Language.EN) }, { Text("English") })
    }
    QuietHours(screen.reminders.quietStart, screen.reminders.quietEnd, onQuietHours)
    HorizontalDivider()
    Heading(s.account)
    Text(screen.account?.let { s.signedInAs(it.login) } ?: s.notSignedIn)
    if (screen.account != null) {
        Text(screen.syncText, color = MaterialTheme.colorScheme.onSurfaceVariant)
        Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            OutlinedButton(onSyncNow, Modifier.heightIn(min = 48.dp), enabled = !busy) { Text(s.syncNow) }
            OutlinedButton(onSignOutEverywhere, Modifier.heightIn(min = 48.dp), enabled = !busy) { Text(s.signOutEverywhere) }
        }
    }
    HorizontalDivider()
    Heading(s.yourData)
    OutlinedButton(onExport, Modifier.fillMaxWidth().heightIn(min = 48.dp)) { Text(s.exportData) }
    var confirming by remember { mutableStateOf(false) }
    OutlinedButton({ confirming = true }, Modifier.fillMaxWidth().heightIn(min = 48.dp)) {
        Text(s.deleteData, color = MaterialTheme.colorScheme.error)
    }
    if (confirming) {
        AlertDialog(
            onDismissRequest = { confirming = false },
            title = { Text(s.deleteData) },
            text = { Text(s.deleteWarning) },
            confirmButton = {
                TextButton({
                    confirming = false
                    onDelete()
                }) { Text(s.delete, color = MaterialTheme.colorScheme.error) }
            },
            dismissButton = { TextButton({ confirming = false }) { Text(s.cancel) } },
        )
    }
}

@Composable
private fun Heading(text: String) =
    Text(text, style = MaterialTheme.typography.titleMedium, modifier = Modifier.padding(top = 8.dp).semantics { heading() })

/** Quiet hours with the platform's time input; the core checks the times. */
@OptIn(ExperimentalMaterial3Api::class)
@Composable
private fun QuietHours(start: String, end: String, onChange: (String, String) -> Unit) {
    val s = LocalStrings.current
    Text(s.quietHours(start, end), Modifier.padding(top = 8.dp))
    Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
        TimeField(s.quietFrom, start) { onChange(it, end) }
        TimeField(s.quietUntil, end) { onChange(start, it) }
    }
}
