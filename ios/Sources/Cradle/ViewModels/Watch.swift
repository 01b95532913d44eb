import Foundation

/// Reloads a screen on every core refresh while started; one per model.
@MainActor
final class Watch {
    private let core: CradleCore
    private var task: Task<Void, Never>?

    init(core: CradleCore) {
        self.core = core
    }

    func start(reload: @escaping @MainActor () -> Void) {
        guard task == nil else { return }
        let refreshes = core.refreshes()
        task = Task {
            for await _ in refreshes {
                reload()
            }
        }
    }

    /// Returns once unsubscribed, so the core can be released after.
    func stop() async {
        task?.cancel()
        await task?.value
        task = nil
    }
}
