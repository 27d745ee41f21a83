// The command line as its documentation reads it: commands, options and values, taken from the CLI11 definitions.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace sancheck::docgen {

struct OptionDoc {
  std::vector<std::string> names;     ///< "-o", "--output" (short names first); a positional's own name
  std::string value;                  ///< what --help shows for the value ("TEXT", "INT"); empty for a flag
  std::vector<std::string> choices;   ///< the values an IsMember check allows
  std::string constraint;             ///< any other check, as --help shows it ("INT in [0 - 36500]")
  std::string description;
  bool required = false;
  bool repeatable = false;  ///< takes several values (a list)
  /// Its value is free text, most often a path: completed with file names.
  bool FileValue() const { return choices.empty() && value == "TEXT"; }
  /// What the value is called: the long name without its dashes ("output"), else the first name's.
  std::string ValueName() const;
};

struct CommandDoc {
  std::vector<std::string> path;  ///< {"lists", "import"}; empty for the program itself
  std::string description;
  std::string footer;
  std::vector<OptionDoc> options;      ///< named options, in the order they were defined
  std::vector<OptionDoc> positionals;  ///< in order
  std::vector<CommandDoc> subcommands;

  /// "sancheck lists import" with sep ' ', "sancheck-lists-import" with sep '-'.
  std::string Name(char sep) const;
};

/// The documentation of `app` and its subcommands, `path` naming it under the program.
CommandDoc DescribeCommand(const CLI::App& app, const std::vector<std::string>& path = {});

/// Every command of the tree, the program first, then depth first in definition order.
std::vector<const CommandDoc*> AllCommands(const CommandDoc& root);

}  // namespace sancheck::docgen
