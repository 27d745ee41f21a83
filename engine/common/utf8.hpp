// UTF-8 decoding shared by validators and escapers: one code point at a time, strictly.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace sancheck {

/// The length of the UTF-8 sequence at s[i] (1 to 4) with its code point in
/// `cp`, or 0 when the bytes there are not UTF-8 (a stray continuation byte, a
/// cut sequence, an overlong form, a surrogate, past U+10FFFF).
size_t DecodeUtf8(std::string_view s, size_t i, uint32_t& cp);

/// Whether all of `s` is UTF-8.
bool ValidUtf8(std::string_view s);

}  // namespace sancheck
