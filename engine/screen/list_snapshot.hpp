// Binary snapshot of a designation list: every entry, its provenance and its prebuilt screening index, checksummed.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/sealed_bytes.hpp"
#include "sancheck/diagnostics.hpp"
#include "screen/designations_loader.hpp"
#include "screen/name_index.hpp"

namespace sancheck::screen {

/// The first bytes of every snapshot; a list file starting with them is read as one.
inline constexpr std::string_view kSnapshotMagic = "SNCKLIST";
/// Raised whenever the layout changes; a snapshot of another version is refused (re-create it
/// from the YAML list with `sancheck lists snapshot`).
/// 2: entries keep their delisting date; 3: terms index; 4: the index's word and run scans stored;
/// 5: the index's tables aligned to 8 bytes from the file's start, so they can be read in place;
/// 6: names indexed without titles (Mr, Dr, Colonel: NormalizeName drops them); 7: religious
/// titles dropped too (Mullah, Sheikh, Haji), letters with a dot or line below folded (Muḥammad);
/// 8: more Arabic name spellings read as one (Mahmoud/Mahmood, Hasan/Hassan, Syed/Sayyid, al/el, ...);
/// 9: a word read as a title's slip keeps the title's first letter ("ullah" is a name's, not "mullah");
/// a vocabulary word with a letter struck for another read as that word ("intdrnational"); a
/// parenthesis a name of its own only when in another script than the rest;
/// 10: names of a designation that is not Korean (a UN regime other than the DPRK's, another
/// nationality) not held to the pairing of romanised Korean syllables;
/// 11: the words "al" and "abu" (and their spellings) marked as particles of a name; a religious
/// title last in a name or after the article read as a name; bin/ben/ibn and Ali/Aly as one;
/// the middle names of a person's name weighing half;
/// 12: the UN list's own titles (Imam, Ustad, Doctor...) dropped; "Abd al-" read as one word,
/// a word beginning with Abdul's spellings read with its class's form; Omer, Tarek, Qasem,
/// Abdulla as their classes; the middle names of a name written surname first.
/// 13: a joined run indexed also as written where both its canonical readings differ from it.
/// 14: Murtaza, Sharif, Dawud, Yahya, Muhsin, Rida and Abubakar's spellings as their classes.
inline constexpr uint32_t kSnapshotVersion = 14;

/// Whether `head` (a file's first bytes) starts like a snapshot.
bool IsListSnapshot(std::string_view head);
/// Whether the file at `path` starts like a snapshot (false when it cannot be read).
bool IsListSnapshotFile(const std::string& path);

struct ListSnapshot {
  DesignationList list;
  std::shared_ptr<const NameIndex> index;  ///< over list.entries
};

/// Whether a snapshot stores what Prepare makes of the index: the word and run scans, the key
/// directory and the compact name weights. Only the program's own snapshots use them (the
/// others' are made again on load, see ParseListSnapshot), so only they carry them: a user's
/// snapshot would only grow. (1 stood for the scans alone; no longer written, it is refused.)
enum class StoredScans : uint8_t { kNo = 0, kYes = 2 };

/// The snapshot's bytes: header (magic, version, payload size, SHA-256 of the payload), then
/// the payload (provenance, entries, index, the scans when stored) in little-endian fields.
std::string WriteListSnapshot(const DesignationList& list, const NameIndex& index,
                              StoredScans scans = StoredScans::kNo);

/// A snapshot's bytes from its payload: the header (magic, version, size, SHA-256) put before
/// it. WriteListSnapshot seals what it lays out; the fuzz target seals what it is given, so
/// that hostile payloads get past the checksum to the parser and the index checks.
std::string SealListSnapshot(std::string_view payload);

/// What of each entry a read keeps: everything, or what screening and its reports read. The
/// entries' titles and notes are prose only the list tools show (a third of the built-in
/// list's bytes: ~0.2 ms of a start to copy); kForScreening leaves them empty.
enum class EntryText : uint8_t { kAll, kForScreening };

/// Reads a snapshot file, streaming (the file is never held whole in memory), every length and
/// count checked against the bytes left and the checksum against the payload. A bad file is
/// one error "PATH: error: byte N: ..." in `diags` and nullopt.
std::optional<ListSnapshot> LoadListSnapshot(const std::string& path, Diagnostics& diags,
                                            EntryText text = EntryText::kAll);

/// The same, from bytes already read (`file->text`); Integrity::kTrusted for the built-in
/// snapshots only (see sealed_bytes.hpp). Trusted bytes must outlive the snapshot: the index's
/// tables are read where they lie (Column::Borrow) when the bytes are aligned to 8 as the
/// program's own are, and copied otherwise.
std::optional<ListSnapshot> ParseListSnapshot(std::shared_ptr<const SourceFile> file, Diagnostics& diags,
                                              Integrity check = Integrity::kVerify, EntryText text = EntryText::kAll);
/// The same, from bytes a file of that path holds (a built-in list's, in the binary).
std::optional<ListSnapshot> ParseListSnapshot(std::string_view path, std::string_view bytes, Diagnostics& diags,
                                              Integrity check = Integrity::kVerify, EntryText text = EntryText::kAll);

/// What names a snapshot's list: its name and snapshot date.
struct ListTitle {
  std::string name;
  std::string snapshot;
};

/// A snapshot's name and date read from the head of its payload, checksum, entries and index
/// left unread (what `sancheck --version` shows of the built-in lists, at no cost); nullopt
/// when the header or those fields do not read.
std::optional<ListTitle> ListSnapshotTitle(std::string_view bytes);

}  // namespace sancheck::screen
