package org.cradle.app.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.FilledTonalButton
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.material3.OutlinedButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.unit.dp
import org.cradle.viewmodel.Loadable
import org.cradle.viewmodel.RecordsViewModel
import uniffi.cradle.ContractionInfo
import uniffi.cradle.KickAction
import uniffi.cradle.KickCount

/** Records: quick blood pressure, the kick counter, the contraction timer, recent readings. */
@Composable
fun RecordsContent(
    state: RecordsViewModel.State,
    onBloodPressure: (systolic: String, diastolic: String) -> Unit,
    onKick: (KickAction) -> Unit,
    onContraction: (starting: Boolean) -> Unit,
    onClinic: () -> Unit = {},
    modifier: Modifier = Modifier,
) {
    val s = LocalStrings.current
    Column(
        modifier.fillMaxWidth().verticalScroll(rememberScrollState()).padding(16.dp),
        verticalArrangement = Arrangement.spacedBy(12.dp),
    ) {
        Text(s.records, style = MaterialTheme.typography.headlineMedium, modifier = Modifier.semantics { heading() })
        OutlinedButton(onClinic, Modifier.heightIn(min = 48.dp)) { Text(s.prepareVisit) }
        state.problem?.let { Text(s.problem(it), color = MaterialTheme.colorScheme.error) }
        when (val screen = state.screen) {
            is Loadable.Loading -> Text(s.loading)
            is Loadable.Failed -> Text(s.problem(screen.error), color = MaterialTheme.colorScheme.error)
            is Loadable.Ready -> {
                screen.value.flag?.let { flag ->
                    Card(colors = CardDefaults.cardColors(containerColor = MaterialTheme.colorScheme.errorContainer)) {
                        Text(flag.message, Modifier.padding(12.dp))
                    }
                }
                QuickBloodPressure(onBloodPressure)
                Kicks(screen.value.kicks, onKick)
                Contractions(screen.value.contractions, onContraction)
                Text(s.recent, style = MaterialTheme.typography.titleMedium)
                screen.value.recent.forEach { r ->
                    Text("${r.takenAtLocal}  ${r.text}${if (r.unusual) " · ${s.unusual}" else ""}")
                }
            }
        }
    }
}

@Composable
private fun QuickBloodPressure(onAdd: (String, String) -> Unit) {
    val s = LocalStrings.current
    var systolic by remember { mutableStateOf("") }
    var diastolic by remember { mutableStateOf("") }
    val numbers = KeyboardOptions(keyboardType = KeyboardType.Number)
    Text(s.bloodPressure, style = MaterialTheme.typography.titleMedium)
    Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
        OutlinedTextField(systolic, { systolic = it }, Modifier.weight(1f), label = { Text(s.systolic) }, keyboardOptions = numbers)
        OutlinedTextField(diastolic, { diastolic = it }, Modifier.weight(1f), label = { Text(s.diastolic) }, keyboardOptions = numbers)
    }
    Button({ onAdd(systolic, diastolic) }, Modifier.fillMaxWidth().heightIn(min = 48.dp)) { Text(s.save) }
}

@Composable
private fun Kicks(kicks: KickCount?, onKick: (KickAction) -> Unit) {
    val s = LocalStrings.current
    Text(s.kickCounter, style = MaterialTheme.typography.titleMedium)
    val running = kicks != null && kicks.endedAtEpochMs == null
    if (kicks != null) {
        Text(s.kicks(kicks.count), style = MaterialTheme.typography.headlineSmall)
        if (kicks.belowTarget) Text(s.fewKicks, color = MaterialTheme.colorScheme.error)
    }
    if (running) {
        // Big enough to hit one-handed without looking.
        FilledTonalButton(
            { onKick(KickAction.TAP) },
            Modifier.fillMaxWidth().heightIn(min = 96.dp).semantics { contentDescription = s.kickTap },
        ) { Text(s.kickTap, style = MaterialTheme.typography.headlineSmall) }
        Button({ onKick(KickAction.STOP) }, Modifier.fillMaxWidth().heightIn(min = 48.dp)) { Text(s.stop) }
    } else {
        Button({ onKick(KickAction.START) }, Modifier.fillMaxWidth().heightIn(min = 48.dp)) { Text(s.kickStart) }
    }
}

@Composable
private fun Contractions(c: ContractionInfo, onPress: (Boolean) -> Unit) {
    val s = LocalStrings.current
    Text(s.contractions, style = MaterialTheme.typography.titleMedium)
    Text(s.contractionsLastHour(c.countLastHour))
    if (c.timeToCall) Text(s.timeToCall, color = MaterialTheme.colorScheme.error)
    val during = c.currentStartedAtEpochMs != null
    FilledTonalButton(
        { onPress(!during) },
        Modifier.fillMaxWidth().heightIn(min = 96.dp),
    ) { Text(if (during) s.contractionEnds else s.contractionStarts, style = MaterialTheme.typography.headlineSmall) }
}
