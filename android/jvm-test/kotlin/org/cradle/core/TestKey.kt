package org.cradle.core

/** A fixed database key for tests; the app's comes from the Android Keystore. */
internal val TEST_KEY = ByteArray(32) { 7 }
