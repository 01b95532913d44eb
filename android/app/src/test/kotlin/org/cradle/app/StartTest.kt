package org.cradle.app

import androidx.compose.ui.test.junit4.createAndroidComposeRule
import androidx.compose.ui.test.onNodeWithText
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
    fun `the status bar is light over her light screens`() {
        val window = compose.activity.window
        assertTrue(WindowCompat.getInsetsController(window, window.decorView).isAppearanceLightStatusBars)
    }
}
