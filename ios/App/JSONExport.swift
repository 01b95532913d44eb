#if canImport(SwiftUI)
import SwiftUI
import UniformTypeIdentifiers

extension View {
    /// Saves `json` (her data export, the FHIR bundle) where she chooses while
    /// it is set; `done` clears it. Nothing is left in the app's caches.
    func jsonExporter(_ json: String?, name: String, done: @escaping () -> Void) -> some View {
        fileExporter(
            isPresented: Binding(get: { json != nil }, set: { if !$0 { done() } }),
            document: json.map(JSONExport.init),
            contentType: .json,
            defaultFilename: name
        ) { _ in done() }
    }
}

private struct JSONExport: FileDocument {
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
