# The packages and desktop integration (packaging/). include()d from tests/CMakeLists.txt. All steps are
# tests/install_test.sh; packaging_deb runs cpack -G DEB into its own directory as a CTest fixture, so
# `ctest -R packaging_install` or `make test` on a clean clone makes the .deb first and removes it afterwards.
# Nothing is installed on the machine: the .deb is extracted into a scratch root.
set(packaging_script ${CMAKE_CURRENT_LIST_DIR}/install_test.sh)
set(packaging_out ${CMAKE_BINARY_DIR}/packaging-test)

add_test(NAME packaging_deb COMMAND bash ${packaging_script} deb ${CMAKE_BINARY_DIR} ${packaging_out})
add_test(NAME packaging_install COMMAND bash ${packaging_script} install
  ${packaging_out} ${PROJECT_SOURCE_DIR} ${PROJECT_VERSION} $<TARGET_FILE:Qt6::lrelease>)
add_test(NAME packaging_lintian COMMAND bash ${packaging_script} lintian ${packaging_out})
add_test(NAME packaging_clean COMMAND bash ${packaging_script} clean ${packaging_out})
add_test(NAME packaging_lint COMMAND bash ${packaging_script} lint
  ${TORCHSCOPE_PACKAGING_GENERATED} ${PROJECT_SOURCE_DIR})

set_tests_properties(packaging_deb PROPERTIES FIXTURES_SETUP torchscope_deb)
set_tests_properties(packaging_install packaging_lintian PROPERTIES FIXTURES_REQUIRED torchscope_deb)
set_tests_properties(packaging_clean PROPERTIES FIXTURES_CLEANUP torchscope_deb)
# cpack and the extracted package share the build directory's outputs: one at a time.
set_tests_properties(packaging_deb packaging_install packaging_lintian packaging_clean packaging_lint PROPERTIES
  LABELS "torchscope;packaging" TIMEOUT 600 RESOURCE_LOCK torchscope_packaging)
