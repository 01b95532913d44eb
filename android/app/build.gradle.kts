import org.jetbrains.kotlin.gradle.dsl.JvmTarget

plugins {
    id("com.android.application")
    id("org.jetbrains.kotlin.android")
    id("org.jetbrains.kotlin.plugin.compose")
}

// Versions here are also in android/libraries.lock (scripts/android-lock.py),
// from which the test command compiles this module and runs its tests.
android {
    namespace = "org.cradle.app"
    compileSdk = 35
    defaultConfig {
        applicationId = "org.cradle.app"
        minSdk = 26
        targetSdk = 35
        versionCode = 1
        versionName = "0.1.0"
        // Only the ABIs cradle_ffi is built for: JNA also ships x86, where
        // the app would start and then fail to load the core.
        ndk { abiFilters += listOf("arm64-v8a", "armeabi-v7a", "x86_64") }
    }
    buildTypes {
        release {
            isMinifyEnabled = true
            proguardFiles(getDefaultProguardFile("proguard-android-optimize.txt"))
        }
    }
    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }
    buildFeatures { compose = true }
    // Robolectric reads the merged resources and runs the host-built core;
    // API 35's SystemCleaner (the android = true bindings use it) reaches into the JDK.
    testOptions.unitTests.isIncludeAndroidResources = true
    testOptions.unitTests.all {
        it.jvmArgs("--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED")
        // The host build of cradle_ffi (the cradle module builds it) and the test server.
        val cargoTarget = System.getenv("CARGO_TARGET_DIR") ?: rootDir.resolve("../target").path
        it.systemProperty("jna.library.path", "$cargoTarget/debug")
        it.systemProperty("cradle.server", System.getenv("CRADLE_TEST_SERVER") ?: "")
    }
}

// Bytecode for Java 17, built by whichever JDK runs Gradle (Android Studio's is 21).
kotlin { compilerOptions { jvmTarget.set(JvmTarget.JVM_17) } }

dependencies {
    implementation(project(":cradle"))
    implementation(platform("androidx.compose:compose-bom:2024.12.01"))
    implementation("androidx.compose.material3:material3")
    implementation("androidx.compose.material:material-icons-core")
    implementation("androidx.compose.ui:ui")
    implementation("androidx.activity:activity-compose:1.9.3")
    implementation("androidx.lifecycle:lifecycle-runtime-compose:2.8.7")
    implementation("androidx.core:core-ktx:1.15.0")
    implementation("androidx.work:work-runtime-ktx:2.10.0")

    testImplementation("junit:junit:4.13.2")
    testImplementation("org.robolectric:robolectric:4.14.1")
    testImplementation("androidx.compose.ui:ui-test-junit4")
    testImplementation("net.java.dev.jna:jna:5.18.1")
    debugImplementation("androidx.compose.ui:ui-test-manifest")
}
