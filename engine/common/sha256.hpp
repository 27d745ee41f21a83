// OpenSSL's SHA-256, fetched once per process with the library started lean.
#pragma once

#include <openssl/types.h>

namespace sancheck {

/// SHA-256 for EVP_Digest and EVP_DigestInit_ex, fetched once. OpenSSL is started without
/// reading the system's openssl.cnf or loading its error strings, which a digest needs neither
/// of: its default start cost ~0.7 ms of every cold `check` (bench/cold_start.sh).
const EVP_MD* Sha256Digest();

}  // namespace sancheck
