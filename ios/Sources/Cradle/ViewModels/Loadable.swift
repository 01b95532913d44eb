import Foundation

/// What a screen shows while its one core call is running, has answered, or failed.
public enum Loadable<Value> {
    case loading
    case ready(Value)
    case failed(Problem)

    public var value: Value? {
        if case .ready(let v) = self { return v }
        return nil
    }

    /// Runs one core call; a core error becomes a `Problem`, never a crash.
    static func attempt(_ call: () throws -> Value) -> Loadable {
        do {
            return .ready(try call())
        } catch {
            return .failed(Problem(error))
        }
    }
}

extension Loadable: Equatable where Value: Equatable {}

/// A core error as a screen shows it: the kind picks the localized sentence;
/// the core's field and reason say what to fix.
public struct Problem: Equatable, Error {
    public enum Kind: Equatable {
        case invalidInput, notFound, storage, network, server, wrongKey, signInRequired, consentRequired
    }

    public let kind: Kind
    public let field: String?
    public let detail: String?
    /// For `.consentRequired`: the purpose to ask her about.
    public let purpose: Purpose?

    init(_ error: Error) {
        let parts: (Kind, String?, String?)
        var purpose: Purpose?
        switch error as? CradleError {
        case .InvalidInput(let field, let reason)?: parts = (.invalidInput, field, reason)
        case .NotFound(let what)?: parts = (.notFound, nil, what)
        case .Storage(let reason)?: parts = (.storage, nil, reason)
        case .Network(let reason)?: parts = (.network, nil, reason)
        case .Server(let status)?: parts = (.server, nil, String(status))
        case .WrongKey?: parts = (.wrongKey, nil, nil)
        case .SignInRequired?: parts = (.signInRequired, nil, nil)
        case .ConsentRequired(let p)?:
            parts = (.consentRequired, nil, nil)
            purpose = p
        case nil: parts = (.storage, nil, String(describing: error))
        }
        kind = parts.0
        field = parts.1
        detail = parts.2
        self.purpose = purpose
    }
}
