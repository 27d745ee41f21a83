// ReadPlainBlockYaml(): a line reader for plain block YAML giving yaml-cpp's events; anything it is unsure of goes to yaml-cpp.
#include "common/block_yaml.hpp"

#include <cstring>
#include <string_view>

#include <yaml-cpp/mark.h>

#include "common/yaml_guard.hpp"

namespace sancheck {
namespace {

const std::string kPlainTag = "?";   // yaml-cpp's tag of plain scalars and untagged collections
const std::string kQuotedTag = "!";  // and of quoted and block scalars (not plain: never null or a number)

// yaml-cpp 0.7 refuses a simple key longer than 1024 characters; stay well below.
constexpr size_t kMaxKey = 1000;

bool IsAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// Characters a plain scalar may start with here: letters, digits, a few that are never
// indicators, and '-' or '.' before a letter or digit ("-1", ".5"); never '~' (null), '&', '*',
// '!', '|', '>', '%', '@', '`', '#', '?', ':', ',', '[', ']', '{', '}' or a quote.
bool PlainStart(std::string_view s) {
  const char c = s[0];
  if (IsAlnum(c) || c == '_' || c == '(' || c == '/' || c == '+' || c == '$') return true;
  if (c == '-' || c == '.') return s.size() > 1 && IsAlnum(s[1]);
  return static_cast<unsigned char>(c) >= 0x80;
}

// What a plain entry of a flow list may hold here.
bool FlowPlain(char c) {
  return IsAlnum(c) || c == ' ' || c == '_' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')' || c == '+' ||
         c == '$' || static_cast<unsigned char>(c) >= 0x80;
}

// Reads the text line by line. Run twice: first with no handler, to find out whether the whole
// text is within reach (so no event is passed for a text yaml-cpp must read), then with one.
class BlockReader {
 public:
  BlockReader(const std::string& text, YAML::EventHandler* out) : text_(text), out_(out) {}

  bool Document() {
    if (!NextContent() || col_ != 0) return false;  // no document, or an indented one
    if (out_) out_->OnDocumentStart(Here());
    if (!Node(0)) return false;
    if (!at_end_) return false;  // something less indented than the root: not one document
    if (out_) out_->OnDocumentEnd();
    return true;
  }

 private:
  // The node starting at the cursor (a mapping, a sequence or a scalar is decided by its line),
  // `depth` collections deep.
  bool Node(int depth) {
    if (depth > kMaxYamlNesting) return false;  // yaml-cpp's pass reports it
    if (Rest().starts_with("- ")) return Sequence(depth);
    size_t key_end = 0;
    if (KeyEnd(key_end)) return Mapping(depth);
    return false;
  }

  // A block mapping whose first key is at the cursor; its keys are at column col_.
  bool Mapping(int depth) {
    const int indent = col_;
    if (out_) out_->OnMapStart(Here(), kPlainTag, YAML::NullAnchor, YAML::EmitterStyle::Block);
    while (true) {
      size_t key_end = 0;
      if (!KeyEnd(key_end) || !Scalar(key_end)) return false;
      Skip(1);  // the ':'
      SkipSpaces();
      if (!AtLineEnd()) {
        if (!Value(indent)) return false;
      } else {
        // The value is on the next lines: a more indented mapping or sequence.
        if (!NextContent() || col_ <= indent) return false;  // an empty value or a sequence at the key's column
        if (!Node(depth + 1)) return false;
      }
      if (at_end_ || col_ < indent) break;
      if (col_ > indent || Rest().starts_with("- ")) return false;
    }
    if (out_) out_->OnMapEnd();
    return true;
  }

  // A block sequence whose first '-' is at the cursor.
  bool Sequence(int depth) {
    const int indent = col_;
    if (out_) out_->OnSequenceStart(Here(), kPlainTag, YAML::NullAnchor, YAML::EmitterStyle::Block);
    while (true) {
      Skip(1);  // the '-'
      SkipSpaces();
      if (AtLineEnd() || Rest().starts_with("- ")) return false;  // an empty entry, or a list in a list
      size_t key_end = 0;
      if (KeyEnd(key_end)) {
        if (!Mapping(depth + 1)) return false;
      } else if (!Value(indent)) {
        return false;
      }
      if (at_end_ || col_ < indent) break;
      if (col_ > indent || !Rest().starts_with("- ")) return false;
    }
    if (out_) out_->OnSequenceEnd();
    return true;
  }

  // A one-line scalar value at the cursor, a one-line flow list of such scalars, or a folded or
  // literal block scalar, in a collection whose entries are at column `indent`; then moves to
  // the next content line.
  bool Value(int indent) {
    const std::string_view rest = Rest();
    if (rest[0] == '[') return FlowList() && NextLine(indent);
    if (rest[0] == '>' || rest[0] == '|') return BlockScalar(indent);
    size_t end = 0;
    if (!TokenEnd(end) || !Scalar(end)) return false;
    const size_t after = pos_;
    SkipSpaces();
    if (!AtLineEnd() || (pos_ == after && pos_ < text_.size() && text_[pos_] == '#')) return false;
    // A plain scalar goes on over more indented lines; yaml-cpp may also read a more indented
    // comment line as part of it. Leave both to yaml-cpp.
    return NextLine(indent);
  }

  // "[a, 'b c', d]" on one line: plain scalars of FlowPlain characters or quoted ones without
  // escapes, one between each two commas; the cursor ends past the ']', which must end the
  // line or come before " #".
  bool FlowList() {
    if (out_) out_->OnSequenceStart(Here(), kPlainTag, YAML::NullAnchor, YAML::EmitterStyle::Flow);
    Skip(1);  // the '['
    SkipSpaces();
    if (Rest().starts_with("]")) {
      Skip(1);
    } else {
      while (true) {
        const std::string_view rest = Rest();
        size_t end = 0;
        if (rest.empty()) return false;
        if (rest[0] == '"' || rest[0] == '\'') {
          if (!QuotedEnd(end)) return false;
        } else {
          // Plain entries hold only letters, digits, spaces, bytes of other scripts and "_-./()+$":
          // yaml-cpp reads more of the other characters specially inside a flow list.
          if (!PlainStart(rest)) return false;
          while (end < rest.size() && FlowPlain(rest[end])) ++end;
          while (end > 0 && rest[end - 1] == ' ') --end;
        }
        if (!Scalar(end)) return false;
        SkipSpaces();
        if (Rest().starts_with(",")) {
          Skip(1);
          SkipSpaces();
          continue;
        }
        if (!Rest().starts_with("]")) return false;
        Skip(1);
        break;
      }
    }
    if (out_) out_->OnSequenceEnd();
    const size_t after = pos_;
    SkipSpaces();
    return AtLineEnd() && !(pos_ == after && pos_ < text_.size() && text_[pos_] == '#');
  }

  // A block scalar ">" (lines folded into one, joined by spaces) or "|" (lines kept), its last
  // line break kept: its lines all at one column, deeper than `indent`, none empty, none with
  // spaces at its end, a '#' first or a control character, the line after it less indented. Anything
  // else (chomping or indentation indicators, more indented or empty lines) is left to yaml-cpp.
  bool BlockScalar(int indent) {
    const bool folded = Rest()[0] == '>';
    const YAML::Mark mark = Here();
    Skip(1);
    if (pos_ < text_.size() && text_[pos_] != '\n') return false;
    value_.clear();
    int column = -1;
    size_t p = pos_ + 1;
    while (p < text_.size()) {
      size_t q = p;
      while (q < text_.size() && text_[q] == ' ') ++q;
      const int col = static_cast<int>(q - p);
      if (q == text_.size() || text_[q] == '\n') return false;  // an empty line, or spaces alone
      if (col <= indent) break;  // the block's end
      if (column < 0) column = col;
      const size_t end = LineEnd(q);
      // A last line without its line break: clipping would keep none.
      if (col != column || text_[q] == '#' || text_[end - 1] == ' ' || end == text_.size()) return false;
      for (size_t k = q; k < end; ++k) {
        if (static_cast<unsigned char>(text_[k]) < 0x20) return false;  // control characters: yaml-cpp's to judge
      }
      if (!value_.empty()) value_ += folded ? ' ' : '\n';
      value_.append(text_, q, end - q);
      ++line_;
      pos_ = end;
      p = end < text_.size() ? end + 1 : end;
    }
    if (column < 0) return false;  // no line
    value_ += '\n';
    if (out_) out_->OnScalar(mark, kQuotedTag, YAML::NullAnchor, value_);
    return NextLine(indent);
  }

  // Passes the scalar (or null) from the cursor to `end` (a position in Rest()), moving past it.
  bool Scalar(size_t end) {
    const std::string_view s = Rest().substr(0, end);
    const bool quoted = s[0] == '"' || s[0] == '\'';
    if (out_) {
      const YAML::Mark mark = Here();
      if (quoted) {
        value_.assign(s.substr(1, s.size() - 2));
        out_->OnScalar(mark, kQuotedTag, YAML::NullAnchor, value_);
      } else if (s == "null" || s == "Null" || s == "NULL") {
        out_->OnNull(mark, YAML::NullAnchor);
      } else {
        value_.assign(s);
        out_->OnScalar(mark, kPlainTag, YAML::NullAnchor, value_);
      }
    }
    Skip(end);
    return true;
  }

  // Where the quoted or plain scalar at the cursor ends (a position in Rest()); false when
  // it is neither, or a quoted one this reader leaves to yaml-cpp.
  bool TokenEnd(size_t& end) const {
    const std::string_view rest = Rest();
    if (rest[0] == '"' || rest[0] == '\'') return QuotedEnd(end);
    if (!PlainStart(rest)) return false;
    end = PlainEnd(rest);
    return end != 0;
  }

  // Whether the cursor is at a key ("name: " or "name:" at the line's end, the name plain or
  // quoted); `end` is where the key's text ends (at the ':').
  bool KeyEnd(size_t& end) const {
    const std::string_view rest = Rest();
    if (!TokenEnd(end)) return false;
    if (end > kMaxKey || end >= rest.size() || rest[end] != ':') return false;
    if (rest.substr(0, end).find(':') != std::string_view::npos) return false;  // "a:b: c": leave it to yaml-cpp
    return end + 1 == rest.size() || rest[end + 1] == ' ' || rest[end + 1] == '\n';
  }

  // The end of a plain scalar starting `s`: before a ':' that ends a key, before " #" or the
  // line's end, without trailing spaces; 0 for what a plain scalar here may not hold
  // (a '#' not after a space, "[]{}", control characters, a ':' ending it, or ": " inside a value
  // that is no key).
  static size_t PlainEnd(std::string_view s) {
    size_t i = 0;
    for (; i < s.size() && s[i] != '\n'; ++i) {
      const char c = s[i];
      if (c == ':' && (i + 1 == s.size() || s[i + 1] == ' ' || s[i + 1] == '\n')) {
        // A key's end: no space before it (yaml-cpp trims it; stay with the simple case).
        return s[i - 1] == ' ' ? 0 : i;
      }
      if (c == ' ' && i + 1 < s.size() && s[i + 1] == '#') break;
      if (c == '#' || c == '[' || c == ']' || c == '{' || c == '}' || static_cast<unsigned char>(c) < 0x20) return 0;
    }
    while (i > 0 && s[i - 1] == ' ') --i;
    return i;
  }

  // The end (past the closing quote) of a one-line quoted scalar at the cursor, with no escapes.
  bool QuotedEnd(size_t& end) const {
    const std::string_view rest = Rest();
    const char q = rest[0];
    for (size_t i = 1; i < rest.size() && rest[i] != '\n'; ++i) {
      const char c = rest[i];
      if (c == q) {
        if (i + 1 < rest.size() && rest[i + 1] == q) return false;  // '' inside single quotes
        end = i + 1;
        return true;
      }
      if (c == '\\' || static_cast<unsigned char>(c) < 0x20) return false;
    }
    return false;
  }

  // After a scalar: moves to the next content line, which must not be more indented than
  // `indent` (nor may a comment line before it).
  bool NextLine(int indent) {
    if (!NextContent(indent)) return at_end_;
    return true;
  }

  // Moves to the first character of the next line holding more than a comment. Lines of
  // spaces alone, and comment lines more indented than `max_comment`, are left to yaml-cpp.
  // False at the end of the text (at_end_ set) or on such a line (at_end_ clear).
  bool NextContent(int max_comment = 1 << 30) {
    size_t p = pos_ == 0 && line_ < 0 ? 0 : LineEnd(pos_);
    if (line_ >= 0 && p < text_.size()) ++p;  // past the '\n'
    while (true) {
      ++line_;
      if (p >= text_.size()) {
        at_end_ = true;
        return false;
      }
      size_t q = p;
      while (q < text_.size() && text_[q] == ' ') ++q;
      const int col = static_cast<int>(q - p);
      if (q == text_.size() || text_[q] == '\n') {
        if (q != p) return false;  // spaces alone
      } else if (text_[q] == '#') {
        if (col > max_comment) return false;
      } else {
        // yaml-cpp reads "---" and "..." at a line's start as document markers.
        const std::string_view line(text_.data() + q, text_.size() - q);
        if (col == 0 && (line.starts_with("---") || line.starts_with("..."))) return false;
        pos_ = q;
        col_ = col;
        return true;
      }
      p = LineEnd(q);
      if (p < text_.size()) ++p;
    }
  }

  size_t LineEnd(size_t from) const {
    const void* nl = std::memchr(text_.data() + from, '\n', text_.size() - from);
    return nl ? static_cast<size_t>(static_cast<const char*>(nl) - text_.data()) : text_.size();
  }
  std::string_view Rest() const { return std::string_view(text_).substr(pos_); }
  bool AtLineEnd() const { return pos_ == text_.size() || text_[pos_] == '\n' || text_[pos_] == '#'; }
  void Skip(size_t n) {
    pos_ += n;
    col_ += static_cast<int>(n);
  }
  void SkipSpaces() {
    while (pos_ < text_.size() && text_[pos_] == ' ') Skip(1);
  }
  YAML::Mark Here() const {
    YAML::Mark m;
    m.pos = static_cast<int>(pos_);
    m.line = line_;
    m.column = col_;
    return m;
  }

  const std::string& text_;
  YAML::EventHandler* out_;
  std::string value_;
  size_t pos_ = 0;         ///< the cursor
  int line_ = -1;          ///< the cursor's line, 0-based
  int col_ = 0;            ///< the cursor's column, 0-based
  bool at_end_ = false;
};

// Text yaml-cpp reads differently from a plain line reader: tabs, carriage returns, byte order
// marks, NEL and Unicode line separators (the reader never looks for these itself).
bool Unusual(const std::string& text) {
  if (text.find_first_of("\t\r") != std::string::npos) return true;
  return text.find("\xEF\xBB\xBF") != std::string::npos || text.find("\xC2\x85") != std::string::npos ||
         text.find("\xE2\x80\xA8") != std::string::npos || text.find("\xE2\x80\xA9") != std::string::npos;
}

}  // namespace

bool ReadPlainBlockYaml(const std::string& text, YAML::EventHandler& handler) {
  // yaml-cpp marks count in int; leave huge texts to it.
  if (text.size() > (1U << 30) || Unusual(text)) return false;
  if (!BlockReader(text, nullptr).Document()) return false;
  BlockReader(text, &handler).Document();
  return true;
}

}  // namespace sancheck
