// PosInScalar(): aligns a YAML scalar's value with its source text to position diagnostics inside it.
#include "common/scalar_position.hpp"

namespace sancheck {

void LineColumnAt(const std::string& text, size_t pos, int& line, int& column) {
  line = 1;
  column = 1;
  for (size_t i = 0; i < pos && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
}

SourcePos PosInScalar(const std::shared_ptr<const SourceFile>& file, const YAML::Node& scalar,
                      size_t offset) {
  const std::string& src = file->text;
  const std::string& value = scalar.Scalar();
  const YAML::Mark mark = scalar.Mark();
  size_t j = mark.pos >= 0 ? static_cast<size_t>(mark.pos) : 0;
  if (j < src.size() && (src[j] == '|' || src[j] == '>')) {
    const size_t nl = src.find('\n', j);
    j = nl == std::string::npos ? src.size() : nl + 1;
  } else if (j < src.size() && (src[j] == '"' || src[j] == '\'')) {
    ++j;
  }
  // Walk the value and the source together: every value character is found
  // in the source at or after the current point; what is skipped in between
  // is indentation, line breaks and quoting.
  for (size_t i = 0; i < offset && i < value.size(); ++i) {
    const char v = value[i];
    while (j < src.size() && src[j] != v && !(v == ' ' && src[j] == '\n')) ++j;
    if (j >= src.size()) break;
    ++j;
  }
  if (offset < value.size() && value[offset] != ' ' && value[offset] != '\n') {
    while (j < src.size() && src[j] != value[offset]) ++j;
  }
  SourcePos pos{file, 0, 0};
  LineColumnAt(src, j, pos.line, pos.column);
  return pos;
}

}  // namespace sancheck
