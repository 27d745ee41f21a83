// A bounded HTTP load generator for `sancheck serve` on loopback: throughput, p50/p99, errors, RSS growth.
//
// http_load --port P --path /v1/screen --body-file F [--concurrency 8] [--requests 20000]
//           [--method POST] [--server-pid PID] [--hostile N] [--max-seconds 300]
// Each worker keeps one connection alive and sends requests until the total is reached (or the
// time bound passes), so a run always stops by itself. With --hostile N, every Nth request is
// replaced by a hostile one on its own connection (malformed, oversized, slow, half-closed);
// those are counted apart and must not take the server down. With --server-pid, the server's
// RSS is read after the first and before the last tenth of the requests.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
  int port = 0;
  std::string path = "/healthz";
  std::string method = "GET";
  std::string body;
  std::string token;
  int concurrency = 8;
  long requests = 10000;
  int server_pid = 0;
  long hostile_every = 0;
  double max_seconds = 300;
};

int Connect(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);  // loopback only, whatever the caller wants
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  const int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  timeval tv{10, 0};  // a stuck server fails the request instead of hanging the run
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  return fd;
}

bool SendAll(int fd, const std::string& data) {
  size_t sent = 0;
  while (sent < data.size()) {
    const ssize_t n = send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return false;
    sent += static_cast<size_t>(n);
  }
  return true;
}

// Reads one response (Content-Length framing, as the server always sends); returns its status,
// 0 on a broken connection. `buffer` keeps bytes that belong to the next response.
int ReadResponse(int fd, std::string& buffer, bool& closed) {
  closed = false;
  char chunk[65536];
  size_t header_end;
  while ((header_end = buffer.find("\r\n\r\n")) == std::string::npos) {
    const ssize_t n = recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) return 0;
    buffer.append(chunk, static_cast<size_t>(n));
  }
  const int status = std::atoi(buffer.c_str() + 9);
  size_t length = 0;
  const std::string head = buffer.substr(0, header_end);
  std::string lower = head;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  if (const size_t at = lower.find("\r\ncontent-length:"); at != std::string::npos) {
    length = std::strtoul(head.c_str() + at + 17, nullptr, 10);
  }
  closed = lower.find("\r\nconnection: close") != std::string::npos;
  const size_t total = header_end + 4 + length;
  while (buffer.size() < total) {
    const ssize_t n = recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) return 0;
    buffer.append(chunk, static_cast<size_t>(n));
  }
  buffer.erase(0, total);
  return status;
}

long RssKb(int pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::atol(line.c_str() + 6);
  }
  return -1;
}

// One hostile client: the server must answer or close, and keep serving the others.
void Hostile(int port, long n) {
  const int fd = Connect(port);
  if (fd < 0) return;
  std::string buffer;
  bool closed = false;
  switch (n % 4) {
    case 0:  // malformed
      SendAll(fd, "GARBAGE \x01\x02 HTTP/7\r\n\r\n");
      ReadResponse(fd, buffer, closed);
      break;
    case 1:  // oversized: declares 100 MB, sends a little, leaves
      SendAll(fd, "POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\r\n" + std::string(65536, 'x'));
      ReadResponse(fd, buffer, closed);
      break;
    case 2:  // slow: half a request line, then gone
      SendAll(fd, "POST /v1/scr");
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      break;
    default:  // half-closed: a whole request, then no more sending; the answer must still come
      SendAll(fd, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
      shutdown(fd, SHUT_WR);
      ReadResponse(fd, buffer, closed);
      break;
  }
  close(fd);
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i], v = argv[i + 1];
    if (k == "--port") o.port = std::atoi(v.c_str());
    else if (k == "--path") o.path = v;
    else if (k == "--method") o.method = v;
    else if (k == "--body") o.body = v;
    else if (k == "--body-file") {
      std::ifstream in(v, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      o.body = ss.str();
      if (o.method == "GET") o.method = "POST";
    } else if (k == "--token") o.token = v;
    else if (k == "--concurrency") o.concurrency = std::max(1, std::atoi(v.c_str()));
    else if (k == "--requests") o.requests = std::max(1L, std::atol(v.c_str()));
    else if (k == "--server-pid") o.server_pid = std::atoi(v.c_str());
    else if (k == "--hostile") o.hostile_every = std::atol(v.c_str());
    else if (k == "--max-seconds") o.max_seconds = std::atof(v.c_str());
    else {
      std::fprintf(stderr, "http_load: unknown option %s\n", k.c_str());
      return 2;
    }
  }
  if (o.port <= 0) {
    std::fprintf(stderr, "http_load: --port is required (loopback only)\n");
    return 2;
  }
  std::string request = o.method + " " + o.path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  if (!o.token.empty()) request += "Authorization: Bearer " + o.token + "\r\n";
  request += "Content-Length: " + std::to_string(o.body.size()) + "\r\n\r\n" + o.body;

  std::atomic<long> next{0}, errors{0}, hostile{0};
  std::atomic<long> rss_first{-1};
  std::mutex latencies_mutex;
  std::vector<double> latencies;
  latencies.reserve(static_cast<size_t>(o.requests));
  const auto start = Clock::now();
  const auto deadline = start + std::chrono::duration<double>(o.max_seconds);
  const long tenth = std::max(1L, o.requests / 10);
  long rss_last = -1;
  std::mutex rss_mutex;

  auto worker = [&] {
    std::vector<double> mine;
    int fd = -1;
    std::string buffer;
    for (long i; (i = next.fetch_add(1)) < o.requests && Clock::now() < deadline;) {
      if (o.hostile_every > 0 && i % o.hostile_every == o.hostile_every - 1) {
        Hostile(o.port, i / o.hostile_every);
        ++hostile;
        continue;
      }
      if (o.server_pid && i == tenth) rss_first = RssKb(o.server_pid);
      if (o.server_pid && i == o.requests - tenth) {
        std::lock_guard<std::mutex> lock(rss_mutex);
        rss_last = RssKb(o.server_pid);
      }
      if (fd < 0) {
        fd = Connect(o.port);
        buffer.clear();
        if (fd < 0) {
          ++errors;
          continue;
        }
      }
      const auto t0 = Clock::now();
      bool closed = false;
      const int status = SendAll(fd, request) ? ReadResponse(fd, buffer, closed) : 0;
      mine.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
      if (status != 200) ++errors;
      if (status == 0 || closed) {
        close(fd);
        fd = -1;
      }
    }
    if (fd >= 0) close(fd);
    std::lock_guard<std::mutex> lock(latencies_mutex);
    latencies.insert(latencies.end(), mine.begin(), mine.end());
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < o.concurrency; ++t) threads.emplace_back(worker);
  for (auto& t : threads) t.join();
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::sort(latencies.begin(), latencies.end());
  auto pct = [&](double p) {
    return latencies.empty() ? 0.0 : latencies[std::min(latencies.size() - 1, static_cast<size_t>(p * latencies.size()))];
  };
  std::printf("{\"requests\": %zu, \"errors\": %ld, \"hostile\": %ld, \"seconds\": %.3f, \"rps\": %.0f, "
              "\"p50_ms\": %.3f, \"p99_ms\": %.3f, \"rss_first_kb\": %ld, \"rss_last_kb\": %ld}\n",
              latencies.size(), errors.load(), hostile.load(), seconds, static_cast<double>(latencies.size()) / seconds,
              pct(0.50), pct(0.99), rss_first.load(), rss_last);
  return errors.load() == 0 ? 0 : 1;
}
