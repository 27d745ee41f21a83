// Seal/Unseal: the versioned, checksummed header around a binary payload built into the program.
#include "common/sealed_bytes.hpp"

#include "common/files.hpp"

namespace sancheck {
namespace {

constexpr size_t kMagicBytes = 8;
constexpr size_t kDigestBytes = 64;  // SHA-256, lower-case hex
constexpr size_t kHeaderBytes = kSealHeaderBytes;
static_assert(kHeaderBytes == kMagicBytes + 4 + 8 + kDigestBytes);

}  // namespace

std::string Seal(std::string_view magic, uint32_t version, std::string_view payload) {
  ByteWriter w;
  w.bytes().append(magic.substr(0, kMagicBytes));
  w.bytes().resize(kMagicBytes, '\0');
  w.Put(version);
  w.Put(static_cast<uint64_t>(payload.size()));
  w.bytes() += Sha256Hex(payload);
  w.bytes().append(payload);
  return std::move(w.bytes());
}

std::optional<std::string_view> Unseal(std::string_view bytes, std::string_view magic, uint32_t version,
                                       std::string& error, Integrity integrity) {
  if (bytes.size() < kHeaderBytes) {
    error = "truncated header (" + std::to_string(bytes.size()) + " bytes)";
    return std::nullopt;
  }
  if (bytes.substr(0, magic.size()) != magic) {
    error = "bad magic: not the expected kind of data";
    return std::nullopt;
  }
  ByteReader header(bytes.substr(kMagicBytes, kHeaderBytes - kMagicBytes));
  const auto found = header.Get<uint32_t>("version");
  const auto size = header.Get<uint64_t>("size");
  if (found != version) {
    error = "format version " + std::to_string(found) + ", this program reads version " + std::to_string(version);
    return std::nullopt;
  }
  const std::string_view payload = bytes.substr(kHeaderBytes);
  if (size != payload.size()) {
    error = "the header announces " + std::to_string(size) + " bytes of payload, there are " +
            std::to_string(payload.size()) + " (truncated or extended)";
    return std::nullopt;
  }
  if (integrity == Integrity::kVerify && Sha256Hex(payload) != bytes.substr(kMagicBytes + 12, kDigestBytes)) {
    error = "checksum mismatch: the data is corrupt";
    return std::nullopt;
  }
  return payload;
}

}  // namespace sancheck
