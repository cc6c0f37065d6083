# The desktop app's Run panel (issue 5): the worker's run requests end to end, and the panel's widgets and
# models. include()d from tests/CMakeLists.txt.

torchscope_add_test(tst_workerrun torchscope_worker Qt6::Network)
target_compile_definitions(tst_workerrun PRIVATE TORCHSCOPE_WORKER="$<TARGET_FILE:torchscope-worker>")
add_dependencies(tst_workerrun torchscope-worker)
