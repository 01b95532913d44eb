package org.cradle.ui

import kotlinx.coroutines.runBlocking
import org.cradle.viewmodel.SignInViewModel
import org.cradle.viewmodel.SignInViewModel.Field
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import uniffi.cradle.CradleCore
import uniffi.cradle.ProblemKind
import uniffi.cradle.store.Purpose
import java.nio.file.Path
import java.util.UUID

/** A new phone signs in with her recovery code and gets back what she synced. */
class SignInViewModelTest {
    @TempDir
    lateinit var dir: Path

    private val server: String = System.getProperty("cradle.server")

    @Test
    fun `a new phone signs in, only with her yes to sync and the right code, and her data comes back`() = runBlocking {
        val login = "restore-" + UUID.randomUUID().toString().take(8)
        var readings = 0
        val code = mother(dir, "en").use { old ->
            old.setConsent(Purpose.SYNC, true)
            readings = old.records().list(null).size
            old.sync().register(server, login, "correct horse battery", "old phone").also { old.sync().syncNow() }
        }
        CradleCore.open(dir.resolve("new.db").toString(), KEY, "Asia/Shanghai", "en").use { phone ->
            assertNull(phone.profile())
            val vm = SignInViewModel(phone, "new phone")
            vm.type(Field.SERVER, server)
            vm.type(Field.LOGIN, login)
            vm.type(Field.PASSWORD, "correct horse battery")
            assertFalse(vm.state.value.canSignIn, "the recovery code is needed on a new phone")

            // Her recovery code, but no "yes" to sync yet: refused by purpose, nothing sent.
            vm.type(Field.RECOVERY_CODE, code)
            vm.signIn()
            assertEquals(ProblemKind.CONSENT_REQUIRED, vm.state.value.problem!!.kind)
            assertEquals(Purpose.SYNC, vm.state.value.problem!!.purpose)

            // Another account's code is refused by field.
            vm.answerSync(true)
            vm.type(Field.RECOVERY_CODE, code.reversed())
            vm.signIn()
            assertEquals("recovery_code", vm.state.value.problem!!.field)
            assertFalse(vm.state.value.restored)
            assertNull(phone.profile())

            vm.type(Field.RECOVERY_CODE, code)
            vm.signIn()
            assertNull(vm.state.value.problem)
            assertTrue(vm.state.value.restored)
            assertEquals("", vm.state.value.password, "the password is not kept")
            assertEquals("Lin", phone.profile()!!.displayName)
            assertEquals(readings, phone.records().list(null).size)
            assertTrue(readings > 0)
        }
    }
}
