// Fuzz target for the list readers: the first byte picks UN XML, OFAC sdn or comments CSV, own CSV or a binary list snapshot; what imports cleanly must round-trip.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "lists/list_writer.hpp"
#include "lists/ofac_csv.hpp"
#include "lists/own_csv.hpp"
#include "lists/un_xml.hpp"
#include "screen/list_snapshot.hpp"
#include "screen/screener.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sancheck;
  if (size == 0) return 0;
  const int format = data[0] % 4;
  auto file = std::make_shared<SourceFile>(
      SourceFile{format == 0 ? "un.xml" : format == 1 ? "sdn.csv" : format == 2 ? "own.csv" : "list.bin",
                 std::string(reinterpret_cast<const char*>(data) + 1, size - 1)});
  if (format == 3) {
    // A snapshot is refused with an error or read whole: never a crash, never a short list.
    // The input is the payload, sealed here, so mutations reach the parser and the index
    // checks instead of stopping at the checksum; an index that passes them is searched.
    auto sealed = std::make_shared<SourceFile>(SourceFile{"list.bin", screen::SealListSnapshot(file->text)});
    Diagnostics diags;
    // The first byte's next bit reads it as screening does (titles and notes passed over).
    const auto text = (data[0] & 4) ? screen::EntryText::kForScreening : screen::EntryText::kAll;
    auto snapshot = screen::ParseListSnapshot(sealed, diags, Integrity::kVerify, text);
    if (!snapshot && !diags.HasErrors()) std::abort();
    if (snapshot) {
      std::vector<screen::Screener::Part> parts(1);
      parts[0] = screen::Screener::Part{std::move(snapshot->list.entries), snapshot->index};
      const screen::Screener screener(std::move(parts));
      const Date far = *Date::Parse("2100-01-01");
      for (const char* name : {"Kim Chol Su", "KIMCHOL", "Jo Chun Ryong", "ANZHEN", "Al-Tikriti Abd"}) {
        (void)screener.Screen(screen::Query{name, {}, {}, {}, {}, {}}, far);
      }
    }
    return 0;
  }
  const Date snapshot = *Date::Parse("2024-01-01");
  Diagnostics diags;
  screen::DesignationList list;
  if (format == 0) {
    list = lists::ImportUnXml(file, diags);
  } else if (format == 1) {
    // The first byte's next bit makes the input an sdn_comments.csv beside a fixed SDN file whose
    // entries 1 and 2 it may continue.
    if (data[0] & 4) {
      auto sdn = std::make_shared<SourceFile>(SourceFile{
          "sdn.csv", "1,\"KIM, Il\",\"individual\",\"DPRK\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 1960; a\"\r\n"
                     "2,\"CHON SONG\",\"vessel\",\"DPRK\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\x1A"});
      list = lists::ImportOfacCsv(lists::OfacFiles{sdn, nullptr, nullptr, file}, snapshot, diags);
    } else {
      list = lists::ImportOfacCsv(lists::OfacFiles{file, nullptr, nullptr, nullptr}, snapshot, diags);
    }
  } else {
    list = lists::ImportOwnCsv(file, snapshot, "own", diags);
  }
  for (const auto& d : diags.items()) {
    // Every error points into the file, at a real line and column.
    if (d.severity == Severity::kError && (!d.pos.file || d.pos.line < 1 || d.pos.column < 1)) std::abort();
  }
  diags.RenderAll();
  if (diags.HasErrors()) return 0;
  // A list that imported without an error is one the loader accepts, entry for entry.
  Diagnostics back_diags;
  auto written = std::make_shared<SourceFile>(SourceFile{"list.yaml", lists::DesignationListYaml(list)});
  const auto back = screen::LoadDesignationList(written, back_diags);
  if (back_diags.HasErrors() || back.entries.size() != list.entries.size()) std::abort();
  return 0;
}
