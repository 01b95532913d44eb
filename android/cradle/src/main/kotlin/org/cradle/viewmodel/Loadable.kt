package org.cradle.viewmodel

import uniffi.cradle.CradleException
import uniffi.cradle.Problem
import uniffi.cradle.ProblemKind
import uniffi.cradle.store.Purpose

/** What a screen shows while its one core call is running, has answered, or failed. */
sealed interface Loadable<out T> {
    data object Loading : Loadable<Nothing>

    data class Ready<T>(val value: T) : Loadable<T>

    data class Failed(val error: Problem) : Loadable<Nothing>
}

/**
 * A core error as a screen keeps it ([Problem] is the core's record); the
 * core words it in her language (`describeProblem`).
 */
fun CradleException.toProblem(): Problem = when (this) {
    is CradleException.InvalidInput -> Problem(ProblemKind.INVALID_INPUT, field, reason)
    is CradleException.NotFound -> Problem(ProblemKind.NOT_FOUND, detail = what)
    is CradleException.Storage -> Problem(ProblemKind.STORAGE, detail = reason)
    is CradleException.Network -> Problem(ProblemKind.NETWORK, detail = reason)
    is CradleException.Server -> Problem(ProblemKind.SERVER, detail = status.toString())
    is CradleException.WrongKey -> Problem(ProblemKind.WRONG_KEY)
    is CradleException.SignInRequired -> Problem(ProblemKind.SIGN_IN_REQUIRED)
    is CradleException.ConsentRequired -> Problem(ProblemKind.CONSENT_REQUIRED, purpose = purpose)
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
