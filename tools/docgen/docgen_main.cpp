// Build step: writes the man pages and the bash and zsh completions of the command line the executable parses.
//
// Usage: sancheck_docgen OUT_DIR
// Writes OUT_DIR/man1/sancheck.1 and one page per command (sancheck-check.1, sancheck-lists-import.1,
// ...), OUT_DIR/bash/sancheck and OUT_DIR/zsh/_sancheck, from the same definitions (cli/commands.hpp).
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "command_doc.hpp"
#include "completions.hpp"
#include "man_pages.hpp"
#include "sancheck/report.hpp"

namespace {

bool Write(const std::filesystem::path& path, const std::string& text) {
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  if (!out) std::cerr << "sancheck_docgen: cannot write " << path.string() << "\n";
  return static_cast<bool>(out);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace sancheck;
  if (argc != 2) {
    std::cerr << "usage: sancheck_docgen OUT_DIR\n";
    return 2;
  }
  const std::filesystem::path dir = argv[1];
  CLI::App app;
  cli::Runner runner;  // never run: the definitions are only read
  cli::GlobalOptions global;
  cli::DefineCommandLine(app, runner, global);
  const docgen::CommandDoc root = docgen::DescribeCommand(app);
  const std::string_view version = ToolVersion();
  bool ok = true;
  for (const auto& [name, text] : docgen::ManPages(root, version)) ok = Write(dir / "man1" / name, text) && ok;
  ok = Write(dir / "bash" / "sancheck", docgen::BashCompletion(root, version)) && ok;
  ok = Write(dir / "zsh" / "_sancheck", docgen::ZshCompletion(root, version)) && ok;
  return ok ? 0 : 1;
}
