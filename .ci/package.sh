#!/usr/bin/env bash
# CI: builds the .deb, installs it, checks the installed program, man pages, library and Python module, then removes it (as root).
#
# Usage: .ci/package.sh [BUILD_DIR]   (default build/package; CMAKE_BUILD_PARALLEL_LEVEL and
# CMAKE_CXX_COMPILER_LAUNCHER are honoured). The examples/embed program is configured afresh in
# a temporary folder, so that it can only find the library through the installed CMake package.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=${1:-$root/build/package}
work=$(mktemp -d)
installed=0
cleanup() {
  if ((installed)); then dpkg -r sancheck >/dev/null; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "package: FAIL: $*" >&2
  exit 1
}

# Installed under /usr, as Debian lays packages out (the library in lib/<multiarch>/).
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
  -DSANCHECK_BUILD_TESTS=OFF -DSANCHECK_BUILD_BENCH=OFF
cmake --build "$build"
rm -f "$build"/sancheck_*.deb
(cd "$build" && cpack -G DEB)
debs=("$build"/sancheck_*.deb)
if ((${#debs[@]} != 1)) || [[ ! -f ${debs[0]} ]]; then fail "cpack made no single sancheck_*.deb"; fi
deb=${debs[0]}
dpkg-deb --field "$deb" Package Version Depends
dpkg-deb --contents "$deb" | awk '{print $6}' | tee "$work/contents.txt"
# The Python module: the binding and its package files in Debian's dist-packages, and the
# interpreter it was built for among the Depends (pandas only suggested: batch_frame imports it
# when called).
for f in __init__.py dask.py; do
  grep -qx "./usr/lib/python3/dist-packages/sancheck/$f" "$work/contents.txt" ||
    fail "the package has no /usr/lib/python3/dist-packages/sancheck/$f"
done
grep -q '^\./usr/lib/python3/dist-packages/sancheck/_sancheck\..*\.so$' "$work/contents.txt" ||
  fail "the package has no Python binding _sancheck*.so in /usr/lib/python3/dist-packages/sancheck/"
depends=$(dpkg-deb --field "$deb" Depends)
grep -Eq '(^|, )python3 \(>= 3\.[0-9]+\)' <<<"$depends" || fail "Depends names no python3 (>= 3.X): $depends"
! grep -q pandas <<<"$depends" || fail "Depends names pandas, which the module only suggests: $depends"
grep -q python3-pandas <<<"$(dpkg-deb --field "$deb" Suggests)" || fail "Suggests does not name python3-pandas"

# dpkg does not fetch dependencies; apt-get -f install brings whatever it lacks.
installed=1
dpkg -i "$deb" || true
DEBIAN_FRONTEND=noninteractive apt-get -f install -y -qq
[[ $(dpkg-query -W -f '${Status}' sancheck) == "install ok installed" ]] || fail "sancheck is not installed"

# The installed program judges the samples: prohibited ones among them, so exit 1.
/usr/bin/sancheck --version
status=0
/usr/bin/sancheck check samples/ >"$work/check.txt" || status=$?
((status == 1)) || fail "sancheck check samples/ exited $status, expected 1 (findings)"
grep -q '^Summary: ' "$work/check.txt" || fail "sancheck check samples/ printed no summary"
man -w sancheck >/dev/null || fail "no man page sancheck(1)"
# The documents error messages name (docs/scenario-format.md#units) are installed with the program.
for f in README.md scenario-format.md writing-rules.md ci.md; do
  [[ -s /usr/share/doc/sancheck/$f ]] || fail "no /usr/share/doc/sancheck/$f"
done
man -w sancheck-check || fail "no man page sancheck-check(1)"
for f in /usr/share/bash-completion/completions/sancheck /usr/share/zsh/vendor-completions/_sancheck; do
  [[ -s $f ]] || fail "no completion file $f"
done
# Tab completion from the installed file, as bash-completion loads it: `sancheck ch<TAB>`.
completed=$(bash -c '. /usr/share/bash-completion/completions/sancheck; COMP_WORDS=(sancheck ch); COMP_CWORD=1
  _sancheck; printf "%s\n" "${COMPREPLY[@]}"')
[[ $completed == check ]] || fail "bash completed 'sancheck ch' to '$completed', not 'check'"

# The installed Python module, imported by Debian's interpreter from a folder where no build tree
# is on the path.
(cd "$work" && env -u PYTHONPATH /usr/bin/python3 -c "import sancheck; print(sancheck.Checker().screen(['Jo Chun-ryong']))") \
  >"$work/python.txt" || fail "the installed Python module could not screen a name"
cat "$work/python.txt"
grep -q 'KPi\.038' "$work/python.txt" || fail "the installed Python module did not find Jo Chun-ryong (KPi.038)"
[[ $(cd "$work" && env -u PYTHONPATH /usr/bin/python3 -c 'import sancheck; print(sancheck.__file__)') == /usr/lib/python3/dist-packages/sancheck/__init__.py ]] ||
  fail "python3 did not import sancheck from /usr/lib/python3/dist-packages"

# The embedding example, built against the installed library alone.
cmake -S examples/embed -B "$work/embed" -G Ninja -DCMAKE_BUILD_TYPE=Release
found=$(sed -n 's/^sancheck_DIR:PATH=//p' "$work/embed/CMakeCache.txt")
[[ $found == /usr/lib/* ]] || fail "examples/embed found sancheck in '$found', not in the installed package"
cmake --build "$work/embed"
status=0
"$work/embed/sancheck_embed" >"$work/embed.txt" || status=$?
cat "$work/embed.txt"
((status == 1)) || fail "sancheck_embed exited $status, expected 1"
grep -q '^shells: prohibited' "$work/embed.txt" || fail "sancheck_embed did not find the shells prohibited"

dpkg -r sancheck
installed=0
[[ ! -e /usr/bin/sancheck ]] || fail "dpkg -r left /usr/bin/sancheck"
[[ ! -e /usr/lib/python3/dist-packages/sancheck ]] || fail "dpkg -r left /usr/lib/python3/dist-packages/sancheck"
echo "package: OK ($(basename "$deb"))"
