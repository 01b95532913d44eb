package org.cradle.viewmodel

import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import uniffi.cradle.CradleException
import uniffi.cradle.store.Link
import uniffi.cradle.parseLink

/** The tabs, in the order the bar shows them. */
enum class Tab { Today, Reminders, Records, Shop, Settings }

/** Screens opened over a tab, with a back arrow. */
sealed interface Page {
    data object Journey : Page
    data object AddReminder : Page
    data object Clinic : Page
    data object Cart : Page
    data object Orders : Page
    data object Addresses : Page
    data object Bag : Page
    data class Product(val sku: String) : Page
}

/**
 * Where she is: a tab and the pages opened over it. The tab bar, the back
 * arrow, Android's back gesture and `cradle://` links all go through one
 * navigator, so "back" means the same from everywhere. The core reads the
 * links; this only maps each to a place.
 */
class Navigator {
    /**
     * [focus] is the reminder or order a link pointed at: its screen scrolls
     * to it and marks it, until she moves elsewhere.
     */
    data class Place(val tab: Tab = Tab.Today, val pages: List<Page> = emptyList(), val focus: String? = null) {
        val page: Page? get() = pages.lastOrNull()

        /** Back stays in the app (else the system closes it). */
        val canGoBack: Boolean get() = pages.isNotEmpty() || tab != Tab.Today
    }

    private val _place = MutableStateFlow(Place())
    val place: StateFlow<Place> = _place.asStateFlow()

    /** A tab from the bar: its own screen, with nothing over it. */
    fun select(tab: Tab) {
        _place.value = Place(tab)
    }

    fun push(page: Page) = _place.update { it.copy(pages = it.pages + page, focus = null) }

    /**
     * The page she opened last closes; with none open, a tab goes back to
     * Today. False on Today itself, where the system's back leaves the app.
     */
    fun back(): Boolean {
        val now = _place.value
        _place.value = when {
            now.pages.isNotEmpty() -> Place(now.tab, now.pages.dropLast(1))
            now.tab != Tab.Today -> Place(Tab.Today)
            else -> return false
        }
        return true
    }

    /**
     * Opens a `cradle://` link (a notification's, a shared one) in place of
     * what was open. A link Cradle did not make leaves her where she is and
     * returns false.
     */
    fun open(url: String): Boolean {
        val link = try {
            parseLink(url)
        } catch (e: CradleException) {
            return false
        }
        _place.value = placeOf(link)
        return true
    }

    private fun placeOf(link: Link): Place = when (link) {
        Link.Today -> Place(Tab.Today)
        Link.Journey -> Place(Tab.Today, listOf(Page.Journey))
        Link.Reminders -> Place(Tab.Reminders)
        is Link.Reminder -> Place(Tab.Reminders, focus = link.id)
        Link.Records -> Place(Tab.Records)
        Link.Clinic -> Place(Tab.Records, listOf(Page.Clinic))
        Link.Shop -> Place(Tab.Shop)
        is Link.Product -> Place(Tab.Shop, listOf(Page.Product(link.sku)))
        Link.Cart -> Place(Tab.Shop, listOf(Page.Cart))
        Link.Orders -> Place(Tab.Shop, listOf(Page.Orders))
        is Link.Order -> Place(Tab.Shop, listOf(Page.Orders), focus = link.id)
        Link.Bag -> Place(Tab.Shop, listOf(Page.Bag))
        Link.Settings -> Place(Tab.Settings)
    }
}
