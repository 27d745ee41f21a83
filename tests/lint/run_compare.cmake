# Runs a command and checks its exit status and its standard output: equal to
# EXPECTED (a file), containing each CONTAINS string, or both.
# -DCOMMAND=<|-list> -DWORKDIR=<dir> -DEXIT=<n> [-DEXPECTED=<file>] [-DCONTAINS=<|-list>]
string(REPLACE "|" ";" COMMAND "${COMMAND}")
string(REPLACE "|" ";" CONTAINS "${CONTAINS}")
execute_process(COMMAND ${COMMAND} WORKING_DIRECTORY ${WORKDIR}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc STREQUAL "${EXIT}")
  message(FATAL_ERROR "exit status ${rc}, expected ${EXIT}\nstdout:\n${out}\nstderr:\n${err}")
endif()
if(DEFINED EXPECTED)
  file(READ ${EXPECTED} want)
  if(NOT out STREQUAL want)
    file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/actual.txt "${out}")
    execute_process(COMMAND diff -u ${EXPECTED} ${CMAKE_CURRENT_BINARY_DIR}/actual.txt OUTPUT_VARIABLE diff)
    message(FATAL_ERROR "output differs from ${EXPECTED}:\n${diff}")
  endif()
endif()
foreach(s IN LISTS CONTAINS)
  string(FIND "${out}" "${s}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "output lacks '${s}':\n${out}")
  endif()
endforeach()
