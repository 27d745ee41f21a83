// OpenSSL's SHA-256, fetched once per process; the command line starts OpenSSL lean.
#include "common/sha256.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace sancheck {

const EVP_MD* Sha256Digest() {
  // Kept for the process: a fetched digest is released by EVP_MD_free, never needed here.
  static const EVP_MD* const md = [] {
    const EVP_MD* fetched = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return fetched ? fetched : EVP_sha256();
  }();
  return md;
}

void StartOpenSslForDigestsOnly() {
  OPENSSL_init_crypto(OPENSSL_INIT_NO_LOAD_CONFIG | OPENSSL_INIT_NO_LOAD_CRYPTO_STRINGS |
                          OPENSSL_INIT_NO_ADD_ALL_CIPHERS | OPENSSL_INIT_NO_ADD_ALL_DIGESTS,
                      nullptr);
}

}  // namespace sancheck
