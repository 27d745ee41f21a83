// The HTTP/1.1 transport of `sancheck serve` (Boost.Beast): limits, timeouts, a bounded pool, draining.
#include "server/http_server.hpp"

#include <array>

#include <atomic>
#include <cstdio>
#include <list>
#include <mutex>
#include <optional>
#include <random>
#include <thread>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "server/beast_request.hpp"
#include "server/routes.hpp"

namespace sancheck::server {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

// A request id that is unique within the process and unlikely to repeat across restarts.
class RequestIds {
 public:
  RequestIds() {
    std::random_device rd;
    std::snprintf(prefix_, sizeof prefix_, "%08x", rd());
  }
  std::string Next() {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%s-%llx", prefix_, static_cast<unsigned long long>(++count_));
    return buf;
  }

 private:
  char prefix_[16] = {};
  std::atomic<uint64_t> count_{0};
};

}  // namespace

class Session;

struct HttpServer::Impl {
  Impl(const Router& r, Metrics& m, const AccessLog& l, ServerLimits lim)
      : router(r), metrics(m), log(l), limits(lim), pool(static_cast<size_t>(std::max(1, lim.workers))) {}

  const Router& router;
  Metrics& metrics;
  const AccessLog& log;
  const ServerLimits limits;
  RequestIds ids;
  std::atomic<int> pending{0};  ///< requests handed to the pool and not yet answered
  std::atomic<bool> draining{false};
  std::atomic<bool> finished{false};  ///< Run() has returned: the io_context is being torn down

  // Declared before the io_context: sessions it still holds unregister here when it is destroyed.
  std::mutex sessions_mutex;
  std::list<std::weak_ptr<Session>> sessions;
  int open_sessions = 0;

  asio::thread_pool pool;
  asio::io_context ioc{1};
  tcp::acceptor acceptor{ioc};
  asio::signal_set signals{ioc};
  asio::steady_timer drain_timer{ioc};
  std::function<void()> on_hangup;

  void Accept();
  void WaitSignal();
  void StartDrain();
  void SessionClosed();
  void RefuseConnection(tcp::socket& socket);
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& socket, HttpServer::Impl& server) : stream_(std::move(socket)), server_(server) {
    beast::error_code ec;
    const auto remote = stream_.socket().remote_endpoint(ec);
    if (!ec) peer_ = remote.address().to_string() + ":" + std::to_string(remote.port());
  }
  ~Session() {
    {
      std::lock_guard<std::mutex> lock(server_.sessions_mutex);
      if (registered_) server_.sessions.erase(self_);
    }
    server_.SessionClosed();
  }

  void Start(std::list<std::weak_ptr<Session>>::iterator self) {
    self_ = self;
    registered_ = true;
    asio::dispatch(stream_.get_executor(), [s = shared_from_this()] { s->ReadHeader(); });
  }

  /// On draining: a connection waiting for its next request is closed now; one with a
  /// request in flight answers it (with Connection: close) and closes then.
  void CloseIfIdle() {
    asio::post(stream_.get_executor(), [s = shared_from_this()] {
      if (s->idle_) s->stream_.socket().close();
    });
  }

 private:
  void ReadHeader() {
    if (server_.draining) return Close();
    parser_.emplace();
    ConfigureParser(*parser_, server_.limits);
    idle_ = buffer_.size() == 0;
    stream_.expires_after(server_.limits.header_timeout);
    http::async_read_header(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::OnHeader, shared_from_this()));
  }

  void OnHeader(beast::error_code ec, std::size_t) {
    idle_ = false;
    start_ = std::chrono::steady_clock::now();
    if (ec == http::error::end_of_stream || ec == asio::error::operation_aborted || ec == beast::error::timeout ||
        ec == asio::error::connection_reset || ec == asio::error::eof) {
      return Close();  // the client left, went quiet, or we are draining
    }
    if (const Refusal r = CheckRead(*parser_, ec, server_.limits); r.status) return Refuse(r);
    const auto& req = parser_->get();
    if (beast::iequals(req[http::field::expect], "100-continue")) {
      auto cont = std::make_shared<http::response<http::empty_body>>(http::status::continue_, req.version());
      stream_.expires_after(server_.limits.write_timeout);
      return http::async_write(stream_, *cont, [s = shared_from_this(), cont](beast::error_code e, std::size_t) {
        if (e) return s->Close();
        s->ReadBody();
      });
    }
    ReadBody();
  }

  void ReadBody() {
    stream_.expires_after(server_.limits.body_timeout);
    http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::OnBody, shared_from_this()));
  }

  void OnBody(beast::error_code ec, std::size_t) {
    if (ec == beast::error::timeout) return Refuse({408, "http.timeout", "the request body did not arrive in time"});
    if (ec == http::error::end_of_stream || ec == asio::error::operation_aborted ||
        ec == asio::error::connection_reset || ec == asio::error::eof) {
      return Close();
    }
    if (const Refusal r = CheckRead(*parser_, ec, server_.limits); r.status) return Refuse(r);
    auto& req = parser_->get();
    keep_alive_ = req.keep_alive();
    version_ = req.version();
    HttpRequest request;
    if (const Refusal r = ToHttpRequest(*parser_, request, server_.ids.Next()); r.status) return Refuse(r);
    // A full pool and queue answer at once: waiting clients retry instead of piling up.
    if (server_.pending.fetch_add(1) >= server_.limits.workers + server_.limits.queue) {
      server_.pending.fetch_sub(1);
      HttpResponse busy = ErrorResponse(503, "http.busy", "the server is busy; retry shortly");
      busy.headers.emplace_back("Retry-After", "1");
      return Send(std::move(request), std::move(busy));
    }
    asio::post(server_.pool, [s = shared_from_this(), request = std::move(request)]() mutable {
      HttpResponse response;
      try {
        response = s->server_.router.Handle(request);
      } catch (const std::exception& e) {
        response = ErrorResponse(500, "http.internal", std::string("internal error: ") + e.what());
      } catch (...) {  // the count below and the answer must happen whatever was thrown
        response = ErrorResponse(500, "http.internal", "internal error");
      }
      s->server_.pending.fetch_sub(1);
      asio::post(s->stream_.get_executor(),
                 [s, request = std::move(request), response = std::move(response)]() mutable {
                   s->Send(std::move(request), std::move(response));
                 });
    });
  }

  // Answers a request whose body was not (fully) read: the connection cannot carry another.
  void Refuse(const Refusal& refusal) {
    keep_alive_ = false;
    HttpRequest request;
    request.request_id = server_.ids.Next();
    if (parser_) request.method = std::string(parser_->get().method_string());
    Send(std::move(request), ErrorResponse(refusal.status, refusal.code, refusal.message));
  }

  void Send(HttpRequest request, HttpResponse response) {
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    if (response.route.empty()) response.route = "other";
    server_.metrics.Record(response.route, response.status, seconds, response.verdict);
    server_.log.Write(request, response, seconds, peer_);

    auto res = std::make_shared<http::response<http::string_body>>();
    res->version(version_);
    res->result(static_cast<unsigned>(response.status));
    res->set(http::field::server, "sancheck");
    res->set(http::field::content_type, response.content_type);
    res->set(http::field::cache_control, "no-store");
    res->set("X-Content-Type-Options", "nosniff");
    res->set("X-Request-Id", request.request_id);
    for (const auto& [name, value] : response.headers) res->set(name, value);
    const bool head = request.method == "HEAD";
    res->content_length(response.body.size());
    if (!head) res->body() = std::move(response.body);
    res->keep_alive(keep_alive_ && !server_.draining);
    stream_.expires_after(server_.limits.write_timeout);
    http::async_write(stream_, *res, [s = shared_from_this(), res](beast::error_code ec, std::size_t) {
      if (ec) return s->Close();
      if (!res->keep_alive()) return s->Linger();
      s->ReadHeader();
    });
  }

  // After the last answer: stop sending, and read what the client still sends for a moment so
  // that closing with unread bytes does not reset the connection before the answer arrives.
  void Linger() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.expires_after(std::chrono::seconds(1));
    discard_ = std::make_shared<std::array<char, 4096>>();
    stream_.async_read_some(asio::buffer(*discard_), [s = shared_from_this()](beast::error_code e, std::size_t) {
      if (e) return s->Close();
      s->LingerMore();
    });
  }
  void LingerMore() {
    stream_.async_read_some(asio::buffer(*discard_), [s = shared_from_this()](beast::error_code e, std::size_t) {
      if (e) return s->Close();
      s->LingerMore();
    });
  }

  void Close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_.socket().close(ec);
  }

  beast::tcp_stream stream_;
  HttpServer::Impl& server_;
  beast::flat_buffer buffer_;  // bounded by the parser's header and body limits
  std::optional<http::request_parser<http::string_body>> parser_;
  std::shared_ptr<std::array<char, 4096>> discard_;
  std::list<std::weak_ptr<Session>>::iterator self_;
  bool registered_ = false;
  bool idle_ = false;
  bool keep_alive_ = true;
  unsigned version_ = 11;
  std::string peer_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

void HttpServer::Impl::RefuseConnection(tcp::socket& socket) {
  // Over the connection limit: a short answer written without waiting, then closed.
  static constexpr std::string_view kBusy =
      "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nConnection: close\r\nContent-Length: 0\r\n\r\n";
  beast::error_code ec;
  socket.non_blocking(true, ec);
  socket.write_some(asio::buffer(kBusy.data(), kBusy.size()), ec);
  socket.close(ec);
}

void HttpServer::Impl::Accept() {
  acceptor.async_accept(asio::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    if (ec == asio::error::operation_aborted || draining) return;
    if (!ec) {
      std::unique_lock<std::mutex> lock(sessions_mutex);
      if (open_sessions >= limits.max_connections) {
        lock.unlock();
        RefuseConnection(socket);
        metrics.Record("other", 503, 0, "");
      } else {
        ++open_sessions;
        auto session = std::make_shared<Session>(std::move(socket), *this);
        auto it = sessions.insert(sessions.end(), session);
        lock.unlock();
        session->Start(it);
      }
    }
    Accept();
  });
}

void HttpServer::Impl::SessionClosed() {
  std::lock_guard<std::mutex> lock(sessions_mutex);
  if (--open_sessions == 0 && draining && !finished) ioc.stop();
}

void HttpServer::Impl::StartDrain() {
  if (draining.exchange(true)) return;
  log.Event("draining", "stopped accepting; finishing the requests in flight");
  beast::error_code ec;
  acceptor.close(ec);
  std::vector<std::shared_ptr<Session>> live;
  {
    std::lock_guard<std::mutex> lock(sessions_mutex);
    if (open_sessions == 0) {
      ioc.stop();
      return;
    }
    for (auto& w : sessions) {
      if (auto s = w.lock()) live.push_back(std::move(s));
    }
  }
  for (auto& s : live) s->CloseIfIdle();
  drain_timer.expires_after(limits.drain_timeout);
  drain_timer.async_wait([this](beast::error_code e) {
    if (!e) {
      log.Event("drain_timeout", "requests still in flight after the drain timeout; stopping");
      ioc.stop();
    }
  });
}

void HttpServer::Impl::WaitSignal() {
  signals.async_wait([this](beast::error_code ec, int signal) {
    if (ec) return;
    if (signal == SIGHUP) {
      if (on_hangup) asio::post(pool, on_hangup);
      WaitSignal();
      return;
    }
    StartDrain();
  });
}

HttpServer::HttpServer(const Router& router, Metrics& metrics, const AccessLog& log, ServerLimits limits)
    : impl_(std::make_unique<Impl>(router, metrics, log, limits)) {}

HttpServer::~HttpServer() = default;

bool HttpServer::Listen(const std::string& host, uint16_t port, std::string& error) {
  beast::error_code ec;
  tcp::resolver resolver(impl_->ioc);
  const auto results = resolver.resolve(host, std::to_string(port), tcp::resolver::numeric_service, ec);
  if (ec || results.empty()) {
    error = "cannot resolve '" + host + "': " + ec.message();
    return false;
  }
  const tcp::endpoint endpoint = results.begin()->endpoint();
  auto& a = impl_->acceptor;
  a.open(endpoint.protocol(), ec);
  if (!ec) a.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) a.bind(endpoint, ec);
  if (!ec) a.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    error = "cannot listen on " + host + ":" + std::to_string(port) + ": " + ec.message();
    return false;
  }
  return true;
}

uint16_t HttpServer::port() const {
  beast::error_code ec;
  return impl_->acceptor.local_endpoint(ec).port();
}

void HttpServer::Run(std::function<void()> on_hangup) {
  Impl& s = *impl_;
  s.on_hangup = std::move(on_hangup);
  s.signals.add(SIGINT);
  s.signals.add(SIGTERM);
  s.signals.add(SIGHUP);
  s.WaitSignal();
  s.Accept();
  s.ioc.run();
  s.finished = true;
  s.pool.join();  // requests still running finish; their answers have nowhere to go
}

}  // namespace sancheck::server
