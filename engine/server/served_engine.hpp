// The packs and lists a server judges with, loaded aside and swapped whole on reload.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "sancheck/checker.hpp"

namespace sancheck::server {

/// One loaded version: immutable, shared by every request that started on it.
struct ServedEngine {
  std::unique_ptr<Checker> checker;
  std::string packs;      ///< "un-dprk@1.3.0,acme@2" — sent as a header, logged, a metrics label
  std::string lists;      ///< "un-consolidated@2026-02-27,..."
  std::string loaded_at;  ///< ISO 8601 UTC
  uint64_t generation = 0;  ///< 1 for the first load, +1 per successful reload
};

/// Holds the current engine. A request takes Current() once and keeps that version
/// to its end, so a reload never changes a request half-way.
class EngineHolder {
 public:
  explicit EngineHolder(CheckOptions options) : options_(std::move(options)) {}

  /// Loads the packs and lists of the options aside; on success makes them current.
  /// On failure (diagnostics in `diags`) the current version keeps serving.
  bool Reload(Diagnostics& diags);
  std::shared_ptr<const ServedEngine> Current() const;

 private:
  CheckOptions options_;
  std::mutex reload_mutex_;  ///< one reload at a time (SIGHUP and the admin route may race)
  mutable std::mutex current_mutex_;
  std::shared_ptr<const ServedEngine> current_;
  uint64_t generations_ = 0;
};

}  // namespace sancheck::server
