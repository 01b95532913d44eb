package org.cradle.app.ui

import androidx.compose.foundation.layout.heightIn
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.DatePicker
import androidx.compose.material3.DatePickerDialog
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.material3.TimeInput
import androidx.compose.material3.rememberDatePickerState
import androidx.compose.material3.rememberTimePickerState
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import uniffi.cradle.pickedDate

/** A button saying [text] that opens the platform's date picker; the core turns its answer into a calendar day. */
@OptIn(ExperimentalMaterial3Api::class)
@Composable
internal fun DateField(text: String, onDate: (String) -> Unit) {
    val s = LocalStrings.current
    var open by remember { mutableStateOf(false) }
    OutlinedButton({ open = true }, Modifier.heightIn(min = 48.dp)) { Text(text) }
    if (open) {
        val picker = rememberDatePickerState()
        DatePickerDialog(
            onDismissRequest = { open = false },
            confirmButton = {
                TextButton({
                    // Material's picker reports the day at UTC midnight.
                    picker.selectedDateMillis?.let { onDate(pickedDate(it, "UTC")) }
                    open = false
                }) { Text(s.ok) }
            },
            dismissButton = { TextButton({ open = false }) { Text(s.cancel) } },
        ) { DatePicker(picker) }
    }
}

/** A button showing `label HH:MM` that opens the platform's 24-hour time input. */
@OptIn(ExperimentalMaterial3Api::class)
@Composable
internal fun TimeField(label: String, time: String, onTime: (String) -> Unit) {
    val s = LocalStrings.current
    var open by remember { mutableStateOf(false) }
    OutlinedButton({ open = true }, Modifier.heightIn(min = 48.dp)) { Text("$label $time") }
    if (!open) return
    val picker = rememberTimePickerState(
        initialHour = time.substringBefore(':').toInt(),
        initialMinute = time.substringAfter(':').toInt(),
        is24Hour = true,
    )
    AlertDialog(
        onDismissRequest = { open = false },
        title = { Text(label) },
        text = { TimeInput(picker) },
        confirmButton = {
            TextButton({
                onTime("%02d:%02d".format(picker.hour, picker.minute))
                open = false
            }) { Text(s.ok) }
        },
        dismissButton = { TextButton({ open = false }) { Text(s.cancel) } },
    )
}
