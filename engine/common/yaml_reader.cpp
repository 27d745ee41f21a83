// YamlReader: strict, positioned access to YAML nodes (yaml-cpp's or compact ones) for every loader.
#include "common/yaml_reader.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>

#include <yaml-cpp/depthguard.h>

#include "common/source_text.hpp"
#include "common/yaml_guard.hpp"

namespace sancheck {
namespace {

// The reading functions, written once for both node types (YAML::Node and CompactNode).

template <typename Node>
std::string DescribeNode(const Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Scalar: {
      std::string s(n.Scalar());
      if (s.size() > 40) s = s.substr(0, 37) + "...";
      return "'" + s + "'";
    }
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Map: return "a map";
    case YAML::NodeType::Null: return "nothing";
    default: return "an undefined value";
  }
}

template <typename Node>
bool CheckMapOf(YamlReader& r, const Node& n, std::string_view what, std::span<const std::string_view> allowed,
                std::span<const std::string> reported = {}) {
  if (!n.IsMap()) {
    r.Error(n, "wrong_type", std::string(what) + " must be a map, found " + Describe(n));
    return false;
  }
  // Duplicate keys never get here: LoadAll rejects them in every mapping.
  for (auto it = n.begin(); it != n.end(); ++it) {
    const Node key = it->first;  // a copy: it->first is a temporary
    if (!key.IsScalar()) {
      r.Error(key, "wrong_type", "keys of " + std::string(what) + " must be plain names");
      continue;
    }
    const std::string_view k = key.Scalar();
    bool ok = false;
    for (auto a : allowed) ok = ok || a == k;
    for (const std::string& a : reported) ok = ok || a == k;  // said already, with a hint
    if (!ok) {
      std::string list;
      for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      // Worded as every "unknown ..." message: "; expected one of: " and the allowed names.
      r.Error(key, "unknown_key", "unknown key '" + std::string(k) + "' in " + std::string(what) +
                                      "; expected one of: " + list);
    }
  }
  return true;
}

template <typename Node>
bool RequireOf(YamlReader& r, const Node& n, std::string_view what, std::initializer_list<std::string_view> required) {
  bool ok = true;
  for (auto req : required) {
    if (!n[std::string(req)]) {
      r.Error(n, "missing_key", std::string(what) + " needs '" + std::string(req) + "'");
      ok = false;
    }
  }
  return ok;
}

template <typename Node>
std::optional<std::string> StringOf(YamlReader& r, const Node& n, std::string_view what) {
  if (!n.IsScalar()) {
    r.Error(n, "wrong_type", std::string(what) + " must be text, found " + Describe(n));
    return std::nullopt;
  }
  return std::string(n.Scalar());
}

template <typename Node>
std::optional<std::string> ProseOf(YamlReader& r, const Node& n, std::string_view what) {
  auto s = r.String(n, what);
  if (s) {
    while (!s->empty() && (s->back() == '\n' || s->back() == ' ' || s->back() == '\t' || s->back() == '\r')) {
      s->pop_back();
    }
  }
  return s;
}

template <typename Node>
std::optional<double> NumberOf(YamlReader& r, const Node& n, std::string_view what, bool allow_negative) {
  if (!n.IsScalar()) {
    r.Error(n, "wrong_type", std::string(what) + " must be a number, found " + Describe(n));
    return std::nullopt;
  }
  // Allow digit grouping with '_' as YAML 1.1 does (1_000_000).
  std::string digits;
  for (char c : n.Scalar()) {
    if (c != '_') digits += c;
  }
  // from_chars reads the C locale's notation whatever the process locale ("1.5", never "1,5"),
  // and no hex; a leading '+' is YAML's, not from_chars'.
  const size_t skip = !digits.empty() && digits[0] == '+' ? 1 : 0;
  double v = 0;
  const auto res = std::from_chars(digits.data() + skip, digits.data() + digits.size(), v);
  if (digits.size() == skip || res.ec != std::errc() || res.ptr != digits.data() + digits.size() || !std::isfinite(v)) {
    r.Error(n, "wrong_type", std::string(what) + " must be a number, found " + Describe(n));
    return std::nullopt;
  }
  if (!allow_negative && v < 0) {
    r.Error(n, "bad_value", std::string(what) + " must not be negative, found " + Describe(n));
    return std::nullopt;
  }
  return v;
}

template <typename Node>
std::optional<Date> DateOf(YamlReader& r, const Node& n, std::string_view what) {
  if (!n.IsScalar()) {
    r.Error(n, "wrong_type", std::string(what) + " must be a date (YYYY-MM-DD), found " + Describe(n));
    return std::nullopt;
  }
  auto d = Date::Parse(n.Scalar());
  if (!d) {
    r.Error(n, "bad_date", "bad date " + Describe(n) + " in " + std::string(what) +
                               " (expected " + Date::kRule + ")");
  }
  return d;
}

template <typename Node>
std::optional<Country> CountryOf(YamlReader& r, const Node& n, std::string_view what) {
  if (!n.IsScalar()) {
    r.Error(n, "wrong_type", std::string(what) + " must be a country code, found " + Describe(n));
    return std::nullopt;
  }
  auto c = Country::Parse(n.Scalar());
  if (!c) {
    r.Error(n, "bad_country", "unknown country code " + Describe(n) + " in " + std::string(what) +
                                  " (expected ISO 3166-1 alpha-2 in capitals, e.g. KP, RU)");
  }
  return c;
}

template <typename Node>
std::optional<std::vector<std::string>> StringListOf(YamlReader& r, const Node& n, std::string_view what) {
  if (!n.IsSequence()) {
    r.Error(n, "wrong_type", std::string(what) + " must be a list, found " + Describe(n));
    return std::nullopt;
  }
  std::vector<std::string> out;
  bool ok = true;
  for (const auto& e : n) {
    if (auto s = r.String(e, std::string(what) + " entries")) {
      out.push_back(*s);
    } else {
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return out;
}

template <typename Node>
std::optional<bool> BoolOf(YamlReader& r, const Node& n, std::string_view what) {
  // A quoted "true" is a string (its tag is "!"), as the schemas say: a boolean is written bare.
  if (n.IsScalar() && n.Tag() != "!" && (n.Scalar() == "true" || n.Scalar() == "false")) return n.Scalar() == "true";
  r.Error(n, "wrong_type", std::string(what) + " must be true or false, found " + Describe(n));
  return std::nullopt;
}

}  // namespace

SourcePos YamlReader::Pos(const YAML::Mark& m) const {
  // yaml-cpp marks are 0-based; a null mark (-1) means "unknown".
  return SourcePos{file_, m.line >= 0 ? m.line + 1 : 0, m.column >= 0 ? m.column + 1 : 0};
}

void YamlReader::Error(const YAML::Mark& m, std::string_view code, std::string message) {
  diags_.Error(Pos(m), prefix_ + std::string(code), std::move(message));
}

// Each pair below: the yaml-cpp node and the compact one, through one implementation.

SourcePos YamlReader::Pos(const YAML::Node& n) const { return Pos(n.Mark()); }
SourcePos YamlReader::Pos(const CompactNode& n) const { return Pos(n.Mark()); }

void YamlReader::Error(const YAML::Node& n, std::string_view code, std::string message) {
  Error(n.Mark(), code, std::move(message));
}
void YamlReader::Error(const CompactNode& n, std::string_view code, std::string message) {
  Error(n.Mark(), code, std::move(message));
}

void YamlReader::Warning(const YAML::Node& n, std::string_view code, std::string message) {
  diags_.Warning(Pos(n), prefix_ + std::string(code), std::move(message));
}
void YamlReader::Warning(const CompactNode& n, std::string_view code, std::string message) {
  diags_.Warning(Pos(n), prefix_ + std::string(code), std::move(message));
}

std::string Describe(const YAML::Node& n) { return DescribeNode(n); }
std::string Describe(const CompactNode& n) { return DescribeNode(n); }

bool YamlReader::CheckMap(const YAML::Node& n, std::string_view what, std::initializer_list<std::string_view> allowed) {
  return CheckMapOf(*this, n, what, std::span<const std::string_view>(allowed.begin(), allowed.size()));
}
bool YamlReader::CheckMap(const CompactNode& n, std::string_view what, std::initializer_list<std::string_view> allowed) {
  return CheckMapOf(*this, n, what, std::span<const std::string_view>(allowed.begin(), allowed.size()));
}
bool YamlReader::CheckMap(const YAML::Node& n, std::string_view what, std::span<const std::string_view> allowed) {
  return CheckMapOf(*this, n, what, allowed);
}
bool YamlReader::CheckMap(const CompactNode& n, std::string_view what, std::span<const std::string_view> allowed) {
  return CheckMapOf(*this, n, what, allowed);
}
bool YamlReader::CheckMap(const YAML::Node& n, std::string_view what, std::span<const std::string_view> allowed,
                          std::span<const std::string> reported) {
  return CheckMapOf(*this, n, what, allowed, reported);
}
bool YamlReader::CheckMap(const CompactNode& n, std::string_view what, std::span<const std::string_view> allowed,
                          std::span<const std::string> reported) {
  return CheckMapOf(*this, n, what, allowed, reported);
}

bool YamlReader::Require(const YAML::Node& n, std::string_view what, std::initializer_list<std::string_view> required) {
  return RequireOf(*this, n, what, required);
}
bool YamlReader::Require(const CompactNode& n, std::string_view what, std::initializer_list<std::string_view> required) {
  return RequireOf(*this, n, what, required);
}

std::optional<std::string> YamlReader::String(const YAML::Node& n, std::string_view what) { return StringOf(*this, n, what); }
std::optional<std::string> YamlReader::String(const CompactNode& n, std::string_view what) { return StringOf(*this, n, what); }

std::optional<std::string> YamlReader::Prose(const YAML::Node& n, std::string_view what) { return ProseOf(*this, n, what); }
std::optional<std::string> YamlReader::Prose(const CompactNode& n, std::string_view what) { return ProseOf(*this, n, what); }

std::optional<double> YamlReader::Number(const YAML::Node& n, std::string_view what, bool allow_negative) {
  return NumberOf(*this, n, what, allow_negative);
}
std::optional<double> YamlReader::Number(const CompactNode& n, std::string_view what, bool allow_negative) {
  return NumberOf(*this, n, what, allow_negative);
}

std::optional<Date> YamlReader::DateValue(const YAML::Node& n, std::string_view what) { return DateOf(*this, n, what); }
std::optional<Date> YamlReader::DateValue(const CompactNode& n, std::string_view what) { return DateOf(*this, n, what); }

std::optional<Country> YamlReader::CountryValue(const YAML::Node& n, std::string_view what) {
  return CountryOf(*this, n, what);
}
std::optional<Country> YamlReader::CountryValue(const CompactNode& n, std::string_view what) {
  return CountryOf(*this, n, what);
}

std::optional<std::vector<std::string>> YamlReader::StringList(const YAML::Node& n, std::string_view what) {
  return StringListOf(*this, n, what);
}
std::optional<std::vector<std::string>> YamlReader::StringList(const CompactNode& n, std::string_view what) {
  return StringListOf(*this, n, what);
}

std::optional<bool> YamlReader::Bool(const YAML::Node& n, std::string_view what) { return BoolOf(*this, n, what); }
std::optional<bool> YamlReader::Bool(const CompactNode& n, std::string_view what) { return BoolOf(*this, n, what); }

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

std::optional<CompactYaml> YamlReader::LoadCompact() {
  if (!CheckSourceText(file_, diags_, prefix_)) return std::nullopt;
  // The guard's checks run while the tree is built: the same first problem as LoadAll's
  // pass would report, and syntax errors are the parser's, as in LoadAll.
  CompactYaml tree;
  const YamlGuardError error = BuildCompactYaml(file_->text, tree);
  if (!error.code.empty()) {
    Error(error.mark, error.code, error.message);
    return std::nullopt;
  }
  return tree;
}

}  // namespace sancheck
