import Foundation
import Observation

/// Settings: her consents (each revocable), language, quiet hours, account
/// and sync, and her rights over her data (export, delete). The screen is one
/// core call; each change is one more, then the screen reloads.
@MainActor
@Observable
public final class SettingsModel {
    public private(set) var screen: Loadable<SettingsScreen> = .loading
    public private(set) var problem: Problem?
    /// "Export my data": the JSON for the share sheet, until shared.
    public private(set) var export: String?
    /// Set once everything on this device is deleted: the app starts over.
    public private(set) var deleted = false
    public private(set) var busy = false
    @ObservationIgnored private let core: CradleCore
    @ObservationIgnored private let watch: Watch

    public init(core: CradleCore) {
        self.core = core
        watch = Watch(core: core)
    }

    public func start() {
        watch.start { [weak self] in self?.refresh() }
    }

    public func stop() async {
        await watch.stop()
    }

    public func refresh() {
        screen = .attempt { try core.settingsScreen() }
    }

    public func setConsent(_ purpose: Purpose, granted: Bool) {
        act { _ = try core.setConsent(purpose: purpose, granted: granted) }
    }

    public func setLanguage(_ language: Language) {
        act { _ = try core.setLanguage(language: language) }
    }

    /// Quiet hours as `HH:MM` from the time picker; the core checks them.
    public func setQuietHours(start: String, end: String) {
        act {
            var current = try core.reminders().settings()
            current.quietStart = start
            current.quietEnd = end
            try core.reminders().setSettings(settings: current)
        }
    }

    public func syncNow() async {
        await actAsync { _ = try await core.sync().syncNow() }
    }

    public func signOutEverywhere() async {
        await actAsync { try await core.sync().signOutEverywhere() }
    }

    public func exportData() {
        do {
            export = try core.exportAllData()
            problem = nil
        } catch {
            problem = Problem(error)
        }
    }

    /// The share sheet closed: the export is not kept in memory.
    public func exportShared() { export = nil }

    public func deleteEverything() {
        act { try core.deleteAllData() }
        if problem == nil { deleted = true }
    }

    private func act(_ call: () throws -> Void) {
        do {
            try call()
            problem = nil
        } catch {
            problem = Problem(error)
        }
        refresh()
    }

    private func actAsync(_ call: () async throws -> Void) async {
        busy = true
        defer { busy = false }
        do {
            try await call()
            problem = nil
        } catch {
            problem = Problem(error)
        }
        refresh()
    }
}
