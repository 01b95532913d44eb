package org.cradle.app.ui

import androidx.compose.foundation.BorderStroke
import androidx.compose.foundation.lazy.LazyListState
import androidx.compose.foundation.lazy.rememberLazyListState
import androidx.compose.material3.MaterialTheme
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.selected
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp

/**
 * A list that scrolls to the item a link pointed at (a reminder's
 * notification, an order's), once the list has loaded. Later refreshes of
 * the same list leave her scroll alone.
 */
@Composable
fun rememberFocusedListState(ids: List<String>?, focus: String?): LazyListState {
    val list = rememberLazyListState()
    LaunchedEffect(focus, ids != null) {
        val at = ids?.indexOf(focus) ?: -1
        if (focus != null && at >= 0) list.animateScrollToItem(at)
    }
    return list
}

/** The linked item's card is outlined... */
@Composable
fun markBorder(on: Boolean): BorderStroke? =
    if (on) BorderStroke(2.dp, MaterialTheme.colorScheme.primary) else null

/** ...and "selected" for TalkBack. */
fun Modifier.marked(on: Boolean): Modifier = if (on) semantics { selected = true } else this
