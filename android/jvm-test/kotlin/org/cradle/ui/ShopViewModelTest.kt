package org.cradle.ui

import kotlinx.coroutines.runBlocking
import org.cradle.viewmodel.Loadable
import org.cradle.viewmodel.ShopViewModel
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import uniffi.cradle.ProblemKind
import uniffi.cradle.shop.ProductPage
import uniffi.cradle.shop.ShopScreen
import java.nio.file.Path

class ShopViewModelTest {
    @TempDir
    lateinit var dir: Path

    private val server: String = System.getProperty("cradle.server")

    @Test
    fun `suggestions until she searches, and the page adds what the core offers`() = runBlocking {
        mother(dir, "en").use { core ->
            val vm = ShopViewModel(core, this)
            vm.refresh()
            assertFalse(vm.screen().catalogReady, "no catalogue on a new phone")
            // With no server known yet, the download is refused by name and nothing changes.
            vm.updateCatalog()
            assertEquals(ProblemKind.INVALID_INPUT, vm.state.value.problem!!.kind)
            assertEquals("server_url", vm.state.value.problem!!.field)
            assertFalse(vm.screen().catalogReady)

            core.shop().updateCatalog(server)
            vm.refresh()
            val home = vm.screen()
            assertTrue(home.catalogReady && !home.searching)
            assertTrue(home.products.isNotEmpty(), "suggestions for 28 weeks")

            vm.search("folic")
            val found = vm.screen()
            assertTrue(found.searching)
            assertTrue(found.products.first().name.contains("Folic", ignoreCase = true), "${found.products}")
            vm.search("zzzz-nothing")
            assertTrue(vm.screen().products.isEmpty())

            vm.open(found.products.first().sku)
            val page = vm.page()
            val first = page.addQty!!
            assertEquals(page.qtyMin, first, "a first add is the product's minimum")
            vm.addToCart()
            assertNull(vm.state.value.problem)
            assertEquals(first, vm.page().inCart)
            assertEquals(first, vm.screen().cartCount)
            vm.close()
            assertNull(vm.state.value.product)
        }
    }

    private fun ShopViewModel.screen(): ShopScreen = (state.value.screen as Loadable.Ready).value

    private fun ShopViewModel.page(): ProductPage = (state.value.product as Loadable.Ready).value
}
