# sancheck in a container: `sancheck serve` on port 8080 (docs/server.md, "Running it in a container").
#
#   docker build -t sancheck .
#   docker run --rm -p 8080:8080 sancheck
#
# Two stages on Debian 12: the first builds the Debian package as .ci/package.sh does (Release,
# no tests, no benchmarks), the second installs that package alone, so the image holds the
# program, its Python module and the shared libraries they need, and no compiler.

FROM debian:bookworm-slim AS build
ARG DEBIAN_FRONTEND=noninteractive
# What .ci/deps.sh installs, less what only the tests, the fuzz targets and the package checks use.
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      g++ cmake ninja-build python3 pybind11-dev python3-dev \
      libyaml-cpp-dev libboost-dev libspdlog-dev libfmt-dev libcli11-dev \
      nlohmann-json3-dev libssl-dev libicu-dev libxml2-dev \
      dpkg-dev file \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
# Installed under /usr as Debian lays packages out; dpkg-dev and file let CPack take the
# package's Depends from the libraries the program and the module link.
RUN cmake -S . -B /build -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
      -DSANCHECK_BUILD_TESTS=OFF -DSANCHECK_BUILD_BENCH=OFF \
 && cmake --build /build \
 && cd /build && cpack -G DEB \
 && mkdir /dist && cp sancheck_*.deb /dist/sancheck.deb

FROM debian:bookworm-slim AS runtime
ARG DEBIAN_FRONTEND=noninteractive
COPY --from=build /dist/sancheck.deb /tmp/sancheck.deb
# apt-get installs the package with its Depends (the shared libraries, python3) and nothing it
# only suggests.
RUN apt-get update \
 && apt-get install -y --no-install-recommends /tmp/sancheck.deb \
 && rm -rf /var/lib/apt/lists/* /tmp/sancheck.deb \
 && useradd --system --user-group --uid 10001 --home-dir /nonexistent --no-create-home \
      --shell /usr/sbin/nologin sancheck
USER sancheck:sancheck
WORKDIR /tmp
EXPOSE 8080
# python3 is in the image anyway (the package's Python module needs it), so it asks /healthz;
# the image has no curl or wget. A container started with another --listen port needs its own
# --health-cmd.
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["python3", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8080/healthz', timeout=4).status != 200)"]
ENTRYPOINT ["sancheck"]
CMD ["serve", "--listen", "0.0.0.0:8080"]
