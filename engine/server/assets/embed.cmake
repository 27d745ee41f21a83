# Writes a C++ file defining `const std::string_view NAME` with the bytes of the file IN.
# Usage: cmake -DIN=file -DOUT=file.cpp -DNAME=kSymbol -P embed.cmake
file(READ "${IN}" hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
get_filename_component(source "${IN}" NAME)
file(WRITE "${OUT}" "// Generated at build time from ${source}; do not edit.\n"
  "#include \"server/assets.hpp\"\n"
  "namespace sancheck::server {\nnamespace {\nconstexpr char kBytes[] = {${bytes} '\\0'};\n}\n"
  "const std::string_view ${NAME}(kBytes, sizeof kBytes - 1);\n}\n")
