// The JUnit XML document every command writes (check, test, lint): suites, cases and their outcomes, valid against the Ant JUnit XSD.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace sancheck::report {

/// One testcase: passed, or a failure or a skip (the XSD allows at most one of them).
struct JunitCase {
  enum class Outcome { kPassed, kFailure, kSkipped };
  std::string name;
  std::string classname;
  Outcome outcome = Outcome::kPassed;
  std::string type;     ///< of a failure
  std::string message;  ///< of a failure or skip
  std::string text;     ///< its body
};

struct JunitSuite {
  std::string name;
  std::string package;
  std::vector<std::pair<std::string, std::string>> properties;
  std::vector<JunitCase> cases;
  std::string system_out;  ///< what passing cases still carry (notes, warnings)
};

/// "2023-11-14T22:13:20": the Ant schema's local date-time without a zone, from an ISO 8601
/// UTC time ("...Z"); the epoch when `generated` is not one.
std::string JunitTimestamp(const std::string& generated);

/// The document: every suite with its counts (tests, failures, skipped; errors 0), id in
/// order, the timestamp of `generated`, each text escaped as XmlEscape does.
std::string RenderJunitDocument(const std::vector<JunitSuite>& suites, const std::string& generated);

}  // namespace sancheck::report
