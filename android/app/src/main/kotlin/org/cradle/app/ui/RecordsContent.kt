package org.cradle.app.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.Canvas
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.height
import androidx.compose.material3.FilterChip
import androidx.compose.ui.Alignment
import androidx.compose.ui.geometry.Offset
import androidx.compose.ui.graphics.Path
import uniffi.cradle.BabyToday
import uniffi.cradle.records.GlucoseContext
import uniffi.cradle.records.Milk
import uniffi.cradle.records.Side
import uniffi.cradle.timeline.Stage
import uniffi.cradle.WeightBandView
import uniffi.cradle.WeightDay
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
    onWeight: (kg: String) -> Unit = {},
    onGlucose: (mmol: String, context: GlucoseContext) -> Unit = { _, _ -> },
    onBabyLog: (BabyLog) -> Unit = {},
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
                val r = screen.value
                r.babies.forEach { BabyDay(it, onBabyLog) }
                QuickBloodPressure(onBloodPressure)
                QuickNumber(s.weight, s.kg, onWeight)
                if (r.weight.any { it.gaWeeks != null }) WeightChart(r.weight, r.weightBand)
                QuickGlucose(onGlucose)
                if (r.stage == Stage.PREGNANT) {
                    Kicks(r.kicks, onKick)
                    Contractions(r.contractions, onContraction)
                }
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
private fun QuickNumber(title: String, label: String, onAdd: (String) -> Unit) {
    val s = LocalStrings.current
    var value by remember { mutableStateOf("") }
    Text(title, style = MaterialTheme.typography.titleMedium)
    Row(horizontalArrangement = Arrangement.spacedBy(8.dp), verticalAlignment = Alignment.CenterVertically) {
        OutlinedTextField(
            value, { value = it }, Modifier.weight(1f), label = { Text(label) },
            keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Decimal),
        )
        Button({ onAdd(value) }, Modifier.heightIn(min = 48.dp)) { Text(s.save) }
    }
}

@OptIn(ExperimentalLayoutApi::class)
@Composable
private fun QuickGlucose(onAdd: (String, GlucoseContext) -> Unit) {
    val s = LocalStrings.current
    var context by remember { mutableStateOf(GlucoseContext.FASTING) }
    QuickNumber(s.glucose, s.glucoseMmol) { onAdd(it, context) }
    FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
        GlucoseContext.entries.forEach { c ->
            FilterChip(context == c, { context = c }, label = { Text(s.glucoseContext(c)) }, modifier = Modifier.heightIn(min = 48.dp))
        }
    }
}

/**
 * Her weight by week of pregnancy over the recommended band. Drawing maps
 * the core's weeks and kilograms to pixels; nothing is computed about her.
 */
@Composable
private fun WeightChart(days: List<WeightDay>, band: WeightBandView?) {
    val s = LocalStrings.current
    val points = days.mapNotNull { d -> d.gaWeeks?.let { it to d.kg } }
    val bandColor = MaterialTheme.colorScheme.primaryContainer
    val lineColor = MaterialTheme.colorScheme.primary
    val kgs = points.map { it.second } + (band?.points?.flatMap { listOf(it.lowKg, it.highKg) } ?: emptyList())
    val (low, high) = (kgs.min() - 1.0) to (kgs.max() + 1.0)
    val description = s.weightChart(points.size, band?.let { s.bandSource(it.source) })
    Text(s.weightChartTitle, style = MaterialTheme.typography.titleMedium)
    Canvas(Modifier.fillMaxWidth().height(180.dp).semantics { contentDescription = description }) {
        fun x(week: Double) = (week / LAST_WEEK * size.width).toFloat()
        fun y(kg: Double) = ((high - kg) / (high - low) * size.height).toFloat()
        band?.points?.takeIf { it.isNotEmpty() }?.let { pts ->
            val area = Path().apply {
                moveTo(x(pts.first().week.toDouble()), y(pts.first().lowKg))
                pts.forEach { lineTo(x(it.week.toDouble()), y(it.lowKg)) }
                pts.asReversed().forEach { lineTo(x(it.week.toDouble()), y(it.highKg)) }
                close()
            }
            drawPath(area, bandColor)
        }
        points.zipWithNext().forEach { (a, b) -> drawLine(lineColor, Offset(x(a.first), y(a.second)), Offset(x(b.first), y(b.second)), strokeWidth = 4f) }
        points.forEach { drawCircle(lineColor, radius = 6f, center = Offset(x(it.first), y(it.second))) }
    }
    band?.let { Text(s.bandSource(it.source), style = MaterialTheme.typography.bodySmall) }
}

/** The chart's week axis ends with the last week the journey has. */
private const val LAST_WEEK = 42.0

/** A baby log the screen asks the view model to write. */
sealed interface BabyLog {
    val baby: UByte

    data class Breast(override val baby: UByte, val side: Side, val minutes: String) : BabyLog
    data class Bottle(override val baby: UByte, val ml: String, val milk: Milk) : BabyLog
    data class Sleep(override val baby: UByte, val minutes: String) : BabyLog
    data class Diaper(override val baby: UByte, val wet: Boolean, val dirty: Boolean) : BabyLog
}

@OptIn(ExperimentalLayoutApi::class)
@Composable
private fun BabyDay(day: BabyToday, onLog: (BabyLog) -> Unit) {
    val s = LocalStrings.current
    var minutes by remember { mutableStateOf("15") }
    var ml by remember { mutableStateOf("90") }
    val numbers = KeyboardOptions(keyboardType = KeyboardType.Number)
    Card(Modifier.fillMaxWidth()) {
        Column(Modifier.padding(12.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
            Text(s.babyToday(day.baby), style = MaterialTheme.typography.titleMedium)
            Text(s.babyCounts(day))
            Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                OutlinedTextField(minutes, { minutes = it }, Modifier.weight(1f), label = { Text(s.minutes) }, keyboardOptions = numbers)
                OutlinedTextField(ml, { ml = it }, Modifier.weight(1f), label = { Text(s.ml) }, keyboardOptions = numbers)
            }
            FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                FilledTonalButton({ onLog(BabyLog.Breast(day.baby, Side.LEFT, minutes)) }, Modifier.heightIn(min = 48.dp)) { Text(s.breastLeft) }
                FilledTonalButton({ onLog(BabyLog.Breast(day.baby, Side.RIGHT, minutes)) }, Modifier.heightIn(min = 48.dp)) { Text(s.breastRight) }
                Milk.entries.forEach { milk ->
                    FilledTonalButton({ onLog(BabyLog.Bottle(day.baby, ml, milk)) }, Modifier.heightIn(min = 48.dp)) { Text(s.bottle(milk)) }
                }
                FilledTonalButton({ onLog(BabyLog.Sleep(day.baby, minutes)) }, Modifier.heightIn(min = 48.dp)) { Text(s.slept) }
                OutlinedButton({ onLog(BabyLog.Diaper(day.baby, wet = true, dirty = false)) }, Modifier.heightIn(min = 48.dp)) { Text(s.wet) }
                OutlinedButton({ onLog(BabyLog.Diaper(day.baby, wet = false, dirty = true)) }, Modifier.heightIn(min = 48.dp)) { Text(s.dirty) }
            }
        }
    }
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
