package org.cradle.app.ui

import androidx.compose.foundation.clickable
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.itemsIndexed
import androidx.compose.foundation.lazy.rememberLazyListState
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.semantics.stateDescription
import androidx.compose.ui.unit.dp
import org.cradle.viewmodel.Loadable
import uniffi.cradle.JourneyScreen
import uniffi.cradle.JourneyStep
import uniffi.cradle.timeline.When

/**
 * Journey (under its page title): one card per week (or month), opened at today's page. Today's card
 * is open; tapping another opens it. Titles, dates and texts are the core's.
 */
@Composable
fun JourneyContent(state: Loadable<JourneyScreen>, modifier: Modifier = Modifier) {
    val s = LocalStrings.current
    Column(modifier.fillMaxWidth().padding(16.dp), verticalArrangement = Arrangement.spacedBy(12.dp)) {
        when (state) {
            is Loadable.Loading -> Text(s.loading)
            is Loadable.Failed -> Text(s.problem(state.error), color = MaterialTheme.colorScheme.error)
            is Loadable.Ready -> {
                val journey = state.value
                if (journey.steps.isEmpty()) {
                    Text(s.journeyEmpty)
                } else {
                    val now = journey.now?.toInt() ?: 0
                    val list = rememberLazyListState(initialFirstVisibleItemIndex = now)
                    var open by rememberSaveable(journey.now) { mutableStateOf(now) }
                    LazyColumn(state = list, verticalArrangement = Arrangement.spacedBy(8.dp)) {
                        itemsIndexed(journey.steps, key = { _, step -> step.starts }) { i, step ->
                            StepCard(step, expanded = i == open, onOpen = { open = i })
                        }
                    }
                }
            }
        }
    }
}

@Composable
private fun StepCard(step: JourneyStep, expanded: Boolean, onOpen: () -> Unit) {
    val s = LocalStrings.current
    val colors = if (step.`when` == When.NOW) {
        CardDefaults.cardColors(containerColor = MaterialTheme.colorScheme.primaryContainer)
    } else {
        CardDefaults.cardColors()
    }
    Card(
        Modifier.fillMaxWidth().heightIn(min = 48.dp).clickable(onClick = onOpen)
            .semantics { stateDescription = s.journeyWhen(step.`when`) },
        colors = colors,
    ) {
        Column(Modifier.padding(12.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
            Text(step.title, style = MaterialTheme.typography.titleMedium)
            Text(
                "${s.journeyWhen(step.`when`)} · ${s.dateRange(step.starts, step.ends)}",
                style = MaterialTheme.typography.labelLarge,
                color = MaterialTheme.colorScheme.onSurfaceVariant,
            )
            if (expanded) {
                step.week?.let { w ->
                    Text(s.sizeOf(w.sizeComparison), style = MaterialTheme.typography.bodyLarge)
                    Text(w.baby)
                    Text(w.mother)
                    Text(w.tip, style = MaterialTheme.typography.bodySmall)
                    w.checkups.forEach { Text("· $it", style = MaterialTheme.typography.bodySmall) }
                }
                step.month?.let { m ->
                    Text(m.highlight, style = MaterialTheme.typography.bodyLarge)
                    Text(m.tip, style = MaterialTheme.typography.bodySmall)
                }
            }
        }
    }
}
