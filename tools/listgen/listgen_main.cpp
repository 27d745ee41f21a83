// Build step: writes the built-in UN list from the official UN Consolidated List XML (the whole list, every regime).
//
// Usage: sancheck_listgen UN_XML NAME OUTPUT
// The output is the YAML list format `sancheck lists import --format un-xml` writes; the build
// embeds it as a built-in pack file, so the list the binary screens against is always the one
// the UN published, never a hand-edited copy.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

#include "common/files.hpp"
#include "lists/list_writer.hpp"
#include "lists/un_xml.hpp"
#include "screen/designations_loader.hpp"

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
  const std::string yaml = lists::DesignationListYaml(list);
  // What the binary will load must load: checked here, at build time, not at the first run.
  Diagnostics check;
  const auto back = screen::LoadDesignationList(std::make_shared<SourceFile>(SourceFile{argv[3], yaml}), check);
  if (check.HasErrors() || back.entries.size() != list.entries.size()) {
    std::cerr << check.RenderAll() << "sancheck_listgen: the generated list does not load back\n";
    return 2;
  }
  const std::string tmp = std::string(argv[3]) + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary);
    out << yaml;
    if (!out) {
      std::cerr << "sancheck_listgen: cannot write " << tmp << "\n";
      return 2;
    }
  }
  if (std::rename(tmp.c_str(), argv[3]) != 0) {
    std::cerr << "sancheck_listgen: cannot rename " << tmp << "\n";
    return 2;
  }
  return 0;
}
