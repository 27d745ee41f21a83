// Files served as they are, compiled into the program from engine/server/assets/ at build time.
#pragma once

#include <string_view>

namespace sancheck::server {

extern const std::string_view kWebPageHtml;  ///< assets/index.html, the page at /
extern const std::string_view kOpenApiJson;  ///< assets/openapi.json, at /v1/openapi.json

}  // namespace sancheck::server
