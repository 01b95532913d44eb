package org.cradle.ui

import kotlinx.coroutines.runBlocking
import org.cradle.viewmodel.Loadable
import org.cradle.viewmodel.OrdersViewModel
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import uniffi.cradle.ProblemKind
import uniffi.cradle.shop.OrderView
import uniffi.cradle.store.Purpose
import java.nio.file.Path
import java.util.UUID

class OrdersViewModelTest {
    @TempDir
    lateinit var dir: Path

    private val server: String = System.getProperty("cradle.server")

    @Test
    fun `a paid order cancelled before it ships is refunded and offers nothing more to pay`() = runBlocking {
        mother(dir, "zh-Hans-CN").use { core ->
            core.shop().updateCatalog(server)
            core.setConsent(Purpose.SYNC, true)
            core.setConsent(Purpose.SHOP, true)
            core.sync().register(server, "kt-cancel-" + UUID.randomUUID().toString().take(8), "correct horse battery", "Pixel")
            core.shipHere()
            val wipes = core.shop().screen("湿巾", 1u).products.first().sku
            core.shop().cartAdd(wipes, 2)
            val placed = core.shop().placeOrder(core.shop().reviewCheckout().quote)
            val vm = OrdersViewModel(core, this)
            vm.pay(placed.id)
            assertTrue(vm.order().canCancel)
            vm.cancel(placed.id)
            assertNull(vm.state.value.problem)
            val cancelled = vm.order()
            assertEquals("已取消", cancelled.statusText)
            assertFalse(cancelled.canCancel || cancelled.canPay || cancelled.canReturn)
            assertEquals(listOf("pending_payment", "paid", "cancelled"), cancelled.history.map { it.status })
        }
    }

    @Test
    fun `an order is paid, tracked to delivery, returned, complained about and bought again`() = runBlocking {
        mother(dir, "en").use { core ->
            core.shop().updateCatalog(server)
            core.setConsent(Purpose.SYNC, true)
            core.setConsent(Purpose.SHOP, true)
            val login = "kt-orders-" + UUID.randomUUID().toString().take(8)
            val password = "correct horse battery"
            core.sync().register(server, login, password, "Pixel")
            core.shipHere()
            val wipes = core.shop().screen("wipes", 1u).products.first().sku
            core.shop().cartAdd(wipes, 2)
            core.shop().placeOrder(core.shop().reviewCheckout().quote)

            val vm = OrdersViewModel(core, this)
            vm.refresh()
            val placed = vm.order()
            assertEquals("Awaiting payment", placed.statusText)
            assertTrue(placed.canPay && !placed.canReturn)

            vm.pay(placed.id)
            assertNull(vm.state.value.problem)
            assertFalse(vm.order().canPay)
            assertEquals(listOf("Awaiting payment", "Paid"), vm.order().history.map { it.text })

            // Before delivery the core refuses a return; the form stays open with her choices.
            vm.startReturn(placed.id)
            vm.setReturnQty(wipes, 1u)
            vm.submitReturn()
            assertEquals(ProblemKind.INVALID_INPUT, vm.state.value.problem!!.kind)
            assertNotNull(vm.state.value.returning)
            vm.cancelReturn()

            val warehouse = Sandbox(server, login, password)
            repeat(2) { warehouse.advance(placed.id) }
            vm.sync()
            val delivered = vm.order()
            assertEquals("Delivered", delivered.statusText)
            assertTrue(delivered.canReturn)
            assertNotNull(delivered.returnDeadlineText)

            vm.startReturn(placed.id)
            vm.setReturnQty(wipes, 1u)
            vm.submitReturn()
            assertEquals("reason", vm.state.value.problem!!.field, "a reason is needed")
            vm.chooseReason("changed_mind")
            vm.chooseKind("refund_only")
            vm.submitReturn()
            assertEquals("kind", vm.state.value.problem!!.field, "no refund for goods she keeps for changing her mind")
            vm.chooseKind("return")
            vm.setNote("bought too many")
            vm.submitReturn()
            assertNull(vm.state.value.problem)
            assertNull(vm.state.value.returning, "the form closes once sent")
            val returned = vm.order().returns.single()
            assertEquals("Requested", returned.statusText)
            assertEquals("Changed my mind", returned.reasonText)
            assertEquals("Return for a refund", returned.kindText)
            warehouse.reject(placed.id, returned.id, "Opened packs cannot be taken back")
            vm.sync()
            val declined = vm.order().returns.single()
            assertEquals("Declined by the shop", declined.statusText)
            assertEquals("Opened packs cannot be taken back", declined.rejection)

            // A complaint needs a topic; once filed the shop owes a reply within 48 h.
            vm.startComplaint(placed.id)
            vm.setComplaintNote("The box was crushed")
            vm.submitComplaint()
            assertEquals("topic", vm.state.value.problem!!.field)
            assertNotNull(vm.state.value.complaining)
            vm.chooseTopic("damaged")
            vm.submitComplaint()
            assertNull(vm.state.value.problem)
            assertNull(vm.state.value.complaining)
            val ticket = vm.order().complaints.single()
            assertEquals("Waiting for a reply", ticket.statusText)
            assertEquals("Reply due within 48 h", ticket.targetText)
            assertFalse(ticket.overdue)

            vm.buyAgain(placed.id)
            assertEquals(emptyList<String>(), vm.state.value.skipped)
            assertEquals(2u, core.shop().cart().itemCount)
        }
    }

    private fun OrdersViewModel.order(): OrderView = (state.value.orders as Loadable.Ready).value.single()
}
