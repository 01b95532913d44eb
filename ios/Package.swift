// swift-tools-version:5.9
// Cradle for Apple platforms (and the XCTest suite on Linux).
//
// scripts/bindings.sh generates Sources/Cradle/Generated/Cradle.swift and the
// C module (header + modulemap) from the built cradle-ffi library. On Apple
// platforms the C module and the static library come from the XCFramework
// built by scripts/build-xcframework.sh.
import PackageDescription

#if os(Linux)
let ffiTarget: Target = .systemLibrary(name: "CradleFFI", path: "Sources/CradleFFI")
let linkFFI: [LinkerSetting] = [.linkedLibrary("cradle_ffi")]
// See Sources/ObservationShim/shim.cpp: a Debian swiftlang packaging gap.
let platformTargets: [Target] = [.target(name: "ObservationShim", path: "Sources/ObservationShim")]
let platformDependencies: [Target.Dependency] = ["ObservationShim"]
#else
let ffiTarget: Target = .binaryTarget(name: "CradleFFI", path: "build/CradleFFI.xcframework")
// The static library uses CommonCrypto (Security) and the system proxy settings.
let linkFFI: [LinkerSetting] = [.linkedFramework("Security"), .linkedFramework("SystemConfiguration")]
let platformTargets: [Target] = []
let platformDependencies: [Target.Dependency] = []
#endif

// The library and its tests only. The iPhone app (App/) is the XcodeGen
// target in project.yml: it uses UIKit-only SwiftUI (keyboardType) and
// BGTaskScheduler, so `swift test` on a Mac must not build it.
let products: [Product] = [.library(name: "Cradle", targets: ["Cradle"])]
let targets: [Target] = platformTargets + [
    ffiTarget,
    .target(
        name: "Cradle",
        dependencies: ["CradleFFI"] + platformDependencies,
        path: "Sources/Cradle",
        linkerSettings: linkFFI
    ),
    .testTarget(name: "CradleTests", dependencies: ["Cradle"], path: "Tests/CradleTests"),
]

// iOS 17 is the floor because the view models are @Observable.
let package = Package(
    name: "Cradle",
    platforms: [.iOS(.v17), .macOS(.v14)],
    products: products,
    targets: targets
)
