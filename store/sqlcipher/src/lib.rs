//! SQLCipher on LibTomCrypt, compiled from source by this crate's build
//! script and linked under the name `libsqlite3-sys` asks for
//! (`sqlcipher`). There is no Rust API here: rusqlite is the API.
//!
//! It backs `cradle-core`'s `portable-crypto` feature. OpenSSL's libcrypto
//! links whole through its provider tables, about 4 MB of a phone library
//! that needs AES-256-CBC, HMAC-SHA512, PBKDF2 and a random source.
//! LibTomCrypt is SQLCipher's own portable provider, and this build
//! compiles only those primitives (see `build.rs`). The cost is speed: no
//! hardware AES, so decrypting a page takes several times longer.
