package org.cradle.core

import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir
import uniffi.cradle.CradleCore
import uniffi.cradle.CradleException
import uniffi.cradle.store.Purpose
import java.nio.file.Path

/** The catalogue and the cart through the bindings; totals come from the core. */
class ShopTest {
    @TempDir
    lateinit var dir: Path

    private val server: String = System.getProperty("cradle.server")

    @Test
    fun `the catalogue is searched offline and the cart computes its total`() = runBlocking {
        CradleCore.open(dir.resolve("shop.db").toString(), TEST_KEY, "Asia/Shanghai", "zh-Hans-CN").use { c ->
            val update = c.shop().updateCatalog(server)
            assertTrue(update.changed > 200uL, "$update")
            val hits = c.shop().screen("叶酸", 5u).products
            assertTrue(hits.first().name.contains("叶酸"), "$hits")
            val view = c.shop().cartAdd(hits.first().sku, 2L)
            assertEquals(2u, view.itemCount)
            assertEquals(hits.first().priceMinor * 2, view.totalMinor)
            assertTrue(view.totalText.startsWith("¥"))
            val e = assertThrows<CradleException.InvalidInput> { c.shop().cartAdd(hits.first().sku, 0L) }
            assertEquals("qty", e.field)
            assertThrows<CradleException.NotFound> { c.shop().cartAdd("no-such-sku", 1L) }
            assertEquals(view, c.shop().cart())

            // Nothing goes to the shop until she agrees to it, and the refusal names the purpose.
            val refused = assertThrows<CradleException.ConsentRequired> { runBlocking { c.shop().reviewCheckout() } }
            assertEquals(Purpose.SHOP, refused.purpose)
            c.setConsent(Purpose.SYNC, true)
            c.setConsent(Purpose.SHOP, true)

            // Checkout needs her account; the review and the order come from the core.
            c.sync().register(server, "kt-shop-" + java.util.UUID.randomUUID().toString().take(8), "correct horse battery", "Pixel")
            val review = c.shop().reviewCheckout()
            assertTrue(review.warnings.isEmpty(), "$review")
            assertEquals(view.totalText, review.totalText)
            assertThrows<CradleException.InvalidInput> { runBlocking { c.shop().placeOrder(review.quote) } }.also {
                assertEquals("address", it.field, "an order needs somewhere to go")
            }
            val home = uniffi.cradle.protocol.ShipTo("小林", "138 0013 8000", "上海市", "上海市", "浦东新区", "世纪大道 100 号", null)
            val badPhone = assertThrows<CradleException.InvalidInput> { c.shop().saveAddress(null, home.copy(phone = "12345")) }
            assertEquals("phone", badPhone.field)
            val book = c.shop().saveAddress(null, home)
            assertEquals("13800138000", book.single().shipTo.phone)
            assertTrue(uniffi.cradle.provinces().contains("上海市"))
            val order = c.shop().placeOrder(review.quote)
            assertEquals("pending_payment", order.status)
            assertEquals(book.single().label, order.shipTo)
            assertTrue(c.shop().cart().lines.isEmpty())
            assertEquals(listOf(order), c.shop().orders())
        }
    }
}
