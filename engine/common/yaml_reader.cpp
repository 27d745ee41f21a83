// YamlReader: strict, positioned access to yaml-cpp nodes for every loader.
#include "common/yaml_reader.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>

#include <yaml-cpp/depthguard.h>

#include "common/source_text.hpp"
#include "common/yaml_guard.hpp"

namespace sancheck {

SourcePos YamlReader::Pos(const YAML::Mark& m) const {
  // yaml-cpp marks are 0-based; a null mark (-1) means "unknown".
  return SourcePos{file_, m.line >= 0 ? m.line + 1 : 0, m.column >= 0 ? m.column + 1 : 0};
}

SourcePos YamlReader::Pos(const YAML::Node& n) const { return Pos(n.Mark()); }

void YamlReader::Error(const YAML::Node& n, std::string_view code, std::string message) {
  Error(n.Mark(), code, std::move(message));
}

void YamlReader::Error(const YAML::Mark& m, std::string_view code, std::string message) {
  diags_.Error(Pos(m), prefix_ + std::string(code), std::move(message));
}

void YamlReader::Warning(const YAML::Node& n, std::string_view code, std::string message) {
  diags_.Warning(Pos(n), prefix_ + std::string(code), std::move(message));
}

std::string Describe(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Scalar: {
      std::string s = n.Scalar();
      if (s.size() > 40) s = s.substr(0, 37) + "...";
      return "'" + s + "'";
    }
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Map: return "a map";
    case YAML::NodeType::Null: return "nothing";
    default: return "an undefined value";
  }
}

bool YamlReader::CheckMap(const YAML::Node& n, std::string_view what,
                          std::initializer_list<std::string_view> allowed) {
  return CheckMap(n, what, std::span<const std::string_view>(allowed.begin(), allowed.size()));
}

bool YamlReader::CheckMap(const YAML::Node& n, std::string_view what,
                          std::span<const std::string_view> allowed) {
  if (!n.IsMap()) {
    Error(n, "wrong_type", std::string(what) + " must be a map, found " + Describe(n));
    return false;
  }
  // Duplicate keys never get here: LoadAll rejects them in every mapping.
  for (auto it = n.begin(); it != n.end(); ++it) {
    const YAML::Node key = it->first;  // a copy: it->first is a temporary
    if (!key.IsScalar()) {
      Error(key, "wrong_type", "keys of " + std::string(what) + " must be plain names");
      continue;
    }
    const std::string k = key.Scalar();
    bool ok = false;
    for (auto a : allowed) ok = ok || a == k;
    if (!ok) {
      std::string list;
      for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      Error(key, "unknown_key", "unknown key '" + k + "' in " + std::string(what) +
                                    " (expected one of: " + list + ")");
    }
  }
  return true;
}

bool YamlReader::Require(const YAML::Node& n, std::string_view what,
                         std::initializer_list<std::string_view> required) {
  bool ok = true;
  for (auto r : required) {
    if (!n[std::string(r)]) {
      Error(n, "missing_key", std::string(what) + " needs '" + std::string(r) + "'");
      ok = false;
    }
  }
  return ok;
}

std::optional<std::string> YamlReader::String(const YAML::Node& n, std::string_view what) {
  if (!n.IsScalar()) {
    Error(n, "wrong_type", std::string(what) + " must be text, found " + Describe(n));
    return std::nullopt;
  }
  return n.Scalar();
}

std::optional<std::string> YamlReader::Prose(const YAML::Node& n, std::string_view what) {
  auto s = String(n, what);
  if (s) {
    while (!s->empty() && (s->back() == '\n' || s->back() == ' ' || s->back() == '\t' || s->back() == '\r')) {
      s->pop_back();
    }
  }
  return s;
}

std::optional<double> YamlReader::Number(const YAML::Node& n, std::string_view what,
                                         bool allow_negative) {
  if (!n.IsScalar()) {
    Error(n, "wrong_type", std::string(what) + " must be a number, found " + Describe(n));
    return std::nullopt;
  }
  std::string s = n.Scalar();
  // Allow digit grouping with '_' as YAML 1.1 does (1_000_000).
  std::string digits;
  for (char c : s) {
    if (c != '_') digits += c;
  }
  // from_chars reads the C locale's notation whatever the process locale ("1.5", never "1,5"),
  // and no hex; a leading '+' is YAML's, not from_chars'.
  const size_t skip = !digits.empty() && digits[0] == '+' ? 1 : 0;
  double v = 0;
  const auto r = std::from_chars(digits.data() + skip, digits.data() + digits.size(), v);
  if (digits.size() == skip || r.ec != std::errc() || r.ptr != digits.data() + digits.size() || !std::isfinite(v)) {
    Error(n, "wrong_type", std::string(what) + " must be a number, found " + Describe(n));
    return std::nullopt;
  }
  if (!allow_negative && v < 0) {
    Error(n, "bad_value", std::string(what) + " must not be negative, found " + Describe(n));
    return std::nullopt;
  }
  return v;
}

std::optional<Date> YamlReader::DateValue(const YAML::Node& n, std::string_view what) {
  if (!n.IsScalar()) {
    Error(n, "wrong_type", std::string(what) + " must be a date (YYYY-MM-DD), found " + Describe(n));
    return std::nullopt;
  }
  auto d = Date::Parse(n.Scalar());
  if (!d) {
    Error(n, "bad_date", "bad date " + Describe(n) + " in " + std::string(what) +
                             " (expected a real calendar date, YYYY-MM-DD)");
  }
  return d;
}

std::optional<Country> YamlReader::CountryValue(const YAML::Node& n, std::string_view what) {
  if (!n.IsScalar()) {
    Error(n, "wrong_type", std::string(what) + " must be a country code, found " + Describe(n));
    return std::nullopt;
  }
  auto c = Country::Parse(n.Scalar());
  if (!c) {
    Error(n, "bad_country", "unknown country code " + Describe(n) + " in " + std::string(what) +
                                " (expected ISO 3166-1 alpha-2 in capitals, e.g. KP, RU)");
  }
  return c;
}

std::optional<std::vector<std::string>> YamlReader::StringList(const YAML::Node& n,
                                                                std::string_view what) {
  if (!n.IsSequence()) {
    Error(n, "wrong_type", std::string(what) + " must be a list, found " + Describe(n));
    return std::nullopt;
  }
  std::vector<std::string> out;
  bool ok = true;
  for (const auto& e : n) {
    if (auto s = String(e, std::string(what) + " entries")) {
      out.push_back(*s);
    } else {
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<bool> YamlReader::Bool(const YAML::Node& n, std::string_view what) {
  if (n.IsScalar() && (n.Scalar() == "true" || n.Scalar() == "false")) return n.Scalar() == "true";
  Error(n, "wrong_type", std::string(what) + " must be true or false, found " + Describe(n));
  return std::nullopt;
}

std::optional<std::vector<YAML::Node>> YamlReader::LoadAll() {
  // Encoding first, so that a NUL byte or a bad byte is named as such rather
  // than surfacing as a puzzling syntax error further on.
  if (!CheckSourceText(file_, diags_, prefix_)) return std::nullopt;
  // The bounded event pass rejects what YAML::LoadAll would accept silently
  // (duplicate keys) or never return from (yaml-cpp 0.7 on a stray ',').
  const YamlGuardError guard = GuardYaml(file_->text);
  if (!guard.code.empty()) {
    Error(guard.mark, guard.code, guard.message);
    return std::nullopt;
  }
  try {
    return YAML::LoadAll(file_->text);
  } catch (const YAML::DeepRecursion& e) {
    Error(e.mark, "yaml", "invalid YAML: nested too deeply");
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    Error(e.mark, "yaml", "invalid YAML: " + e.msg);
    return std::nullopt;
  }
}

}  // namespace sancheck
