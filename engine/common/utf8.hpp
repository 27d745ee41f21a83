// UTF-8 checks shared by every reader: validation with the offset of the first bad byte, and cutting on code-point boundaries.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sancheck {

/// The length (1 to 4) of the well-formed UTF-8 sequence at s[i], or 0 when the bytes there
/// are not UTF-8 (a stray continuation byte, a cut sequence, an overlong form, a surrogate,
/// past U+10FFFF).
size_t Utf8SequenceLength(std::string_view s, size_t i);

/// Offset of the first byte of `s` that does not start or continue a
/// well-formed UTF-8 sequence (overlong forms, surrogates and code points past
/// U+10FFFF included); std::string_view::npos when all of `s` is UTF-8.
size_t FindInvalidUtf8(std::string_view s);

inline bool IsValidUtf8(std::string_view s) { return FindInvalidUtf8(s) == std::string_view::npos; }

/// The longest prefix of `s` of at most `max_bytes` bytes that does not end
/// inside a multi-byte character (so a cut string stays valid UTF-8).
std::string_view Utf8Prefix(std::string_view s, size_t max_bytes);

/// Decodes the character at `i` and advances `i` past it; an ill-formed byte
/// decodes as U+FFFD and advances by one, so hostile input cannot desynchronise a loop.
char32_t DecodeUtf8(std::string_view s, size_t& i);

/// `s` with every ill-formed byte replaced by U+FFFD, for quoting bad input in messages.
std::string Utf8Sanitized(std::string_view s);

/// The columns `s` takes on a terminal, for aligning tables: one per code point, two for
/// East Asian wide and fullwidth ones (Hangul, Han, kana, fullwidth forms, emoji), none for
/// combining marks and zero-width characters. Ill-formed bytes count one each.
size_t DisplayWidth(std::string_view s);

/// The UTF-8 byte order mark, accepted (and skipped) at the start of every text input.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

}  // namespace sancheck
