// ReadPlainBlockYaml(): yaml-cpp's parser events for the plain block YAML that large generated files are made of, far faster.
#pragma once

#include <string>

#include <yaml-cpp/eventhandler.h>

namespace sancheck {

/// Passes to `handler` the events yaml-cpp's parser would give for `text`, when `text` is one
/// document of block mappings and block sequences holding one-line scalars (plain ones, and
/// quoted ones without escapes), one-line flow lists of scalars (`tags: [arms, missile]`: quoted
/// ones, or plain ones of letters, digits, spaces and "_-./()+$") and plain folded or literal
/// block scalars (`description: >` and `|`, their lines at one indentation, no control
/// characters), with comments; returns false, having passed nothing, for anything else (flow
/// mappings, nested flow lists, anchors, tags, multi-line plain or quoted scalars, block scalars
/// with indicators or uneven lines, empty values, several documents, tabs, ...), which the
/// caller then gives to yaml-cpp. yaml-cpp's scanner costs over 100 ns a byte; this reader, a
/// few.
///
/// Its events must be yaml-cpp's, mark for mark: what it accepts is checked against yaml-cpp
/// (tests/unit/common/block_yaml_test.cpp, and the differential fuzz target
/// tests/fuzz/block_yaml_fuzz.cpp), and what it is unsure of it leaves to yaml-cpp.
bool ReadPlainBlockYaml(const std::string& text, YAML::EventHandler& handler);

}  // namespace sancheck
