// Writes the man pages: name, synopsis, description, arguments, options, commands and see also, in roff.
#include "man_pages.hpp"

#include <algorithm>

namespace sancheck::docgen {
namespace {

// Text as roff reads it literally: backslashes escaped, no line taken for a request.
std::string Roff(std::string_view text) {
  std::string out;
  bool line_start = true;
  for (const char c : text) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\') {
      out += "\\e";
    } else {
      out += c;
    }
    line_start = c == '\n';
  }
  return out;
}

// A name typed as is (options, commands): hyphens as ASCII minus signs, so that it can be copied.
std::string Literal(std::string_view text) {
  std::string out;
  for (const char c : Roff(text)) {
    if (c == '-') out += '\\';
    out += c;
  }
  return out;
}

// \% first: a name is never hyphenated at a line's end.
std::string Bold(std::string_view name) { return "\\%\\fB" + Literal(name) + "\\fR"; }
std::string Italic(std::string_view text) { return "\\fI" + Roff(text) + "\\fR"; }

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return s;
}

std::string PageName(const CommandDoc& cmd) { return cmd.Name('-'); }
std::string PageRef(const CommandDoc& cmd) { return Bold(PageName(cmd)) + "(1)"; }

// The one-line summary of the NAME section (what whatis and apropos show).
std::string Summary(const CommandDoc& cmd) {
  std::string s = cmd.description;
  const std::string self = cmd.Name(' ') + ": ";
  if (s.rfind(self, 0) == 0) s.erase(0, self.size());
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

std::string ValueOf(const OptionDoc& opt) {
  if (opt.value.empty()) return "";
  std::string v;
  if (!opt.choices.empty()) {
    for (const auto& c : opt.choices) v += (v.empty() ? "" : "|") + Italic(c);
  } else {
    v = Italic(opt.value);
  }
  return " " + v;
}

void Synopsis(const CommandDoc& cmd, std::string& out) {
  out += ".SH SYNOPSIS\n.B " + Literal(cmd.Name(' ')) + "\n[" + Italic("OPTION") + "]...\n";
  if (!cmd.subcommands.empty()) out += Italic("COMMAND") + "\n[" + Italic("ARG") + "]...\n";
  for (const auto& p : cmd.positionals) {
    const std::string arg = Italic(Upper(p.names.front())) + (p.repeatable ? "..." : "");
    out += (p.required ? arg : "[" + arg + "]") + "\n";
  }
}

void Description(const CommandDoc& cmd, std::string& out) {
  out += ".SH DESCRIPTION\n" + Roff(cmd.description) + "\n";
  if (!cmd.footer.empty()) out += ".PP\n" + Roff(cmd.footer) + "\n";
}

void Arguments(const CommandDoc& cmd, std::string& out) {
  if (cmd.positionals.empty()) return;
  out += ".SH ARGUMENTS\n";
  for (const auto& p : cmd.positionals) {
    out += ".TP\n" + Italic(Upper(p.names.front())) + (p.repeatable ? "..." : "") + "\n" + Roff(p.description) + "\n";
  }
}

void Options(const CommandDoc& cmd, std::string& out) {
  if (cmd.options.empty()) return;
  out += ".SH OPTIONS\n";
  for (const auto& opt : cmd.options) {
    std::string names;
    for (const auto& n : opt.names) names += (names.empty() ? "" : ", ") + Bold(n);
    // Said after the description, in its style: clauses, no full stop.
    std::string text = opt.description;
    if (!opt.constraint.empty()) text += "; accepted: " + opt.constraint;
    if (opt.required) text += "; required";
    out += ".TP\n" + names + ValueOf(opt) + "\n" + Roff(text) + "\n";
  }
}

void Commands(const CommandDoc& cmd, std::string& out) {
  if (cmd.subcommands.empty()) return;
  out += ".SH COMMANDS\n";
  for (const auto& sub : cmd.subcommands) {
    out += ".TP\n" + Bold(sub.path.back()) + "\n" + Roff(sub.description) + "; see " + PageRef(sub) + ".\n";
  }
}

void SeeAlso(const CommandDoc& cmd, const CommandDoc& root, std::string& out) {
  std::vector<const CommandDoc*> refs;
  if (&cmd == &root) {
    const auto all = AllCommands(root);
    refs.assign(all.begin() + 1, all.end());
  } else {
    // The program, the command this one belongs to, and its own commands.
    for (const CommandDoc* c : AllCommands(root)) {
      const bool ancestor = c->path.size() < cmd.path.size() &&
                            std::equal(c->path.begin(), c->path.end(), cmd.path.begin());
      const bool child = c->path.size() == cmd.path.size() + 1 &&
                         std::equal(cmd.path.begin(), cmd.path.end(), c->path.begin());
      if (ancestor || child) refs.push_back(c);
    }
  }
  if (refs.empty()) return;
  out += ".SH SEE ALSO\n";
  for (size_t i = 0; i < refs.size(); ++i) out += PageRef(*refs[i]) + (i + 1 < refs.size() ? ",\n" : "\n");
}

std::string ManPage(const CommandDoc& cmd, const CommandDoc& root, std::string_view version) {
  const std::string program = "sancheck " + std::string(version);
  std::string out = ".\\\" Generated from the command definitions of " + program + "; do not edit.\n";
  out += ".TH " + Literal(Upper(PageName(cmd))) + " 1 \"\" \"" + program + "\" \"sancheck manual\"\n";
  out += ".SH NAME\n" + Literal(PageName(cmd)) + " \\- " + Roff(Summary(cmd)) + "\n";
  Synopsis(cmd, out);
  Description(cmd, out);
  Arguments(cmd, out);
  Options(cmd, out);
  Commands(cmd, out);
  SeeAlso(cmd, root, out);
  return out;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> ManPages(const CommandDoc& root, std::string_view version) {
  std::vector<std::pair<std::string, std::string>> pages;
  for (const CommandDoc* cmd : AllCommands(root)) pages.emplace_back(PageName(*cmd) + ".1", ManPage(*cmd, root, version));
  return pages;
}

}  // namespace sancheck::docgen
