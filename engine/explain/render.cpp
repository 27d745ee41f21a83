// Explanations as plain text (indented condition trees) and as JSON (the same tree, machine-readable).
#include <nlohmann/json.hpp>

#include "explain/explain.hpp"
#include "common/json_document.hpp"

namespace sancheck::explain {
namespace {

std::string ValueText(const std::optional<Truth>& v) {
  return v ? std::string(TruthName(*v)) : "not evaluated";
}

std::string Types(const RuleInfo& r) {
  std::string out;
  for (auto t : r.applies_to) out += (out.empty() ? "" : ", ") + std::string(ActivityTypeName(t));
  return out;
}

std::string InForce(const RuleInfo& r) {
  return "from " + r.effective.ToString() + (r.until ? " until " + r.until->ToString() : "");
}

std::string Citations(const std::vector<Citation>& cs) {
  std::string out;
  for (const auto& c : cs) out += (out.empty() ? "" : "; ") + c.text;
  return out;
}

void TreeText(const ConditionNode& n, int depth, std::string& out) {
  const std::string pad(static_cast<size_t>(depth) * 2, ' ');
  std::string label;
  if (n.kind == "and") {
    label = "all of these";
  } else if (n.kind == "or") {
    label = "any of these";
  } else if (n.kind == "not") {
    label = "not";
  } else if (n.kind == "any" || n.kind == "all") {
    label = n.text;
  } else {
    label = n.text;
  }
  out += pad + label + ": " + ValueText(n.value);
  if (!n.facts.empty()) {
    out += "   [";
    for (size_t i = 0; i < n.facts.size(); ++i) {
      out += (i ? "; " : "") + n.facts[i].field + " = " + n.facts[i].value;
    }
    out += "]";
  }
  out += "\n";
  for (const auto& c : n.children) TreeText(c, depth + 1, out);
}

std::string FindingText(const Finding& f) {
  std::string out = std::string(VerdictName(f.verdict));
  if (f.item >= 0) out += " (item " + std::to_string(f.item) + ")";
  std::string message = f.message;
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  out += ": " + message;
  if (f.exemption_claimed) out += " [review because of the claimed exemption]";
  if (f.match) out += " [designation match " + f.match->reference + ": " + f.match->why + "]";
  if (!f.cap_note.empty()) out += " [" + f.cap_note + "]";
  if (!f.citations.empty()) out += " (" + Citations(f.citations) + ")";
  return out;
}

nlohmann::ordered_json TreeJson(const ConditionNode& n) {
  nlohmann::ordered_json j;
  j["kind"] = n.kind;
  j["text"] = n.text;
  j["value"] = n.value ? nlohmann::ordered_json(TruthName(*n.value)) : nlohmann::ordered_json(nullptr);
  if (n.item >= 0) j["item"] = n.item;
  if (!n.facts.empty()) {
    nlohmann::ordered_json facts = nlohmann::ordered_json::array();
    for (const auto& f : n.facts) facts.push_back({{"field", f.field}, {"value", f.value}});
    j["facts"] = facts;
  }
  if (!n.children.empty()) {
    nlohmann::ordered_json kids = nlohmann::ordered_json::array();
    for (const auto& c : n.children) kids.push_back(TreeJson(c));
    j["children"] = kids;
  }
  return j;
}

nlohmann::ordered_json FindingJson(const Finding& f) {
  nlohmann::ordered_json j;
  j["verdict"] = VerdictName(f.verdict);
  j["item"] = f.item >= 0 ? nlohmann::ordered_json(f.item) : nlohmann::ordered_json(nullptr);
  j["message"] = f.message;
  j["undecided"] = f.undecided;
  j["exemption_applied"] = f.exemption_claimed.has_value();
  if (f.match) j["match"] = f.match->reference;
  if (!f.cap_note.empty()) j["cap"] = f.cap_note;
  nlohmann::ordered_json cites = nlohmann::ordered_json::array();
  for (const auto& c : f.citations) cites.push_back(c.text);
  j["citations"] = cites;
  return j;
}

}  // namespace

std::string RenderExplanationText(const Explanation& e) {
  std::string out;
  for (const auto& a : e.activities) {
    const ActivityResult& r = *a.result;
    out += a.scenario + " / " + r.id + ": " + std::string(ActivityTypeName(r.type)) + " on " +
           r.date.ToString() + ", verdict " + std::string(VerdictName(r.verdict)) + "  (" + a.file + ":" +
           std::to_string(r.pos.line) + ")\n";
    std::string other_types, not_in_force;
    for (const auto& re : a.rules) {
      const RuleInfo& info = re.rule->info;
      if (!re.applies || !re.in_force) {
        const bool alone = a.rules.size() == 1;  // asked for by --rule: say why in full
        if (!alone) {
          (re.applies ? not_in_force : other_types) += "\n    " + info.id;
          continue;
        }
      }
      out += "\n  rule " + info.id + ": " + info.title + "\n";
      out += "    activity type: " + std::string(re.applies ? "applies" : "does not apply") + " (the rule covers " +
             Types(info) + "; this is " + std::string(ActivityTypeName(r.type)) + ")\n";
      if (!re.applies) continue;
      out += "    in force: " + std::string(re.in_force ? "yes" : "no") + " (" + InForce(info) + "; activity dated " +
             r.date.ToString() + ")\n";
      if (!re.in_force) continue;
      for (const auto& ev : re.evaluations) {
        out += "    condition";
        if (ev.item >= 0) out += " for item " + std::to_string(ev.item) + " \"" + ev.item_description + "\"";
        out += ": " + ValueText(ev.tree.value) + "\n";
        TreeText(ev.tree, 3, out);
      }
      if (re.evaluations.empty()) out += "    condition: not evaluated (the activity has no items)\n";
      out += "    exemption: " + re.exemption + "\n";
      if (re.findings.empty()) {
        out += "    finding: none\n";
      } else {
        for (const auto& f : re.findings) out += "    finding: " + FindingText(f) + "\n";
      }
    }
    if (!other_types.empty()) {
      out += "\n  not considered, for other activity types:" + other_types + "\n";
    }
    if (!not_in_force.empty()) {
      out += "\n  not considered, not in force on " + r.date.ToString() + ":" + not_in_force + "\n";
    }
    out += "\n";
  }
  if (e.activities.empty()) out += "no matching activity\n";
  return out;
}

std::string RenderExplanationJson(const Explanation& e) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& a : e.activities) {
    const ActivityResult& r = *a.result;
    nlohmann::ordered_json ja;
    ja["scenario"] = a.scenario;
    ja["file"] = a.file;
    ja["activity"] = r.id;
    ja["type"] = ActivityTypeName(r.type);
    ja["date"] = r.date.ToString();
    ja["verdict"] = VerdictName(r.verdict);
    nlohmann::ordered_json rules = nlohmann::ordered_json::array();
    for (const auto& re : a.rules) {
      const RuleInfo& info = re.rule->info;
      nlohmann::ordered_json jr;
      jr["rule"] = info.id;
      jr["title"] = info.title;
      jr["applies_to"] = {{"types", nlohmann::ordered_json::array()}, {"applies", re.applies}};
      for (auto t : info.applies_to) jr["applies_to"]["types"].push_back(ActivityTypeName(t));
      jr["in_force"] = {{"effective", info.effective.ToString()},
                        {"until", info.until ? nlohmann::ordered_json(info.until->ToString()) : nlohmann::ordered_json(nullptr)},
                        {"in_force", re.in_force}};
      nlohmann::ordered_json evals = nlohmann::ordered_json::array();
      for (const auto& ev : re.evaluations) {
        nlohmann::ordered_json je;
        je["item"] = ev.item >= 0 ? nlohmann::ordered_json(ev.item) : nlohmann::ordered_json(nullptr);
        if (ev.item >= 0) je["item_description"] = ev.item_description;
        je["value"] = ev.tree.value ? nlohmann::ordered_json(TruthName(*ev.tree.value)) : nlohmann::ordered_json(nullptr);
        je["condition"] = TreeJson(ev.tree);
        evals.push_back(je);
      }
      jr["evaluations"] = evals;
      jr["exemption"] = re.exemption.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(re.exemption);
      nlohmann::ordered_json findings = nlohmann::ordered_json::array();
      for (const auto& f : re.findings) findings.push_back(FindingJson(f));
      jr["findings"] = findings;
      rules.push_back(jr);
    }
    ja["rules"] = rules;
    list.push_back(ja);
  }
  nlohmann::ordered_json root;
  root["explanations"] = list;
  return JsonDocument(root);
}

}  // namespace sancheck::explain
