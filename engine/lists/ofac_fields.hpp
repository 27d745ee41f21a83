// The field conventions every file of OFAC's legacy CSV layout shares: the null mark and the entity number.
#pragma once

#include <string_view>

namespace sancheck::lists {

/// OFAC's empty field, "-0-", often written with a space after it.
inline bool IsOfacNull(std::string_view v) {
  while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
  return v == "-0-";
}

/// An ent_num: one to nine digits (it joins the files; OFAC's are well under a billion).
inline bool IsEntNum(std::string_view s) {
  return !s.empty() && s.size() <= 9 && s.find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace sancheck::lists
