package org.cradle.app

import android.content.Intent
import android.net.Uri
import androidx.compose.ui.test.junit4.createEmptyComposeRule
import androidx.compose.ui.test.onNodeWithText
import androidx.test.core.app.ActivityScenario
import org.cradle.viewmodel.Tab
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Before
import org.junit.Rule
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner
import org.robolectric.annotation.Config

/** A tapped notification's cradle:// link opens that reminder. */
@RunWith(RobolectricTestRunner::class)
@Config(sdk = [35])
class LinksTest {
    @get:Rule
    val compose = createEmptyComposeRule()

    @Before
    fun setUp() = Phone.fresh()

    @Test
    fun `a reminder's link reaches the reminder`() {
        val core = Phone.mother()
        val notification = core.reminders().notificationPlan(64u).first()
        assertTrue(notification.deepLink, notification.deepLink.startsWith("cradle://reminders/"))
        val id = notification.deepLink.removePrefix("cradle://reminders/")
        val item = core.reminders().list(null, null).single { it.id == id }
        val tap = Intent(Intent.ACTION_VIEW, Uri.parse(notification.deepLink), Phone.context, MainActivity::class.java)
        ActivityScenario.launch<MainActivity>(tap).use {
            compose.waitForIdle()
            val place = Core.navigator.place.value
            assertEquals(Tab.Reminders, place.tab)
            assertEquals(id, place.focus)
            compose.onNodeWithText(item.title, substring = true).assertExists()
        }
    }
}
