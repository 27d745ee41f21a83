// `sancheck serve`: the HTTP API and web page, on the same engine as the other commands.
#include <sys/stat.h>

#include <iostream>
#include <memory>
#include <thread>

#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>

#include "cli/commands.hpp"
#include "common/files.hpp"
#include "lists/import_text.hpp"
#include "server/http_server.hpp"

namespace sancheck::cli {
namespace {

struct ServeArgs {
  std::string listen = "127.0.0.1:8080";
  PackChoice packs;
  std::string token_file;
  std::string access_log = "-";
  bool log_bodies = false;
  server::ServerLimits limits;
  double header_timeout_s = 10, body_timeout_s = 30, drain_timeout_s = 10;
};

// The token is the file's text without surrounding blanks; an empty one would let anyone in.
bool ReadToken(const std::string& path, std::string& token) {
  Diagnostics diags;
  const auto source = ReadSource(path, diags, 4096);
  if (!source) {
    std::cerr << diags.RenderAll();
    return false;
  }
  token = std::string(lists::Trimmed(source->text));
  if (token.size() < 16) {
    UsageError("--token-file " + path + ": the token must be at least 16 characters");
    return false;
  }
  struct stat st {};
  if (stat(path.c_str(), &st) == 0 && (st.st_mode & 0077) != 0) {
    std::cerr << "sancheck: warning: --token-file " << path << " can be read by other users (chmod 600 it)\n";
  }
  return true;
}

std::shared_ptr<spdlog::logger> AccessLogger(const std::string& where) {
  if (where == "off") return nullptr;
  auto logger = where == "-" ? spdlog::stderr_logger_mt("sancheck.access")
                             : spdlog::basic_logger_mt("sancheck.access", where);
  logger->set_pattern("%v");
  logger->flush_on(spdlog::level::info);
  return logger;
}

int RunServe(ServeArgs& args) {
  std::string host, error;
  uint16_t port = 0;
  if (!server::ParseListen(args.listen, host, port, error)) return UsageError(error);
  std::string token;
  if (!args.token_file.empty() && !ReadToken(args.token_file, token)) return kExitError;
  auto options = CheckOptionsFor(args.packs);
  if (!options) return kExitError;
  server::EngineHolder engines(*options);
  Diagnostics diags;
  if (!engines.Reload(diags)) {
    std::cerr << diags.RenderAll();
    return kExitError;
  }
  std::shared_ptr<spdlog::logger> logger;
  try {
    logger = AccessLogger(args.access_log);
  } catch (const std::exception& e) {
    return UsageError("--access-log " + args.access_log + ": " + e.what());
  }
  const server::AccessLog log(logger, args.log_bodies);
  server::Metrics metrics;
  // Reloads load aside and swap; a refused pack leaves the served version as it was.
  auto reload = [&](std::string& message) {
    Diagnostics d;
    const bool ok = engines.Reload(d);
    metrics.RecordReload(ok);
    message = d.RenderAll();
    const auto now = engines.Current();
    log.Event(ok ? "reloaded" : "reload_refused", ok ? now->packs + " " + now->lists : message);
    return ok;
  };
  server::RouterConfig config{token, reload};
  const server::Router router(engines, metrics, config);
  auto& limits = args.limits;
  limits.header_timeout = std::chrono::milliseconds(static_cast<int64_t>(args.header_timeout_s * 1000));
  limits.body_timeout = std::chrono::milliseconds(static_cast<int64_t>(args.body_timeout_s * 1000));
  limits.write_timeout = limits.body_timeout;
  limits.drain_timeout = std::chrono::milliseconds(static_cast<int64_t>(args.drain_timeout_s * 1000));
  server::HttpServer http(router, metrics, log, limits);
  if (!http.Listen(host, port, error)) return UsageError(error);
  const auto engine = engines.Current();
  const std::string shown_host = host.find(':') != std::string::npos ? "[" + host + "]" : host;
  std::cerr << "sancheck: serving on http://" << shown_host << ":" << http.port() << "/ (packs " << engine->packs
            << "; lists " << engine->lists << (token.empty() ? "; no token" : "; token required") << ")\n";
  log.Event("listening", shown_host + ":" + std::to_string(http.port()));
  http.Run([&] {
    std::string message;
    reload(message);
  });
  log.Event("stopped", "drained");
  return kExitOk;
}

}  // namespace

void AddServeCommand(CLI::App& app, Runner& runner) {
  auto args = std::make_shared<ServeArgs>();
  CLI::App* cmd = app.add_subcommand("serve", "Serve the checks over HTTP (JSON API, metrics, and a web page at /)");
  cmd->footer("Signals: SIGHUP reloads packs and lists (a bad pack is refused, the old one keeps serving);\n"
              "SIGTERM or SIGINT stops accepting, finishes the requests in flight, and exits 0.");
  cmd->add_option("--listen", args->listen, "HOST:PORT to listen on (default 127.0.0.1:8080; port 0 picks a free one)");
  AddPackOptions(cmd, args->packs);
  cmd->add_option("--token-file", args->token_file,
                  "A file holding a secret token: every route but /healthz, /readyz and the page then needs "
                  "'Authorization: Bearer TOKEN'");
  cmd->add_option("--access-log", args->access_log, "Where the JSON request log goes: - (standard error), FILE, or off");
  cmd->add_flag("--log-bodies", args->log_bodies, "Log request bodies too (they may hold confidential deals)");
  cmd->add_option("--max-body", args->limits.body_bytes, "Largest request body in bytes (default 8 MiB; more: 413)")
      ->check(CLI::Range(size_t{1}, size_t{1} << 30));
  cmd->add_option("--workers", args->limits.workers, "Threads answering requests (default 2)")->check(CLI::Range(1, 256));
  cmd->add_option("--queue", args->limits.queue, "Requests waiting for a worker before 503 (default 64)")
      ->check(CLI::Range(0, 100000));
  cmd->add_option("--max-connections", args->limits.max_connections, "Open connections before 503 (default 1024)")
      ->check(CLI::Range(1, 1000000));
  cmd->add_option("--header-timeout", args->header_timeout_s, "Seconds to read a request's headers, and to keep an idle connection (default 10)")
      ->check(CLI::Range(0.1, 3600.0));
  cmd->add_option("--body-timeout", args->body_timeout_s, "Seconds to read a body, or write an answer (default 30)")
      ->check(CLI::Range(0.1, 3600.0));
  cmd->add_option("--drain-timeout", args->drain_timeout_s, "Seconds to finish requests in flight on SIGTERM (default 10)")
      ->check(CLI::Range(0.0, 3600.0));
  cmd->callback([&runner, args] { runner = [args] { return RunServe(*args); }; });
}

}  // namespace sancheck::cli
