package org.cradle.app.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.text.input.PasswordVisualTransformation
import androidx.compose.ui.unit.dp
import org.cradle.viewmodel.SignInViewModel
import org.cradle.viewmodel.SignInViewModel.Field
import uniffi.cradle.store.Purpose

/**
 * Signing in on a phone without her data: the account, the recovery code,
 * and sync's own consent row, unticked. The core checks every value.
 */
@Composable
fun SignInContent(
    state: SignInViewModel.State,
    onType: (Field, String) -> Unit,
    onSyncConsent: (Boolean) -> Unit,
    onSignIn: () -> Unit,
    onBack: () -> Unit,
    modifier: Modifier = Modifier,
) {
    val s = LocalStrings.current
    Column(
        modifier.fillMaxWidth().verticalScroll(rememberScrollState()).padding(16.dp),
        verticalArrangement = Arrangement.spacedBy(8.dp),
    ) {
        Text(s.signInTitle, style = MaterialTheme.typography.headlineMedium, modifier = Modifier.semantics { heading() })
        Text(s.signInIntro)
        OutlinedTextField(
            state.server, { onType(Field.SERVER, it) }, Modifier.fillMaxWidth(),
            label = { Text(s.server) }, singleLine = true,
            keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Uri),
        )
        OutlinedTextField(state.login, { onType(Field.LOGIN, it) }, Modifier.fillMaxWidth(), label = { Text(s.login) }, singleLine = true)
        OutlinedTextField(
            state.password, { onType(Field.PASSWORD, it) }, Modifier.fillMaxWidth(),
            label = { Text(s.password) }, singleLine = true,
            visualTransformation = PasswordVisualTransformation(),
            keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Password),
        )
        OutlinedTextField(state.recoveryCode, { onType(Field.RECOVERY_CODE, it) }, Modifier.fillMaxWidth(), label = { Text(s.recoveryCode) })
        ConsentRow(Purpose.SYNC, state.syncConsent, onSyncConsent)
        state.problem?.let { Text(s.problem(it), color = MaterialTheme.colorScheme.error) }
        Button(onSignIn, Modifier.fillMaxWidth().heightIn(min = 48.dp), enabled = state.canSignIn) { Text(s.signIn) }
        TextButton(onBack, Modifier.heightIn(min = 48.dp)) { Text(s.back) }
    }
}
