package org.cradle.app

import android.content.Context
import android.security.keystore.KeyGenParameterSpec
import android.security.keystore.KeyProperties
import android.util.Base64
import java.security.GeneralSecurityException
import java.security.KeyStore
import javax.crypto.Cipher
import javax.crypto.KeyGenerator
import javax.crypto.SecretKey
import javax.crypto.spec.GCMParameterSpec
import uniffi.cradle.generateDatabaseKey

/**
 * The database key: made once by the core, kept only wrapped (AES-GCM) by a
 * key that stays in this phone's Keystore. Backups and device-to-device
 * transfer exclude the database and the wrapped key (res/xml), but a phone
 * maker's own transfer tool may copy them anyway: then the wrapping key is
 * not here, and [get] throws [UnreadableData] instead of crashing.
 */
object DatabaseKey {
    private const val PREFS = "cradle-database-key"
    private const val WRAPPED = "wrapped"

    /** Where the wrapping key lives: the Keystore on a phone, a JCA key in tests. */
    @Volatile var wrapper: KeyWrapper = KeyWrapper(::keystoreKey)

    fun get(context: Context): ByteArray {
        val prefs = context.getSharedPreferences(PREFS, Context.MODE_PRIVATE)
        prefs.getString(WRAPPED, null)?.let { stored ->
            return try {
                wrapper.unwrap(Base64.decode(stored, Base64.NO_WRAP))
            } catch (e: GeneralSecurityException) {
                throw UnreadableData(e)
            } catch (e: IllegalArgumentException) {
                throw UnreadableData(e)
            }
        }
        val key = generateDatabaseKey()
        // commit(), not apply(): the key must be on disk before the database uses it.
        prefs.edit().putString(WRAPPED, Base64.encodeToString(wrapper.wrap(key), Base64.NO_WRAP)).commit()
        return key
    }

    /** Forgets the wrapped key, with the data it opened (see [Core.startFresh]). */
    fun forget(context: Context) {
        context.getSharedPreferences(PREFS, Context.MODE_PRIVATE).edit().clear().commit()
    }

    private const val ALIAS = "cradle-database-key-wrapper"

    /** Non-exportable, made on first use; only a device has it (Robolectric has no AndroidKeyStore). */
    private fun keystoreKey(): SecretKey {
        val store = KeyStore.getInstance("AndroidKeyStore").apply { load(null) }
        (store.getKey(ALIAS, null) as? SecretKey)?.let { return it }
        val generator = KeyGenerator.getInstance(KeyProperties.KEY_ALGORITHM_AES, "AndroidKeyStore")
        generator.init(
            KeyGenParameterSpec.Builder(ALIAS, KeyProperties.PURPOSE_ENCRYPT or KeyProperties.PURPOSE_DECRYPT)
                .setBlockModes(KeyProperties.BLOCK_MODE_GCM)
                .setEncryptionPaddings(KeyProperties.ENCRYPTION_PADDING_NONE)
                .setKeySize(256)
                .build(),
        )
        return generator.generateKey()
    }
}

/** AES-GCM wrapping under a key from [wrappingKey]: the IV, then the sealed key and its tag. */
class KeyWrapper(private val wrappingKey: () -> SecretKey) {
    fun wrap(key: ByteArray): ByteArray {
        val cipher = Cipher.getInstance("AES/GCM/NoPadding").apply { init(Cipher.ENCRYPT_MODE, wrappingKey()) }
        return cipher.iv + cipher.doFinal(key)
    }

    /** Throws a [GeneralSecurityException] (AEADBadTagException) when another key wrapped it. */
    fun unwrap(blob: ByteArray): ByteArray {
        if (blob.size <= IV_BYTES) throw GeneralSecurityException("the wrapped key is too short")
        val cipher = Cipher.getInstance("AES/GCM/NoPadding")
        cipher.init(Cipher.DECRYPT_MODE, wrappingKey(), GCMParameterSpec(TAG_BITS, blob, 0, IV_BYTES))
        return cipher.doFinal(blob, IV_BYTES, blob.size - IV_BYTES)
    }

    private companion object {
        const val IV_BYTES = 12
        const val TAG_BITS = 128
    }
}

/** The data on this phone was locked with a key that is not on this phone. */
class UnreadableData(cause: Throwable) : Exception(cause)
