# tst_translations: translations/torchscope_zh_CN.ts stays complete. include()d from tests/CMakeLists.txt.
# Guiless and torch-free: it runs Qt's lupdate (Qt6LinguistTools, found by the top CMakeLists) on app, widgets
# and core/worker into a temporary copy of the committed .ts and fails on every message left untranslated.
add_executable(tst_translations ${CMAKE_CURRENT_LIST_DIR}/tst_translations.cpp)
set_target_properties(tst_translations PROPERTIES AUTOMOC ON)
target_link_libraries(tst_translations PRIVATE Qt6::Core Qt6::Test)
target_compile_definitions(tst_translations PRIVATE
  TORCHSCOPE_LUPDATE="$<TARGET_FILE:Qt6::lupdate>"
  TORCHSCOPE_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
  QT_NO_KEYWORDS QT_NO_CAST_FROM_ASCII)
target_compile_options(tst_translations PRIVATE ${TORCHSCOPE_WARNINGS})
add_test(NAME tst_translations COMMAND tst_translations)
set_tests_properties(tst_translations PROPERTIES LABELS "torchscope" TIMEOUT 600)
