package org.cradle.viewmodel

import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.withContext
import uniffi.cradle.CradleCore
import uniffi.cradle.Problem
import uniffi.cradle.store.Purpose

/**
 * Signing in on a phone that has none of her data (a new phone, or one
 * that could not open the old data): her account, the recovery code she
 * kept, and her "yes" to sync, asked here because nothing leaves the phone
 * without it. Then one sync brings back what she synced, her profile
 * included, and the app leaves onboarding by itself.
 */
class SignInViewModel(
    private val core: CradleCore,
    /** How the server lists this phone among her devices. */
    private val device: String,
    private val io: CoroutineDispatcher = Dispatchers.IO,
) {
    data class State(
        val server: String = "",
        val login: String = "",
        val password: String = "",
        val recoveryCode: String = "",
        /** Sync's consent, unticked until she ticks it. */
        val syncConsent: Boolean = false,
        val problem: Problem? = null,
        val busy: Boolean = false,
        val restored: Boolean = false,
    ) {
        /** Every field has something in it; the core and the server judge the rest. */
        val canSignIn: Boolean
            get() = !busy && listOf(server, login, password, recoveryCode).all { it.isNotBlank() }
    }

    private val _state = MutableStateFlow(State())
    val state: StateFlow<State> = _state.asStateFlow()

    enum class Field { SERVER, LOGIN, PASSWORD, RECOVERY_CODE }

    fun type(field: Field, text: String) = _state.update {
        when (field) {
            Field.SERVER -> it.copy(server = text, problem = null)
            Field.LOGIN -> it.copy(login = text, problem = null)
            Field.PASSWORD -> it.copy(password = text, problem = null)
            Field.RECOVERY_CODE -> it.copy(recoveryCode = text, problem = null)
        }
    }

    fun answerSync(granted: Boolean) = _state.update { it.copy(syncConsent = granted, problem = null) }

    /** Signs in and syncs once; a refusal is shown and nothing else changes. */
    suspend fun signIn() {
        val s = _state.value
        if (!s.canSignIn) return
        _state.update { it.copy(busy = true) }
        val result = withContext(io) {
            attempt {
                if (s.syncConsent) core.setConsent(Purpose.SYNC, true)
                core.sync().login(s.server.trim(), s.login.trim(), s.password, device, s.recoveryCode.trim())
                core.sync().syncNow()
            }
        }
        _state.update { st ->
            result.fold(
                // The password is not kept once it has been used.
                onSuccess = { st.copy(busy = false, restored = true, password = "", problem = null) },
                onFailure = { st.copy(busy = false, problem = (it as ProblemException).problem) },
            )
        }
    }
}
