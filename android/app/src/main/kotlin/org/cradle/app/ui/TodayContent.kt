package org.cradle.app.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.LinearProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import uniffi.cradle.BabyInfo
import uniffi.cradle.InsightInfo
import uniffi.cradle.PregnancyInfo
import uniffi.cradle.ReminderItem
import uniffi.cradle.TodayScreen
import uniffi.cradle.timeline.WeekContent

/** Today, rendered from the one `today()` answer. */
@Composable
fun TodayContent(today: TodayScreen, onJourney: () -> Unit = {}, modifier: Modifier = Modifier) {
    val s = LocalStrings.current
    Column(
        modifier.fillMaxWidth().verticalScroll(rememberScrollState()).padding(16.dp),
        verticalArrangement = Arrangement.spacedBy(12.dp),
    ) {
        Text(
            s.hello(today.profile?.displayName),
            style = MaterialTheme.typography.headlineMedium,
            modifier = Modifier.semantics { heading() },
        )
        Text(today.date, style = MaterialTheme.typography.bodyMedium)
        today.flag?.let { FlagCard(it) }
        today.pregnancy?.let { PregnancyCard(it) }
        today.week?.let { WeekCard(it) }
        if (today.week != null || today.month != null) {
            OutlinedButton(onJourney, Modifier.heightIn(min = 48.dp)) { Text(s.seeJourney) }
        }
        today.baby?.let { BabyCard(it) }
        today.month?.let { m -> Section(m.highlight, m.tip) }
        NextCard(today.nextReminder)
        if (today.profile == null) Text(s.welcome)
        Text(
            today.syncText,
            style = MaterialTheme.typography.labelLarge,
            color = MaterialTheme.colorScheme.onSurfaceVariant,
        )
    }
}

@Composable
private fun PregnancyCard(p: PregnancyInfo) {
    val s = LocalStrings.current
    Card(Modifier.fillMaxWidth()) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
            Text(
                s.gestationalAge(p.gestationalAge.weeks, p.gestationalAge.days),
                style = MaterialTheme.typography.headlineSmall,
            )
            Text(s.dueIn(p.edd, p.daysToEdd))
            val label = "${s.progress} ${p.progressPercent}%"
            // The core gives whole percent; the bar takes a fraction.
            LinearProgressIndicator(
                progress = { p.progressPercent.toFloat() / 100f },
                modifier = Modifier.fillMaxWidth().semantics { contentDescription = label },
            )
        }
    }
}

@Composable
private fun WeekCard(w: WeekContent) {
    val s = LocalStrings.current
    Section("${s.thisWeek(w.week)} · ${w.sizeComparison}", w.baby)
}

@Composable
private fun BabyCard(b: BabyInfo) {
    val s = LocalStrings.current
    Card(Modifier.fillMaxWidth()) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
            Text(s.babyAge(b.ageMonths, b.ageDays), style = MaterialTheme.typography.headlineSmall)
            b.correctedAgeMonths?.let { Text(s.correctedAge(it)) }
        }
    }
}

@Composable
private fun NextCard(next: ReminderItem?) {
    val s = LocalStrings.current
    if (next == null) {
        Section(s.next, s.nothingDue)
    } else {
        Section(s.next, "${next.title} · ${next.due}")
    }
}

@Composable
private fun FlagCard(flag: InsightInfo) {
    val s = LocalStrings.current
    Card(
        Modifier.fillMaxWidth(),
        colors = CardDefaults.cardColors(containerColor = MaterialTheme.colorScheme.errorContainer),
    ) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
            Text(s.healthFlag, style = MaterialTheme.typography.titleMedium)
            Text(flag.message, color = MaterialTheme.colorScheme.onErrorContainer)
            Text(flag.source, style = MaterialTheme.typography.bodySmall)
        }
    }
}

@Composable
internal fun Section(title: String, body: String) {
    Card(Modifier.fillMaxWidth()) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
            Text(title, style = MaterialTheme.typography.titleMedium)
            Text(body, style = MaterialTheme.typography.bodyMedium)
        }
    }
}
