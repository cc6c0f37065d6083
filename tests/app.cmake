# Window-level suites for the desktop app (app/gui). include()d from tests/CMakeLists.txt after torchscope_add_test
# is defined. Both run offscreen and start real processes: torchscope-worker (tst_mainwindow) or the app itself
# (tst_screenshot).

# MainWindow is compiled into the suite, with the resources (the bundled samples) and real worker processes.
torchscope_add_test(tst_mainwindow torchscope_widgets torchscope_worker Qt6::Widgets Qt6::Test)
target_sources(tst_mainwindow PRIVATE
  ${PROJECT_SOURCE_DIR}/app/gui/mainwindow.h
  ${PROJECT_SOURCE_DIR}/app/gui/mainwindow.cpp
  ${PROJECT_SOURCE_DIR}/resources/torchscope.qrc)
set_target_properties(tst_mainwindow PROPERTIES AUTOMOC ON AUTORCC ON)
target_include_directories(tst_mainwindow PRIVATE ${PROJECT_SOURCE_DIR}/app/gui)
target_compile_definitions(tst_mainwindow PRIVATE
  TORCHSCOPE_WORKER="$<TARGET_FILE:torchscope-worker>" QT_NO_CAST_FROM_ASCII)
add_dependencies(tst_mainwindow torchscope-worker)

# The built app, run with --screenshot as a user would.
torchscope_add_test(tst_screenshot Qt6::Gui Qt6::Test)
set_target_properties(tst_screenshot PROPERTIES AUTOMOC ON)
target_compile_definitions(tst_screenshot PRIVATE TORCHSCOPE_APP="$<TARGET_FILE:torchscope>" QT_NO_CAST_FROM_ASCII)
add_dependencies(tst_screenshot torchscope)

set_tests_properties(tst_mainwindow tst_screenshot PROPERTIES ENVIRONMENT QT_QPA_PLATFORM=offscreen)

# The graph view inside a tab served by a real worker: linked to the tree, code, IR and Node panel.
torchscope_add_test(tst_graphlinks torchscope_widgets torchscope_worker Qt6::Widgets Qt6::Test)
set_target_properties(tst_graphlinks PROPERTIES AUTOMOC ON)
target_compile_definitions(tst_graphlinks PRIVATE TORCHSCOPE_WORKER="$<TARGET_FILE:torchscope-worker>" QT_NO_CAST_FROM_ASCII)
add_dependencies(tst_graphlinks torchscope-worker)
set_tests_properties(tst_graphlinks PROPERTIES ENVIRONMENT QT_QPA_PLATFORM=offscreen)
