// The Kotlin library over the Rust core: generated UniFFI bindings, the
// native libraries for each ABI, and thin Kotlin conveniences (Flow, suspend).
import org.gradle.internal.os.OperatingSystem

plugins {
    id("com.android.library")
    id("org.jetbrains.kotlin.android")
}

val repoRoot: File = rootDir.parentFile
val generatedKotlin = layout.buildDirectory.dir("generated/uniffi/kotlin")
val jniLibsDir = layout.buildDirectory.dir("generated/jniLibs")

android {
    namespace = "org.cradle.core"
    compileSdk = 35
    defaultConfig {
        minSdk = 26
        consumerProguardFiles("consumer-rules.pro")
    }
    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }
    sourceSets["main"].kotlin.srcDir(generatedKotlin)
    sourceSets["main"].jniLibs.srcDir(jniLibsDir)
}

kotlin { jvmToolchain(17) }

dependencies {
    implementation("net.java.dev.jna:jna:5.18.1@aar")
    implementation("org.jetbrains.kotlinx:kotlinx-coroutines-android:1.10.2")
}

// Release libraries for every ABI a phone or emulator uses (needs cargo-ndk
// and the Rust Android targets; see the README). `-Pcradle.crypto=portable-crypto`
// builds SQLCipher on LibTomCrypt instead of OpenSSL: 3.9 MB smaller per
// ABI, slower to decrypt (docs/benchmarks.md).
val crypto = providers.gradleProperty("cradle.crypto").getOrElse("vendored-crypto")
val cargoNdk by tasks.registering(Exec::class) {
    workingDir = repoRoot
    commandLine(
        "cargo", "ndk",
        "-t", "arm64-v8a", "-t", "armeabi-v7a", "-t", "x86_64",
        "-o", jniLibsDir.get().asFile.path,
        "build", "--release", "-p", "cradle-ffi", "--no-default-features", "--features", crypto,
    )
}

// Bindings come from an unstripped host build: release builds strip the
// metadata uniffi-bindgen reads.
val hostLibrary = if (OperatingSystem.current().isMacOsX) "libcradle_ffi.dylib" else "libcradle_ffi.so"
val generateBindings by tasks.registering(Exec::class) {
    workingDir = repoRoot
    commandLine(
        "sh", "-c",
        "cargo build -p cradle-ffi -p uniffi-bindgen && " +
            "target/debug/uniffi-bindgen generate target/debug/$hostLibrary --language kotlin --no-format " +
            "--config android/cradle/uniffi-android.toml --out-dir '${generatedKotlin.get().asFile.path}'",
    )
}

tasks.named("preBuild") { dependsOn(generateBindings, cargoNdk) }
