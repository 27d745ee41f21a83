// Build step: writes the built-in UN list from the official UN Consolidated List XML (the whole list, every regime).
//
// Usage: sancheck_listgen UN_XML NAME OUTPUT
// The output is the YAML list format `sancheck lists import --format un-xml` writes; the build
// embeds it as a built-in pack file, so the list the binary screens against is always the one
// the UN published, never a hand-edited copy.
#include <iostream>
#include <string>

#include "common/files.hpp"
#include "lists/list_writer.hpp"
#include "lists/un_xml.hpp"

int main(int argc, char** argv) {
  using namespace sancheck;
  if (argc != 4) {
    std::cerr << "usage: sancheck_listgen UN_XML NAME OUTPUT\n";
    return 2;
  }
  Diagnostics diags;
  auto file = ReadSource(argv[1], diags);
  screen::DesignationList list;
  if (file) list = lists::ImportUnXml(file, diags);
  if (diags.HasErrors()) {
    std::cerr << diags.RenderAll();
    return 2;
  }
  list.name = argv[2];
  // What the binary will load must load: checked here, at build time, not at the first run.
  const auto yaml = lists::LoadableListYaml(list, argv[3], diags);
  if (!yaml) {
    std::cerr << diags.RenderAll();
    return 2;
  }
  if (const std::string error = WriteFileAtomically(argv[3], *yaml); !error.empty()) {
    std::cerr << "sancheck_listgen: " << error << "\n";
    return 2;
  }
  return 0;
}
