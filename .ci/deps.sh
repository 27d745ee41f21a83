#!/usr/bin/env bash
# Installs every Debian package the build, the tests, the report checks and the .deb need (run as root).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends \
  g++ cmake ninja-build python3 python3-jsonschema python3-yaml libxml2-utils \
  pybind11-dev python3-dev python3-pandas python3-dask python3-distributed python3-pytest python3-numpy \
  libyaml-cpp-dev libboost-dev libspdlog-dev libfmt-dev doctest-dev libcli11-dev \
  nlohmann-json3-dev libssl-dev libicu-dev libxml2-dev clang libclang-rt-14-dev chromium poppler-utils \
  dpkg-dev file man-db >/dev/null
