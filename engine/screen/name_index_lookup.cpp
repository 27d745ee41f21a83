// The index's lookup structures, made on load (stored only in built-in snapshots): the key directory, the word and run scans, compact weights.
#include <algorithm>
#include <atomic>

#include "screen/id_sort.hpp"
#include "screen/name_index.hpp"

namespace sancheck::screen {

uint32_t FirstBytes(std::string_view w) {
  const auto at = [&](size_t i) { return i < w.size() ? static_cast<uint32_t>(static_cast<unsigned char>(w[i])) : 0u; };
  return at(0) << 24 | at(1) << 16 | at(2) << 8 | at(3);
}

size_t SharedPrefix(uint32_t first_a, uint32_t first_b) {
  // Bytes past a text's end are 0 and never count as shared.
  size_t shared = 0;
  for (int shift = 24; shift >= 0; shift -= 8) {
    const uint32_t a = (first_a >> shift) & 0xFF;
    if (a == 0 || a != ((first_b >> shift) & 0xFF)) break;
    ++shared;
  }
  return shared;
}

uint32_t RunKey(std::string_view w, size_t length) {
  const auto at = [&](size_t i) { return i < w.size() ? static_cast<uint32_t>(static_cast<unsigned char>(w[i])) : 0u; };
  return static_cast<uint32_t>(std::min<size_t>(length, 0xFF)) << 24 | at(0) << 16 | at(1) << 8 | at(2);
}

namespace {

// A new serial for every index prepared in this process (see NameIndex::serial).
uint64_t NextSerial() {
  static std::atomic<uint64_t> serials{0};
  return ++serials;
}

}  // namespace

std::pair<uint32_t, uint32_t> NameIndex::TermsUnder(uint64_t key) const {
  if (directory.empty()) return {0, 0};
  const size_t b = directory_shift >= 64 ? 0 : static_cast<size_t>(key >> directory_shift);
  const auto first = keys.begin() + directory[b], last = keys.begin() + directory[b + 1];
  const auto it = std::lower_bound(first, last, key);
  if (it == last || *it != key) return {0, 0};
  const auto k = static_cast<size_t>(it - keys.begin());
  return {key_starts[k], key_starts[k + 1]};
}

void NameIndex::Prepare() {
  PrepareLookups();
  PrepareScan();
}

std::string NameIndex::PrepareWithStoredScan() {
  if (std::string bad = CheckScan(); !bad.empty()) return bad;
  if (std::string bad = CheckLookups(); !bad.empty()) return bad;
  serial = NextSerial();
  return {};
}

// What TermsUnder and the name gathering index by, in bounds: a directory of 2^bits slots
// (bits <= 24) whose offsets into `keys` ascend, and a weight per name. Whether they are the
// ones PrepareLookups makes is the build's word (a built-in snapshot only).
std::string NameIndex::CheckLookups() const {
  if (name_weights.size() != names.size()) return "lookups: a weight per name expected";
  if (keys.empty()) return directory.empty() && directory_shift == 64 ? "" : "lookups: a directory without keys";
  if (directory_shift < 40 || directory_shift > 64) return "lookups: bad directory shift";
  const size_t slots = size_t{1} << (64 - directory_shift);
  if (directory.size() != slots + 1 || directory.front() != 0 || directory.back() != keys.size()) {
    return "lookups: bad directory";
  }
  for (size_t b = 0; b < slots; ++b) {
    if (directory[b + 1] < directory[b]) return "lookups: directory out of order";
  }
  return {};
}

// What ScanNear and ScanText index by, in bounds: each length's words in one block of the
// text, every term a term of the index. Whether the tables are the sorted ones Prepare makes is
// the build's word (a built-in snapshot only; see the declaration).
std::string NameIndex::CheckScan() const {
  constexpr size_t kLengths = 256;
  const size_t words = scan_terms.size();
  if (scan_starts.size() != kLengths + 1 || scan_text_starts.size() != kLengths + 1) return "scan: bad length table";
  if (scan_kinds.size() != words || scan_letters.size() != words || scan_next.size() != words) {
    return "scan: tables of different sizes";
  }
  if (scan_starts[0] != 0 || scan_text_starts[0] != 0) return "scan: bad length table";
  for (size_t n = 0; n < kLengths; ++n) {
    if (scan_starts[n + 1] < scan_starts[n] || scan_starts[n + 1] > words) return "scan: bad length table";
    const uint64_t bytes = uint64_t{scan_starts[n + 1] - scan_starts[n]} * n;
    if (scan_text_starts[n + 1] < scan_text_starts[n] || scan_text_starts[n + 1] - scan_text_starts[n] != bytes) {
      return "scan: text and words disagree";
    }
  }
  if (scan_starts[kLengths] != words || scan_text_starts[kLengths] != scan_text.size()) {
    return "scan: text and words disagree";
  }
  for (const uint32_t t : scan_terms) {
    if (t >= term_count()) return "scan: a word past the terms";
  }
  if (run_terms.size() != run_keys.size() || run_letters.size() != run_keys.size() ||
      run_fourth.size() != run_keys.size() || run_repeats.size() != run_keys.size()) {
    return "scan: run tables of different sizes";
  }
  for (const uint32_t t : run_terms) {
    if (t >= term_count()) return "scan: a run past the terms";
  }
  return {};
}

void NameIndex::PrepareLookups() {
  serial = NextSerial();
  std::vector<uint16_t> weights(names.size());
  for (size_t i = 0; i < names.size(); ++i) weights[i] = WeightFloor(names[i].weight);
  name_weights = std::move(weights);
  directory = std::vector<uint32_t>();
  directory_shift = 64;
  if (keys.empty()) return;
  // About two keys per slot; the top `bits` bits of a key pick its slot.
  unsigned bits = 0;
  while (bits < 24 && (size_t{1} << (bits + 1)) <= keys.size()) ++bits;
  directory_shift = 64 - bits;
  const size_t slots = size_t{1} << bits;
  std::vector<uint32_t> slot_starts(slots + 1, 0);
  size_t k = 0;
  for (size_t b = 0; b < slots; ++b) {
    slot_starts[b] = static_cast<uint32_t>(k);
    while (k < keys.size() && (bits == 0 ? 0 : static_cast<size_t>(keys[k] >> directory_shift)) == b) ++k;
  }
  slot_starts[slots] = static_cast<uint32_t>(keys.size());
  directory = std::move(slot_starts);
}

void NameIndex::PrepareScan() {
  // Words by length, each length's sorted by first bytes; runs sorted by their length and start.
  // Both sorts are radix sorts of (key << 32 | term) entries, stable, made in term order, so
  // ties stay by term: the order a full sort of the entries gives, at a fraction of its cost
  // (this runs on every load of a snapshot other than the program's own).
  constexpr size_t kLengths = 256;
  std::vector<uint32_t> starts(kLengths + 1, 0);
  std::vector<uint64_t> words, runs, scratch;  // FirstBytes or RunKey << 32 | term
  for (uint32_t t = 0; t < term_count(); ++t) {
    const size_t n = term_starts[t + 1] - term_starts[t];
    if (n < 2 || n >= kLengths) continue;
    if (term_kinds[t] & kTermWord) {
      ++starts[n + 1];
      words.push_back(uint64_t{FirstBytes(Term(t))} << 32 | t);
    } else if ((term_kinds[t] & kTermJoin) && n >= 3) {
      runs.push_back(static_cast<uint64_t>(RunKey(Term(t), n)) << 32 | t);
    }
  }
  for (size_t n = 0; n < kLengths; ++n) starts[n + 1] += starts[n];
  // Sorted by first bytes, then placed by length in that order: each length's words stay sorted.
  SortByUpper(words, scratch, 32);
  std::vector<uint64_t> order(starts[kLengths]);
  std::vector<uint32_t> next(starts.begin(), starts.end() - 1);
  size_t text_bytes = 0;
  for (const uint64_t w : words) {
    const auto t = static_cast<uint32_t>(w);
    const size_t n = term_starts[t + 1] - term_starts[t];
    order[next[n]++] = w;
    text_bytes += n;
  }
  std::vector<uint32_t> terms(order.size()), firsts(order.size());
  std::vector<uint8_t> kinds(order.size());
  std::vector<uint64_t> letters(order.size()), text_starts(kLengths + 1, 0);
  std::vector<char> text;
  text.reserve(text_bytes);
  for (size_t n = 0; n < kLengths; ++n) {
    text_starts[n] = text.size();
    for (uint32_t k = starts[n]; k < starts[n + 1]; ++k) {
      const auto t = static_cast<uint32_t>(order[k]);
      const std::string_view w = Term(t);
      terms[k] = t;
      kinds[k] = term_kinds[t];
      letters[k] = LetterSet(w);
      firsts[k] = static_cast<uint32_t>(order[k] >> 32);
      text.insert(text.end(), w.begin(), w.end());
    }
  }
  text_starts[kLengths] = text.size();
  scan_starts = std::move(starts);
  scan_terms = std::move(terms);
  scan_kinds = std::move(kinds);
  scan_letters = std::move(letters);
  scan_next = std::move(firsts);
  scan_text = std::move(text);
  scan_text_starts = std::move(text_starts);

  SortByUpper(runs, scratch, 32);
  std::vector<uint32_t> run_key(runs.size()), run_term(runs.size());
  std::vector<uint64_t> run_letter(runs.size());
  std::vector<uint8_t> run_fourth_byte(runs.size());
  std::vector<LetterRepeats> run_repeat(runs.size());
  for (size_t i = 0; i < runs.size(); ++i) {
    const auto t = static_cast<uint32_t>(runs[i]);
    const std::string_view w = Term(t);
    run_key[i] = static_cast<uint32_t>(runs[i] >> 32);
    run_term[i] = t;
    run_letter[i] = LetterSet(w);
    run_fourth_byte[i] = static_cast<uint8_t>(FirstBytes(w) & 0xFF);
    run_repeat[i] = RepeatsOf(w);
  }
  run_keys = std::move(run_key);
  run_terms = std::move(run_term);
  run_letters = std::move(run_letter);
  run_fourth = std::move(run_fourth_byte);
  run_repeats = std::move(run_repeat);
}

}  // namespace sancheck::screen
