// Fuzz target for screening normalisation: any bytes fold to bounded tokens that are valid UTF-8, and romanise as ICU reads them.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "common/utf8.hpp"
#include "screen/han_readings.hpp"
#include "screen/normalize.hpp"
#include "screen/transliterate.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sancheck;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const screen::NormalizedName name = screen::NormalizeName(text);
  if (name.tokens.size() > screen::kMaxTokens) std::abort();
  for (const auto& t : name.tokens) {
    // Tokens are shown in a match's reasons and written to JSON: they must be whole characters.
    if (t.raw.size() > screen::kMaxTokenLength || !IsValidUtf8(t.raw) || !IsValidUtf8(t.canon)) std::abort();
  }
  if (IsValidUtf8(text) && !IsValidUtf8(screen::FoldText(text))) std::abort();
  // Romanised keys are bounded; those of valid text are valid text.
  const std::vector<std::string> keys = screen::RomanisedKeys(text);
  if (keys.size() > screen::kMaxRomanisedKeys) std::abort();
  for (const auto& k : keys) {
    if (IsValidUtf8(text) && !IsValidUtf8(k)) std::abort();
  }
  std::string by_table;
  if (screen::ReadHanByBuiltinTable(text, by_table) && by_table != screen::HanLatinByIcu(text)) std::abort();
  return 0;
}
