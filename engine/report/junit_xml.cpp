// Writes JunitSuite values as JUnit XML: the one place the schema's element order and required attributes live.
#include "report/junit_xml.hpp"

#include "report/xml.hpp"

namespace sancheck::report {

std::string JunitTimestamp(const std::string& generated) {
  std::string t = generated;
  if (!t.empty() && t.back() == 'Z') t.pop_back();
  return t.size() == 19 ? t : "1970-01-01T00:00:00";
}

namespace {

void Case(const JunitCase& c, std::string& out) {
  out += "    <testcase name=\"" + XmlEscape(c.name) + "\" classname=\"" + XmlEscape(c.classname) + "\" time=\"0\"";
  switch (c.outcome) {
    case JunitCase::Outcome::kPassed: out += "/>\n"; return;
    case JunitCase::Outcome::kFailure:
      out += ">\n      <failure type=\"" + XmlEscape(c.type) + "\" message=\"" + XmlEscape(c.message) + "\">" +
             XmlEscape(c.text) + "</failure>\n    </testcase>\n";
      return;
    case JunitCase::Outcome::kSkipped:
      out += ">\n      <skipped message=\"" + XmlEscape(c.message) + "\">" + XmlEscape(c.text) +
             "</skipped>\n    </testcase>\n";
      return;
  }
}

}  // namespace

std::string RenderJunitDocument(const std::vector<JunitSuite>& suites, const std::string& generated) {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n";
  const std::string timestamp = JunitTimestamp(generated);
  int id = 0;
  for (const auto& s : suites) {
    int failures = 0, skipped = 0;
    for (const auto& c : s.cases) {
      failures += c.outcome == JunitCase::Outcome::kFailure;
      skipped += c.outcome == JunitCase::Outcome::kSkipped;
    }
    out += "  <testsuite name=\"" + XmlEscape(s.name) + "\" package=\"" + XmlEscape(s.package) + "\" id=\"" +
           std::to_string(id++) + "\" timestamp=\"" + timestamp + "\" hostname=\"localhost\" tests=\"" +
           std::to_string(s.cases.size()) + "\" failures=\"" + std::to_string(failures) + "\" errors=\"0\" skipped=\"" +
           std::to_string(skipped) + "\" time=\"0\">\n";
    // The XSD wants properties first, then the cases, then both outputs, even when empty.
    out += "    <properties>\n";
    for (const auto& [name, value] : s.properties) {
      out += "      <property name=\"" + XmlEscape(name) + "\" value=\"" + XmlEscape(value) + "\"/>\n";
    }
    out += "    </properties>\n";
    for (const auto& c : s.cases) Case(c, out);
    out += "    <system-out>" + XmlEscape(s.system_out) + "</system-out>\n";
    out += "    <system-err></system-err>\n  </testsuite>\n";
  }
  return out + "</testsuites>\n";
}

}  // namespace sancheck::report
