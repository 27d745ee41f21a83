// YAML emission of designation lists through yaml-cpp's emitter (it quotes and escapes), written atomically.
#include "lists/list_writer.hpp"

#include <yaml-cpp/yaml.h>

#include "screen/designations_loader.hpp"

namespace sancheck::lists {
namespace {

using screen::Designation;
using screen::DesignationKind;
using screen::Verification;

// Every text is double-quoted: a name such as "NO", "1968" or "null" stays a string.
void Text(YAML::Emitter& out, const char* key, const std::string& value) {
  if (value.empty()) return;
  out << YAML::Key << key << YAML::Value << YAML::DoubleQuoted << value;
}

void Texts(YAML::Emitter& out, const char* key, const std::vector<std::string>& values) {
  if (values.empty()) return;
  out << YAML::Key << key << YAML::Value << YAML::BeginSeq;
  for (const auto& v : values) out << YAML::DoubleQuoted << v;
  out << YAML::EndSeq;
}

// "1968-03-26", "1960" or a range of years "1967/1969", as the loader reads them.
std::string BirthText(const screen::BirthSpan& b) {
  if (b.until > 0) return std::to_string(b.born.year) + "/" + std::to_string(b.until);
  return b.born.date ? b.born.date->ToString() : std::to_string(b.born.year);
}

void Status(YAML::Emitter& out, const char* key, Verification v, Verification fallback) {
  if (v != fallback) out << YAML::Key << key << YAML::Value << std::string(screen::VerificationName(v));
}

void Entry(YAML::Emitter& out, const Designation& d, const std::string& list_regime) {
  out << YAML::BeginMap;
  Text(out, "reference", d.reference);
  out << YAML::Key << "kind" << YAML::Value << std::string(screen::DesignationKindName(d.kind));
  Text(out, "name", d.name);
  Texts(out, "aliases", d.aliases);
  Texts(out, "original_names", d.original_names);
  if (!d.births.empty()) {
    out << YAML::Key << "born" << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const auto& b : d.births) out << YAML::DoubleQuoted << BirthText(b);
    out << YAML::EndSeq;
  }
  out << YAML::Key << "listed_on" << YAML::Value << d.listed_on.ToString();
  if (d.updated) out << YAML::Key << "updated" << YAML::Value << d.updated->ToString();
  if (d.delisted_on) out << YAML::Key << "delisted_on" << YAML::Value << d.delisted_on->ToString();
  if (d.regime != list_regime) {
    out << YAML::Key << "regime" << YAML::Value << YAML::DoubleQuoted << d.regime;
  }
  Texts(out, "programs", d.programs);
  Text(out, "nationality", d.nationality);
  Text(out, "resolution", d.resolution);
  Text(out, "title", d.title);
  Text(out, "note", d.note);
  if (d.kind == DesignationKind::kVessel) {
    Text(out, "imo", d.imo);
    Status(out, "imo_status", d.imo_status, Verification::kUnverified);
    if (d.flag) out << YAML::Key << "flag" << YAML::Value << d.flag->ToString();
    Status(out, "flag_status", d.flag_status, Verification::kUnverified);
    Status(out, "listing_status", d.listing_status, Verification::kVerified);
  }
  if (d.kind == DesignationKind::kEntity) Text(out, "company_imo", d.company_imo);
  out << YAML::EndMap;
}

}  // namespace

std::string DesignationListYaml(const screen::DesignationList& list) {
  YAML::Emitter out;
  out.SetIndent(2);
  out << YAML::Comment("Imported by `sancheck lists import`: regenerate it rather than edit it (counts: guards the entries).");
  out << YAML::BeginMap << YAML::Key << "designations" << YAML::Value << YAML::BeginMap;
  Text(out, "name", list.name);
  out << YAML::Key << "snapshot" << YAML::Value << list.snapshot;
  Text(out, "source", list.source);
  Text(out, "format", list.format);
  Text(out, "regime", list.regime);
  if (!list.inputs.empty()) {
    out << YAML::Key << "inputs" << YAML::Value << YAML::BeginSeq;
    for (const auto& in : list.inputs) {
      out << YAML::BeginMap;
      Text(out, "file", in.file);
      out << YAML::Key << "sha256" << YAML::Value << in.sha256 << YAML::EndMap;
    }
    out << YAML::EndSeq;
  }
  out << YAML::Key << "counts" << YAML::Value << YAML::BeginMap;
  for (const auto& [regime, count] : list.CountsByRegime()) {
    out << YAML::Key << YAML::DoubleQuoted << regime << YAML::Value << count;
  }
  out << YAML::EndMap;
  out << YAML::Key << "entries" << YAML::Value << YAML::BeginSeq;
  for (const auto& d : list.entries) Entry(out, d, list.regime);
  out << YAML::EndSeq << YAML::EndMap << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

std::optional<std::string> LoadableListYaml(const screen::DesignationList& list, const std::string& path,
                                            Diagnostics& diags) {
  std::string yaml = DesignationListYaml(list);
  Diagnostics back_diags;
  const auto back = screen::LoadDesignationList(std::make_shared<SourceFile>(SourceFile{path, yaml}), back_diags);
  if (!back_diags.HasErrors() && back.entries.size() == list.entries.size()) return yaml;
  diags.Append(back_diags);
  diags.Error({}, "lists.not_loadable", path + ": the written list does not load back (" +
                                            std::to_string(back.entries.size()) + " of " +
                                            std::to_string(list.entries.size()) + " entries); nothing written");
  return std::nullopt;
}

}  // namespace sancheck::lists
