// Fuzz target for the condition language: parse, type-check, compile and evaluate any text.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "expr/compiler.hpp"
#include "expr/evaluator.hpp"

namespace {

using namespace sancheck;

struct Env {
  expr::TagRegistry tags;
  std::map<std::string, std::shared_ptr<const expr::ValueSet>, std::less<>> sets;
  expr::ActivityFacts activity;
  expr::ItemFacts item;

  Env() {
    auto hs = std::make_shared<expr::ValueSet>();
    hs->element = expr::Type::kHs;
    std::string error;
    expr::AddSetValue(*hs, "72..83", tags, error);
    hs->Normalize();
    sets.emplace("s", hs);
    activity.from.present = true;
    activity.from.country = kDprk;
    item.hs.Set(*HsCode::Parse("84"));
    item.hs_lo = item.hs.value.Low();
    item.hs_hi = item.hs.value.High();
    activity.items = &item;
    activity.item_count = 1;
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Env env;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  expr::CompileError error;
  auto program = expr::Compile(text, expr::CompileEnv{&env.tags, &env.sets}, error);
  if (program) {
    // Both scopes: as an activity condition and for the one item.
    expr::Evaluate(*program, expr::EvalContext{&env.activity, nullptr});
    expr::Evaluate(*program, expr::EvalContext{&env.activity, &env.item});
  } else if (error.offset < 0 || static_cast<size_t>(error.offset) > size) {
    __builtin_trap();  // an error must point inside the text (or at its end)
  }
  return 0;
}
