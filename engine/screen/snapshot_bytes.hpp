// The list snapshot's byte layout: its header's size, tables aligned for reading in place, and the bounded reader of its payload.
#pragma once

#include <openssl/evp.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "common/sealed_bytes.hpp"
#include "common/sha256.hpp"
#include "screen/column.hpp"
#include "screen/list_snapshot.hpp"

// Internal to list_snapshot.cpp (and its tests): not part of the library's interface.
namespace sancheck::screen::snapshot_bytes {

constexpr size_t kDigestBytes = 32;
constexpr size_t kHeaderBytes = kSnapshotMagic.size() + 4 + 4 + 8 + kDigestBytes;

// Each table's items start at a multiple of this from the file's start (PutTable).
constexpr size_t kTableAlign = 8;

// A table: its count (64 bits), zero bytes up to a multiple of kTableAlign from the file's start
// (the header's size is one), then its items as they lie in memory.
template <typename T>
void PutTable(ByteWriter& o, std::span<const T> items) {
  static_assert(std::is_trivially_copyable_v<T> && alignof(T) <= kTableAlign);
  o.Put<uint64_t>(items.size());
  o.bytes().append((kTableAlign - o.bytes().size() % kTableAlign) % kTableAlign, '\0');
  o.bytes().append(reinterpret_cast<const char*>(items.data()), items.size() * sizeof(T));
}

struct Failure {
  size_t offset;
  std::string message;
};

// The payload, read from a file or from memory; every read is checked against the bytes the
// header announced. A file is read in blocks, each hashed once as it comes in: a list of a
// million names has millions of small fields, and a stdio call and a digest update per field
// cost more than reading and hashing the whole file. Bytes in memory are hashed in one pass at
// the end, or not at all when the caller vouches for them (Integrity::kTrusted).
class In {
 public:
  static constexpr size_t kBlockBytes = size_t{1} << 20;

  /// `block_bytes`: a file's block (smaller in tests, to cross many).
  In(std::FILE* f, std::string_view mem, size_t offset, uint64_t payload, Integrity check = Integrity::kVerify,
     size_t block_bytes = kBlockBytes)
      : file_(f), mem_(mem), offset_(offset), start_(offset), left_(payload), check_(check),
        ctx_(f ? EVP_MD_CTX_new() : nullptr), unread_(payload) {
    if (ctx_) EVP_DigestInit_ex(ctx_, Sha256Digest(), nullptr);
    if (file_) block_.resize(static_cast<size_t>(std::min<uint64_t>(std::max<size_t>(block_bytes, 1), payload)));
  }
  ~In() {
    if (ctx_) EVP_MD_CTX_free(ctx_);
  }
  In(const In&) = delete;
  In& operator=(const In&) = delete;

  [[noreturn]] void Fail(const std::string& message) const { throw Failure{offset_, message}; }

  void Read(void* dst, size_t n, const char* what) { Take(static_cast<char*>(dst), n, what); }
  /// Passes over `n` bytes, hashed all the same (a file's as they stream by).
  void Skip(size_t n, const char* what) { Take(nullptr, n, what); }
  template <typename T>
  T Get(const char* what) {
    T v{};
    Read(&v, sizeof v, what);
    return v;
  }
  /// A count of items of at least `min_bytes` each: more than the bytes left could hold is
  /// refused before anything is allocated.
  size_t Count(size_t min_bytes, const char* what) {
    const auto n = Get<uint64_t>(what);
    if (min_bytes > 0 && n > left_ / min_bytes) Fail(std::string("bad count of ") + what);
    return static_cast<size_t>(n);
  }
  uint32_t Count32(size_t min_bytes, const char* what) {
    const auto n = Get<uint32_t>(what);
    if (min_bytes > 0 && n > left_ / min_bytes) Fail(std::string("bad count of ") + what);
    return n;
  }
  std::string Str(const char* what) {
    const uint32_t n = Count32(1, what);
    std::string s(n, '\0');
    Read(s.data(), n, what);
    return s;
  }
  /// Passes over a string as Str reads one.
  void SkipStr(const char* what) { Skip(Count32(1, what), what); }
  std::vector<std::string> Strs(const char* what) {
    std::vector<std::string> v(Count32(4, what));
    for (auto& s : v) s = Str(what);
    return v;
  }
  /// A table as PutTable writes it. Trusted bytes in memory (the program's own, which outlive
  /// the index) are viewed in place when aligned for T; any other is copied.
  template <typename T>
  Column<T> Table(const char* what) {
    static_assert(std::is_trivially_copyable_v<T> && alignof(T) <= kTableAlign);
    const size_t n = Count(sizeof(T), what);
    for (size_t pad = (kTableAlign - offset_ % kTableAlign) % kTableAlign; pad > 0; --pad) {
      if (Get<uint8_t>(what) != 0) Fail(std::string("bad padding in ") + what);
    }
    if (n > left_ / sizeof(T)) Fail(std::string("truncated ") + what);
    const char* at = mem_.data() + offset_;
    if (!file_ && check_ == Integrity::kTrusted && reinterpret_cast<uintptr_t>(at) % alignof(T) == 0) {
      // The snapshot's bytes are an array of unsigned char, in which T (trivially copyable,
      // an implicit-lifetime type) may be read in place.
      offset_ += n * sizeof(T);
      left_ -= n * sizeof(T);
      return Column<T>::Borrow(std::span<const T>(reinterpret_cast<const T*>(at), n));
    }
    std::vector<T> v(n);
    Read(v.data(), n * sizeof(T), what);
    return v;
  }
  size_t left() const { return left_; }
  bool trusted() const { return check_ == Integrity::kTrusted; }
  void Finish(const unsigned char* expected) {
    if (check_ == Integrity::kTrusted) return;
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (ctx_) {
      EVP_DigestFinal_ex(ctx_, digest, &len);
    } else {
      EVP_Digest(mem_.data() + start_, offset_ - start_, digest, &len, Sha256Digest(), nullptr);
    }
    if (len != kDigestBytes || std::memcmp(digest, expected, kDigestBytes) != 0) {
      throw Failure{0, "checksum mismatch: the file is corrupt"};
    }
  }

 private:
  // Moves `n` bytes to `dst` (null: drops them). A file's bytes come through the block; a run
  // longer than a block (a table) is read straight into `dst` past what the block holds.
  void Take(char* dst, size_t n, const char* what) {
    if (n > left_) Fail(std::string("truncated ") + what);
    if (n == 0) return;  // an empty array's data() may be null, which memcpy must not see
    if (!file_) {
      if (dst) std::memcpy(dst, mem_.data() + offset_, n);
    } else {
      for (size_t done = 0; done < n;) {
        if (at_ == held_) {
          if (dst && n - done >= block_.size()) {
            if (std::fread(dst + done, 1, n - done, file_) != n - done) Fail(std::string("truncated ") + what);
            if (ctx_) EVP_DigestUpdate(ctx_, dst + done, n - done);
            unread_ -= n - done;
            break;
          }
          Fill(what);
        }
        const size_t part = std::min(n - done, held_ - at_);
        if (dst) std::memcpy(dst + done, block_.data() + at_, part);
        at_ += part;
        done += part;
      }
    }
    offset_ += n;
    left_ -= n;
  }
  // The next block of the payload, as much of it as is left (never past its end).
  void Fill(const char* what) {
    const size_t want = static_cast<size_t>(std::min<uint64_t>(block_.size(), unread_));
    if (want == 0 || std::fread(block_.data(), 1, want, file_) != want) Fail(std::string("truncated ") + what);
    if (ctx_) EVP_DigestUpdate(ctx_, block_.data(), want);
    unread_ -= want;
    at_ = 0;
    held_ = want;
  }

  std::FILE* file_;
  std::vector<char> block_;
  size_t at_ = 0;    ///< the next byte of block_ to take
  size_t held_ = 0;  ///< bytes of the payload in block_
  std::string_view mem_;
  size_t offset_;
  size_t start_;
  uint64_t left_;
  Integrity check_;
  EVP_MD_CTX* ctx_;
  uint64_t unread_;  ///< bytes of the payload not yet read from the file
};

}  // namespace sancheck::screen::snapshot_bytes
