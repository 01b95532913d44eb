import Foundation

extension CradleCore {
    /// The core's "data changed" events as an `AsyncStream`: iterating
    /// subscribes, ending the iteration unsubscribes.
    public func changes() -> AsyncStream<DataArea> {
        AsyncStream { continuation in
            let id = subscribe(listener: StreamListener(continuation))
            continuation.onTermination = { [weak self] _ in
                _ = self?.unsubscribe(subscription: id)
            }
        }
    }
}

private final class StreamListener: ChangeListener, @unchecked Sendable {
    private let continuation: AsyncStream<DataArea>.Continuation

    init(_ continuation: AsyncStream<DataArea>.Continuation) {
        self.continuation = continuation
    }

    func dataChanged(area: DataArea) {
        continuation.yield(area)
    }
}
