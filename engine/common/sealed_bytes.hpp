// Sealed byte blobs: little-endian fields written and read back with every length checked, under a versioned, checksummed header.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace sancheck {

// Fields are written as the machine holds them: little-endian only.
static_assert(std::endian::native == std::endian::little);

/// Appends fields to a byte string.
class ByteWriter {
 public:
  template <typename T>
  void Put(T v) {
    static_assert(std::is_arithmetic_v<T>);
    bytes_.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  /// An enumerator as one byte (ByteReader::Enum reads it back).
  template <typename E>
  void Enum(E v) {
    static_assert(std::is_enum_v<E>);
    Put(static_cast<uint8_t>(v));
  }
  void Str(std::string_view s) {
    Put(static_cast<uint32_t>(s.size()));
    bytes_.append(s);
  }
  void Strs(const std::vector<std::string>& v) {
    Put(static_cast<uint32_t>(v.size()));
    for (const auto& s : v) Str(s);
  }
  /// A vector of plain records, as they lie in memory, after its count (64 bits).
  template <typename T>
  void Array(const std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    Put(static_cast<uint64_t>(v.size()));
    bytes_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  std::string& bytes() { return bytes_; }

 private:
  std::string bytes_;
};

/// Thrown by ByteReader when the bytes do not hold what is read.
struct ByteReadError {
  size_t offset;
  std::string message;
};

/// Reads fields from bytes in memory; a read past the end, or a count the bytes left cannot
/// hold, throws ByteReadError before anything is allocated.
class ByteReader {
 public:
  /// `base`: where `bytes` start in the whole, for the offsets errors give.
  explicit ByteReader(std::string_view bytes, size_t base = 0) : bytes_(bytes), base_(base) {}

  [[noreturn]] void Fail(const std::string& message) const { throw ByteReadError{base_ + at_, message}; }

  template <typename T>
  T Get(const char* what) {
    static_assert(std::is_arithmetic_v<T>);
    T v{};
    std::memcpy(&v, Take(sizeof v, what).data(), sizeof v);
    return v;
  }
  /// An enumerator stored as one byte, at most `last`.
  template <typename E>
  E Enum(E last, const char* what) {
    const auto v = Get<uint8_t>(what);
    if (v > static_cast<uint8_t>(last)) Fail(std::string("bad ") + what);
    return static_cast<E>(v);
  }
  /// A count of items of at least `min_bytes` each.
  uint32_t Count(size_t min_bytes, const char* what) {
    const auto n = Get<uint32_t>(what);
    if (min_bytes > 0 && n > left() / min_bytes) Fail(std::string("bad count of ") + what);
    return n;
  }
  /// A string written by ByteWriter::Str, as a view of the bytes.
  std::string_view View(const char* what) {
    const uint32_t n = Count(1, what);
    return Take(n, what);
  }
  std::string Str(const char* what) { return std::string(View(what)); }
  std::vector<std::string> Strs(const char* what) {
    std::vector<std::string> v(Count(4, what));
    for (auto& s : v) s = Str(what);
    return v;
  }
  size_t left() const { return bytes_.size() - at_; }
  /// Where the next read starts, in the whole.
  size_t offset() const { return base_ + at_; }

 private:
  std::string_view Take(size_t n, const char* what) {
    if (n > left()) Fail(std::string("truncated ") + what);
    const std::string_view out = bytes_.substr(at_, n);
    at_ += n;
    return out;
  }

  std::string_view bytes_;
  size_t base_;
  size_t at_ = 0;
};

/// The header's size: `magic` (8 bytes), version, the payload's size and its SHA-256 (hex).
inline constexpr size_t kSealHeaderBytes = 8 + 4 + 8 + 64;

/// `payload` behind a header: `magic` (8 bytes), `version`, the payload's size and its SHA-256.
std::string Seal(std::string_view magic, uint32_t version, std::string_view payload);

/// Whether reading sealed bytes (a pack bundle, a list snapshot) checks their SHA-256.
/// kTrusted is for the program's own built-in data only: those bytes are constants of the
/// executable, read back with their checksum by the build that embedded them, so each start
/// would only hash its own program file again (the package's checksums cover the file).
/// Magic, version, lengths and counts are checked either way. A trusted list snapshot's index
/// is not checked against its entries again (the build read it back verified); its stored
/// lookup tables are checked in bounds of the index.
enum class Integrity { kVerify, kTrusted };

/// The payload of sealed `bytes`, or nullopt with `error` saying why they are not a sound blob
/// of this magic and version (truncated, another version, checksum mismatch).
std::optional<std::string_view> Unseal(std::string_view bytes, std::string_view magic, uint32_t version,
                                       std::string& error, Integrity integrity = Integrity::kVerify);

}  // namespace sancheck
