package org.cradle.ui

import org.cradle.viewmodel.Navigator
import org.cradle.viewmodel.Page
import org.cradle.viewmodel.Tab
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import uniffi.cradle.store.Link
import uniffi.cradle.store.Purpose
import uniffi.cradle.parseLink
import java.nio.file.Path

class NavigatorTest {
    @TempDir
    lateinit var dir: Path

    @Test
    fun `a notification's link opens its screen, read by the core`() {
        mother(dir, "en").use { core ->
            val nav = Navigator()
            core.setConsent(Purpose.NOTIFICATIONS, true)
            val reminder = core.reminders().notificationPlan(64u).first()
            assertTrue(nav.open(reminder.deepLink))
            assertEquals(Navigator.Place(Tab.Reminders, focus = (parseLink(reminder.deepLink) as Link.Reminder).id), nav.place.value)

            for ((url, place) in listOf(
                "cradle://orders/0123abcd" to Navigator.Place(Tab.Shop, listOf(Page.Orders), focus = "0123abcd"),
                "cradle://orders" to Navigator.Place(Tab.Shop, listOf(Page.Orders)),
                "cradle://reminders" to Navigator.Place(Tab.Reminders),
                "cradle://cart" to Navigator.Place(Tab.Shop, listOf(Page.Cart)),
                "cradle://products/CR-0042" to Navigator.Place(Tab.Shop, listOf(Page.Product("CR-0042"))),
                "cradle://clinic" to Navigator.Place(Tab.Records, listOf(Page.Clinic)),
                "cradle://journey" to Navigator.Place(Tab.Today, listOf(Page.Journey)),
                "cradle://settings" to Navigator.Place(Tab.Settings),
            )) {
                assertTrue(nav.open(url), url)
                assertEquals(place, nav.place.value, url)
            }
        }
    }

    @Test
    fun `a link Cradle did not make leaves her where she is`() {
        val nav = Navigator()
        nav.select(Tab.Records)
        nav.push(Page.Clinic)
        val before = nav.place.value
        for (url in listOf("https://example.com/cart", "cradle://nowhere", "cradle://orders/a/b", "")) {
            assertFalse(nav.open(url), url)
            assertEquals(before, nav.place.value, url)
        }
    }

    @Test
    fun `back closes the last page, then goes to Today, then leaves the app`() {
        val nav = Navigator()
        assertFalse(nav.place.value.canGoBack)
        nav.select(Tab.Shop)
        nav.push(Page.Cart)
        nav.push(Page.Addresses)
        assertTrue(nav.place.value.canGoBack)
        assertTrue(nav.back())
        assertEquals(Navigator.Place(Tab.Shop, listOf(Page.Cart)), nav.place.value, "the address book goes back to the cart")
        assertTrue(nav.back())
        assertEquals(Navigator.Place(Tab.Shop), nav.place.value)
        assertTrue(nav.back())
        assertEquals(Navigator.Place(Tab.Today), nav.place.value)
        assertFalse(nav.back(), "on Today the system's back leaves the app")
        // A tab from the bar starts clean.
        nav.push(Page.Journey)
        nav.select(Tab.Records)
        assertEquals(Navigator.Place(Tab.Records), nav.place.value)
    }

    @Test
    fun `the item a link pointed at stays marked until she moves on`() {
        val nav = Navigator()
        nav.open("cradle://orders/0123abcd")
        assertEquals("0123abcd", nav.place.value.focus)
        nav.push(Page.Cart)
        assertEquals(null, nav.place.value.focus, "a page opened over it")
        nav.back()
        assertEquals(Navigator.Place(Tab.Shop, listOf(Page.Orders)), nav.place.value, "back to the list, unmarked")
        nav.open("cradle://reminders/custom:7:2026-12-01T21:00")
        nav.select(Tab.Reminders)
        assertEquals(Navigator.Place(Tab.Reminders), nav.place.value, "the tab from the bar")
    }
}
