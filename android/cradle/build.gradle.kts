// The Kotlin library over the Rust core: generated UniFFI bindings, the
// native libraries for each ABI, and thin Kotlin conveniences (Flow, suspend).
import org.gradle.internal.os.OperatingSystem
import org.jetbrains.kotlin.gradle.dsl.JvmTarget

plugins {
    id("com.android.library")
    id("org.jetbrains.kotlin.android")
}

val repoRoot: File = rootDir.parentFile
val generatedKotlin = layout.buildDirectory.dir("generated/uniffi/kotlin")
val jniLibsDir = layout.buildDirectory.dir("generated/jniLibs")
// Cargo's own target directory, wherever the environment puts it.
val cargoTarget: File = System.getenv("CARGO_TARGET_DIR")?.let(::File) ?: repoRoot.resolve("target")
val rustSources = files(
    listOf("protocol", "store", "client", "features", "core", "bindings").map { repoRoot.resolve(it) },
    repoRoot.resolve("Cargo.toml"),
    repoRoot.resolve("Cargo.lock"),
)

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

kotlin { compilerOptions { jvmTarget.set(JvmTarget.JVM_17) } }

dependencies {
    implementation("net.java.dev.jna:jna:5.18.1@aar")
    implementation("org.jetbrains.kotlinx:kotlinx-coroutines-android:1.10.2")
    // The android = true bindings annotate API levels.
    implementation("androidx.annotation:annotation:1.9.1")
}

// Release libraries for the ABIs the app ships (app's abiFilters), built by
// cargo-ndk with the NDK that Android Studio installed, over an OpenSSL with
// only what SQLCipher calls (scripts/android-native.sh). `-Pcradle.crypto=`
// `vendored-crypto` (the whole OpenSSL) or `portable-crypto` (LibTomCrypt,
// no hardware AES) are the measured alternatives (docs/benchmarks.md).
val crypto = providers.gradleProperty("cradle.crypto").getOrElse("openssl-min")
val cargoNdk by tasks.registering(Exec::class) {
    inputs.files(rustSources, repoRoot.resolve("scripts/openssl-min.sh"), repoRoot.resolve("scripts/android-native.sh"))
    inputs.property("crypto", crypto)
    outputs.dir(jniLibsDir)
    workingDir = repoRoot
    environment("ANDROID_NDK_HOME", android.ndkDirectory.path)
    commandLine("bash", "scripts/android-native.sh", android.ndkDirectory.path, jniLibsDir.get().asFile.path, crypto)
}

// Bindings come from an unstripped host build: release builds strip the
// metadata uniffi-bindgen reads. uniffi-bindgen only warns about a config
// it cannot use, so the task checks that the Android form came out.
val hostLibrary = if (OperatingSystem.current().isMacOsX) "libcradle_ffi.dylib" else "libcradle_ffi.so"
val generateBindings by tasks.registering(Exec::class) {
    inputs.files(rustSources, file("uniffi-android.toml"))
    outputs.dir(generatedKotlin)
    workingDir = repoRoot
    val out = generatedKotlin.get().asFile.path
    commandLine(
        "sh", "-c",
        "cargo build -p cradle-ffi -p uniffi-bindgen && " +
            "'${cargoTarget.path}/debug/uniffi-bindgen' generate '${cargoTarget.path}/debug/$hostLibrary' " +
            "--language kotlin --no-format --config android/cradle/uniffi-android.toml --out-dir '$out' && " +
            "test -z \"$(grep -rl 'interface UniffiCleaner' '$out/uniffi' | xargs grep -L android.system.SystemCleaner)\"",
    )
}

tasks.named("preBuild") { dependsOn(generateBindings, cargoNdk) }
