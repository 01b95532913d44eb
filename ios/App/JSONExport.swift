#if canImport(SwiftUI)
import SwiftUI
import UniformTypeIdentifiers

/// A JSON file for `fileExporter` (her data export, the FHIR bundle): written
/// straight where she chooses, never left in the app's caches.
struct JSONExport: FileDocument {
    static let readableContentTypes: [UTType] = [.json]
    let json: String

    init(_ json: String) { self.json = json }

    init(configuration: ReadConfiguration) throws {
        json = String(decoding: configuration.file.regularFileContents ?? Data(), as: UTF8.self)
    }

    func fileWrapper(configuration: WriteConfiguration) throws -> FileWrapper {
        FileWrapper(regularFileWithContents: Data(json.utf8))
    }
}
#endif
