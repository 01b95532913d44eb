package org.cradle.app

import androidx.compose.ui.test.junit4.createAndroidComposeRule
import androidx.compose.ui.test.onNodeWithText
import androidx.compose.ui.test.hasAnyAncestor
import androidx.compose.ui.test.hasScrollAction
import androidx.compose.ui.test.hasText
import androidx.core.graphics.Insets
import androidx.core.view.ViewCompat
import androidx.core.view.WindowInsetsCompat
import org.cradle.app.ui.Strings
import androidx.core.view.WindowCompat
import org.junit.Assert.assertTrue
import org.junit.Before
import org.junit.Rule
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner
import org.robolectric.annotation.Config

/** The activity starts on the shipped Compose and material3, edge to edge. */
@RunWith(RobolectricTestRunner::class)
@Config(sdk = [35])
class StartTest {
    init {
        Phone.fresh()
    }

    @get:Rule
    val compose = createAndroidComposeRule<MainActivity>()

    @Test
    fun `a first start shows onboarding`() {
        compose.onNodeWithText("Welcome", substring = true).assertExists()
    }

    @Test
    fun `onboarding keeps clear of the status bar and the navigation bar`() {
        val top = 96
        val bottom = 72
        // Onboarding first, with the clock running: the core opens and the
        // screen composes.
        val title = compose.onNodeWithText(Strings.EN.welcomeTitle).assertExists()
        // Then the test drives the clock: with it running, Robolectric
        // sometimes never settles after an inset change (frames keep coming),
        // and the next idle wait ends in AppNotIdleException.
        compose.mainClock.autoAdvance = false
        compose.runOnUiThread {
            val window = compose.activity.window.decorView
            val bars = WindowInsetsCompat.Builder()
                .setInsets(WindowInsetsCompat.Type.statusBars(), Insets.of(0, top, 0, 0))
                .setInsets(WindowInsetsCompat.Type.navigationBars(), Insets.of(0, 0, 0, bottom))
                .build()
            ViewCompat.dispatchApplyWindowInsets(window, bars)
        }
        // Each fetch idles the main looper (the insets reach Compose's state);
        // each frame from the clock then lays them out. A few frames suffice.
        var headline = title.fetchSemanticsNode().boundsInWindow
        for (frame in 1..60) {
            if (headline.top >= top) break
            compose.mainClock.advanceTimeByFrame()
            headline = title.fetchSemanticsNode().boundsInWindow
        }
        val height = compose.activity.window.decorView.height
        assertTrue("the headline starts below the status bar: $headline", headline.top >= top)
        // Start is in the scrolling column, so she reaches it above the
        // navigation bar when the column ends there. (Scrolling to it needs
        // frames, and the paused clock gives none.)
        compose.onNode(hasText(Strings.EN.start) and hasAnyAncestor(hasScrollAction())).assertExists()
        val column = compose.onNode(hasScrollAction()).fetchSemanticsNode().boundsInWindow
        assertTrue("the column ends above the navigation bar: $column of $height", column.bottom <= height - bottom)
    }

    @Test
    fun `the status bar is light over her light screens`() {
        val window = compose.activity.window
        assertTrue(WindowCompat.getInsetsController(window, window.decorView).isAppearanceLightStatusBars)
    }
}
