#!/usr/bin/env bash
# Lists the scenario files under samples/ (files with a top-level `scenario:`; rule packs and rule tests are not
# scenarios, nor the files under a pack's tests/, which need that pack), sorted, one per line. Run from the repository root.
grep -rlE --include='*.yaml' --include='*.yml' '^scenario:' samples | grep -vE '\.test\.ya?ml$|/tests/' | LC_ALL=C sort
