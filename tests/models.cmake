# Suites for the item models (ModuleTreeModel, ModuleFilterProxy, SlotTableModel, RecordTableModel) and the
# panels built on them (DetailsPanel, ArchivePanel, bytesformat). include()d from tests/CMakeLists.txt after
# torchscope_add_test is defined; both suites read the fixtures through the engine and testsupport.
foreach(suite tst_models tst_panels tst_graphview)
  torchscope_add_test(${suite} torchscope_widgets torchscope_engine Qt6::Test)
  set_target_properties(${suite} PROPERTIES AUTOMOC ON)
  target_compile_definitions(${suite} PRIVATE QT_NO_CAST_FROM_ASCII)
  set_tests_properties(${suite} PROPERTIES ENVIRONMENT QT_QPA_PLATFORM=offscreen)
endforeach()
