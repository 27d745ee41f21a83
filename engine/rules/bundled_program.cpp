// Writes compiled conditions into the pack bundle and reads them back, checking every index the evaluator follows.
#include "rules/bundled_program.hpp"

#include "expr/fields.hpp"

namespace sancheck::rules {
namespace {

constexpr size_t kNodeBytes = 4 * 1 + 2 * (2 + 8 + 8) + 3 * 4 + 2 * 4;

void PutOperand(ByteWriter& w, const expr::Operand& o) {
  w.Put<uint8_t>(o.is_field);
  w.Enum(o.field);
  w.Put(o.i);
  w.Put(o.num);
}

expr::FieldId GetField(ByteReader& r) {
  const auto id = r.Get<uint8_t>("field");
  if (id >= expr::AllFields().size()) r.Fail("bad field");
  return static_cast<expr::FieldId>(id);
}

expr::Operand GetOperand(ByteReader& r) {
  expr::Operand o;
  const auto is_field = r.Get<uint8_t>("operand");
  if (is_field > 1) r.Fail("bad operand");
  o.is_field = is_field == 1;
  o.field = GetField(r);
  o.i = r.Get<int64_t>("operand");
  o.num = r.Get<double>("operand");
  return o;
}

// The bits of a bitset that are set, as 16-bit indexes.
template <size_t N>
void PutBits(ByteWriter& w, const std::bitset<N>& bits) {
  w.Put(static_cast<uint32_t>(bits.count()));
  for (size_t i = 0; i < N; ++i) {
    if (bits.test(i)) w.Put(static_cast<uint16_t>(i));
  }
}

template <size_t N>
void GetBits(ByteReader& r, std::bitset<N>& bits, const char* what) {
  const uint32_t n = r.Count(2, what);
  for (uint32_t k = 0; k < n; ++k) {
    const auto i = r.Get<uint16_t>(what);
    if (i >= N) r.Fail(std::string("bad ") + what);
    bits.set(i);
  }
}

}  // namespace

void PutSetValues(ByteWriter& w, const expr::ValueSet& s) {
  w.Enum(s.element);
  PutBits(w, s.countries);
  w.Put(s.enums);
  w.Put(static_cast<uint32_t>(s.hs.size()));
  for (const auto& [lo, hi] : s.hs) {
    w.Put(lo);
    w.Put(hi);
  }
  w.Put(static_cast<uint32_t>(s.numbers.size()));
  for (const double d : s.numbers) w.Put(d);
  w.Put(static_cast<uint32_t>(s.dates.size()));
  for (const int32_t d : s.dates) w.Put(d);
  w.Put(static_cast<uint64_t>(s.size));
}

void GetSetValues(ByteReader& r, expr::ValueSet& s) {
  s.element = r.Enum(expr::Type::kTagList, "set type");
  GetBits(r, s.countries, "countries");
  s.enums = r.Get<uint64_t>("enumerators");
  s.hs.resize(r.Count(16, "hs codes"));
  for (auto& [lo, hi] : s.hs) {
    lo = r.Get<uint64_t>("hs code");
    hi = r.Get<uint64_t>("hs code");
  }
  s.numbers.resize(r.Count(8, "numbers"));
  for (double& d : s.numbers) d = r.Get<double>("number");
  s.dates.resize(r.Count(4, "dates"));
  for (int32_t& d : s.dates) d = r.Get<int32_t>("date");
  s.size = static_cast<size_t>(r.Get<uint64_t>("set size"));
}

namespace {

// A list literal: its values, then its tags by bit (a named set is written by name: the run has it).
void PutLiteral(ByteWriter& w, const expr::ValueSet& s) {
  PutSetValues(w, s);
  PutBits(w, s.tags);
}

std::shared_ptr<const expr::ValueSet> GetLiteral(ByteReader& r) {
  auto s = std::make_shared<expr::ValueSet>();
  GetSetValues(r, *s);
  GetBits(r, s->tags, "tags");
  return s;
}

bool UsesSet(expr::Op op) { return op == expr::Op::kInSet || op == expr::Op::kListInSet; }
bool NeedsChild(expr::Op op) { return op == expr::Op::kNot || op == expr::Op::kAny || op == expr::Op::kAll; }

// Whether a constant of type `t` is one the evaluator can use as it does (a country, tag or
// enumerator is a bit position).
bool ConstantInRange(expr::Type t, int64_t i) {
  if (t == expr::Type::kCountry) return i >= 0 && i < Country::kCount;
  if (t == expr::Type::kTag) return i >= 0 && i < expr::kMaxTags;
  if (t == expr::Type::kBool) return i == 0 || i == 1;
  if (expr::IsEnum(t)) return i >= 0 && i < 64;
  return true;  // numbers and dates: any value compares
}

expr::Type FieldType(const expr::Operand& o) { return expr::Field(o.field).type; }

// An operand of a scalar of type `t`: a field of that type, or a constant in range.
bool ScalarOperand(const expr::Operand& o, expr::Type t) {
  return o.is_field ? FieldType(o) == t : ConstantInRange(t, o.i);
}

// Whether node `n` reads its operands and its set as the compiler writes them for its
// operation (compiler.cpp): types agree, constants are in range, list fields where lists go.
bool Typed(const expr::Node& n, expr::Type set_element) {
  using expr::Op;
  using expr::Type;
  switch (n.op) {
    case Op::kConst: case Op::kAnd: case Op::kOr: case Op::kNot: case Op::kAny: case Op::kAll: return true;
    case Op::kBoolField: return n.lhs.is_field && FieldType(n.lhs) == Type::kBool;
    case Op::kKnown: return n.lhs.is_field && FieldType(n.lhs) == n.type;
    case Op::kEmpty: return n.lhs.is_field && FieldType(n.lhs) == n.type && expr::IsList(n.type);
    case Op::kCompare:
      return n.lhs.is_field && !expr::IsList(n.type) && n.type != Type::kHs && ScalarOperand(n.lhs, n.type) &&
             ScalarOperand(n.rhs, n.type);
    case Op::kInSet: return n.lhs.is_field && FieldType(n.lhs) == n.type && set_element == n.type;
    case Op::kListInSet:
      return n.lhs.is_field && expr::IsList(FieldType(n.lhs)) && expr::ElementType(FieldType(n.lhs)) == n.type &&
             set_element == n.type;
    case Op::kInListField:
      return n.rhs.is_field && expr::IsList(FieldType(n.rhs)) && expr::ElementType(FieldType(n.rhs)) == n.type &&
             ScalarOperand(n.lhs, n.type);
  }
  return false;
}

// The tag bits `p` holds: tag constants (compared, or looked for in a list field) and the tags
// of its list literals. Named sets (null in a program just read) are bound by name, their tags
// the run's.
std::vector<uint16_t> TagBits(const expr::Program& p) {
  expr::TagSet bits;
  for (const expr::Node& n : p.nodes) {
    if (n.type != expr::Type::kTag) continue;
    if (n.op == expr::Op::kCompare && !n.rhs.is_field) bits.set(static_cast<size_t>(n.rhs.i));
    if (n.op == expr::Op::kInListField && !n.lhs.is_field) bits.set(static_cast<size_t>(n.lhs.i));
  }
  for (const auto& s : p.sets) {
    if (s && s->name.empty()) bits |= s->tags;
  }
  std::vector<uint16_t> out;
  for (size_t i = 0; i < bits.size(); ++i) {
    if (bits.test(i)) out.push_back(static_cast<uint16_t>(i));
  }
  return out;
}

}  // namespace

void PutProgram(ByteWriter& w, const expr::Program& p, const expr::TagRegistry& registry) {
  const std::vector<uint16_t> bits = TagBits(p);
  w.Put(static_cast<uint32_t>(bits.size()));
  for (const uint16_t bit : bits) {
    w.Str(registry.names().at(bit));
    w.Put(bit);
  }
  w.Put(static_cast<uint32_t>(p.sets.size()));
  for (const auto& s : p.sets) {
    const bool named = !s->name.empty();
    w.Put<uint8_t>(named);
    if (named) {
      w.Str(s->name);
      w.Enum(s->element);
    } else {
      PutLiteral(w, *s);
    }
  }
  w.Put(static_cast<uint32_t>(p.children.size()));
  for (const uint32_t c : p.children) w.Put(c);
  w.Put(static_cast<uint32_t>(p.nodes.size()));
  for (const expr::Node& n : p.nodes) {
    w.Enum(n.op);
    w.Enum(n.cmp);
    w.Enum(n.type);
    w.Enum(n.constant);
    PutOperand(w, n.lhs);
    PutOperand(w, n.rhs);
    w.Put(n.set);
    w.Put(n.first);
    w.Put(n.count);
    w.Put<int32_t>(n.begin);
    w.Put<int32_t>(n.end);
  }
  w.Put(p.root);
  w.Put<uint8_t>(p.item_scoped);
  w.Strs(p.sets_used);
  w.Put(static_cast<uint32_t>(p.fields_read.size()));
  for (const expr::FieldId f : p.fields_read) w.Enum(f);
}

BundledProgram GetProgram(ByteReader& r, const std::string& text) {
  BundledProgram b;
  b.tags.resize(r.Count(6, "tags"));
  for (auto& [name, bit] : b.tags) {
    name = r.Str("tag");
    bit = r.Get<uint16_t>("tag bit");
    if (bit >= expr::kMaxTags) r.Fail("bad tag bit");
  }
  expr::Program& p = b.program;
  p.text = text;
  const uint32_t sets = r.Count(2, "sets");
  p.sets.resize(sets);
  b.set_names.resize(sets);
  for (uint32_t k = 0; k < sets; ++k) {
    const auto named = r.Get<uint8_t>("set");
    if (named > 1) r.Fail("bad set");
    if (named == 1) {
      b.set_names[k].name = r.Str("set name");
      if (b.set_names[k].name.empty()) r.Fail("bad set name");
      b.set_names[k].element = r.Enum(expr::Type::kTagList, "set type");
    } else {
      p.sets[k] = GetLiteral(r);
    }
  }
  p.children.resize(r.Count(4, "children"));
  for (uint32_t& c : p.children) c = r.Get<uint32_t>("child");
  p.nodes.resize(r.Count(kNodeBytes, "nodes"));
  if (p.nodes.empty()) r.Fail("a program without nodes");
  std::vector<uint8_t> parents(p.nodes.size());
  for (size_t k = 0; k < p.nodes.size(); ++k) {
    expr::Node& n = p.nodes[k];
    n.op = r.Enum(expr::Op::kEmpty, "operation");
    n.cmp = r.Enum(expr::CmpOp::kGe, "comparison");
    n.type = r.Enum(expr::Type::kTagList, "type");
    n.constant = r.Enum(Truth::kUnknown, "truth");
    n.lhs = GetOperand(r);
    n.rhs = GetOperand(r);
    n.set = r.Get<uint32_t>("node set");
    n.first = r.Get<uint32_t>("node children");
    n.count = r.Get<uint32_t>("node children");
    n.begin = r.Get<int32_t>("node position");
    n.end = r.Get<int32_t>("node position");
    if (UsesSet(n.op) && n.set >= sets) r.Fail("bad node set");
    if (uint64_t{n.first} + n.count > p.children.size() || (NeedsChild(n.op) && n.count == 0)) {
      r.Fail("bad node children");
    }
    // Children come before their parent, as the compiler emits them, and each has one parent:
    // no node is its own ancestor, and evaluating a node visits each below it once.
    for (uint32_t c = n.first; c < n.first + n.count; ++c) {
      if (p.children[c] >= k || parents[p.children[c]]++ > 0) r.Fail("bad child");
    }
    const expr::Type element = !UsesSet(n.op)             ? n.type
                               : b.set_names[n.set].name.empty() ? p.sets[n.set]->element
                                                                 : b.set_names[n.set].element;
    if (!Typed(n, element)) r.Fail("bad node types");
    if (n.begin < 0 || n.end < n.begin || static_cast<size_t>(n.end) > text.size()) r.Fail("bad node position");
  }
  p.root = r.Get<uint32_t>("root");
  if (p.root >= p.nodes.size() || parents[p.root] > 0) r.Fail("bad root");
  const auto item_scoped = r.Get<uint8_t>("item scope");
  if (item_scoped > 1) r.Fail("bad item scope");
  p.item_scoped = item_scoped == 1;
  // The tags it names are the tags it holds: binding checks those, and only those, against the run.
  std::vector<uint16_t> named;
  for (const auto& tag : b.tags) named.push_back(tag.second);
  if (named != TagBits(p)) r.Fail("bad tags");
  p.sets_used = r.Strs("sets used");
  p.fields_read.resize(r.Count(1, "fields read"));
  for (expr::FieldId& f : p.fields_read) f = GetField(r);
  return b;
}

std::optional<expr::Program> BindProgram(const BundledProgram& b, const SetsByName& sets,
                                         const expr::TagRegistry& tags) {
  for (const auto& [name, bit] : b.tags) {
    if (tags.Find(name) != static_cast<int>(bit)) return std::nullopt;
  }
  expr::Program p = b.program;
  for (size_t k = 0; k < b.set_names.size(); ++k) {
    const BundledProgram::SetName& named = b.set_names[k];
    if (named.name.empty()) continue;
    const auto it = sets.find(named.name);
    if (it == sets.end() || it->second->element != named.element) return std::nullopt;
    p.sets[k] = it->second;
  }
  return p;
}

}  // namespace sancheck::rules
