// NodeText(): a node's source range in the condition text, found through its ancestors when it has none.
#include "expr/node_text.hpp"

namespace sancheck::expr {

std::string NodeText(const Program& program, uint32_t node) {
  // Parents are found by scanning: this runs for diagnostics only.
  int current = static_cast<int>(node);
  while (current >= 0) {
    const Node& n = program.nodes[static_cast<size_t>(current)];
    if (n.end > n.begin && static_cast<size_t>(n.end) <= program.text.size()) {
      std::string text = program.text.substr(static_cast<size_t>(n.begin), static_cast<size_t>(n.end - n.begin));
      for (char& c : text) {
        if (c == '\n') c = ' ';
      }
      // Collapse the indentation of multi-line conditions.
      std::string out;
      for (char c : text) {
        if (c == ' ' && !out.empty() && out.back() == ' ') continue;
        out += c;
      }
      while (!out.empty() && out.back() == ' ') out.pop_back();
      return out;
    }
    int parent = -1;
    for (uint32_t i = 0; i < program.nodes.size() && parent < 0; ++i) {
      const Node& p = program.nodes[i];
      for (uint32_t k = 0; k < p.count; ++k) {
        if (program.children[p.first + k] == static_cast<uint32_t>(current)) parent = static_cast<int>(i);
      }
    }
    current = parent;
  }
  return program.text;
}

}  // namespace sancheck::expr
