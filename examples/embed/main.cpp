// Embeds sancheck: judges a scenario held in a string against the built-in UN pack and prints the verdicts.
#include <iostream>

#include <sancheck/checker.hpp>
#include <sancheck/policy.hpp>
#include <sancheck/report.hpp>
#include <sancheck/scenario.hpp>

static const char* kScenario = R"(scenario: embedded
title: Artillery shells from the DPRK to Russia
date: 2023-09-13
parties:
  kp: {name: Munitions Industry Department, country: KP, kind: government}
  ru: {name: Ministry of Defence, country: RU, kind: military}
activities:
  - id: shells
    type: supply
    from: kp
    to: ru
    items:
      - {description: 152 mm artillery shells, hs: "9306.90", tags: [ammunition], quantity: 100000, unit: pcs}
)";

int main() {
  sancheck::Diagnostics diags;
  auto scenarios = sancheck::ParseScenarioText("embedded.yaml", kScenario, diags);
  sancheck::CheckOptions options;  // no rule paths: the built-in packs
  auto checker = diags.HasErrors() ? nullptr : sancheck::Checker::Load(options, diags);
  if (checker) checker->Validate(scenarios, diags);  // words the packs do not know: refuse
  if (!checker || diags.HasErrors()) {
    std::cerr << diags.RenderAll();
    return 2;
  }
  const sancheck::RunResult run = checker->Check(scenarios);
  for (const auto& activity : run.scenarios.front().activities) {
    std::cout << activity.id << ": " << sancheck::VerdictName(activity.verdict) << "\n";
    for (const auto& finding : activity.findings) {
      std::cout << "  " << finding.rule << " (" << sancheck::VerdictName(finding.verdict) << ")";
      for (const auto& c : finding.citations) std::cout << " " << c.text;
      std::cout << "\n";
    }
  }
  // The CLI's exit status: 1 when a finding fails the policy (default: prohibited ones).
  return sancheck::RunFails(run, sancheck::FailPolicy{}) ? 1 : 0;
}
