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
  PutProgram(w, p);
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
    PutProgram(w, *compiled);
    ByteReader r(w.bytes());
    const BundledProgram read = GetProgram(r, text);
    CHECK(r.left() == 0);
    const auto bound = BindProgram(read, run.sets);
    REQUIRE(bound);
    CheckProgram(*compiled, run, *bound, run);
    // The named set is the run's own object, as the compiler gives it.
    bool shared = false;
    for (const auto& s : bound->sets) shared = shared || s == hs;
    CHECK(shared);

    // A run without that set, or with a set of another type under its name, compiles instead.
    CHECK_FALSE(BindProgram(read, {}));
    auto countries = std::make_shared<expr::ValueSet>();
    countries->name = "arms-hs";
    countries->element = expr::Type::kCountry;
    CHECK_FALSE(BindProgram(read, {{"arms-hs", countries}}));
  }

  TEST_CASE("a run that numbers the tags otherwise is told apart") {
    expr::TagRegistry built;
    REQUIRE(built.Add("custom-tag") >= 0);
    expr::TagRegistry same;
    REQUIRE(same.Add("custom-tag") >= 0);
    CHECK(TagsAsBuilt(built.names(), same));
    expr::TagRegistry moved;
    REQUIRE(moved.Add("other-tag") >= 0);
    REQUIRE(moved.Add("custom-tag") >= 0);
    CHECK_FALSE(TagsAsBuilt(built.names(), moved));
    CHECK_FALSE(TagsAsBuilt(built.names(), expr::TagRegistry{}));
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

    expr::Program rootless = OneNode(expr::Node{});
    rootless.root = 1;
    CHECK(ReadError(rootless, "") == "bad root");
    CHECK(ReadError(expr::Program{}, "") == "a program without nodes");
  }
}

}  // namespace
}  // namespace sancheck::rules
