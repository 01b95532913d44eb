package org.cradle.ui

import kotlinx.coroutines.runBlocking
import org.cradle.viewmodel.AddressBookViewModel
import org.cradle.viewmodel.Loadable
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import uniffi.cradle.shop.AddressView
import java.nio.file.Path

class AddressBookViewModelTest {
    @TempDir
    lateinit var dir: Path

    @Test
    fun `the form keeps her text until the core accepts it, and one address is the default`() = runBlocking {
        mother(dir, "zh-Hans-CN").use { core ->
            val vm = AddressBookViewModel(core)
            vm.load()
            assertTrue(vm.book().isEmpty())
            vm.startNew()
            vm.type { it.copy(name = "小林", phone = "138-0013-800", province = "广东省", city = "深圳市") }
            vm.type { it.copy(district = "南山区", detail = "科技园 1 号") }
            vm.save()
            assertEquals("phone", vm.state.value.problem!!.field, "a digit short")
            assertEquals("138-0013-800", vm.state.value.form!!.address.phone, "her text stays")
            vm.type { it.copy(phone = "138-0013-8000") }
            vm.save()
            assertNull(vm.state.value.problem)
            assertNull(vm.state.value.form, "the form closes once saved")
            val home = vm.book().single()
            assertTrue(home.isDefault)
            assertEquals("小林 13800138000 广东省深圳市南山区科技园 1 号", home.label)

            vm.startNew()
            vm.type { home.shipTo.copy(city = "广州市", district = "天河区") }
            vm.save()
            val work = vm.book().single { !it.isDefault }
            vm.makeDefault(work.id)
            assertEquals(work.id, vm.book().single { it.isDefault }.id)
            assertEquals(vm.book().first().label, core.shop().cart().shipTo, "the cart shows where orders go")

            vm.edit(work)
            assertNotNull(vm.state.value.form)
            vm.type { it.copy(detail = "天河路 2 号") }
            vm.save()
            assertTrue(vm.book().first().label.endsWith("天河路 2 号"))
            vm.remove(work.id)
            assertEquals(home.id, vm.book().single { it.isDefault }.id, "the other one takes over")
        }
    }

    private fun AddressBookViewModel.book(): List<AddressView> = (state.value.book as Loadable.Ready).value
}
