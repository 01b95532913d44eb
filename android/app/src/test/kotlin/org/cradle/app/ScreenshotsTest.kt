package org.cradle.app

import android.graphics.Bitmap
import android.graphics.Canvas
import androidx.compose.ui.test.junit4.createEmptyComposeRule
import androidx.compose.ui.test.onNodeWithContentDescription
import androidx.compose.ui.test.onNodeWithText
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollTo
import androidx.test.core.app.ActivityScenario
import org.cradle.app.ui.Strings
import org.junit.Assert.assertTrue
import org.junit.Before
import org.junit.Rule
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner
import org.robolectric.annotation.Config
import org.robolectric.annotation.GraphicsMode
import uniffi.cradle.store.Language
import java.io.File

/**
 * The README's phone screenshots, drawn by the shipped Compose and
 * material3 through Robolectric's native graphics: the whole window, with
 * the app's frame (bottom navigation on a tab, the top bar on a page).
 * Robolectric draws no system bars, so the status bar area is empty.
 */
@RunWith(RobolectricTestRunner::class)
@Config(sdk = [35], qualifiers = "w411dp-h891dp-xxhdpi")
@GraphicsMode(GraphicsMode.Mode.NATIVE)
class ScreenshotsTest {
    @get:Rule
    val compose = createEmptyComposeRule()

    @Before
    fun setUp() = Phone.fresh()

    private fun ActivityScenario<MainActivity>.save(name: String) {
        compose.waitForIdle()
        lateinit var bitmap: Bitmap
        onActivity { activity ->
            val window = activity.window.decorView
            bitmap = Bitmap.createBitmap(window.width, window.height, Bitmap.Config.ARGB_8888)
            window.draw(Canvas(bitmap))
        }
        val dir = File(System.getProperty("screenshots.dir")!!).also { it.mkdirs() }
        val file = File(dir, "android-$name.png")
        file.outputStream().use { bitmap.compress(Bitmap.CompressFormat.PNG, 100, it) }
        assertTrue("$file holds a drawn screen", bitmap.width > 1000 && file.length() > 10_000)
    }

    private fun shoot(locale: String, language: Language) {
        Phone.mother(locale)
        val s = Strings.of(language)
        ActivityScenario.launch(MainActivity::class.java).use { app ->
            compose.onNodeWithText(s.reminders).assertExists() // the bottom navigation
            app.save("today-$locale")
            compose.onNodeWithText(s.records).performClick()
            compose.onNodeWithText(s.prepareVisit).performScrollTo().performClick()
            compose.onNodeWithContentDescription(s.back).assertExists() // the top bar
            app.save("clinic-$locale")
        }
    }

    @Test
    fun `today and the clinic page in English`() = shoot("en", Language.EN)

    @Test
    fun `today and the clinic page in Chinese`() = shoot("zh-Hans-CN", Language.ZH_HANS)
}
