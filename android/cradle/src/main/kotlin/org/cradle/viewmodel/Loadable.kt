package org.cradle.viewmodel

import uniffi.cradle.CradleException
import uniffi.cradle.store.Purpose

/** What a screen shows while its one core call is running, has answered, or failed. */
sealed interface Loadable<out T> {
    data object Loading : Loadable<Nothing>

    data class Ready<T>(val value: T) : Loadable<T>

    data class Failed(val error: Problem) : Loadable<Nothing>
}

/**
 * A core error as a screen shows it. The kind picks the localized sentence;
 * the core's field and reason say what to fix.
 */
data class Problem(
    val kind: Kind,
    val field: String? = null,
    val detail: String? = null,
    /** For [Kind.ConsentRequired]: the purpose to ask her about. */
    val purpose: Purpose? = null,
) {
    enum class Kind { InvalidInput, NotFound, Storage, Network, Server, WrongKey, SignInRequired, ConsentRequired }
}

fun CradleException.toProblem(): Problem = when (this) {
    is CradleException.InvalidInput -> Problem(Problem.Kind.InvalidInput, field, reason)
    is CradleException.NotFound -> Problem(Problem.Kind.NotFound, detail = what)
    is CradleException.Storage -> Problem(Problem.Kind.Storage, detail = reason)
    is CradleException.Network -> Problem(Problem.Kind.Network, detail = reason)
    is CradleException.Server -> Problem(Problem.Kind.Server, detail = status.toString())
    is CradleException.WrongKey -> Problem(Problem.Kind.WrongKey)
    is CradleException.SignInRequired -> Problem(Problem.Kind.SignInRequired)
    is CradleException.ConsentRequired -> Problem(Problem.Kind.ConsentRequired, purpose = purpose)
}

/** Runs one core call; a typed core error becomes a [Problem], never a crash. */
internal inline fun <T> attempt(call: () -> T): Result<T> = try {
    Result.success(call())
} catch (e: CradleException) {
    Result.failure(ProblemException(e.toProblem()))
}

internal class ProblemException(val problem: Problem) : Exception(problem.kind.name)

/** The refusal of an [attempt], or null when it succeeded. */
internal fun Result<*>.problemOrNull(): Problem? = (exceptionOrNull() as ProblemException?)?.problem

internal fun <T> Result<T>.toLoadable(): Loadable<T> = fold(
    onSuccess = { Loadable.Ready(it) },
    onFailure = { Loadable.Failed((it as ProblemException).problem) },
)
