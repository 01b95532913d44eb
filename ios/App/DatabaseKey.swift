#if canImport(Security)
import Cradle
import Foundation
import Security

/// The database key: made once by the core, kept in the Keychain, readable
/// after the first unlock and never synced or restored to another device.
enum DatabaseKey {
    private static let account = "cradle-database-key"

    struct KeychainError: Error {
        let status: OSStatus
    }

    static func load() throws -> Data {
        let query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrAccount as String: account,
            kSecReturnData as String: true,
            kSecMatchLimit as String: kSecMatchLimitOne,
        ]
        var item: CFTypeRef?
        let status = SecItemCopyMatching(query as CFDictionary, &item)
        if status == errSecSuccess, let data = item as? Data {
            return data
        }
        guard status == errSecItemNotFound else { throw KeychainError(status: status) }
        let key = try generateDatabaseKey()
        let add: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrAccount as String: account,
            kSecValueData as String: key,
            kSecAttrAccessible as String: kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly,
        ]
        let added = SecItemAdd(add as CFDictionary, nil)
        guard added == errSecSuccess else { throw KeychainError(status: added) }
        return key
    }
}
#endif
