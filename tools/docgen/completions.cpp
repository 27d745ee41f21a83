// Writes the bash and zsh completion scripts from the command tree: tables for bash, one function per command for zsh.
#include "completions.hpp"

namespace sancheck::docgen {
namespace {

std::string Header(std::string_view shell, std::string_view version) {
  return "# " + std::string(shell) + " completion for sancheck, generated from the command definitions of sancheck " +
         std::string(version) + "; do not edit.\n";
}

// Inside bash double quotes.
std::string BashQuoted(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\' || c == '$' || c == '`') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

// One line of a bash associative array: [key]="value".
std::string Entry(std::string_view key, std::string_view value) {
  return "    [" + BashQuoted(key) + "]=" + BashQuoted(value) + "\n";
}

// Inside zsh single quotes, in an _arguments explanation ([...]).
std::string ZshExplanation(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (c == '\'') {
      out += "'\\''";
      continue;
    }
    if (c == '[' || c == ']' || c == '\\') out += '\\';
    out += c == '\n' ? ' ' : c;
  }
  return out;
}

std::string ZshFunction(const CommandDoc& cmd) {
  std::string name = "_sancheck";
  for (const auto& p : cmd.path) name += "_" + p;
  for (char& c : name) c = c == '-' ? '_' : c;
  return name;
}

// What completes an option's or an argument's value: its choices, file names, or nothing.
std::string ZshAction(const OptionDoc& opt) {
  if (!opt.choices.empty()) return "(" + Join(opt.choices) + ")";
  return opt.FileValue() ? "_files" : " ";
}

std::string ZshOptionSpecs(const CommandDoc& cmd) {
  std::string out;
  for (const auto& opt : cmd.options) {
    std::string exclusive;  // the option's other names: given once, under any of them
    if (!opt.repeatable && opt.names.size() > 1) exclusive = "(" + Join(opt.names) + ")";
    for (const auto& n : opt.names) {
      const bool is_long = n.rfind("--", 0) == 0;
      std::string spec = (opt.repeatable ? "*" : exclusive) + n + (is_long && !opt.value.empty() ? "=" : "") + "[" +
                         ZshExplanation(opt.description) + "]";
      if (!opt.value.empty()) spec += ":" + opt.ValueName() + ":" + ZshAction(opt);
      out += "    '" + spec + "' \\\n";
    }
  }
  return out;
}

void ZshCommand(const CommandDoc& cmd, std::string& out) {
  out += "\n" + ZshFunction(cmd) + "() {\n";
  if (cmd.subcommands.empty()) {
    out += "  _arguments -s -S \\\n" + ZshOptionSpecs(cmd);
    for (const auto& p : cmd.positionals) {
      const std::string colons = p.repeatable ? "*:" : p.required ? ":" : "::";
      out += "    '" + colons + p.names.front() + ":" + ZshAction(p) + "' \\\n";
    }
    out.resize(out.size() - 3);  // the last " \\\n"
    out += "\n}\n";
  } else {
    out += "  local curcontext=$curcontext state state_descr line\n  typeset -A opt_args\n  local -a commands=(\n";
    for (const auto& sub : cmd.subcommands) {
      out += "    '" + sub.path.back() + ":" + ZshExplanation(sub.description) + "'\n";
    }
    out += "  )\n  _arguments -C -s -S \\\n" + ZshOptionSpecs(cmd) + "    ': :->command' \\\n    '*:: :->argument'\n";
    out += "  case $state in\n    command) _describe -t commands '" + cmd.Name(' ') + " command' commands ;;\n";
    out += "    argument)\n      case $words[1] in\n";
    for (const auto& sub : cmd.subcommands) out += "        " + sub.path.back() + ") " + ZshFunction(sub) + " ;;\n";
    out += "      esac ;;\n  esac\n}\n";
  }
  for (const auto& sub : cmd.subcommands) ZshCommand(sub, out);
}

}  // namespace

std::string BashCompletion(const CommandDoc& root, std::string_view version) {
  // Tables keyed by the command's words ("sancheck lists import"), an option's by "command|option".
  std::string commands, options, valued, files, args, choices;
  for (const CommandDoc* cmd : AllCommands(root)) {
    const std::string key = cmd->Name(' ');
    std::vector<std::string> subs, all, with_value, file_valued;
    for (const auto& sub : cmd->subcommands) subs.push_back(sub.path.back());
    for (const auto& opt : cmd->options) {
      all.insert(all.end(), opt.names.begin(), opt.names.end());
      if (!opt.value.empty()) with_value.insert(with_value.end(), opt.names.begin(), opt.names.end());
      if (opt.FileValue()) file_valued.insert(file_valued.end(), opt.names.begin(), opt.names.end());
      for (const auto& n : opt.names) {
        if (!opt.choices.empty()) choices += Entry(key + "|" + n, Join(opt.choices));
      }
    }
    commands += Entry(key, Join(subs));
    options += Entry(key, Join(all));
    valued += Entry(key, Join(with_value));
    files += Entry(key, Join(file_valued));
    bool takes_files = false;
    for (const auto& p : cmd->positionals) takes_files = takes_files || p.FileValue();
    if (takes_files) args += Entry(key, "files");
  }
  std::string out = Header("bash", version) + "# shellcheck shell=bash\n";
  out += "_sancheck() {\n  local -A commands=(\n" + commands + "  )\n  local -A options=(\n" + options +
         "  )\n  # Options that take a value, and those whose value is a file.\n  local -A valued=(\n" + valued +
         "  )\n  local -A files=(\n" + files + "  )\n  local -A choices=(\n" + choices +
         "  )\n  # Commands whose arguments are files.\n  local -A args=(\n" + args + "  )\n";
  out += R"(  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
  local cmd=sancheck word i
  # The command the words so far name, skipping the values of options.
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=${COMP_WORDS[i]}
    if [[ " ${valued[$cmd]} " == *" $word "* ]]; then
      ((i++))
    elif [[ " ${commands[$cmd]} " == *" $word "* ]]; then
      cmd="$cmd $word"
    fi
  done
  COMPREPLY=()
  if [[ " ${valued[$cmd]} " == *" $prev "* ]]; then
    if [[ -n ${choices[$cmd|$prev]} ]]; then
      mapfile -t COMPREPLY < <(compgen -W "${choices[$cmd|$prev]}" -- "$cur")
    elif [[ " ${files[$cmd]} " == *" $prev "* ]]; then
      compopt -o filenames 2>/dev/null
      mapfile -t COMPREPLY < <(compgen -f -- "$cur")
    fi
    return 0
  fi
  if [[ $cur == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "${options[$cmd]}" -- "$cur")
    return 0
  fi
  mapfile -t COMPREPLY < <(compgen -W "${commands[$cmd]}" -- "$cur")
  if [[ -n ${args[$cmd]} ]]; then
    compopt -o filenames 2>/dev/null
    mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY < <(compgen -f -- "$cur")
  fi
  return 0
}
complete -F _sancheck sancheck
)";
  return out;
}

std::string ZshCompletion(const CommandDoc& root, std::string_view version) {
  std::string out = "#compdef sancheck\n" + Header("zsh", version);
  ZshCommand(root, out);
  out += "\n" + ZshFunction(root) + " \"$@\"\n";
  return out;
}

}  // namespace sancheck::docgen
