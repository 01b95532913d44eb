package org.cradle.app.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.WindowInsets
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.safeDrawing
import androidx.compose.foundation.layout.windowInsetsPadding
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Surface
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.CompositionLocalProvider
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import uniffi.cradle.store.Language

/**
 * When the data on this phone came from another phone without its key: say
 * so plainly, in the phone's language (her own setting is in the data), and
 * let her start again. Nothing else could open it.
 */
@Composable
fun UnreadableContent(language: Language, onStartFresh: () -> Unit) {
    CompositionLocalProvider(LocalStrings provides Strings.of(language)) {
        val s = LocalStrings.current
        MaterialTheme {
            Surface(Modifier.fillMaxSize()) {
                Column(
                    Modifier.windowInsetsPadding(WindowInsets.safeDrawing).padding(24.dp),
                    verticalArrangement = Arrangement.spacedBy(16.dp),
                ) {
                    Text(s.unreadableTitle, style = MaterialTheme.typography.headlineSmall, modifier = Modifier.semantics { heading() })
                    Text(s.unreadableBody)
                    Button(onStartFresh, Modifier.heightIn(min = 48.dp)) { Text(s.startFresh) }
                }
            }
        }
    }
}
