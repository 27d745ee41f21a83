// A compiled condition reads back from the bundle as it was written, bound to the run's sets; one that would send the evaluator out of bounds is refused.
#include <doctest/doctest.h>

#include "expr/compiler.hpp"
#include "program_checks.hpp"
#include "rules/bundled_program.hpp"

namespace sancheck::rules {
namespace {

// What reading `p`, written for `text`, throws ("" when it reads).
std::string ReadError(const expr::Program& p, const std::string& text) {
  ByteWriter w;
  PutProgram(w, p, expr::TagRegistry{});
  ByteReader r(w.bytes());
  try {
    GetProgram(r, text);
  } catch (const ByteReadError& e) {
    return e.message;
  }
  return "";
}

expr::Program OneNode(expr::Node n) {
  expr::Program p;
  p.nodes.push_back(n);
  return p;
}

TEST_SUITE("rules.bundled_program") {
  TEST_CASE("a compiled condition reads back as written, its named sets taken from the run") {
    RuleSet run;
    REQUIRE(run.tags.Add("custom-tag") >= 0);
    auto hs = std::make_shared<expr::ValueSet>();
    hs->name = "arms-hs";
    hs->element = expr::Type::kHs;
    std::string error;
    REQUIRE(expr::AddSetValue(*hs, "93", run.tags, error));
    hs->Normalize();
    run.sets.emplace("arms-hs", hs);
    const std::string text =
        "(item.hs in $arms-hs or item.tags in [arms, custom-tag]) and not (to.country in [KP, IR]) "
        "and any(item.quantity > 2.5) and date >= 2016-03-02";
    const expr::CompileEnv env{&run.tags, &run.sets};
    expr::CompileError compile_error;
    const auto compiled = expr::Compile(text, env, compile_error);
    REQUIRE_MESSAGE(compiled, compile_error.message);

    ByteWriter w;
    PutProgram(w, *compiled, run.tags);
    ByteReader r(w.bytes());
    const BundledProgram read = GetProgram(r, text);
    CHECK(r.left() == 0);
    const auto bound = BindProgram(read, run.sets, run.tags);
    REQUIRE(bound);
    CheckProgram(*compiled, run, *bound, run);
    // The named set is the run's own object, as the compiler gives it.
    bool shared = false;
    for (const auto& s : bound->sets) shared = shared || s == hs;
    CHECK(shared);

    // A run without that set, or with a set of another type under its name, compiles instead.
    CHECK_FALSE(BindProgram(read, {}, run.tags));
    auto countries = std::make_shared<expr::ValueSet>();
    countries->name = "arms-hs";
    countries->element = expr::Type::kCountry;
    CHECK_FALSE(BindProgram(read, {{"arms-hs", countries}}, run.tags));

    // A run that gives its tag another bit compiles instead; one that gives an unused tag
    // another bit binds.
    expr::TagRegistry moved;
    REQUIRE(moved.Add("other-tag") >= 0);
    REQUIRE(moved.Add("custom-tag") >= 0);
    CHECK_FALSE(BindProgram(read, run.sets, moved));
    REQUIRE(read.tags.size() == 2);  // arms (the scenario format's) and custom-tag
    const std::string plain = "to.country in [KP, IR]";
    const auto untagged = expr::Compile(plain, env, compile_error);
    REQUIRE(untagged);
    ByteWriter w2;
    PutProgram(w2, *untagged, run.tags);
    ByteReader r2(w2.bytes());
    CHECK(BindProgram(GetProgram(r2, plain), run.sets, moved));
  }

  TEST_CASE("a program that would send the evaluator out of bounds, or round in circles, is refused") {
    expr::Node self_child;
    self_child.op = expr::Op::kNot;
    self_child.count = 1;
    expr::Program loop = OneNode(self_child);
    loop.children = {0};
    CHECK(ReadError(loop, "") == "bad child");

    expr::Node no_child = self_child;
    no_child.count = 0;
    CHECK(ReadError(OneNode(no_child), "") == "bad node children");

    expr::Node past_children = self_child;
    past_children.first = 1;
    CHECK(ReadError(OneNode(past_children), "") == "bad node children");

    expr::Node in_set;
    in_set.op = expr::Op::kInSet;
    in_set.set = 0;
    CHECK(ReadError(OneNode(in_set), "") == "bad node set");

    expr::Node constant;
    constant.end = 4;
    CHECK(ReadError(OneNode(constant), "abc") == "bad node position");
    CHECK(ReadError(OneNode(constant), "abcd").empty());

    // A child shared by two parents: evaluating the second would visit it again.
    expr::Node leaf;
    expr::Node first_parent = self_child;
    first_parent.first = 0;
    expr::Node second_parent = first_parent;
    expr::Program shared;
    shared.nodes = {leaf, first_parent, second_parent};
    shared.children = {0};
    shared.root = 2;
    CHECK(ReadError(shared, "") == "bad child");

    // A service enumerator past the 64 bits of a set's mask; a country field compared with a date.
    expr::Node service;
    service.op = expr::Op::kCompare;
    service.type = expr::Type::kService;
    service.lhs.is_field = true;
    service.lhs.field = expr::FieldId::kService;
    service.rhs.i = 200;
    CHECK(ReadError(OneNode(service), "") == "bad node types");
    service.rhs.i = 3;
    CHECK(ReadError(OneNode(service), "").empty());
    expr::Node mixed = service;
    mixed.lhs.field = expr::FieldId::kFromCountry;
    CHECK(ReadError(OneNode(mixed), "") == "bad node types");

    // A program that holds a tag its tag list leaves out would bind without that tag's check.
    expr::TagRegistry registry;
    auto literal = std::make_shared<expr::ValueSet>();
    literal->element = expr::Type::kTag;
    literal->tags.set(static_cast<size_t>(registry.Find("arms")));
    expr::Node tag_in;
    tag_in.op = expr::Op::kListInSet;
    tag_in.type = expr::Type::kTag;
    tag_in.lhs.is_field = true;
    tag_in.lhs.field = expr::FieldId::kItemTags;
    expr::Program tagged = OneNode(tag_in);
    tagged.sets = {literal};
    ByteWriter with_tags;
    PutProgram(with_tags, tagged, registry);
    const size_t tag_list = 4 + 4 + std::string("arms").size() + 2;  // count, then one name and its bit
    ByteWriter without;
    without.Put<uint32_t>(0);
    const std::string bytes = without.bytes() + with_tags.bytes().substr(tag_list);
    ByteReader tagless(bytes);
    std::string error;
    try {
      GetProgram(tagless, "");
    } catch (const ByteReadError& e) {
      error = e.message;
    }
    CHECK(error == "bad tags");
    ByteReader whole(with_tags.bytes());
    CHECK(GetProgram(whole, "").tags.size() == 1);

    expr::Program rootless = OneNode(expr::Node{});
    rootless.root = 1;
    CHECK(ReadError(rootless, "") == "bad root");
    CHECK(ReadError(expr::Program{}, "") == "a program without nodes");
  }
}

}  // namespace
}  // namespace sancheck::rules
