#!/usr/bin/env bash
# Installs every Debian package the build, the tests, the report checks and the .deb need (run as root).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends \
  g++ cmake ninja-build python3 python3-jsonschema python3-yaml libxml2-utils \
  libyaml-cpp-dev libboost-dev libspdlog-dev libfmt-dev doctest-dev libcli11-dev \
  nlohmann-json3-dev libssl-dev libicu-dev libxml2-dev clang libclang-rt-14-dev chromium \
  dpkg-dev file man-db >/dev/null
