// Reads the CLI11 definitions into CommandDoc: the one walk of the command line the generators share.
#include "command_doc.hpp"

namespace sancheck::docgen {
namespace {

// CLI11 shows a value as its type then each check's description, joined by ':'
// ("TEXT:{text,json}"); a set in braces is the IsMember check's.
void ReadValue(const CLI::Option& opt, OptionDoc& doc) {
  const std::string full = opt.get_type_name();
  const size_t colon = full.find(':');
  doc.value = full.substr(0, colon);
  if (colon == std::string::npos) return;
  const std::string checks = full.substr(colon + 1);
  if (checks.size() > 2 && checks.front() == '{' && checks.back() == '}' && checks.find('{', 1) == std::string::npos) {
    size_t start = 1;
    for (size_t comma; (comma = checks.find(',', start)) != std::string::npos; start = comma + 1) {
      doc.choices.push_back(checks.substr(start, comma - start));
    }
    doc.choices.push_back(checks.substr(start, checks.size() - 1 - start));
  } else {
    doc.constraint = checks;
  }
}

OptionDoc Describe(const CLI::Option& opt) {
  OptionDoc doc;
  doc.description = opt.get_description();
  doc.required = opt.get_required();
  doc.repeatable = opt.get_items_expected_max() > 1;
  if (!opt.nonpositional()) {
    doc.names.push_back(opt.get_name(true));
  } else {
    for (const auto& s : opt.get_snames()) doc.names.push_back("-" + s);
    for (const auto& l : opt.get_lnames()) doc.names.push_back("--" + l);
  }
  if (opt.get_expected_max() > 0) ReadValue(opt, doc);  // a flag takes none
  return doc;
}

void Collect(const CommandDoc& cmd, std::vector<const CommandDoc*>& out) {
  out.push_back(&cmd);
  for (const auto& sub : cmd.subcommands) Collect(sub, out);
}

}  // namespace

std::string OptionDoc::ValueName() const {
  for (const auto& n : names) {
    if (n.rfind("--", 0) == 0) return n.substr(2);
  }
  return names.front().substr(names.front().find_first_not_of('-'));
}

std::string CommandDoc::Name(char sep) const {
  std::string name = "sancheck";
  for (const auto& p : path) name += sep + p;
  return name;
}

CommandDoc DescribeCommand(const CLI::App& app, const std::vector<std::string>& path) {
  CommandDoc doc;
  doc.path = path;
  doc.description = app.get_description();
  doc.footer = app.get_footer();
  // What --help leaves out (an empty group) the pages and completions leave out too.
  for (const CLI::Option* opt : app.get_options([](const CLI::Option* o) { return !o->get_group().empty(); })) {
    (opt->nonpositional() ? doc.options : doc.positionals).push_back(Describe(*opt));
  }
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App* a) { return !a->get_group().empty(); })) {
    auto sub_path = path;
    sub_path.push_back(sub->get_name());
    doc.subcommands.push_back(DescribeCommand(*sub, sub_path));
  }
  return doc;
}

std::vector<const CommandDoc*> AllCommands(const CommandDoc& root) {
  std::vector<const CommandDoc*> out;
  Collect(root, out);
  return out;
}

}  // namespace sancheck::docgen
