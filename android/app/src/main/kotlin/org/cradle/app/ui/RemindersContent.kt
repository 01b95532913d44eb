package org.cradle.app.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.Card
import androidx.compose.material3.FilledTonalButton
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import org.cradle.viewmodel.Loadable
import org.cradle.viewmodel.RemindersViewModel
import uniffi.cradle.ReminderItem
import uniffi.cradle.ReminderKind
import uniffi.cradle.ReminderStatus

/**
 * Reminders for the coming weeks, with done, skip and (her own) snooze.
 * [focus] is the reminder a notification opened: scrolled to and outlined.
 */
@Composable
fun RemindersContent(
    state: RemindersViewModel.State,
    focus: String?,
    onDone: (id: String) -> Unit,
    onSkip: (id: String) -> Unit,
    onSnooze: (id: String) -> Unit,
    onAdd: () -> Unit,
    modifier: Modifier = Modifier,
) {
    val s = LocalStrings.current
    val list = rememberFocusedListState((state.items as? Loadable.Ready)?.value?.map { it.id }, focus)
    Column(modifier.fillMaxWidth().padding(16.dp), verticalArrangement = Arrangement.spacedBy(12.dp)) {
        Text(s.reminders, style = MaterialTheme.typography.headlineMedium, modifier = Modifier.semantics { heading() })
        state.problem?.let { Text(s.problem(it), color = MaterialTheme.colorScheme.error) }
        FilledTonalButton(onAdd, Modifier.heightIn(min = 48.dp)) { Text(s.addReminder) }
        when (val items = state.items) {
            is Loadable.Loading -> Text(s.loading)
            is Loadable.Failed -> Text(s.problem(items.error), color = MaterialTheme.colorScheme.error)
            is Loadable.Ready -> if (items.value.isEmpty()) {
                Text(s.nothingDue)
            } else {
                LazyColumn(state = list, verticalArrangement = Arrangement.spacedBy(8.dp)) {
                    items(items.value, key = { it.id }) { ReminderCard(it, it.id == focus, onDone, onSkip, onSnooze) }
                }
            }
        }
    }
}

@Composable
private fun ReminderCard(
    item: ReminderItem,
    focused: Boolean,
    onDone: (String) -> Unit,
    onSkip: (String) -> Unit,
    onSnooze: (String) -> Unit,
) {
    val s = LocalStrings.current
    Card(Modifier.fillMaxWidth().marked(focused), border = markBorder(focused)) {
        Column(Modifier.padding(12.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
            Text(item.title, style = MaterialTheme.typography.titleMedium)
            val start = item.windowStart
            val end = item.windowEnd
            Text(if (start != null && end != null) s.window(start, end) else item.due)
            item.checks.forEach { Text("· $it", style = MaterialTheme.typography.bodySmall) }
            Text(s.status(item.status), style = MaterialTheme.typography.labelLarge)
            if (item.status == ReminderStatus.PENDING || item.status == ReminderStatus.SNOOZED) {
                Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                    FilledTonalButton(
                        { onDone(item.id) },
                        Modifier.semantics { contentDescription = "${s.done}: ${item.title}" },
                    ) { Text(s.done) }
                    TextButton({ onSkip(item.id) }) { Text(s.skip) }
                    if (item.kind == ReminderKind.CUSTOM) {
                        TextButton({ onSnooze(item.id) }) { Text(s.snoozeHour) }
                    }
                }
            }
        }
    }
}
