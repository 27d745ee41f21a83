// LedgerFile: flock-guarded, atomically replaced cap ledger, and its strict positioned JSON reader.
#include "batch/ledger_file.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <set>

#include <nlohmann/json.hpp>

#include "common/files.hpp"
#include "common/scalar_position.hpp"
#include "common/source_text.hpp"
#include "common/utf8.hpp"
#include "common/json_document.hpp"

namespace sancheck::batch {
namespace {

// A recursive-descent reader of exactly the ledger's shape, so every error
// (and every bad value) has a line and column, and duplicate keys are seen.
class LedgerParser {
 public:
  LedgerParser(const std::shared_ptr<const SourceFile>& file, LedgerTotals& totals, Diagnostics& diags,
               const CappedRules* capped)
      : file_(file), text_(file->text), totals_(totals), diags_(diags), capped_(capped) {}

  bool Parse() {
    if (text_.compare(0, kUtf8Bom.size(), kUtf8Bom) == 0) p_ = kUtf8Bom.size();
    bool ok = Object([&](const std::string& key, size_t at) {
      if (key != "caps") return Fail(at, "unknown_key", "unknown key '" + key + "' (a ledger has only \"caps\")");
      seen_caps_ = true;
      return Object([&](const std::string& rule, size_t rule_at) {
        if (capped_ && !capped_->count(rule)) {
          return Fail(rule_at, "unknown_rule", "'" + rule + "' is not a capped rule of the loaded packs (its total would count for nothing)");
        }
        return Object([&](const std::string& period, size_t period_at) { return Amount(rule, period, period_at); });
      });
    });
    if (!ok) return false;
    Space();
    if (p_ < text_.size()) return Fail(p_, "bad_json", "text after the end of the ledger");
    if (!seen_caps_) return Fail(0, "missing_key", "a ledger needs \"caps\" ({\"caps\": {rule: {period: amount}}})");
    return true;
  }

 private:
  bool Fail(size_t at, const std::string& code, std::string message) {
    SourcePos pos{file_, 0, 0};
    LineColumnAt(text_, at, pos.line, pos.column);
    diags_.Error(pos, "ledger." + code, std::move(message));
    return false;
  }

  void Space() {
    while (p_ < text_.size() && (text_[p_] == ' ' || text_[p_] == '\t' || text_[p_] == '\n' || text_[p_] == '\r')) ++p_;
  }

  // {"key": value, ...}; `member(key, key_offset)` reads each value.
  template <typename Member>
  bool Object(Member&& member) {
    Space();
    if (p_ >= text_.size() || text_[p_] != '{') return Fail(p_, "bad_json", "expected '{'");
    ++p_;
    std::set<std::string> keys;
    Space();
    if (p_ < text_.size() && text_[p_] == '}') {
      ++p_;
      return true;
    }
    for (;;) {
      Space();
      const size_t key_at = p_;
      std::string key;
      if (!String(key)) return false;
      if (!keys.insert(key).second) {
        return Fail(key_at, "duplicate_key", "duplicate key '" + key + "' (one of the two totals would be lost)");
      }
      Space();
      if (p_ >= text_.size() || text_[p_] != ':') return Fail(p_, "bad_json", "expected ':' after the key");
      ++p_;
      Space();
      if (!member(key, key_at)) return false;
      Space();
      if (p_ < text_.size() && text_[p_] == ',') {
        ++p_;
        continue;
      }
      if (p_ >= text_.size() || text_[p_] != '}') return Fail(p_, "bad_json", "expected ',' or '}'");
      ++p_;
      return true;
    }
  }

  // A JSON string; escapes other than \" \\ \/ are refused (rule ids and periods never need them).
  bool String(std::string& out) {
    if (p_ >= text_.size() || text_[p_] != '"') return Fail(p_, "bad_json", "expected a string in double quotes");
    ++p_;
    for (;;) {
      if (p_ >= text_.size()) return Fail(p_, "bad_json", "unterminated string");
      const char c = text_[p_];
      if (c == '"') {
        ++p_;
        return true;
      }
      if (static_cast<unsigned char>(c) < 0x20) return Fail(p_, "bad_json", "control character inside a string");
      if (c == '\\') {
        const char e = p_ + 1 < text_.size() ? text_[p_ + 1] : '\0';
        if (e != '"' && e != '\\' && e != '/') return Fail(p_, "bad_json", "unsupported escape in a ledger string");
        out += e;
        p_ += 2;
        continue;
      }
      out += c;
      ++p_;
    }
  }

  bool Amount(const std::string& rule, const std::string& period, size_t period_at) {
    int year = 0;
    if (period != "whole") {
      // The whole string is the year: "2023abc" is not 2023.
      const auto r = std::from_chars(period.data(), period.data() + period.size(), year);
      if (r.ec != std::errc() || r.ptr != period.data() + period.size() || period.size() != 4 || year < 1900) {
        return Fail(period_at, "bad_period", "period '" + period + "' of '" + rule +
                                                 "' is neither a year (1900-9999) nor \"whole\"");
      }
    }
    if (capped_) {
      const bool whole = capped_->find(rule)->second;
      if (whole != (period == "whole")) {
        return Fail(period_at, "bad_period", "period '" + period + "' of '" + rule + "': its cap counts " +
                                                 (whole ? "over the whole run (\"whole\")" : "by year"));
      }
    }
    const size_t at = p_;
    size_t end = p_;
    while (end < text_.size() && std::strchr("+-0123456789.eE", text_[end]) && text_[end] != '\0') ++end;
    double amount = 0;
    const auto r = std::from_chars(text_.data() + p_, text_.data() + end, amount);
    if (end == p_ || r.ec != std::errc() || r.ptr != text_.data() + end || !std::isfinite(amount)) {
      return Fail(at, "bad_amount", "the total of '" + rule + "' " + period + " must be a finite number");
    }
    if (amount < 0) {
      return Fail(at, "bad_amount", "the total of '" + rule + "' " + period +
                                        " is negative (a total counts deliveries: it is >= 0)");
    }
    p_ = end;
    totals_[rule][year] = amount;
    return true;
  }

  std::shared_ptr<const SourceFile> file_;
  const std::string& text_;
  LedgerTotals& totals_;
  Diagnostics& diags_;
  const CappedRules* capped_;
  size_t p_ = 0;
  bool seen_caps_ = false;
};

}  // namespace

bool ParseLedger(const std::shared_ptr<const SourceFile>& file, LedgerTotals& totals, Diagnostics& diags,
                 const CappedRules* capped) {
  if (!CheckSourceText(file, diags, "ledger.")) return false;
  return LedgerParser(file, totals, diags, capped).Parse();
}

LedgerFile::~LedgerFile() {
  if (lock_fd_ >= 0) ::close(lock_fd_);  // closing releases the flock
}

bool LedgerFile::Open(const std::string& path, LedgerTotals& totals, Diagnostics& diags, const CappedRules* capped) {
  path_ = path;
  const std::string lock_path = path + ".lock";
  lock_fd_ = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (lock_fd_ < 0) {
    diags.Error({}, "ledger.lock", "cannot open the ledger lock '" + lock_path + "': " + std::strerror(errno));
    return false;
  }
  int rc;
  while ((rc = ::flock(lock_fd_, LOCK_EX)) != 0 && errno == EINTR) {
  }
  if (rc != 0) {
    diags.Error({}, "ledger.lock", "cannot lock the ledger '" + lock_path + "': " + std::strerror(errno));
    return false;
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return true;  // the first run of a ledger starts from zero
    diags.Error({}, "ledger.read", "cannot read the ledger '" + path + "': " + std::strerror(errno));
    return false;
  }
  // It exists: any failure to read it is an error, never an empty ledger that would then be overwritten.
  auto file = ReadSource(path, diags);
  if (!file) return false;
  return ParseLedger(file, totals, diags, capped);
}

std::string LedgerFile::Save(const LedgerTotals& totals) const {
  nlohmann::ordered_json caps = nlohmann::ordered_json::object();
  for (const auto& [rule, periods] : totals) {
    nlohmann::ordered_json p = nlohmann::ordered_json::object();
    // A total past what a double holds is written as the largest one: the cap is past either way.
    for (const auto& [period, amount] : periods) {
      p[period == 0 ? "whole" : std::to_string(period)] = std::isfinite(amount) ? amount : std::numeric_limits<double>::max();
    }
    caps[rule] = p;
  }
  nlohmann::ordered_json root;
  root["caps"] = caps;
  return WriteFileAtomically(path_, JsonDocument(root));
}

}  // namespace sancheck::batch
