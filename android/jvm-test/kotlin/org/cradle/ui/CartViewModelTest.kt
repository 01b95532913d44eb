package org.cradle.ui

import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import kotlinx.coroutines.flow.first
import org.cradle.platform.BackgroundSync
import org.cradle.platform.NotificationPlanner
import org.cradle.platform.NotificationSink
import org.cradle.viewmodel.CartViewModel
import org.cradle.viewmodel.Loadable
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import uniffi.cradle.ProblemKind
import uniffi.cradle.describeProblem
import uniffi.cradle.shop.CartView
import uniffi.cradle.NotificationInfo
import uniffi.cradle.store.Language
import uniffi.cradle.store.Purpose
import java.nio.file.Path
import java.util.UUID

class CartViewModelTest {
    @TempDir
    lateinit var dir: Path

    private val server: String = System.getProperty("cradle.server")

    @Test
    fun `the cart follows the core's rules and checks out once`() = runBlocking {
        mother(dir, "en").use { core ->
            core.shop().updateCatalog(server)
            val vm = CartViewModel(core, this)
            vm.load()
            assertTrue(vm.cart().lines.isEmpty())

            val sku = core.shop().screen("folic", 1u).products.first().sku
            vm.add(sku, 2)
            val two = vm.cart()
            assertEquals(2u, two.itemCount)
            val line = two.lines.single()
            assertEquals(1u to 3u, line.qtyDown to line.qtyUp, "the buttons follow the product's step (1 for folic acid)")

            // A refused change is shown and changes nothing.
            vm.set(sku, 0)
            assertEquals(ProblemKind.INVALID_INPUT, vm.state.value.problem!!.kind)
            assertEquals("qty", vm.state.value.problem!!.field)
            // Worded by the core, in her language, never "请检查 qty：must be…".
            assertEquals("请检查数量：至少为 1。", describeProblem(vm.state.value.problem!!, Language.ZH_HANS))
            assertEquals("Please check the quantity: must be at least 1.", describeProblem(vm.state.value.problem!!, Language.EN))
            assertEquals(two, vm.cart())
            vm.add("no-such-sku")
            assertEquals(ProblemKind.NOT_FOUND, vm.state.value.problem!!.kind)
            assertEquals(two, vm.cart())

            // Without her consent to the shop, review is refused by name.
            vm.review()
            assertEquals(ProblemKind.CONSENT_REQUIRED, vm.state.value.problem!!.kind)
            assertEquals(Purpose.SHOP, vm.state.value.problem!!.purpose)
            core.setConsent(Purpose.SYNC, true)
            core.setConsent(Purpose.SHOP, true)

            // Checkout needs her account: review first, then one order.
            core.sync().register(server, "kt-vm-" + UUID.randomUUID().toString().take(8), "correct horse battery", "Pixel")
            core.shipHere()
            vm.review()
            val review = vm.state.value.review!!
            assertEquals(two.totalText, review.totalText)
            vm.confirm()
            val placed = vm.state.value.placed!!
            assertEquals("pending_payment", placed.status)
            assertEquals("2 items · ${two.totalText}", placed.summaryText, "not the order's id")
            assertNull(vm.state.value.review)
            assertTrue(vm.cart().lines.isEmpty())
            assertEquals(listOf(placed), core.shop().orders())
        }
    }

    @Test
    fun `an order saved for when she is back online goes with the background run, and she is told`() = runBlocking {
        mother(dir, "en").use { core ->
            core.shop().updateCatalog(server)
            core.setConsent(Purpose.SHOP, true)
            core.setConsent(Purpose.NOTIFICATIONS, true)
            val vm = CartViewModel(core, this)
            val sku = core.shop().screen("wipes", 1u).products.first().sku
            vm.add(sku, 2)
            vm.queue()
            assertEquals("sign in to order", vm.state.value.problem!!.detail, "it needs an account to go to")
            core.setConsent(Purpose.SYNC, true)
            core.sync().register(server, "kt-q-" + UUID.randomUUID().toString().take(8), "correct horse battery", "Pixel")
            vm.queue()
            assertEquals("address", vm.state.value.problem!!.field, "and an address")
            core.shipHere()
            vm.queue()
            val queued = vm.cart().queued!!
            assertEquals("waiting", queued.status)
            assertTrue(vm.cart().lines.isEmpty())

            val alarms = mutableMapOf<String, NotificationInfo>()
            val planner = NotificationPlanner(
                core,
                object : NotificationSink {
                    override fun schedule(notification: NotificationInfo) {
                        alarms[notification.id] = notification
                    }

                    override fun cancel(id: String) {
                        alarms.remove(id)
                    }
                },
            )
            assertEquals(BackgroundSync.Outcome.Done, BackgroundSync.run(core))
            planner.apply()
            val told = alarms.getValue("order:${queued.id}")
            assertEquals("Order placed", told.title)
            assertEquals("cradle://orders/${queued.id}", told.deepLink)
            vm.load()
            assertNull(vm.cart().queued)
            assertEquals(listOf(queued.id), core.shop().orders().map { it.id })
            planner.apply()
            assertTrue("order:${queued.id}" !in alarms, "withdrawn once she opened her orders")
        }
    }

    @Test
    fun `a change made elsewhere reaches the open cart`() = runBlocking {
        mother(dir, "en").use { core ->
            core.shop().updateCatalog(server)
            val vm = CartViewModel(core, this)
            vm.start()
            vm.load()
            assertTrue(vm.cart().lines.isEmpty())
            // As a product page, the hospital bag or her other phone would.
            core.shop().cartAdd(core.shop().screen("folic", 1u).products.first().sku, 1)
            withTimeout(60_000) { vm.state.first { (it.cart as? Loadable.Ready)?.value?.itemCount == 1u } }
            vm.stop()
        }
    }

    private fun CartViewModel.cart(): CartView = (state.value.cart as Loadable.Ready).value
}
