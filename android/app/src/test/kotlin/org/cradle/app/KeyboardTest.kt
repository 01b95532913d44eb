package org.cradle.app

import androidx.compose.ui.test.SemanticsNodeInteraction
import androidx.compose.ui.test.hasScrollAction
import androidx.compose.ui.test.hasSetTextAction
import androidx.compose.ui.test.junit4.createEmptyComposeRule
import androidx.compose.ui.test.onNodeWithContentDescription
import androidx.compose.ui.test.onNodeWithText
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollTo
import androidx.core.graphics.Insets
import androidx.core.view.ViewCompat
import androidx.core.view.WindowInsetsCompat
import androidx.test.core.app.ActivityScenario
import org.cradle.app.ui.Strings
import org.cradle.viewmodel.Page
import org.junit.Assert.assertTrue
import org.junit.Before
import org.junit.Rule
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner
import org.robolectric.annotation.Config

/**
 * With the keyboard up, the screen she types on (a tab such as Records, or
 * a page such as the clinic visit) ends above it, so a field
 * scrolled into view is not hidden behind the keys. The keyboard is the
 * IME inset the system would dispatch; only a device shows its animation.
 */
@RunWith(RobolectricTestRunner::class)
@Config(sdk = [35], qualifiers = "w411dp-h891dp-xxhdpi")
class KeyboardTest {
    @get:Rule
    val compose = createEmptyComposeRule()

    @Before
    fun setUp() = Phone.fresh()

    private val keyboard = 1000 // px, about a third of this phone

    private fun ActivityScenario<MainActivity>.keyboardUp(): Int {
        var height = 0
        // As in StartTest: idle means composed and laid out, the clock stepped by hand.
        compose.mainClock.autoAdvance = false
        onActivity { activity ->
            val window = activity.window.decorView
            height = window.height
            val insets = WindowInsetsCompat.Builder()
                .setInsets(WindowInsetsCompat.Type.ime(), Insets.of(0, 0, 0, keyboard))
                .setVisible(WindowInsetsCompat.Type.ime(), true)
                .build()
            ViewCompat.dispatchApplyWindowInsets(window, insets)
        }
        compose.mainClock.advanceTimeBy(1_000)
        compose.waitForIdle()
        // Scrolling needs frames: the clock runs again once the insets are laid out.
        compose.mainClock.autoAdvance = true
        return height
    }

    private fun SemanticsNodeInteraction.bottom() = fetchSemanticsNode().boundsInWindow.bottom

    private fun assertAboveKeyboard(field: SemanticsNodeInteraction, height: Int) {
        val page = compose.onNode(hasScrollAction()).bottom()
        assertTrue("the page ends above the keyboard: $page of $height", page <= height - keyboard)
        val bottom = field.performScrollTo().bottom()
        assertTrue("the field is above the keyboard: $bottom of $height", bottom <= height - keyboard)
    }

    // A page (its own scaffold, as the clinic page's): the reminder editor.
    // The clinic page itself is not used here: with its WebView preview,
    // Robolectric's Compose idling sometimes never settles after an inset.
    @Test
    fun `a page's fields stay above the keyboard`() {
        Phone.mother()
        ActivityScenario.launch(MainActivity::class.java).use { app ->
            app.onActivity { Core.navigator.push(Page.AddReminder) }
            compose.onNodeWithContentDescription(Strings.EN.back).assertExists()
            val height = app.keyboardUp()
            val fields = compose.onAllNodes(hasSetTextAction()).fetchSemanticsNodes()
            assertTrue("the editor has fields", fields.isNotEmpty())
            assertAboveKeyboard(compose.onAllNodes(hasSetTextAction())[fields.size - 1], height)
        }
    }

    @Test
    fun `the records tab's fields stay above the keyboard`() {
        Phone.mother()
        val s = Strings.EN
        ActivityScenario.launch(MainActivity::class.java).use { app ->
            compose.onNodeWithText(s.records).performClick()
            val height = app.keyboardUp()
            val fields = compose.onAllNodes(hasSetTextAction()).fetchSemanticsNodes()
            assertTrue("the records tab has fields", fields.isNotEmpty())
            assertAboveKeyboard(compose.onAllNodes(hasSetTextAction())[fields.size - 1], height)
        }
    }
}
