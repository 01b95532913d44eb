package org.cradle.ui

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.runBlocking
import org.cradle.viewmodel.HospitalBagViewModel
import org.cradle.viewmodel.Loadable
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import uniffi.cradle.shop.BagItem
import uniffi.cradle.CradleCore
import uniffi.cradle.Dating
import uniffi.cradle.shop.HospitalBag
import java.nio.file.Path
import java.time.LocalDate
import java.time.ZoneId

class HospitalBagViewModelTest {
    @TempDir
    lateinit var dir: Path

    private val server: String = System.getProperty("cradle.server")

    @Test
    fun `at 28 weeks she ticks what she packed and sees what is in her cart`() = runBlocking {
        mother(dir, "en").use { core ->
            core.shop().updateCatalog(server)
            val vm = HospitalBagViewModel(core, CoroutineScope(Dispatchers.Default))
            vm.refresh()
            assertTrue(vm.bag().open)
            assertEquals(listOf("Documents", "For you", "For the baby"), vm.bag().groups.map { it.title })

            vm.pack("health_handbook", true)
            assertTrue(vm.item("health_handbook").packed)
            assertEquals(1u, vm.bag().packed)
            vm.pack("no-such-item", true)
            assertNotNull(vm.state.value.problem, "an unknown item is refused by name")

            val pads = vm.item("maternity_pads").products.first()
            core.shop().cartAdd(pads.sku, 1)
            vm.refresh()
            assertEquals("in_cart", vm.item("maternity_pads").shop)
            assertEquals("In your cart", vm.item("maternity_pads").shopText)
        }
    }

    @Test
    fun `before 28 weeks it says when it opens, and ticking waits`() = runBlocking {
        CradleCore.open(dir.resolve("early.db").toString(), KEY, "Asia/Shanghai", "zh-Hans-CN").use { core ->
            val today = LocalDate.now(ZoneId.of("Asia/Shanghai"))
            core.recordDating(Dating.Edd(today.plusWeeks(20).toString()))
            val vm = HospitalBagViewModel(core, CoroutineScope(Dispatchers.Default))
            vm.refresh()
            assertFalse(vm.bag().open)
            assertEquals(today.plusWeeks(8).toString(), vm.bag().opensOn)
            assertEquals("孕28周起开放待产包清单。", vm.bag().note)
            vm.pack("id_cards", true)
            assertEquals("hospital_bag", vm.state.value.problem!!.field)
        }
    }

    private fun HospitalBagViewModel.bag(): HospitalBag = (state.value.bag as Loadable.Ready).value

    private fun HospitalBagViewModel.item(id: String): BagItem = bag().groups.flatMap { it.items }.single { it.id == id }
}
