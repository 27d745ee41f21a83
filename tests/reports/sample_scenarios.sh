#!/usr/bin/env bash
# Lists the scenario files under samples/ (files with a top-level `scenario:`; rule packs and rule tests are not
# scenarios), sorted, one per line. Run from the repository root.
grep -rlE --include='*.yaml' --include='*.yml' '^scenario:' samples | grep -vE '\.test\.ya?ml$' | LC_ALL=C sort
