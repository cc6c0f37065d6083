# The desktop app's Compare window (issue 5): two archives side by side in real workers, the worker's
# Compare request, and the comparison report. include()d from tests/CMakeLists.txt.

torchscope_add_test(tst_comparewindow torchscope_widgets torchscope_worker)
target_compile_definitions(tst_comparewindow PRIVATE TORCHSCOPE_WORKER="$<TARGET_FILE:torchscope-worker>")
target_include_directories(tst_comparewindow PRIVATE ${PROJECT_SOURCE_DIR}/widgets)
add_dependencies(tst_comparewindow torchscope-worker)
set_tests_properties(tst_comparewindow PROPERTIES ENVIRONMENT QT_QPA_PLATFORM=offscreen)
