// The schemas' single source: JSON templates here, with enumerations filled in from the engine's own tables.
#include "schema/schemas.hpp"

#include <nlohmann/json.hpp>

#include "expr/compiler.hpp"
#include "expr/tags.hpp"
#include "sancheck/core_types.hpp"
#include "sancheck/scenario.hpp"
#include "common/enum_names.hpp"
#include "common/json_document.hpp"

namespace sancheck::schema {
namespace {

using Json = nlohmann::ordered_json;

template <typename Enum>
Json Names() {
  Json out = Json::array();
  for (const std::string_view name : EnumNames<Enum>()) out.push_back(std::string(name));
  return out;
}

// Placeholders in the templates ("@name@" as a whole JSON string) → enumerations.
Json Enumeration(const std::string& name) {
  if (name == "activity-types") return Names<ActivityType>();
  if (name == "services") return Names<ServiceKind>();
  if (name == "party-kinds") return Names<PartyKind>();
  if (name == "units") return Names<Unit>();
  if (name == "vehicles") return Names<Vehicle>();
  if (name == "verdicts") return Names<Verdict>();
  if (name == "tags") return expr::TagRegistry().names();
  if (name == "set-types") {
    return Json::array({"hs", "country", "tag", "service", "activity-type", "party-kind", "unit", "vehicle",
                        "exemption", "number", "date"});
  }
  return nullptr;
}

void Fill(Json& j) {
  if (j.is_string()) {
    const std::string s = j.get<std::string>();
    if (s.size() > 2 && s.front() == '@' && s.back() == '@') {
      Json e = Enumeration(s.substr(1, s.size() - 2));
      if (!e.is_null()) j = std::move(e);
    }
    return;
  }
  if (j.is_structured()) {
    for (auto& v : j) Fill(v);
  }
}

// Shared definitions: ids, dates, countries, HS codes.
constexpr const char* kCommonDefs = R"json({
  "id": {"type": "string", "pattern": "^[a-z0-9][a-z0-9._-]*$"},
  "date": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "description": "YYYY-MM-DD"},
  "country": {"type": "string", "pattern": "^[A-Z]{2}$", "description": "ISO 3166-1 alpha-2 code, e.g. KP"},
  "hs": {"type": ["string", "number"], "pattern": "^[0-9][0-9. ]*$",
         "description": "HS code, 2 to 10 digits; dots and spaces are ignored (quote it: \"8802.60\")"},
  "number": {"type": ["number", "string"], "pattern": "^[0-9_]+(\\.[0-9]+)?$"},
  "tag": {"anyOf": [{"enum": "@tags@"}, {"type": "string", "pattern": "^[a-zA-Z0-9][a-zA-Z0-9._-]*$"}],
          "description": "an item tag: the scenario format's vocabulary or one a rule pack defines"}
})json";

constexpr const char* kScenario = R"json({
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "title": "sancheck scenario file (format version 1)",
  "description": "A deal, shipment, visit or cooperation plan; several scenarios may be separated by ---.",
  "type": "object",
  "additionalProperties": false,
  "required": ["scenario", "parties", "activities"],
  "properties": {
    "scenario": {"$ref": "#/$defs/id", "description": "id, unique across the files of one run"},
    "title": {"type": "string"},
    "date": {"$ref": "#/$defs/date", "description": "when the activities take place"},
    "description": {"type": "string"},
    "sources": {"type": "array", "items": {"type": "string"}},
    "parties": {"type": "object", "propertyNames": {"$ref": "#/$defs/id"},
                "additionalProperties": {"$ref": "#/$defs/party"}},
    "activities": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/activity"}}
  },
  "$defs": {
    "party": {
      "type": "object", "additionalProperties": false, "required": ["name", "country"],
      "properties": {
        "name": {"type": "string"},
        "country": {"$ref": "#/$defs/country"},
        "kind": {"enum": "@party-kinds@"},
        "aliases": {"type": "array", "items": {"type": "string"}},
        "born": {"anyOf": [{"type": "integer"}, {"$ref": "#/$defs/date"}], "description": "year or YYYY-MM-DD"},
        "imo": {"type": ["string", "integer"], "pattern": "^[0-9]{7}$"},
        "designated": {"type": "string", "description": "a designation reference, e.g. KPi.038"}
      }
    },
    "item": {
      "type": "object", "additionalProperties": false, "required": ["description"],
      "properties": {
        "description": {"type": "string"},
        "hs": {"$ref": "#/$defs/hs"},
        "tags": {"type": "array", "items": {"$ref": "#/$defs/tag"}},
        "quantity": {"$ref": "#/$defs/number"},
        "unit": {"enum": "@units@"},
        "value_usd": {"$ref": "#/$defs/number"},
        "origin": {"$ref": "#/$defs/country"}
      }
    },
    "items": {"type": "array", "items": {"$ref": "#/$defs/item"}},
    "exemption": {
      "type": "object", "additionalProperties": false, "required": ["kind"],
      "properties": {"kind": {"$ref": "#/$defs/id", "description": "an exemption kind a loaded rule pack defines (its exemptions: header), e.g. textile-contracts-2375 of un-dprk"},
                     "reference": {"type": "string"}}
    },
    "activity": {
      "type": "object",
      "required": ["id", "type"],
      "properties": {
        "id": {"$ref": "#/$defs/id"},
        "type": {"enum": "@activity-types@"},
        "date": {"$ref": "#/$defs/date"},
        "description": {"type": "string"},
        "via": {"type": "array", "items": {"$ref": "#/$defs/country"}},
        "vessel": {"$ref": "#/$defs/id", "description": "party id of the carrying vessel"},
        "exemption": {"$ref": "#/$defs/exemption"},
        "for": {"$ref": "#/$defs/id", "description": "id of the activity of this scenario that this one serves (finance, insurance, transport for a supply)"},
        "from": {"$ref": "#/$defs/id"},
        "to": {"$ref": "#/$defs/id"},
        "items": {"$ref": "#/$defs/items"},
        "subject": {"$ref": "#/$defs/items"},
        "service": {"enum": "@services@"},
        "amount_usd": {"$ref": "#/$defs/number"},
        "person": {"$ref": "#/$defs/id"},
        "destination": {"$ref": "#/$defs/country"},
        "workers": {"$ref": "#/$defs/number"},
        "parties": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/id"}},
        "vehicle": {"enum": "@vehicles@"},
        "port_country": {"$ref": "#/$defs/country"}
      },
      "allOf": [
        {"if": {"properties": {"type": {"const": "supply"}}},
         "then": {"required": ["from", "to", "items"],
                  "propertyNames": {"enum": ["id", "type", "date", "description", "via", "vessel", "exemption", "for", "from", "to", "items"]}}},
        {"if": {"properties": {"type": {"const": "service"}}},
         "then": {"required": ["from", "to", "service"],
                  "propertyNames": {"enum": ["id", "type", "date", "description", "via", "vessel", "exemption", "for", "from", "to", "service", "subject", "amount_usd"]}}},
        {"if": {"properties": {"type": {"const": "travel"}}},
         "then": {"required": ["person", "destination"],
                  "propertyNames": {"enum": ["id", "type", "date", "description", "via", "vessel", "exemption", "for", "person", "destination"]}}},
        {"if": {"properties": {"type": {"const": "employment"}}},
         "then": {"required": ["from", "to"],
                  "propertyNames": {"enum": ["id", "type", "date", "description", "via", "vessel", "exemption", "for", "from", "to", "workers"]}}},
        {"if": {"properties": {"type": {"const": "joint-venture"}}},
         "then": {"required": ["parties"],
                  "propertyNames": {"enum": ["id", "type", "date", "description", "via", "vessel", "exemption", "for", "parties", "amount_usd"]}}},
        {"if": {"properties": {"type": {"const": "launch"}}},
         "then": {"required": ["from", "vehicle"],
                  "propertyNames": {"enum": ["id", "type", "date", "description", "via", "vessel", "exemption", "for", "from", "vehicle"]}}},
        {"if": {"properties": {"type": {"const": "nuclear-test"}}},
         "then": {"required": ["from"],
                  "propertyNames": {"enum": ["id", "type", "date", "description", "via", "vessel", "exemption", "for", "from"]}}},
        {"if": {"properties": {"type": {"const": "port-call"}}},
         "then": {"required": ["vessel", "port_country"],
                  "propertyNames": {"enum": ["id", "type", "date", "description", "via", "vessel", "exemption", "for", "port_country"]}}},
        {"if": {"properties": {"type": {"const": "ship-to-ship"}}},
         "then": {"required": ["from", "to", "items"],
                  "propertyNames": {"enum": ["id", "type", "date", "description", "via", "vessel", "exemption", "for", "from", "to", "items"]}}}
      ]
    }
  }
})json";

constexpr const char* kRulePack = R"json({
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "title": "sancheck rule-pack file",
  "description": "One file of a rule pack. The pack's header (pack, version) is in exactly one file, usually pack.yaml.",
  "type": "object",
  "additionalProperties": false,
  "dependentRequired": {"pack": ["version"]},
  "properties": {
    "pack": {"$ref": "#/$defs/id", "description": "the pack's name; rule ids are namespaced by it (pack/rule)"},
    "version": {"type": "string"},
    "title": {"type": "string"},
    "description": {"type": "string"},
    "extends": {"type": "array", "items": {"$ref": "#/$defs/id"},
                "description": "packs that must be loaded too; their sets become visible to this pack"},
    "tags": {"type": "array", "items": {"$ref": "#/$defs/id"}, "description": "item tags this pack adds to the vocabulary"},
    "sets": {"type": "object", "propertyNames": {"$ref": "#/$defs/id"}, "additionalProperties": {"$ref": "#/$defs/set"}},
    "rules": {"type": "array", "items": {"$ref": "#/$defs/rule"}},
    "exemptions": {"type": "object", "propertyNames": {"$ref": "#/$defs/id"},
                   "additionalProperties": {"$ref": "#/$defs/exemption-kind"},
                   "description": "exemption kinds this pack defines; a kind covers only rules of this pack that list it"},
    "designations": {"description": "designation list read by screening"}
  },
  "$defs": {
    "set": {
      "type": "object", "additionalProperties": false, "required": ["type", "values"],
      "properties": {
        "type": {"enum": "@set-types@"},
        "description": {"type": "string"},
        "basis": {"type": "string", "description": "where the values come from"},
        "values": {"type": "array", "items": {"type": ["string", "number"]}}
      }
    },
    "citation": {
      "type": "object", "additionalProperties": false, "required": ["resolution", "paragraph"],
      "properties": {
        "resolution": {"type": ["string", "integer"], "description": "e.g. \"2397\", or the name of a national measure"},
        "paragraph": {"type": ["string", "integer"], "description": "operative paragraph or article, e.g. \"8(b)\""},
        "text": {"type": "string", "description": "how reports cite it (default: S/RES/<n> (<year>), OP <p>)"},
        "url": {"type": "string"},
        "verified": {"enum": ["text", "summary", "unverified"],
                     "description": "text: wording read with the paragraph number; summary: only an official summary or a cross-reference ties the number to the content; unverified (default): not checked"},
        "clarifies": {"type": "boolean",
                      "description": "a later paragraph stating what an earlier ban already covered: findings on activities before its adoption cite it too"}
      }
    },
    "exemption": {
      "type": "object", "additionalProperties": false, "required": ["kind"],
      "properties": {"kind": {"$ref": "#/$defs/id", "description": "an exemption kind this pack defines"},
                     "text": {"type": "string", "description": "how the activity could then be lawful (default: the kind's text)"}}
    },
    "exemption-kind": {
      "type": "object", "additionalProperties": false, "required": ["title", "citations", "text"],
      "properties": {
        "title": {"type": "string", "description": "how findings name a claim of this kind"},
        "citations": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/citation"},
                      "description": "the paragraphs that grant the exemption"},
        "from": {"$ref": "#/$defs/date", "description": "first activity date a claim can cover"},
        "until": {"$ref": "#/$defs/date", "description": "last activity date a claim can cover"},
        "window": {"type": "string", "description": "how findings name the window, e.g. 90-day window"},
        "text": {"type": "string"}
      }
    },
    "cap": {
      "type": "object", "additionalProperties": false, "required": ["limit", "unit"],
      "properties": {
        "limit": {"$ref": "#/$defs/number"},
        "unit": {"enum": "@units@"},
        "period": {"anyOf": [{"enum": ["calendar-year", "whole"]}, {"type": "string", "pattern": "^year-from-[0-9]{2}-[0-9]{2}$"}],
                   "description": "calendar-year, whole (the run), or 12-month periods from a day: year-from-MM-DD"},
        "factors": {"type": "object", "propertyNames": {"enum": "@units@"}, "additionalProperties": {"$ref": "#/$defs/number"}},
        "basis": {"type": "string"}
      }
    },
    "rule": {
      "type": "object", "additionalProperties": false,
      "required": ["id", "title", "verdict", "citations", "effective", "applies_to", "when", "message"],
      "properties": {
        "id": {"$ref": "#/$defs/id"},
        "title": {"type": "string"},
        "verdict": {"enum": "@verdicts@"},
        "citations": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/citation"}},
        "effective": {"$ref": "#/$defs/date"},
        "until": {"$ref": "#/$defs/date", "description": "last day in force"},
        "applies_to": {"type": "array", "minItems": 1, "items": {"enum": "@activity-types@"}},
        "when": {"type": "string", "description": "the condition (see docs/rules-language.md)"},
        "message": {"type": "string"},
        "exemptions": {"type": "array", "items": {"$ref": "#/$defs/exemption"}},
        "no_exemption": {"type": "string"},
        "cap": {"$ref": "#/$defs/cap"},
        "notes": {"type": "string"}
      }
    }
  }
})json";

constexpr const char* kWaivers = R"json({
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "title": "sancheck waivers file (check --waivers)",
  "description": "Accepted findings with their audit trail; a waiver past its expiry date fails the run.",
  "type": "object",
  "additionalProperties": false,
  "required": ["waivers"],
  "properties": {
    "waivers": {
      "type": "array",
      "items": {
        "type": "object", "additionalProperties": false,
        "required": ["scenario", "reason", "approved_by", "ticket", "expires"],
        "properties": {
          "scenario": {"$ref": "#/$defs/nonempty", "description": "scenario id"},
          "activity": {"$ref": "#/$defs/nonempty", "description": "activity id; absent: every activity"},
          "rule": {"$ref": "#/$defs/nonempty", "description": "namespaced rule id; absent: every rule"},
          "reason": {"$ref": "#/$defs/nonempty"},
          "approved_by": {"$ref": "#/$defs/nonempty"},
          "ticket": {"$ref": "#/$defs/nonempty"},
          "expires": {"$ref": "#/$defs/date", "description": "last day the waiver applies"}
        }
      }
    }
  },
  "$defs": {"nonempty": {"type": "string", "pattern": "[^ \\t]"}}
})json";

constexpr const char* kRuleTest = R"json({
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "title": "sancheck rule test (*.test.yaml)",
  "description": "A scenario and what must come out of it; several tests may be separated by ---.",
  "type": "object",
  "additionalProperties": false,
  "required": ["test", "scenario", "expect"],
  "properties": {
    "test": {"$ref": "#/$defs/id"},
    "description": {"type": "string"},
    "as_of": {"$ref": "#/$defs/date"},
    "clearances": {"type": "string", "description": "a clearances file for this test, relative to the test file"},
    "lists": {"type": "array", "items": {"type": "string"},
              "description": "designation lists screened beside the packs' for this test, relative to the test file"},
    "scenario": {"$ref": "@scenario-ref@"},
    "expect": {
      "type": "array",
      "items": {
        "type": "object", "additionalProperties": false, "required": ["activity"],
        "properties": {
          "activity": {"$ref": "#/$defs/id"},
          "verdict": {"enum": "@verdicts@"},
          "rules": {"type": "array", "items": {"type": "string"}, "description": "exactly the rules with findings"},
          "fires": {"type": "array", "items": {"type": "string"}},
          "not_fires": {"type": "array", "items": {"type": "string"}},
          "citations": {"type": "array", "items": {"type": "string", "pattern": "^.+ (OP|annex ).+$"}},
          "match": {"type": "string"}
        }
      }
    }
  }
})json";

Json Build(std::string_view kind) {
  const Json common = Json::parse(kCommonDefs);
  Json schema;
  if (kind == "scenario") {
    schema = Json::parse(kScenario);
  } else if (kind == "rule-pack") {
    schema = Json::parse(kRulePack);
  } else if (kind == "waivers") {
    schema = Json::parse(kWaivers);
  } else {
    // A rule test embeds a whole scenario: its schema's definitions are copied in.
    schema = Json::parse(kRuleTest);
    const Json scenario = Json::parse(kScenario);
    Json inline_scenario = scenario;
    inline_scenario.erase("$schema");
    inline_scenario.erase("$defs");
    schema["properties"]["scenario"] = inline_scenario;
    if (!schema.contains("$defs")) schema["$defs"] = Json::object();
    for (auto& [k, v] : scenario["$defs"].items()) schema["$defs"][k] = v;
  }
  if (!schema.contains("$defs")) schema["$defs"] = Json::object();
  for (auto& [k, v] : common.items()) {
    if (!schema["$defs"].contains(k)) schema["$defs"][k] = v;
  }
  Fill(schema);
  return schema;
}

}  // namespace

const std::vector<std::string_view>& SchemaKinds() {
  static const std::vector<std::string_view> kinds = {"rule-pack", "scenario", "waivers", "rule-test"};
  return kinds;
}

std::optional<std::string> SchemaText(std::string_view kind) {
  bool known = false;
  for (auto k : SchemaKinds()) known = known || k == kind;
  if (!known) return std::nullopt;
  return JsonDocument(Build(kind));
}

}  // namespace sancheck::schema
