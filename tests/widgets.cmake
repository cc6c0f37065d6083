# Suites for the text views (widgets/: CodeView, IrView, FindBar, the lexers) and for core/data's irtextmap.
# include()d from tests/CMakeLists.txt. Self-contained: each suite finds the fixtures through TORCHSCOPE_TEST_DATA.
set(TORCHSCOPE_WIDGETS_TEST_DATA "${CMAKE_CURRENT_LIST_DIR}/data")

# Guiless; opens the fixtures with the engine to get each graph the texts print.
add_executable(tst_irtextmap ${CMAKE_CURRENT_LIST_DIR}/tst_irtextmap.cpp)
target_link_libraries(tst_irtextmap PRIVATE torchscope_engine Qt6::Core Qt6::Test)
target_compile_definitions(tst_irtextmap PRIVATE
  TORCHSCOPE_TEST_DATA="${TORCHSCOPE_WIDGETS_TEST_DATA}" QT_NO_CAST_FROM_ASCII)

add_executable(tst_codeview ${CMAKE_CURRENT_LIST_DIR}/tst_codeview.cpp)
target_link_libraries(tst_codeview PRIVATE torchscope_widgets Qt6::Test)
target_compile_definitions(tst_codeview PRIVATE
  TORCHSCOPE_TEST_DATA="${TORCHSCOPE_WIDGETS_TEST_DATA}" QT_NO_CAST_FROM_ASCII)

add_executable(tst_irview ${CMAKE_CURRENT_LIST_DIR}/tst_irview.cpp)
target_link_libraries(tst_irview PRIVATE torchscope_widgets torchscope_engine Qt6::Test)
target_compile_definitions(tst_irview PRIVATE
  TORCHSCOPE_TEST_DATA="${TORCHSCOPE_WIDGETS_TEST_DATA}" QT_NO_CAST_FROM_ASCII)

foreach(suite tst_irtextmap tst_codeview tst_irview)
  set_target_properties(${suite} PROPERTIES AUTOMOC ON)
  target_compile_options(${suite} PRIVATE ${TORCHSCOPE_WARNINGS})
  add_test(NAME ${suite} COMMAND ${suite})
  set_tests_properties(${suite} PROPERTIES LABELS "torchscope" TIMEOUT 600)
endforeach()
set_tests_properties(tst_codeview tst_irview PROPERTIES ENVIRONMENT QT_QPA_PLATFORM=offscreen)
