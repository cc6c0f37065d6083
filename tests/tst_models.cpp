#include "data/format.h"
#include "engine/archive.h"
#include "testsupport.h"
#include "widgets/modulefilterproxy.h"
#include "widgets/moduletreemodel.h"
#include "widgets/recordtablemodel.h"
#include "widgets/slottablemodel.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QTest>

#include <memory>

using namespace torchscope;
using namespace torchscope::test;

namespace {

constexpr auto reportToQtTest = QAbstractItemModelTester::FailureReportingMode::QtTest;

QString q(const std::string& text) { return QString::fromStdString(text); }

ModuleInfo makeModule(const char* path, const char* originalName, const char* qualifiedType, int parent)
{
    ModuleInfo m;
    m.path = path;
    const std::string p = path;
    m.name = p.substr(p.find_last_of('.') == std::string::npos ? 0 : p.find_last_of('.') + 1);
    m.originalName = originalName;
    m.qualifiedType = qualifiedType;
    m.parent = parent;
    return m;
}

Slot makeTensor(const char* name, SlotKind kind, std::vector<std::int64_t> shape, std::int64_t numel)
{
    Slot s;
    s.name = name;
    s.kind = kind;
    s.type = "Tensor";
    TensorInfo t;
    t.shape = std::move(shape);
    t.dtype = "float32";
    t.device = "cpu";
    t.requiresGrad = kind == SlotKind::Parameter;
    t.numel = numel;
    t.bytes = numel * 4;
    s.tensor = t;
    return s;
}

// Mirrors tests/data/expected/wraprnn/modules.tsv and slots.tsv (checked against them in wrapRnnMirror()).
ModuleTree wrapRnnTree()
{
    ModuleTree tree;
    tree.modules.push_back(makeModule("", "WrapRNN", "__torch__.WrapRNN", -1));
    tree.modules.push_back(makeModule("loop", "MyRNNLoop", "__torch__.___torch_mangle_19.MyRNNLoop", 0));
    tree.modules.push_back(makeModule("loop.cell", "MyCell", "__torch__.___torch_mangle_16.MyCell", 1));
    tree.modules.push_back(
        makeModule("loop.cell.dg", "MyDecisionGate", "__torch__.___torch_mangle_9.MyDecisionGate", 2));
    tree.modules.push_back(
        makeModule("loop.cell.linear", "Linear", "__torch__.torch.nn.modules.linear.___torch_mangle_15.Linear", 2));
    tree.modules[0].children = { 1 };
    tree.modules[1].children = { 2 };
    tree.modules[2].children = { 3, 4 };
    tree.modules[4].members = { makeTensor("weight", SlotKind::Parameter, { 4, 4 }, 16),
        makeTensor("bias", SlotKind::Parameter, { 4 }, 4) };
    for (int i : { 0, 1, 2, 4 }) {
        tree.modules[i].parameterCount = 20;
        tree.modules[i].parameterBytes = 80;
    }
    tree.modules[0].subtreeModules = 5;
    tree.modules[1].subtreeModules = 4;
    tree.modules[2].subtreeModules = 3;
    return tree;
}

// A root with four leaves whose counts sort differently as numbers and as formatted text.
ModuleTree countsTree()
{
    ModuleTree tree;
    tree.modules.push_back(makeModule("", "Net", "__torch__.Net", -1));
    const struct {
        const char* name;
        std::int64_t count;
    } leaves[] = { { "big", 1000 }, { "mid", 200 }, { "small", 30 }, { "tiny", 5 } };
    for (const auto& leaf : leaves) {
        ModuleInfo m = makeModule(leaf.name, "Linear", "__torch__.Linear", 0);
        m.parameterCount = leaf.count;
        m.parameterBytes = leaf.count * 4;
        tree.modules[0].children.push_back(static_cast<int>(tree.modules.size()));
        tree.modules[0].parameterCount += m.parameterCount;
        tree.modules[0].parameterBytes += m.parameterBytes;
        tree.modules.push_back(m);
    }
    return tree;
}

// Every row's `role` in pre-order (parents before their children).
void collect(const QAbstractItemModel& model, const QModelIndex& parent, int role, QStringList& out)
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        out += index.data(role).toString();
        collect(model, index, role, out);
    }
}

QStringList preorder(const QAbstractItemModel& model, int role = ModuleTreeModel::PathRole)
{
    QStringList out;
    collect(model, {}, role, out);
    return out;
}

QStringList column(
    const QAbstractItemModel& model, int column, const QModelIndex& parent = {}, int role = Qt::DisplayRole)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(parent); ++row)
        out += model.index(row, column, parent).data(role).toString();
    return out;
}

} // namespace

class TestModels : public QObject {
    Q_OBJECT

    std::unique_ptr<Archive> m_multi;

private Q_SLOTS:
    void initTestCase()
    {
        auto opened = Archive::open(toStd(fixture(QStringLiteral("multi_method")).path));
        QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().message.c_str());
        m_multi = std::move(opened).value();
    }

    void wrapRnnMirror()
    {
        // The hand-built tree must say what Python said, or the content checks below check the wrong thing.
        const ModuleTree tree = wrapRnnTree();
        const QList<ModuleRow> expected = expectedModules(QStringLiteral("wraprnn"));
        QCOMPARE(int(tree.modules.size()), expected.size());
        for (int i = 0; i < expected.size(); ++i) {
            QCOMPARE(q(tree.modules[i].path), expected[i].path);
            QCOMPARE(q(tree.modules[i].originalName), expected[i].originalName);
            QCOMPARE(q(tree.modules[i].qualifiedType), expected[i].qualifiedType);
        }
        QCOMPARE(tree.modules[0].parameterCount,
            expectedTotals(QStringLiteral("wraprnn"), QStringLiteral("parameter")).count);
    }

    void treeUnderTester()
    {
        ModuleTreeModel model;
        QAbstractItemModelTester tester(&model, reportToQtTest);
        model.setTree(wrapRnnTree());
        model.setTree({});
        QCOMPARE(model.rowCount(), 0);
        model.setTree(m_multi->modules());
        model.clear();
        model.setTree(countsTree());
        model.setTree(wrapRnnTree());
        QCOMPARE(model.rowCount(), 1);
    }

    void treeContents()
    {
        ModuleTreeModel model;
        QAbstractItemModelTester tester(&model, reportToQtTest);
        model.setTree(wrapRnnTree());

        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.columnCount(), 4);
        const QModelIndex root = model.index(0, 0);
        QCOMPARE(root.data().toString(), QStringLiteral("WrapRNN"));
        QCOMPARE(root.data(ModuleTreeModel::PathRole).toString(), QString());
        QCOMPARE(root.data(ModuleTreeModel::IndexRole).toInt(), 0);
        QCOMPARE(model.rowCount(root), 1);

        QCOMPARE(preorder(model),
            QStringList({ QString(), QStringLiteral("loop"), QStringLiteral("loop.cell"),
                QStringLiteral("loop.cell.dg"), QStringLiteral("loop.cell.linear") }));
        QCOMPARE(preorder(model, Qt::DisplayRole),
            QStringList({ QStringLiteral("WrapRNN"), QStringLiteral("loop"), QStringLiteral("cell"),
                QStringLiteral("dg"), QStringLiteral("linear") }));
        QCOMPARE(preorder(model, ModuleTreeModel::OriginalNameRole),
            QStringList({ QStringLiteral("WrapRNN"), QStringLiteral("MyRNNLoop"), QStringLiteral("MyCell"),
                QStringLiteral("MyDecisionGate"), QStringLiteral("Linear") }));

        const QModelIndex cell = model.index(0, 0, model.index(0, 0, root));
        QCOMPARE(cell.data(ModuleTreeModel::PathRole).toString(), QStringLiteral("loop.cell"));
        const QModelIndex dg = model.index(0, 0, cell);
        const QModelIndex linear = model.index(1, 0, cell);
        QCOMPARE(dg.siblingAtColumn(ModuleTreeModel::TypeColumn).data().toString(), QStringLiteral("MyDecisionGate"));
        QCOMPARE(dg.siblingAtColumn(ModuleTreeModel::ParametersColumn).data().toString(), QStringLiteral("0"));
        QCOMPARE(linear.siblingAtColumn(ModuleTreeModel::ParametersColumn).data().toString(), QStringLiteral("20"));
        QCOMPARE(linear.siblingAtColumn(ModuleTreeModel::SizeColumn).data().toString(), QStringLiteral("80 B"));
        QCOMPARE(linear.data(ModuleTreeModel::ParameterCountRole).toLongLong(), 20);
        QCOMPARE(linear.data(ModuleTreeModel::BytesRole).toLongLong(), 80);
        QCOMPARE(linear.data(ModuleTreeModel::QualifiedTypeRole).toString(),
            QStringLiteral("__torch__.torch.nn.modules.linear.___torch_mangle_15.Linear"));
        QCOMPARE(
            linear.siblingAtColumn(ModuleTreeModel::ParametersColumn).data(ModuleTreeModel::SortRole).toLongLong(), 20);
        QCOMPARE(root.siblingAtColumn(ModuleTreeModel::SizeColumn).data(ModuleTreeModel::SortRole).toLongLong(), 80);

        const QString tip = dg.data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("__torch__.___torch_mangle_9.MyDecisionGate")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("loop.cell.dg")), qPrintable(tip));
        QVERIFY(root.data(Qt::ToolTipRole).toString().contains(QStringLiteral("__torch__.WrapRNN")));

        QCOMPARE(model.headerData(ModuleTreeModel::NameColumn, Qt::Horizontal).toString(), QStringLiteral("Name"));
        QCOMPARE(model.headerData(ModuleTreeModel::ParametersColumn, Qt::Horizontal).toString(),
            QStringLiteral("Parameters"));
        QCOMPARE(model.moduleAt(dg)->path, std::string("loop.cell.dg"));
        QVERIFY(!model.moduleAt({}));
    }

    void treeMatchesFixtures_data()
    {
        QTest::addColumn<QString>("stem");
        for (const Fixture& f : torchScriptFixtures())
            QTest::newRow(qPrintable(f.stem)) << f.stem;
    }

    void treeMatchesFixtures()
    {
        QFETCH(QString, stem);
        auto opened = Archive::open(toStd(fixture(stem).path));
        QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().message.c_str());

        ModuleTreeModel model;
        QAbstractItemModelTester tester(&model, reportToQtTest);
        model.setTree(opened.value()->modules());

        const QList<ModuleRow> expected = expectedModules(stem);
        QVERIFY(!expected.isEmpty());
        QStringList paths, originalNames, types;
        for (const ModuleRow& row : expected) {
            paths += row.path;
            originalNames += row.originalName;
            types += row.qualifiedType;
        }
        QCOMPARE(preorder(model), paths);
        QCOMPARE(preorder(model, ModuleTreeModel::OriginalNameRole), originalNames);
        QCOMPARE(preorder(model, ModuleTreeModel::QualifiedTypeRole), types);

        const SlotTotals parameters = expectedTotals(stem, QStringLiteral("parameter"));
        const SlotTotals buffers = expectedTotals(stem, QStringLiteral("buffer"));
        const QModelIndex root = model.index(0, ModuleTreeModel::ParametersColumn);
        QCOMPARE(root.data(ModuleTreeModel::SortRole).toLongLong(), parameters.count);
        QCOMPARE(root.data(ModuleTreeModel::ParameterCountRole).toLongLong(), parameters.count);
        QCOMPARE(root.data().toString(), q(formatCount(parameters.count)));
        QCOMPARE(root.data(ModuleTreeModel::BytesRole).toLongLong(), parameters.bytes + buffers.bytes);

        for (const QString& path : paths) {
            const QModelIndex index = model.indexForPath(path);
            QVERIFY2(index.isValid(), qPrintable(path));
            QCOMPARE(index.data(ModuleTreeModel::PathRole).toString(), path);
        }
    }

    void filter()
    {
        ModuleTreeModel model;
        ModuleFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester sourceTester(&model, reportToQtTest);
        QAbstractItemModelTester proxyTester(&proxy, reportToQtTest);
        model.setTree(wrapRnnTree());
        QCOMPARE(preorder(proxy).size(), 5);

        const QStringList linearAndAncestors
            = { QString(), QStringLiteral("loop"), QStringLiteral("loop.cell"), QStringLiteral("loop.cell.linear") };
        proxy.setFilterText(QStringLiteral("linear"));
        QCOMPARE(preorder(proxy), linearAndAncestors);
        proxy.setFilterText(QStringLiteral("LiNeAr"));
        QCOMPARE(preorder(proxy), linearAndAncestors);

        // By original name only: "Gate" is in MyDecisionGate, not in any path or attribute name.
        proxy.setFilterText(QStringLiteral("gate"));
        QCOMPARE(preorder(proxy),
            QStringList(
                { QString(), QStringLiteral("loop"), QStringLiteral("loop.cell"), QStringLiteral("loop.cell.dg") }));
        // By path: "cell.d" is only in loop.cell.dg's path.
        proxy.setFilterText(QStringLiteral("cell.d"));
        QCOMPARE(preorder(proxy).last(), QStringLiteral("loop.cell.dg"));
        QCOMPARE(preorder(proxy).size(), 4);
        // The root matches by its displayed name; its descendants do not.
        proxy.setFilterText(QStringLiteral("wraprnn"));
        QCOMPARE(preorder(proxy), QStringList({ QString() }));

        proxy.setFilterText(QStringLiteral("no such module"));
        QCOMPARE(proxy.rowCount(), 0);

        // A reset while a filter is active keeps filtering the new tree.
        proxy.setFilterText(QStringLiteral("linear"));
        model.setTree(m_multi->modules());
        QCOMPARE(preorder(proxy),
            QStringList({ QString(), QStringLiteral("proj"), QStringLiteral("block"), QStringLiteral("block.inner"),
                QStringLiteral("block.inner.lin") }));
        proxy.setFilterText(QStringLiteral("inner"));
        QCOMPARE(preorder(proxy),
            QStringList({ QString(), QStringLiteral("block"), QStringLiteral("block.inner"),
                QStringLiteral("block.inner.lin") }));
        proxy.setFilterText(QString());
        QCOMPARE(preorder(proxy).size(), 5);
    }

    void sortByRawValues()
    {
        ModuleTreeModel model;
        ModuleFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester proxyTester(&proxy, reportToQtTest);
        model.setTree(countsTree());
        const QModelIndex root = proxy.index(0, 0);

        proxy.sort(ModuleTreeModel::ParametersColumn, Qt::AscendingOrder);
        QCOMPARE(column(proxy, ModuleTreeModel::NameColumn, root),
            QStringList(
                { QStringLiteral("tiny"), QStringLiteral("small"), QStringLiteral("mid"), QStringLiteral("big") }));
        // As text these would sort "1,000" < "200" < "30" < "5".
        QCOMPARE(column(proxy, ModuleTreeModel::ParametersColumn, root),
            QStringList({ QStringLiteral("5"), QStringLiteral("30"), QStringLiteral("200"), QStringLiteral("1,000") }));
        proxy.sort(ModuleTreeModel::ParametersColumn, Qt::DescendingOrder);
        QCOMPARE(column(proxy, ModuleTreeModel::NameColumn, root),
            QStringList(
                { QStringLiteral("big"), QStringLiteral("mid"), QStringLiteral("small"), QStringLiteral("tiny") }));
        // "3.9 KiB" < "800 B" as text; 4000 > 800 as bytes.
        proxy.sort(ModuleTreeModel::SizeColumn, Qt::AscendingOrder);
        QCOMPARE(column(proxy, ModuleTreeModel::SizeColumn, root),
            QStringList({ QStringLiteral("20 B"), QStringLiteral("120 B"), QStringLiteral("800 B"),
                QStringLiteral("3.9 KiB") }));
        proxy.sort(ModuleTreeModel::NameColumn, Qt::DescendingOrder);
        QCOMPARE(column(proxy, ModuleTreeModel::NameColumn, root),
            QStringList(
                { QStringLiteral("tiny"), QStringLiteral("small"), QStringLiteral("mid"), QStringLiteral("big") }));

        // Sorting holds through a filter change and a reset.
        proxy.sort(ModuleTreeModel::ParametersColumn, Qt::AscendingOrder);
        proxy.setFilterText(QStringLiteral("m"));
        QCOMPARE(column(proxy, ModuleTreeModel::NameColumn, proxy.index(0, 0)),
            QStringList({ QStringLiteral("small"), QStringLiteral("mid") }));
        proxy.setFilterText(QString());
        model.setTree(m_multi->modules());
        QCOMPARE(column(proxy, ModuleTreeModel::NameColumn, proxy.index(0, 0)),
            QStringList({ QStringLiteral("proj"), QStringLiteral("block") })); // 20 < 24 parameters
    }

    void indexForPath()
    {
        ModuleTreeModel model;
        QVERIFY(!model.indexForPath(QString()).isValid());
        model.setTree(wrapRnnTree());

        const QModelIndex dg = model.indexForPath(QStringLiteral("loop.cell.dg"));
        QVERIFY(dg.isValid());
        QCOMPARE(dg.row(), 0);
        QCOMPARE(dg.data().toString(), QStringLiteral("dg"));
        QCOMPARE(dg.parent(), model.indexForPath(QStringLiteral("loop.cell")));
        QCOMPARE(dg.parent().parent(), model.indexForPath(QStringLiteral("loop")));
        QCOMPARE(dg.parent().parent().parent(), model.index(0, 0));
        QCOMPARE(model.indexForPath(QString()), model.index(0, 0));
        QCOMPARE(model.indexForPath(QStringLiteral("loop.cell.linear")).row(), 1);

        const QModelIndex size = model.indexForPath(QStringLiteral("loop"), ModuleTreeModel::SizeColumn);
        QCOMPARE(size.column(), int(ModuleTreeModel::SizeColumn));
        QCOMPARE(size.data().toString(), QStringLiteral("80 B"));

        QVERIFY(!model.indexForPath(QStringLiteral("loop.cel")).isValid());
        QVERIFY(!model.indexForPath(QStringLiteral("cell")).isValid());
        QVERIFY(!model.indexForPath(QStringLiteral("loop"), ModuleTreeModel::ColumnCount).isValid());
        model.clear();
        QVERIFY(!model.indexForPath(QStringLiteral("loop")).isValid());
    }

    void slotsUnderTester()
    {
        SlotTableModel model;
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(SlotTableModel::SortRole);
        QAbstractItemModelTester tester(&model, reportToQtTest);
        QAbstractItemModelTester proxyTester(&proxy, reportToQtTest);

        model.setModule(wrapRnnTree().modules[4]);
        QCOMPARE(model.rowCount(), 2);
        model.setModule(wrapRnnTree().modules[3]);
        QCOMPARE(model.rowCount(), 0);
        for (const ModuleInfo& module : m_multi->modules().modules) {
            model.setModule(module);
            QCOMPARE(model.rowCount(), int(module.members.size()));
            for (int c = 0; c < SlotTableModel::ColumnCount; ++c) {
                proxy.sort(c, Qt::AscendingOrder);
                proxy.sort(c, Qt::DescendingOrder);
            }
        }
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void slotContents()
    {
        const ModuleInfo& root = m_multi->modules().modules.at(0);
        SlotTableModel model;
        model.setModule(root);
        QCOMPARE(model.modulePath(), QString());
        QCOMPARE(model.rowCount(), int(root.members.size()));
        QCOMPARE(model.columnCount(), int(SlotTableModel::ColumnCount));

        const auto cell
            = [&model](int row, int column, int role = Qt::DisplayRole) { return model.index(row, column).data(role); };
        const int weight = model.rowOf(QStringLiteral("weight"));
        QCOMPARE(weight, 0);
        QCOMPARE(cell(weight, SlotTableModel::NameColumn).toString(), QStringLiteral("weight"));
        QCOMPARE(cell(weight, SlotTableModel::KindColumn).toString(), QStringLiteral("parameter"));
        QCOMPARE(cell(weight, SlotTableModel::TypeColumn).toString(), QStringLiteral("Tensor"));
        QCOMPARE(cell(weight, SlotTableModel::ShapeColumn).toString(), QStringLiteral("4\u00d74"));
        QCOMPARE(cell(weight, SlotTableModel::DtypeColumn).toString(), QStringLiteral("float32"));
        QCOMPARE(cell(weight, SlotTableModel::ElementsColumn).toString(), QStringLiteral("16"));
        QCOMPARE(cell(weight, SlotTableModel::ElementsColumn, SlotTableModel::SortRole).toLongLong(), 16);
        QCOMPARE(cell(weight, SlotTableModel::BytesColumn).toString(), QStringLiteral("64 B"));
        QCOMPARE(cell(weight, SlotTableModel::BytesColumn, SlotTableModel::SortRole).toLongLong(), 64);
        QCOMPARE(cell(weight, SlotTableModel::DeviceColumn).toString(), QStringLiteral("cpu"));
        QCOMPARE(cell(weight, SlotTableModel::ValueColumn).toString(), QString());
        QVERIFY(cell(weight, SlotTableModel::NameColumn, SlotTableModel::IsTensorRole).toBool());
        const QString tip = cell(weight, SlotTableModel::NameColumn, Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("Requires grad")) && tip.contains(QStringLiteral("cpu")), qPrintable(tip));

        const int steps = model.rowOf(QStringLiteral("steps"));
        QCOMPARE(cell(steps, SlotTableModel::KindColumn).toString(), QStringLiteral("buffer"));
        QCOMPARE(cell(steps, SlotTableModel::DtypeColumn).toString(), QStringLiteral("int64"));
        QCOMPARE(cell(steps, SlotTableModel::ShapeColumn).toString(), QStringLiteral("2"));
        QVERIFY(cell(steps, SlotTableModel::NameColumn, Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("Does not require grad")));

        const int count = model.rowOf(QStringLiteral("count"));
        QVERIFY(count > steps);
        QCOMPARE(cell(count, SlotTableModel::KindColumn).toString(), QStringLiteral("attribute"));
        QCOMPARE(cell(count, SlotTableModel::TypeColumn).toString(), QStringLiteral("int"));
        QCOMPARE(cell(count, SlotTableModel::ValueColumn).toString(), QStringLiteral("3"));
        QCOMPARE(cell(count, SlotTableModel::ShapeColumn).toString(), QString());
        QCOMPARE(cell(count, SlotTableModel::ElementsColumn, SlotTableModel::SortRole).toLongLong(), -1);
        QVERIFY(!cell(count, SlotTableModel::NameColumn, SlotTableModel::IsTensorRole).toBool());
        const int mode = model.rowOf(QStringLiteral("mode"));
        QCOMPARE(cell(mode, SlotTableModel::KindColumn).toString(), QStringLiteral("constant"));
        QCOMPARE(cell(mode, SlotTableModel::ValueColumn).toString(), QStringLiteral("sum"));

        QCOMPARE(model.slotAt(weight)->name, std::string("weight"));
        QVERIFY(!model.slotAt(-1));
        QVERIFY(!model.slotAt(model.rowCount()));
        QCOMPARE(model.rowOf(QStringLiteral("nothing")), -1);
        QCOMPARE(SlotTableModel::shapeText({}), QStringLiteral("scalar"));
        QCOMPARE(SlotTableModel::shapeText({ 2, 3, 40 }), QStringLiteral("2\u00d73\u00d740"));

        // Sorted by elements, largest first: the 16-element weight, the 2-element buffer, then the non-tensors.
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(SlotTableModel::SortRole);
        proxy.sort(SlotTableModel::ElementsColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("weight"));
        QCOMPARE(proxy.index(1, 0).data().toString(), QStringLiteral("steps"));
        QVERIFY(!proxy.index(2, 0).data(SlotTableModel::IsTensorRole).toBool());
    }

    void slotsMatchFixture()
    {
        // Every parameter and buffer Python listed, with its kind, shape and dtype as the table shows them.
        const QString stem = QStringLiteral("multi_method");
        const ModuleTree& tree = m_multi->modules();
        SlotTableModel model;
        const QList<SlotRow> expected = expectedSlots(stem);
        QVERIFY(!expected.isEmpty());
        for (const SlotRow& row : expected) {
            const ModuleInfo* module = tree.find(toStd(row.path));
            QVERIFY2(module, qPrintable(row.path));
            model.setModule(*module);
            QCOMPARE(model.modulePath(), row.path);
            const int r = model.rowOf(row.name);
            QVERIFY2(r >= 0, qPrintable(row.path + QLatin1Char('.') + row.name));
            QCOMPARE(model.index(r, SlotTableModel::KindColumn).data().toString(), row.kind);
            const QString shape = row.shape.isEmpty() ? QStringLiteral("scalar")
                                                      : QString(row.shape).replace(QLatin1Char('x'), QChar(0x00d7));
            QCOMPARE(model.index(r, SlotTableModel::ShapeColumn).data().toString(), shape);
            QCOMPARE(model.index(r, SlotTableModel::DtypeColumn).data().toString(), row.dtype);
        }
    }

    void records()
    {
        const QString stem = QStringLiteral("multi_method");
        RecordTableModel model;
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(RecordTableModel::SortRole);
        QAbstractItemModelTester tester(&model, reportToQtTest);
        QAbstractItemModelTester proxyTester(&proxy, reportToQtTest);

        model.setRecords(m_multi->info().records);
        QCOMPARE(column(model, RecordTableModel::NameColumn), expectedRecords(stem));
        const int constants = expectedRecords(stem).indexOf(QStringLiteral("constants.pkl"));
        QCOMPARE(model.index(constants, RecordTableModel::SizeColumn).data().toString(), QStringLiteral("4 B"));
        QCOMPARE(model.index(constants, RecordTableModel::StorageColumn).data().toString(), QStringLiteral("stored"));
        QCOMPARE(model.index(0, RecordTableModel::NameColumn).data().toString(), QStringLiteral("code/__torch__.py"));
        QCOMPARE(model.index(0, RecordTableModel::StorageColumn).data().toString(), QStringLiteral("deflated"));
        QCOMPARE(model.index(0, RecordTableModel::SizeColumn).data(RecordTableModel::SortRole).toULongLong(), 2746ull);
        QCOMPARE(model.index(0, RecordTableModel::CompressedSizeColumn).data(RecordTableModel::SortRole).toULongLong(),
            955ull);
        QCOMPARE(model.recordAt(0)->name, std::string("code/__torch__.py"));
        QVERIFY(!model.recordAt(model.rowCount()));

        // By raw size: "2.7 KiB" (2746) after "922 B", although it sorts before it as text.
        proxy.sort(RecordTableModel::SizeColumn, Qt::AscendingOrder);
        qulonglong previous = 0;
        for (int row = 0; row < proxy.rowCount(); ++row) {
            const qulonglong size
                = proxy.index(row, RecordTableModel::SizeColumn).data(RecordTableModel::SortRole).toULongLong();
            QVERIFY(size >= previous);
            previous = size;
        }
        QCOMPARE(proxy.index(proxy.rowCount() - 1, RecordTableModel::NameColumn).data().toString(),
            QStringLiteral("code/__torch__.py.debug_pkl")); // 2906 bytes, the largest
        proxy.sort(RecordTableModel::StorageColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, RecordTableModel::StorageColumn).data().toString(), QStringLiteral("deflated"));

        model.setRecords({});
        QCOMPARE(proxy.rowCount(), 0);
        model.setRecords(m_multi->info().records);
        QCOMPARE(proxy.rowCount(), expectedRecords(stem).size());
        model.clear();
    }
};

QTEST_MAIN(TestModels)
#include "tst_models.moc"
