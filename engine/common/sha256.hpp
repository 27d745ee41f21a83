// OpenSSL's SHA-256, fetched once per process; the command line starts OpenSSL lean.
#pragma once

#include <openssl/types.h>

namespace sancheck {

/// SHA-256 for EVP_Digest and EVP_DigestInit_ex, fetched once per process (an implicit fetch
/// at every digest costs a lookup each time).
const EVP_MD* Sha256Digest();

/// Starts OpenSSL without reading the system's openssl.cnf, loading its error strings or
/// registering every cipher and digest by name: sancheck only hashes, and OpenSSL's default
/// start cost ~0.9 ms of every cold `check` (bench/README.md). For the `sancheck` program only,
/// before anything uses OpenSSL: OpenSSL decides once per process, so a library must not decide
/// for the program that embeds it (its TLS may need openssl.cnf).
void StartOpenSslForDigestsOnly();

}  // namespace sancheck
