// The Android build: open this folder in Android Studio. The `cradle` module
// cross-compiles cradle-ffi with cargo-ndk and generates its Kotlin bindings;
// `app` is the Compose shell. (pom.xml beside this file is the JVM test build.)
pluginManagement {
    repositories {
        google()
        mavenCentral()
        gradlePluginPortal()
    }
}
dependencyResolutionManagement {
    repositoriesMode.set(RepositoriesMode.FAIL_ON_PROJECT_REPOS)
    repositories {
        google()
        mavenCentral()
    }
}
rootProject.name = "Cradle"
include(":app", ":cradle")
