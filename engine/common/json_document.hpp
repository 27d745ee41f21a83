// JsonDocument(): how every command writes a JSON document — two-space indent, one final newline.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace sancheck {

/// `j` (a json or an ordered_json, whose members keep their order) indented by two spaces and
/// ended by a newline. Text that is not UTF-8 (a file name, say) is written with U+FFFD in its
/// place rather than failing the whole document.
template <class Json>
std::string JsonDocument(const Json& j) {
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace sancheck
