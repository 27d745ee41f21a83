// Imports OFAC's SDN list, or its consolidated non-SDN list, in the legacy CSV layout (sdn/cons_prim, add, alt, comments joined on the entity number).
#pragma once

#include <memory>

#include "sancheck/core_types.hpp"
#include "sancheck/diagnostics.hpp"
#include "screen/designations_loader.hpp"

namespace sancheck::lists {

/// Which of OFAC's lists the files hold: both come in the same layout, the SDN list as sdn.csv,
/// add.csv, alt.csv and sdn_comments.csv, the consolidated (non-SDN) list as cons_prim.csv,
/// cons_add.csv, cons_alt.csv and cons_comments.csv. Only the consequence differs: an SDN is
/// blocked; the non-SDN lists (sectoral sanctions, NS-PLC, FSE, CMIC, ...) restrict some dealings.
enum class OfacList { kSdn, kConsolidated };

/// The files of one OFAC snapshot; `add`, `alt` and `comments` may be null (not given).
struct OfacFiles {
  std::shared_ptr<const SourceFile> sdn;  ///< ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type,
                                          ///< Tonnage, GRT, Vess_flag, Vess_owner, Remarks
  std::shared_ptr<const SourceFile> add;  ///< ent_num, add_num, Address, City/State/Postal, Country, Add_remarks
  std::shared_ptr<const SourceFile> alt;  ///< ent_num, alt_num, alt_type (aka, fka, nka), alt_name, alt_remarks
  /// ent_num, Remarks_Extended: the rest of Remarks that reach 1,000 characters (OFAC has published it
  /// since 2013; older snapshots have none).
  std::shared_ptr<const SourceFile> comments;
  OfacList list = OfacList::kSdn;
};

/// The regime of every SDN entry: one list, one legal consequence (blocking), whatever the
/// programme; the programmes ("DPRK", "SDGT", ...) are each entry's `programs`.
inline constexpr const char* kOfacRegime = "OFAC SDN";
/// The regime of every entry of the consolidated non-SDN list, its programmes each entry's.
inline constexpr const char* kOfacConsolidatedRegime = "OFAC non-SDN";

/// Reads the files (no header line; "-0-" is an empty field; quoted fields; CRLF). Each SDN
/// row is an entry "OFAC-<ent_num>": SDN_Type individual, vessel, aircraft or -0- (an entity;
/// aircraft are entities too, the list format has no aircraft kind); aliases from alt.csv;
/// dates of birth, nationality and IMO numbers from Remarks (continued by sdn_comments.csv's
/// rows of the same ent_num, in their order); a vessel's flag from Vess_flag
/// when the country name is known. The legacy CSV carries no listing date: every entry is
/// listed on `snapshot`, the date the files were downloaded. Errors are "lists.ofac.*" at
/// the file, line and column; on any error the list must not be used.
screen::DesignationList ImportOfacCsv(const OfacFiles& files, Date snapshot, Diagnostics& diags);

}  // namespace sancheck::lists
