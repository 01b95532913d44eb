import Foundation

extension CradleCore {
    /// The core's "data changed" events as an `AsyncStream`: iterating
    /// subscribes, ending the iteration cancels the subscription's handle.
    public func changes() -> AsyncStream<DataArea> {
        AsyncStream { continuation in
            let subscription = subscribe(listener: StreamListener(continuation))
            continuation.onTermination = { _ in
                _ = subscription.cancel()
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

extension CradleCore {
    /// Sync status as an `AsyncStream`: the current state first, then every
    /// change (offline, syncing with progress, up to date, sign in again, error).
    public func syncStates() -> AsyncStream<SyncState> {
        AsyncStream { continuation in
            let subscription = subscribeSync(listener: SyncStreamListener(continuation))
            if let now = try? syncStatus() {
                continuation.yield(now)
            }
            continuation.onTermination = { _ in
                _ = subscription.cancel()
            }
        }
    }
}

private final class SyncStreamListener: SyncStatusListener, @unchecked Sendable {
    private let continuation: AsyncStream<SyncState>.Continuation

    init(_ continuation: AsyncStream<SyncState>.Continuation) {
        self.continuation = continuation
    }

    func syncStatusChanged(status: SyncState) {
        continuation.yield(status)
    }
}

extension CradleCore {
    /// When a screen should reload: once as soon as it is listening, then
    /// after every data change or sync-state change. Subscribing before the
    /// first load means no change slips between the load and the
    /// subscription; bursts collapse to one reload (each reads the whole screen).
    public func refreshes() -> AsyncStream<Void> {
        AsyncStream(bufferingPolicy: .bufferingNewest(1)) { continuation in
            let changes = subscribe(listener: RefreshListener(continuation))
            let sync = subscribeSync(listener: RefreshListener(continuation))
            continuation.yield()
            continuation.onTermination = { _ in
                _ = changes.cancel()
                _ = sync.cancel()
            }
        }
    }
}

private final class RefreshListener: ChangeListener, SyncStatusListener, @unchecked Sendable {
    private let continuation: AsyncStream<Void>.Continuation

    init(_ continuation: AsyncStream<Void>.Continuation) {
        self.continuation = continuation
    }

    func dataChanged(area: DataArea) {
        continuation.yield()
    }

    func syncStatusChanged(status: SyncState) {
        continuation.yield()
    }
}
