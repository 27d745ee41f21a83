// --listen HOST:PORT, read strictly: the one place the server's address is parsed.
#include "server/http_server.hpp"

namespace sancheck::server {

bool ParseListen(const std::string& text, std::string& host, uint16_t& port, std::string& error) {
  const size_t colon = text.rfind(':');
  if (colon == std::string::npos || colon + 1 == text.size()) {
    error = "--listen: expected HOST:PORT (127.0.0.1:8080, [::1]:8080), found '" + text + "'";
    return false;
  }
  host = text.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  const std::string digits = text.substr(colon + 1);
  unsigned long value = 0;
  for (char c : digits) {
    if (c < '0' || c > '9' || value > 65535) {
      error = "--listen: bad port '" + digits + "' (0 to 65535; 0 picks a free one)";
      return false;
    }
    value = value * 10 + static_cast<unsigned long>(c - '0');
  }
  if (host.empty() || value > 65535) {
    error = "--listen: expected HOST:PORT, found '" + text + "'";
    return false;
  }
  port = static_cast<uint16_t>(value);
  return true;
}

}  // namespace sancheck::server
