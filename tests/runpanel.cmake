# The desktop app's Run panel (issue 5): the worker's run requests end to end, and the panel's widgets and
# models. include()d from tests/CMakeLists.txt.

torchscope_add_test(tst_workerrun torchscope_worker Qt6::Network)
target_compile_definitions(tst_workerrun PRIVATE TORCHSCOPE_WORKER="$<TARGET_FILE:torchscope-worker>")
add_dependencies(tst_workerrun torchscope-worker)

torchscope_add_test(tst_runpanel torchscope_widgets torchscope_worker)
target_compile_definitions(tst_runpanel PRIVATE
  TORCHSCOPE_WORKER="$<TARGET_FILE:torchscope-worker>" PYTHON_WITH_TORCH="/usr/bin/python3")
target_include_directories(tst_runpanel PRIVATE ${PROJECT_SOURCE_DIR}/widgets)
add_dependencies(tst_runpanel torchscope-worker)
set_tests_properties(tst_runpanel PROPERTIES ENVIRONMENT QT_QPA_PLATFORM=offscreen)
