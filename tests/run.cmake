# Run and compare (issue 5): input specs and value types, the engine's run/compare/diff/retrace, and the CLI
# commands with Python reading what they write. include()d from tests/CMakeLists.txt.

torchscope_add_test(tst_runspecs torchscope_data)

torchscope_add_test(tst_runengine torchscope_engine)
target_compile_definitions(tst_runengine PRIVATE PYTHON_WITH_TORCH="/usr/bin/python3")

torchscope_add_test(tst_runcli)
target_compile_definitions(tst_runcli PRIVATE
  TORCHSCOPE_CLI="$<TARGET_FILE:torchscope-cli>" PYTHON_WITH_TORCH="/usr/bin/python3")
add_dependencies(tst_runcli torchscope-cli)
