package org.cradle.app.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.height
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.foundation.selection.toggleable
import androidx.compose.foundation.verticalScroll
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.Delete
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.Checkbox
import androidx.compose.material3.FilledTonalButton
import androidx.compose.material3.Icon
import androidx.compose.material3.IconButton
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Switch
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.unit.dp
import org.cradle.viewmodel.ClinicViewModel
import org.cradle.viewmodel.Loadable
import uniffi.cradle.ClinicVisitScreen
import uniffi.cradle.records.Entry

/**
 * The clinic visit: the core's summary shown by the platform's [preview]
 * (a WebView on Android), printed or saved as PDF by the platform, the FHIR
 * export, what to share, and her questions for the visit.
 */
@Composable
fun ClinicContent(
    state: ClinicViewModel.State,
    preview: @Composable (html: String, modifier: Modifier) -> Unit,
    onPrint: (html: String) -> Unit,
    onFhir: () -> Unit,
    onToggle: (code: String) -> Unit,
    onIncludeName: (Boolean) -> Unit,
    onAge: (UInt?) -> Unit,
    onFrom: (String?) -> Unit,
    onAddQuestion: (String) -> Unit,
    onDeleteQuestion: (Long) -> Unit,
    modifier: Modifier = Modifier,
) {
    val s = LocalStrings.current
    Column(
        modifier.fillMaxWidth().verticalScroll(rememberScrollState()).padding(16.dp),
        verticalArrangement = Arrangement.spacedBy(12.dp),
    ) {
        state.problem?.let { Text(s.problem(it), color = MaterialTheme.colorScheme.error) }
        when (val screen = state.screen) {
            is Loadable.Loading -> Text(s.loading)
            is Loadable.Failed -> Text(s.problem(screen.error), color = MaterialTheme.colorScheme.error)
            is Loadable.Ready -> Visit(screen.value, state, preview, onPrint, onFhir, onToggle, onIncludeName, onAge, onFrom, onAddQuestion, onDeleteQuestion)
        }
    }
}

@Composable
private fun Visit(
    visit: ClinicVisitScreen,
    state: ClinicViewModel.State,
    preview: @Composable (String, Modifier) -> Unit,
    onPrint: (String) -> Unit,
    onFhir: () -> Unit,
    onToggle: (String) -> Unit,
    onIncludeName: (Boolean) -> Unit,
    onAge: (UInt?) -> Unit,
    onFrom: (String?) -> Unit,
    onAddQuestion: (String) -> Unit,
    onDeleteQuestion: (Long) -> Unit,
) {
    val s = LocalStrings.current
    Card(Modifier.fillMaxWidth()) { Box(Modifier.padding(8.dp)) { preview(visit.html, Modifier.fillMaxWidth().height(280.dp)) } }
    Button({ onPrint(visit.html) }, Modifier.fillMaxWidth().heightIn(min = 48.dp)) { Text(s.printPdf) }
    FilledTonalButton(onFhir, Modifier.fillMaxWidth().heightIn(min = 48.dp)) { Text(s.saveFhir) }

    Text(s.questions, style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
    if (visit.questions.isEmpty()) Text(s.noQuestions, style = MaterialTheme.typography.bodySmall)
    visit.questions.forEach { q ->
        val text = (q.entry as? Entry.Question)?.text ?: return@forEach
        Row(Modifier.fillMaxWidth().heightIn(min = 48.dp), verticalAlignment = Alignment.CenterVertically) {
            Text(text, Modifier.weight(1f))
            IconButton({ onDeleteQuestion(q.id) }) { Icon(Icons.Filled.Delete, contentDescription = s.deleteQuestion(text)) }
        }
    }
    var draft by remember { mutableStateOf("") }
    OutlinedTextField(draft, { draft = it }, Modifier.fillMaxWidth(), label = { Text(s.askQuestion) })
    OutlinedButton(
        {
            onAddQuestion(draft)
            draft = ""
        },
        Modifier.heightIn(min = 48.dp),
        enabled = draft.isNotBlank(),
    ) { Text(s.addQuestion) }

    Text(s.whatToShare, style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
    CheckRow(s.includeName, state.includeName) { onIncludeName(it) }
    // Her own draft: the core judges the number once typed.
    var age by remember { mutableStateOf(state.ageYears?.toString() ?: "") }
    OutlinedTextField(
        age,
        {
            age = it.filter(Char::isDigit).take(2)
            onAge(age.toUIntOrNull())
        },
        Modifier.fillMaxWidth(),
        label = { Text(s.herAge) },
        keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Number),
    )
    Row(verticalAlignment = Alignment.CenterVertically, horizontalArrangement = Arrangement.spacedBy(8.dp)) {
        DateField(state.from?.let(s.since) ?: s.sinceWhen, onFrom)
        if (state.from != null) OutlinedButton({ onFrom(null) }, Modifier.heightIn(min = 48.dp)) { Text(s.allTime) }
    }
    visit.sections.forEach { section -> CheckRow(section.label, section.included, box = true) { onToggle(section.code) } }
}

/** A whole-row, 48 dp target: a switch, or a checkbox with [box]. */
@Composable
private fun CheckRow(label: String, checked: Boolean, box: Boolean = false, onChange: (Boolean) -> Unit) {
    Row(
        Modifier.fillMaxWidth().heightIn(min = 48.dp)
            .toggleable(checked, role = if (box) Role.Checkbox else Role.Switch, onValueChange = onChange),
        verticalAlignment = Alignment.CenterVertically,
    ) {
        Text(label, Modifier.weight(1f))
        if (box) Checkbox(checked, onCheckedChange = null) else Switch(checked, onCheckedChange = null)
    }
}
