# Installation: the program, the library with its CMake package, the headers, man pages, completions, and the .deb (CPack).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(TARGETS sancheck_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# The library, its public headers, and the package find_package(sancheck CONFIG) reads:
# sancheck::sancheck with its link dependencies found again by sancheckConfig.cmake.
set(SANCHECK_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/sancheck)
install(TARGETS sancheck EXPORT sanchecktargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/sancheck DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
        FILES_MATCHING PATTERN "*.hpp")
install(EXPORT sanchecktargets NAMESPACE sancheck:: FILE sancheckTargets.cmake DESTINATION ${SANCHECK_CMAKE_DIR})
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/sancheckConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/sancheckConfig.cmake INSTALL_DESTINATION ${SANCHECK_CMAKE_DIR})
# A request for version X.Y accepts any installed X.Z with Z >= Y: the major version marks breaking changes.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/sancheckConfigVersion.cmake COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/sancheckConfig.cmake ${PROJECT_BINARY_DIR}/sancheckConfigVersion.cmake
        DESTINATION ${SANCHECK_CMAKE_DIR})

# The documents error messages and man pages point to ("see docs/scenario-format.md#units"):
# installed as /usr/share/doc/sancheck/scenario-format.md and beside it, with the JSON schemas.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})

# Generated from the command definitions at build time (see sancheck_docs in CMakeLists.txt).
install(DIRECTORY ${SANCHECK_DOCS_DIR}/man1 DESTINATION ${CMAKE_INSTALL_MANDIR})
install(FILES ${SANCHECK_DOCS_DIR}/bash/sancheck DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
install(FILES ${SANCHECK_DOCS_DIR}/zsh/_sancheck DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)

# `cpack -G DEB` in the build folder: one package, sancheck, at the project's version.
set(CPACK_PACKAGE_NAME sancheck)
set(CPACK_PACKAGE_VENDOR "sancheck")
# The Maintainer field: a release names its maintainer with -DCPACK_PACKAGE_CONTACT=...
if(NOT CPACK_PACKAGE_CONTACT)
  set(CPACK_PACKAGE_CONTACT "sancheck maintainers <maintainers@sancheck.invalid>")
endif()
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "sanctions-compliance checker: scenarios judged against UN DPRK sanctions rule packs")
string(CONCAT CPACK_PACKAGE_DESCRIPTION
    "sancheck judges deals, shipments, visits and cooperation plans described in YAML against the UN\n"
    "Security Council sanctions on the DPRK, with the resolution and paragraph behind each verdict.\n"
    "The package holds the program, its man pages, completions and documentation, the static library\n"
    "with its headers and CMake package (find_package(sancheck CONFIG)), and the Python\n"
    "module sancheck when it was built.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
# The program's Depends: come from the libraries it links, as Debian's own packages get them
# (dpkg-shlibdeps, which CPack runs on the files `file` says are ELF); else Debian 12's names.
find_program(SANCHECK_DPKG_SHLIBDEPS dpkg-shlibdeps)
find_program(SANCHECK_FILE_PROGRAM file)
if(SANCHECK_DPKG_SHLIBDEPS AND SANCHECK_FILE_PROGRAM)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
  set(CPACK_DEBIAN_PACKAGE_DEPENDS
      "libc6, libgcc-s1, libstdc++6, libyaml-cpp0.7, libspdlog1.10-fmt9, libfmt9, libssl3, libicu72, libxml2")
endif()
# The Python module (when built) is an extension for one interpreter version: it needs that
# python3, which dpkg-shlibdeps cannot tell (an extension links no libpython). CPack adds the
# shared-library dependencies it finds to these.
if(SANCHECK_BUILD_PYTHON)
  set(SANCHECK_PYTHON_NEXT_MINOR ${Python3_VERSION_MINOR})
  math(EXPR SANCHECK_PYTHON_NEXT_MINOR "${SANCHECK_PYTHON_NEXT_MINOR} + 1")
  set(SANCHECK_PYTHON_DEPENDS
      "python3 (>= ${Python3_VERSION_MAJOR}.${Python3_VERSION_MINOR}), python3 (<< ${Python3_VERSION_MAJOR}.${SANCHECK_PYTHON_NEXT_MINOR})")
  if(CPACK_DEBIAN_PACKAGE_DEPENDS)
    string(APPEND CPACK_DEBIAN_PACKAGE_DEPENDS ", ${SANCHECK_PYTHON_DEPENDS}")
  else()
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "${SANCHECK_PYTHON_DEPENDS}")
  endif()
endif()
# Linking the library from another program needs the development files of its dependencies.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "libyaml-cpp-dev, libspdlog-dev, libssl-dev, libicu-dev, libxml2-dev")
# The module's optional parts: Checker.batch_frame imports pandas when called, sancheck.dask
# needs Dask and its distributed scheduler.
if(SANCHECK_BUILD_PYTHON)
  string(APPEND CPACK_DEBIAN_PACKAGE_SUGGESTS ", python3-pandas, python3-dask, python3-distributed")
endif()
include(CPack)
