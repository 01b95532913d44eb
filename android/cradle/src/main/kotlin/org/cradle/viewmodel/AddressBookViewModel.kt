package org.cradle.viewmodel

import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.withContext
import uniffi.cradle.Problem
import uniffi.cradle.shop.AddressView
import uniffi.cradle.CradleCore
import uniffi.cradle.protocol.ShipTo

/**
 * Her delivery addresses. The form holds what she types; the core tidies
 * and checks it (the same rule the shop's server applies) and names the
 * field to fix, so the form stays open with her text until it is right.
 */
class AddressBookViewModel(
    private val core: CradleCore,
    private val io: CoroutineDispatcher = Dispatchers.IO,
) {
    /** The form: a new address (`id` null) or a change to one. */
    data class Form(val id: String? = null, val address: ShipTo = ShipTo("", "", "", "", "", "", null))

    data class State(
        val book: Loadable<List<AddressView>> = Loadable.Loading,
        val form: Form? = null,
        val problem: Problem? = null,
    )

    private val _state = MutableStateFlow(State())
    val state: StateFlow<State> = _state.asStateFlow()

    suspend fun load() = change { core.shop().addresses() }

    fun startNew() = _state.update { it.copy(form = Form(), problem = null) }

    fun edit(address: AddressView) = _state.update { it.copy(form = Form(address.id, address.shipTo), problem = null) }

    fun cancel() = _state.update { it.copy(form = null, problem = null) }

    /** One field changed: [edit] returns the address with it. */
    fun type(edit: (ShipTo) -> ShipTo) =
        _state.update { s -> s.form?.let { s.copy(form = it.copy(address = edit(it.address))) } ?: s }

    suspend fun save() {
        val form = _state.value.form ?: return
        change(done = { it.copy(form = null) }) { core.shop().saveAddress(form.id, form.address) }
    }

    suspend fun makeDefault(id: String) = change { core.shop().setDefaultAddress(id) }

    suspend fun remove(id: String) = change { core.shop().removeAddress(id) }

    private suspend fun change(
        done: (State) -> State = { it },
        call: () -> List<AddressView>,
    ) {
        val result = withContext(io) { attempt(call) }
        _state.update { s ->
            result.fold(
                onSuccess = { done(s).copy(book = Loadable.Ready(it), problem = null) },
                onFailure = { s.copy(problem = (it as ProblemException).problem) },
            )
        }
    }
}
