package org.cradle.app.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.selection.selectable
import androidx.compose.foundation.selection.toggleable
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.Checkbox
import androidx.compose.material3.DatePicker
import androidx.compose.material3.DatePickerDialog
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.FilterChip
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.RadioButton
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.material3.rememberDatePickerState
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
import org.cradle.viewmodel.OnboardingViewModel
import org.cradle.viewmodel.OnboardingViewModel.DatingBy
import org.cradle.viewmodel.OnboardingViewModel.Stage
import uniffi.cradle.store.Language
import uniffi.cradle.store.Purpose
import uniffi.cradle.pickedDate

/**
 * First run: language, stage (with a date from the platform picker) and one
 * unticked box per purpose. Rows are whole-row targets of at least 48 dp.
 */
@Composable
fun OnboardingContent(
    state: OnboardingViewModel.State,
    onLanguage: (Language) -> Unit,
    onStage: (Stage) -> Unit,
    onDatingBy: (DatingBy) -> Unit,
    onDate: (String) -> Unit,
    onBirthWeeks: (UInt) -> Unit,
    onBirthWeight: (UInt?) -> Unit,
    onAnswer: (Purpose, Boolean) -> Unit,
    onStart: () -> Unit,
    onSignIn: () -> Unit,
    modifier: Modifier = Modifier,
) {
    val s = LocalStrings.current
    Column(
        modifier.fillMaxWidth().verticalScroll(rememberScrollState()).padding(16.dp),
        verticalArrangement = Arrangement.spacedBy(8.dp),
    ) {
        Text(s.welcomeTitle, style = MaterialTheme.typography.headlineMedium, modifier = Modifier.semantics { heading() })
        // A new phone, or one that could not open the old data: her synced data comes back.
        TextButton(onSignIn, Modifier.heightIn(min = 48.dp)) { Text(s.haveAccount) }
        Text(s.language, style = MaterialTheme.typography.titleMedium)
        Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            // Each language is named in itself, so she can find hers.
            FilterChip(state.language == Language.ZH_HANS, { onLanguage(Language.ZH_HANS) }, { Text("简体中文") })
            FilterChip(state.language == Language.EN, { onLanguage(Language.EN) }, { Text("English") })
        }
        Text(s.stageQuestion, style = MaterialTheme.typography.titleMedium)
        Stage.entries.forEach { st -> Choice(s.stage(st), state.stage == st) { onStage(st) } }
        when (state.stage) {
            Stage.PREGNANT -> {
                DatingBy.entries.forEach { by -> Choice(s.datingBy(by), state.datingBy == by) { onDatingBy(by) } }
                DateField(state.date?.let(s.date) ?: s.chooseDate, onDate)
            }
            Stage.BABY -> {
                DateField(state.date?.let(s.date) ?: s.chooseDate, onDate)
                Row(horizontalArrangement = Arrangement.spacedBy(8.dp), verticalAlignment = Alignment.CenterVertically) {
                    // The core judges the weeks when she starts; this only steps the number.
                    OutlinedButton({ onBirthWeeks(state.birthWeeks - 1u) }, enabled = state.birthWeeks > 0u) { Text("−") }
                    Text(s.birthWeeks(state.birthWeeks))
                    OutlinedButton({ onBirthWeeks(state.birthWeeks + 1u) }) { Text("+") }
                }
                OutlinedTextField(
                    state.birthWeightGrams?.toString() ?: "",
                    { onBirthWeight(it.filter(Char::isDigit).toUIntOrNull()) },
                    Modifier.fillMaxWidth(),
                    label = { Text(s.birthWeight) },
                    keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Number),
                )
            }
            Stage.TRYING, null -> Unit
        }
        Text(s.consents, style = MaterialTheme.typography.titleMedium)
        Text(s.consentIntro, style = MaterialTheme.typography.bodySmall)
        Purpose.entries.forEach { p ->
            ConsentRow(p, state.consents[p] == true) { onAnswer(p, it) }
        }
        state.problem?.let { Text(s.problem(it), color = MaterialTheme.colorScheme.error) }
        Button(onStart, Modifier.fillMaxWidth().heightIn(min = 48.dp), enabled = state.canFinish) { Text(s.start) }
    }
}

@Composable
private fun Choice(label: String, selected: Boolean, onClick: () -> Unit) {
    Row(
        Modifier.fillMaxWidth().heightIn(min = 48.dp).selectable(selected, onClick = onClick, role = Role.RadioButton),
        verticalAlignment = Alignment.CenterVertically,
    ) {
        RadioButton(selected, onClick = null)
        Text(label, Modifier.padding(start = 8.dp))
    }
}

/** A purpose with what it sends where; the whole row toggles. */
@Composable
internal fun ConsentRow(purpose: Purpose, granted: Boolean, onChange: (Boolean) -> Unit) {
    val s = LocalStrings.current
    Row(
        Modifier.fillMaxWidth().heightIn(min = 48.dp).toggleable(granted, role = Role.Checkbox, onValueChange = onChange),
        verticalAlignment = Alignment.CenterVertically,
    ) {
        Checkbox(granted, onCheckedChange = null)
        Column(Modifier.padding(start = 8.dp)) {
            Text(s.purpose(purpose), style = MaterialTheme.typography.bodyLarge)
            Text(s.purposeDetail(purpose), style = MaterialTheme.typography.bodySmall)
        }
    }
}
