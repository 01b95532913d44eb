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

/// A core error as a screen keeps it (`Problem` is the core's record); the
/// core words it in her language (`describeProblem`).
extension Problem: Error {
    init(_ error: Error) {
        switch error as? CradleError {
        case .InvalidInput(let field, let reason)?: self.init(kind: .invalidInput, field: field, detail: reason)
        case .NotFound(let what)?: self.init(kind: .notFound, detail: what)
        case .Storage(let reason)?: self.init(kind: .storage, detail: reason)
        case .Network(let reason)?: self.init(kind: .network, detail: reason)
        case .Server(let status)?: self.init(kind: .server, detail: String(status))
        case .WrongKey?: self.init(kind: .wrongKey)
        case .SignInRequired?: self.init(kind: .signInRequired)
        case .ConsentRequired(let p)?: self.init(kind: .consentRequired, purpose: p)
        case nil: self.init(kind: .storage, detail: String(describing: error))
        }
    }
}
