//! Compiles SQLCipher with `SQLCIPHER_CRYPTO_LIBTOMCRYPT` and the part of
//! LibTomCrypt it uses into `libsqlcipher.a`, and puts it on the link path
//! for the `-l sqlcipher` that `libsqlite3-sys` emits.

/// SQLite options: the ones `libsqlite3-sys` uses for its bundled builds
/// less what `LIBSQLITE3_FLAGS` (.cargo/config.toml) takes out, so rusqlite
/// sees the same SQLite either way (FTS5 for the shop search, JSON, foreign
/// keys on by default).
const SQLITE: &[&str] = &[
    "SQLITE_CORE",
    "SQLITE_DEFAULT_FOREIGN_KEYS=1",
    "SQLITE_ENABLE_API_ARMOR",
    "SQLITE_ENABLE_FTS5",
    "SQLITE_ENABLE_JSON1",
    "SQLITE_ENABLE_STAT4",
    "SQLITE_THREADSAFE=1",
    "SQLITE_USE_URI",
    "SQLITE_OMIT_LOAD_EXTENSION",
    "SQLITE_OMIT_DEPRECATED",
    "HAVE_USLEEP=1",
    "HAVE_ISNAN",
    "HAVE_LOCALTIME_R",
    "HAVE_STDINT_H=1",
    // SQLCipher's own requirements. Temporary tables and indices always in
    // memory (3, not SQLCipher's minimum 2): nothing plain on disk, and
    // Android has no temp directory SQLite could find anyway.
    "SQLITE_HAS_CODEC",
    "SQLITE_TEMP_STORE=3",
    "SQLITE_EXTRA_INIT=sqlcipher_extra_init",
    "SQLITE_EXTRA_SHUTDOWN=sqlcipher_extra_shutdown",
    "SQLCIPHER_CRYPTO_LIBTOMCRYPT",
];

/// LibTomCrypt: nothing but what SQLCipher's provider registers and calls.
/// AES-256-CBC pages, HMAC over SHA-1/256/512, PBKDF2 (SQLCipher derives
/// the HMAC key with it even from a raw key), and Fortuna seeded from
/// /dev/urandom. A bad argument returns an error instead of aborting.
const LIBTOMCRYPT: &[&str] = &[
    "LTC_SOURCE",
    "LTC_NOTHING",
    "LTC_RIJNDAEL",
    "LTC_CBC_MODE",
    "LTC_SHA1",
    "LTC_SHA256",
    "LTC_SHA512",
    "LTC_HASH_HELPERS",
    "LTC_HMAC",
    "LTC_PKCS_5",
    "LTC_FORTUNA",
    "LTC_DEVRANDOM",
    "LTC_TRY_URANDOM_FIRST",
    "LTC_RNG_GET_BYTES",
    "LTC_NO_TEST",
    "LTC_CLEAN_STACK",
    "ARGTYPE=4",
];

fn build(dir: &std::path::Path, flags: &[&str]) -> cc::Build {
    let mut build = cc::Build::new();
    build
        .include(dir)
        .include(dir.join(sqlcipher_src::LIBTOMCRYPT_INCLUDE_DIR))
        .warnings(false)
        // Only the search path below: libsqlite3-sys emits the `-l sqlcipher`.
        .cargo_metadata(false);
    for flag in flags {
        match flag.split_once('=') {
            Some((name, value)) => build.define(name, value),
            None => build.define(flag, None),
        };
    }
    build
}

fn main() {
    let dir = sqlcipher_src::source_dir();
    // The ciphers at full speed (software AES is the cost of this
    // provider); SQLite itself at the profile's size-first level.
    let crypto = build(dir, LIBTOMCRYPT)
        .files(
            sqlcipher_src::LIBTOMCRYPT_SOURCES
                .iter()
                .map(|f| dir.join(f)),
        )
        .opt_level(3)
        .compile_intermediates();
    let flags: Vec<&str> = SQLITE.iter().chain(LIBTOMCRYPT).copied().collect();
    build(dir, &flags)
        .file(dir.join(sqlcipher_src::SOURCE_FILE))
        .objects(crypto)
        .compile("sqlcipher");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo:rustc-link-search=native={out}");
    println!("cargo:rerun-if-changed=build.rs");
}
