// IsInvisible(), LatinBaseLetter() and LatinLookAlike() over ICU (uchar, unorm2, uscript, uspoof); look-alikes are cached per thread.
#include "screen/unicode_fold.hpp"

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>
#include <unicode/utf16.h>

#include <memory>
#include <unordered_map>

namespace sancheck::screen {
namespace {

struct SpoofCloser {
  void operator()(USpoofChecker* sc) const { uspoof_close(sc); }
};

// One checker for the process: getSkeleton only reads it, which ICU allows from many threads.
const USpoofChecker* Checker() {
  static const std::unique_ptr<USpoofChecker, SpoofCloser> checker = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<USpoofChecker, SpoofCloser> sc(uspoof_open(&status));
    return U_SUCCESS(status) ? std::move(sc) : nullptr;
  }();
  return checker.get();
}

std::string ComputeLookAlike(char32_t cp) {
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(static_cast<UChar32>(cp), &status);
  if (U_FAILURE(status) || script == USCRIPT_LATIN || script == USCRIPT_COMMON || script == USCRIPT_INHERITED) {
    return {};
  }
  const USpoofChecker* sc = Checker();
  if (!sc) return {};
  UChar in[2];
  int32_t len = 0;
  UBool error = false;
  U16_APPEND(in, len, 2, static_cast<UChar32>(cp), error);
  if (error) return {};
  UChar skeleton[16];
  const int32_t n = uspoof_getSkeleton(sc, 0, in, len, skeleton, 16, &status);
  if (U_FAILURE(status) || n <= 0) return {};
  std::string latin;
  for (int32_t i = 0; i < n; ++i) {
    const UChar c = skeleton[i];
    if (c >= 'a' && c <= 'z') {
      latin += static_cast<char>(c);
    } else if (c >= 'A' && c <= 'Z') {
      latin += static_cast<char>(c - 'A' + 'a');
    } else {
      return {};  // not all Latin letters (a digit, a symbol, the letter itself)
    }
  }
  return latin;
}

}  // namespace

std::string LatinBaseLetter(char32_t cp) {
  // Latin Extended-B and Latin Extended Additional: no other block holds a letter the fixed
  // tables leave, and a name in another script (Hangul, Cyrillic, Han) asks ICU nothing.
  if (!((cp >= 0x180 && cp <= 0x24F) || (cp >= 0x1E00 && cp <= 0x1EFF))) return {};
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(static_cast<UChar32>(cp), &status);
  if (U_FAILURE(status) || script != USCRIPT_LATIN) return {};
  const UNormalizer2* nfd = unorm2_getNFDInstance(&status);
  if (U_FAILURE(status)) return {};
  UChar parts[8];
  const int32_t n = unorm2_getDecomposition(nfd, static_cast<UChar32>(cp), parts, 8, &status);
  if (U_FAILURE(status) || n < 2) return {};
  UChar base = parts[0];
  if (base >= 'A' && base <= 'Z') base = static_cast<UChar>(base - 'A' + 'a');
  if (base < 'a' || base > 'z') return {};
  // A base letter and marks only: the marks are what a clerk's keyboard leaves out.
  for (int32_t i = 1; i < n; ++i) {
    if (u_getCombiningClass(parts[i]) == 0 && !(parts[i] >= 0x300 && parts[i] <= 0x36F)) return {};
  }
  return std::string(1, static_cast<char>(base));
}

bool IsInvisible(char32_t cp) {
  const auto c = static_cast<UChar32>(cp);
  return u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT) || u_hasBinaryProperty(c, UCHAR_BIDI_CONTROL);
}

std::string LatinLookAlike(char32_t cp) {
  thread_local std::unordered_map<char32_t, std::string> cache;
  auto it = cache.find(cp);
  if (it == cache.end()) it = cache.emplace(cp, ComputeLookAlike(cp)).first;
  return it->second;
}

}  // namespace sancheck::screen
