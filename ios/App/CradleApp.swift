#if canImport(SwiftUI)
import Cradle
import Foundation
import SwiftUI

@main
struct CradleApp: App {
    private let core: Result<CradleCore, Error> = Result {
        let dir = try FileManager.default.url(
            for: .applicationSupportDirectory, in: .userDomainMask, appropriateFor: nil, create: true)
        // The device's zone and locale are passed in; the core does the dates.
        return try CradleCore.open(
            path: dir.appendingPathComponent("cradle.db").path,
            key: DatabaseKey.load(),
            deviceTimeZone: TimeZone.current.identifier,
            deviceLocale: Locale.current.identifier(.bcp47))
    }

    var body: some Scene {
        WindowGroup {
            switch core {
            case .success(let core): TodayView(core: core)
            case .failure(let error): Text("Cradle could not open its data: \(error.localizedDescription)")
            }
        }
    }
}

struct TodayView: View {
    let core: CradleCore
    @State private var today: Result<TodayScreen, Error>?

    var body: some View {
        VStack(alignment: .leading, spacing: 12) {
            Text("Today").font(.largeTitle)
            switch today {
            case .success(let screen):
                if let name = screen.profile?.displayName {
                    Text("Hello, \(name)! Today is \(screen.date).")
                } else {
                    Text("Hello! Today is \(screen.date).")
                    Text("Welcome to Cradle. Set up your profile to begin.")
                }
            case .failure(let error):
                Text(error.localizedDescription)
            case nil:
                ProgressView()
            }
        }
        .padding()
        // One FFI call per refresh, again whenever the core reports a change.
        .task {
            today = Result { try core.today() }
            for await _ in core.changes() {
                today = Result { try core.today() }
            }
        }
    }
}
#endif
