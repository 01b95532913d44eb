import Foundation
import Observation

/// Signing in on a phone that has none of her data (a new iPhone, or one
/// that could not open the old data): her account, the recovery code she
/// kept, and her "yes" to sync, asked here because nothing leaves the phone
/// without it. One sync then brings back what she synced, her profile
/// included, and the app leaves onboarding by itself.
@MainActor
@Observable
public final class SignInModel {
    public var server = "" { didSet { problem = nil } }
    public var login = "" { didSet { problem = nil } }
    public var password = "" { didSet { problem = nil } }
    public var recoveryCode = "" { didSet { problem = nil } }
    /// Sync's consent, off until she turns it on.
    public var syncConsent = false { didSet { problem = nil } }
    public private(set) var problem: Problem?
    public private(set) var busy = false
    public private(set) var restored = false
    @ObservationIgnored private let core: CradleCore
    @ObservationIgnored private let device: String

    /// `device` is how her account lists this phone.
    public init(core: CradleCore, device: String) {
        self.core = core
        self.device = device
    }

    /// Every field has something in it; the core and the server judge the rest.
    public var canSignIn: Bool {
        !busy && [server, login, password, recoveryCode].allSatisfy { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    /// Signs in and syncs once; a refusal is shown and nothing else changes.
    public func signIn() async {
        guard canSignIn else { return }
        busy = true
        defer { busy = false }
        do {
            if syncConsent { _ = try core.setConsent(purpose: .sync, granted: true) }
            try await core.sync().login(
                serverUrl: server.trimmingCharacters(in: .whitespaces), login: login.trimmingCharacters(in: .whitespaces),
                password: password, device: device, recoveryCode: recoveryCode.trimmingCharacters(in: .whitespaces))
            _ = try await core.sync().syncNow()
            // The password is not kept once it has been used.
            password = ""
            problem = nil
            restored = true
        } catch {
            problem = Problem(error)
        }
    }
}
