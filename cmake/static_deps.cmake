# The libraries sancheck links: Debian's shared ones, or (SANCHECK_STATIC_DEPS) their static archives.
#
# Why static: a dynamically linked `sancheck` spends ~2.5 ms of every start mapping eleven
# libraries and resolving their symbols (ICU, libxml2, libcrypto, yaml-cpp, spdlog, fmt,
# libstdc++, ...), half of the 5 ms cold-start budget (bench/README.md). Linked statically, the
# linker resolves them once, at build time. The release preset turns it on; the .deb is built
# without it (.ci/package.sh, README.md), so that Debian's security updates of libxml2 and
# libcrypto reach the installed program.
#
# Sets SANCHECK_LINK_DEPS (what the engine links) and SANCHECK_LOG_DEP (spdlog). The installed
# CMake package always names the shared libraries (cmake/sancheckConfig.cmake.in).
option(SANCHECK_STATIC_DEPS "Link sancheck's programs against the static archives of its libraries" OFF)

set(SANCHECK_SHARED_LINK_DEPS yaml-cpp spdlog::spdlog OpenSSL::Crypto ICU::uc ICU::i18n LibXml2::LibXml2
                              Threads::Threads)
if(NOT SANCHECK_STATIC_DEPS)
  set(SANCHECK_LINK_DEPS ${SANCHECK_SHARED_LINK_DEPS})
  set(SANCHECK_LOG_DEP spdlog::spdlog)
  return()
endif()
if(SANCHECK_SANITIZE OR SANCHECK_FUZZ)
  message(FATAL_ERROR "SANCHECK_STATIC_DEPS is for release programs; the sanitizer builds link the shared libraries")
endif()

# spdlog and fmt compiled into the files that log (Debian ships no archive of either).
add_library(sancheck_log_header_only INTERFACE)
target_compile_definitions(sancheck_log_header_only INTERFACE SPDLOG_FMT_EXTERNAL FMT_HEADER_ONLY=1)
target_link_libraries(sancheck_log_header_only INTERFACE Threads::Threads)

# One archive a name, in the order the linker needs them: a library before those it uses.
set(SANCHECK_STATIC_ARCHIVES xml2 icui18n icuuc icudata yaml-cpp crypto lzma z)
set(archives "")
foreach(name IN LISTS SANCHECK_STATIC_ARCHIVES)
  find_library(SANCHECK_ARCHIVE_${name} NAMES lib${name}.a)
  if(NOT SANCHECK_ARCHIVE_${name})
    message(FATAL_ERROR "SANCHECK_STATIC_DEPS: no lib${name}.a (install its -dev package, or configure without it)")
  endif()
  list(APPEND archives ${SANCHECK_ARCHIVE_${name}})
endforeach()
# Programs link the archives; a shared library (the Python module) cannot, the archives not being
# position-independent, and keeps the shared libraries and the interpreter's C++ runtime.
set(is_program "$<STREQUAL:$<TARGET_PROPERTY:TYPE>,EXECUTABLE>")
add_library(sancheck_static_libs INTERFACE)
foreach(archive IN LISTS archives)
  target_link_libraries(sancheck_static_libs INTERFACE "$<${is_program}:${archive}>")
endforeach()
foreach(dep IN ITEMS yaml-cpp OpenSSL::Crypto ICU::uc ICU::i18n LibXml2::LibXml2)
  target_link_libraries(sancheck_static_libs INTERFACE "$<$<NOT:${is_program}>:${dep}>")
  # Their headers, from the packages' own targets (libxml2's are in a folder of their own).
  target_include_directories(sancheck_static_libs SYSTEM INTERFACE
                             $<TARGET_PROPERTY:${dep},INTERFACE_INCLUDE_DIRECTORIES>)
endforeach()
target_link_libraries(sancheck_static_libs INTERFACE ${CMAKE_DL_LIBS} Threads::Threads sancheck_log_header_only)
target_link_options(sancheck_static_libs INTERFACE "$<${is_program}:-static-libstdc++;-static-libgcc>")
# The program relocates its own ~38,000 pointers at every start (position-independent, as Debian
# builds programs): packed (DT_RELR, glibc 2.36 and binutils 2.38 on), the table the loader reads
# is 9 KB instead of 900 KB, ~0.3 ms of a cold `check` (bench/README.md).
include(CheckLinkerFlag)
check_linker_flag(CXX "-Wl,-z,pack-relative-relocs" SANCHECK_HAS_RELR)
if(SANCHECK_HAS_RELR)
  target_link_options(sancheck_static_libs INTERFACE "$<${is_program}:-Wl,-z,pack-relative-relocs>")
endif()

set(SANCHECK_LINK_DEPS $<BUILD_INTERFACE:sancheck_static_libs>)
foreach(dep IN LISTS SANCHECK_SHARED_LINK_DEPS)
  list(APPEND SANCHECK_LINK_DEPS $<INSTALL_INTERFACE:${dep}>)
endforeach()
set(SANCHECK_LOG_DEP $<BUILD_INTERFACE:sancheck_log_header_only>)
