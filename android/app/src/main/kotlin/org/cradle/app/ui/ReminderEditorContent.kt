package org.cradle.app.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.selection.selectable
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.FilterChip
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.RadioButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import org.cradle.viewmodel.ReminderEditorViewModel
import uniffi.cradle.Every
import uniffi.cradle.store.Language
import uniffi.cradle.RepeatEnds
import uniffi.cradle.Weekday
import uniffi.cradle.weekdayName

/**
 * A new reminder: title, time, the recurrence picker (every N days, weeks,
 * months or years; weekdays; an end) and the core's preview. The rule itself
 * is the core's; Save is enabled only when the core accepts every field.
 */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun ReminderEditorContent(
    state: ReminderEditorViewModel.State,
    language: Language,
    onTitle: (String) -> Unit,
    onTime: (String) -> Unit,
    onEvery: (Every) -> Unit,
    onInterval: (UShort) -> Unit,
    onWeekday: (Weekday) -> Unit,
    onEnds: (RepeatEnds) -> Unit,
    onSave: () -> Unit,
    modifier: Modifier = Modifier,
) {
    val s = LocalStrings.current
    Column(
        modifier.fillMaxWidth().verticalScroll(rememberScrollState()).padding(16.dp),
        verticalArrangement = Arrangement.spacedBy(12.dp),
    ) {
        OutlinedTextField(state.title, onTitle, Modifier.fillMaxWidth(), label = { Text(s.reminderTitle) }, singleLine = true)
        TimeField(s.at, state.time, onTime)
        Text(s.repeats, style = MaterialTheme.typography.titleMedium)
        FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            Every.entries.forEach { e ->
                FilterChip(state.every == e, { onEvery(e) }, label = { Text(s.every(e)) }, modifier = Modifier.heightIn(min = 48.dp))
            }
        }
        Row(verticalAlignment = Alignment.CenterVertically, horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            val n = state.interval
            OutlinedButton(
                { onInterval((n - 1u).toUShort()) },
                Modifier.heightIn(min = 48.dp).semantics { contentDescription = s.fewer },
                enabled = n > 1u,
            ) { Text("−") }
            Text(s.interval(state.every, n), style = MaterialTheme.typography.bodyLarge)
            OutlinedButton({ onInterval((n + 1u).toUShort()) }, Modifier.heightIn(min = 48.dp).semantics { contentDescription = s.more }) { Text("+") }
        }
        if (state.every == Every.WEEK) {
            FlowRow(horizontalArrangement = Arrangement.spacedBy(4.dp)) {
                Weekday.entries.forEach { d ->
                    FilterChip(d in state.weekdays, { onWeekday(d) }, label = { Text(weekdayName(language, d)) }, modifier = Modifier.heightIn(min = 48.dp))
                }
            }
        }
        Text(s.ends, style = MaterialTheme.typography.titleMedium)
        EndsChoice(s.never, state.ends is RepeatEnds.Never) { onEnds(RepeatEnds.Never) }
        EndsChoice(s.afterTimes, state.ends is RepeatEnds.After) { onEnds(RepeatEnds.After(10u)) }
        (state.ends as? RepeatEnds.After)?.let { after ->
            Row(verticalAlignment = Alignment.CenterVertically, horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                OutlinedButton({ onEnds(RepeatEnds.After(after.count - 1u)) }, Modifier.heightIn(min = 48.dp).semantics { contentDescription = s.fewer }, enabled = after.count > 1u) { Text("−") }
                Text(s.times(after.count))
                OutlinedButton({ onEnds(RepeatEnds.After(after.count + 1u)) }, Modifier.heightIn(min = 48.dp).semantics { contentDescription = s.more }) { Text("+") }
            }
        }
        EndsChoice(s.onDate, state.ends is RepeatEnds.On) { onEnds(RepeatEnds.On((state.ends as? RepeatEnds.On)?.date ?: "")) }
        (state.ends as? RepeatEnds.On)?.let { on -> DateField(on.date.ifEmpty { null }?.let(s.date) ?: s.chooseDate) { onEnds(RepeatEnds.On(it)) } }
        state.shownProblem?.let { Text(s.problem(it), color = MaterialTheme.colorScheme.error) }
        state.draft?.let { d ->
            Card(Modifier.fillMaxWidth()) {
                Column(Modifier.padding(12.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
                    Text(d.summary, style = MaterialTheme.typography.titleMedium)
                    if (d.next.isEmpty()) Text(s.noMoreTimes) else Text(s.nextTimes)
                    d.next.forEach { Text("· ${it.replace('T', ' ')}") }
                }
            }
        }
        Button(onSave, Modifier.fillMaxWidth().heightIn(min = 48.dp), enabled = state.draft != null) { Text(s.save) }
    }
}

@Composable
private fun EndsChoice(label: String, selected: Boolean, onSelect: () -> Unit) {
    Row(
        Modifier.fillMaxWidth().heightIn(min = 48.dp).selectable(selected, onClick = onSelect, role = Role.RadioButton),
        verticalAlignment = Alignment.CenterVertically,
    ) {
        RadioButton(selected, onClick = null)
        Text(label, Modifier.padding(start = 8.dp))
    }
}
