#include "data/tensorstats.h"
#include "engine/archive.h"
#include "testsupport.h"
#include "widgets/archivepanel.h"
#include "widgets/bytesformat.h"
#include "widgets/detailspanel.h"
#include "widgets/slottablemodel.h"

#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace torchscope;
using namespace torchscope::test;

namespace {

const QString dash = QStringLiteral("\u2013");

TensorStats makeStats(double min, double max, double mean, double std)
{
    TensorStats s;
    s.valid = true;
    s.numel = 16;
    s.shape = { 4, 4 };
    s.dtype = "float32";
    s.min = min;
    s.max = max;
    s.mean = mean;
    s.std = std;
    s.zeros = 4;
    s.nans = 1;
    s.infs = 2;
    return s;
}

QString labelText(const QWidget& parent, const char* name)
{
    const auto* label = parent.findChild<QLabel*>(QString::fromLatin1(name));
    return label ? label->text() : QStringLiteral("<no label %1>").arg(QString::fromLatin1(name));
}

// Selects the table row showing `name` (in column 0), as a click would.
bool selectRow(QTableView* table, const QString& name)
{
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        if (table->model()->index(row, 0).data().toString() == name) {
            table->selectRow(row);
            return true;
        }
    }
    return false;
}

} // namespace

class TestPanels : public QObject {
    Q_OBJECT

    std::unique_ptr<Archive> m_multi;

    const ModuleInfo& module(const char* path) const { return *m_multi->modules().find(path); }

private Q_SLOTS:
    void initTestCase()
    {
        auto opened = Archive::open(toStd(fixture(QStringLiteral("multi_method")).path));
        QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().message.c_str());
        m_multi = std::move(opened).value();
        QVERIFY(m_multi->modules().find("block.inner.lin"));
    }

    void detailsShowsModule()
    {
        DetailsPanel panel;
        panel.setModule(module(""));
        auto* table = panel.findChild<QTableView*>(QStringLiteral("membersTable"));
        QVERIFY(table);
        QCOMPARE(table->model()->rowCount(), int(module("").members.size()));
        QCOMPARE(table->model()->rowCount(), 9);
        QCOMPARE(table->model()->index(0, SlotTableModel::NameColumn).data().toString(), QStringLiteral("weight"));
        QCOMPARE(table->model()->index(0, SlotTableModel::ShapeColumn).data().toString(), QStringLiteral("4\u00d74"));

        QCOMPARE(labelText(panel, "titleLabel"), QStringLiteral("MultiMethod"));
        QCOMPARE(labelText(panel, "pathLabel"), QStringLiteral("(root)"));
        QCOMPARE(labelText(panel, "typeLabel"), QStringLiteral("__torch__.MultiMethod"));
        QCOMPARE(labelText(panel, "parametersLabel"), QStringLiteral("60 elements, 240 B"));
        QCOMPARE(labelText(panel, "buffersLabel"), QStringLiteral("6 elements, 32 B"));
        QCOMPARE(labelText(panel, "submodulesLabel"), QStringLiteral("4"));
        const QString methods = labelText(panel, "methodsLabel");
        for (const MethodInfo& method : module("").methods)
            QVERIFY2(methods.contains(QString::fromStdString(method.schema)), qPrintable(methods));
        QVERIFY(methods.contains(QStringLiteral("forward(__torch__.MultiMethod self, Tensor x, float scale=1., bool "
                                                "flag=True, Tensor? h=None) -> Tensor")));

        panel.setModule(module("block.inner.lin"));
        QCOMPARE(table->model()->rowCount(), int(module("block.inner.lin").members.size()));
        QCOMPARE(labelText(panel, "pathLabel"), QStringLiteral("block.inner.lin"));
        QCOMPARE(labelText(panel, "titleLabel"), QStringLiteral("Linear"));
        QCOMPARE(panel.modulePath(), QStringLiteral("block.inner.lin"));

        panel.clear();
        QCOMPARE(table->model()->rowCount(), 0);
    }

    void detailsRequestsStats()
    {
        DetailsPanel panel;
        QSignalSpy spy(&panel, &DetailsPanel::tensorStatsRequested);
        panel.setModule(module("block.inner.lin"));
        auto* table = panel.findChild<QTableView*>(QStringLiteral("membersTable"));
        QCOMPARE(spy.count(), 0);

        QVERIFY(selectRow(table, QStringLiteral("bias")));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("block.inner.lin"));
        QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("bias"));
        QCOMPARE(panel.statsSlot(), QStringLiteral("bias"));
        QVERIFY2(labelText(panel, "statsStatus").contains(QStringLiteral("Computing")),
            qPrintable(labelText(panel, "statsStatus")));
        QCOMPARE(labelText(panel, "statMin"), dash);

        // A non-tensor member asks for nothing.
        QVERIFY(selectRow(table, QStringLiteral("in_features")));
        QCOMPARE(spy.count(), 1);
        QVERIFY(labelText(panel, "statsStatus").contains(QStringLiteral("not a tensor")));
        QCOMPARE(panel.statsSlot(), QString());

        // Through the sorting proxy: largest first is the 16-element weight.
        table->sortByColumn(SlotTableModel::ElementsColumn, Qt::DescendingOrder);
        table->selectRow(0);
        QCOMPARE(spy.count(), 2);
        QCOMPARE(spy.at(1).at(0).toString(), QStringLiteral("block.inner.lin"));
        QCOMPARE(spy.at(1).at(1).toString(), QStringLiteral("weight"));

        QVERIFY(panel.selectSlot(QStringLiteral("bias")));
        QCOMPARE(spy.count(), 3);
        QCOMPARE(spy.at(2).at(1).toString(), QStringLiteral("bias"));
        QVERIFY(!panel.selectSlot(QStringLiteral("nothing")));

        // A root member is requested with the root's empty path.
        panel.setModule(module(""));
        QVERIFY(panel.selectSlot(QStringLiteral("steps")));
        QCOMPARE(spy.count(), 4);
        QCOMPARE(spy.at(3).at(0).toString(), QString());
        QCOMPARE(spy.at(3).at(1).toString(), QStringLiteral("steps"));
    }

    void detailsShowsStats()
    {
        DetailsPanel panel;
        panel.setModule(module(""));
        QVERIFY(panel.selectSlot(QStringLiteral("weight")));
        panel.showTensorStats(QString(), QStringLiteral("weight"), makeStats(-1.5, 2.25, 0.125, 0.75));
        QCOMPARE(labelText(panel, "statMin"), QStringLiteral("-1.5"));
        QCOMPARE(labelText(panel, "statMax"), QStringLiteral("2.25"));
        QCOMPARE(labelText(panel, "statMean"), QStringLiteral("0.125"));
        QCOMPARE(labelText(panel, "statStd"), QStringLiteral("0.75"));
        QCOMPARE(labelText(panel, "statZeros"), QStringLiteral("4 (25.0%)"));
        QCOMPARE(labelText(panel, "statNans"), QStringLiteral("1 (6.3%)"));
        QCOMPARE(labelText(panel, "statInfs"), QStringLiteral("2 (12.5%)"));
        const QString status = labelText(panel, "statsStatus");
        QVERIFY2(
            status.contains(QStringLiteral("weight")) && status.contains(QStringLiteral("16")), qPrintable(status));
        QVERIFY(!status.contains(QStringLiteral("Computing")));

        // No finite element: the range and moments are not numbers to show.
        TensorStats allNan = makeStats(0, 0, 0, 0);
        allNan.nans = 16;
        allNan.infs = 0;
        allNan.zeros = 0;
        panel.showTensorStats(QString(), QStringLiteral("weight"), allNan);
        QCOMPARE(labelText(panel, "statMin"), dash);
        QCOMPARE(labelText(panel, "statNans"), QStringLiteral("16 (100.0%)"));
        QCOMPARE(labelText(panel, "statZeros"), QStringLiteral("0"));

        TensorStats invalid;
        invalid.dtype = "qint8";
        invalid.shape = { 4, 4 };
        panel.showTensorStats(QString(), QStringLiteral("weight"), invalid);
        QCOMPARE(labelText(panel, "statMin"), dash);
        QVERIFY(labelText(panel, "statsStatus").contains(QStringLiteral("cannot be summarised")));

        panel.showTensorStatsFailed(QString(), QStringLiteral("weight"), QStringLiteral("the worker stopped"));
        QVERIFY(labelText(panel, "statsStatus").contains(QStringLiteral("the worker stopped")));
    }

    void detailsIgnoresStaleStats()
    {
        DetailsPanel panel;
        QSignalSpy spy(&panel, &DetailsPanel::tensorStatsRequested);
        panel.setModule(module(""));
        QVERIFY(panel.selectSlot(QStringLiteral("weight")));
        QVERIFY(panel.selectSlot(QStringLiteral("steps")));
        QCOMPARE(spy.count(), 2);

        // weight's answer arrives after the user moved on to steps: not shown.
        panel.showTensorStats(QString(), QStringLiteral("weight"), makeStats(-1.5, 2.25, 0.125, 0.75));
        QCOMPARE(labelText(panel, "statMin"), dash);
        QVERIFY(labelText(panel, "statsStatus").contains(QStringLiteral("Computing")));
        // Nor is an answer about another module's member of the same name, or a failure for weight.
        panel.showTensorStats(QStringLiteral("proj"), QStringLiteral("steps"), makeStats(7, 8, 7.5, 0.5));
        panel.showTensorStatsFailed(QString(), QStringLiteral("weight"), QStringLiteral("late failure"));
        QCOMPARE(labelText(panel, "statMin"), dash);
        QVERIFY(labelText(panel, "statsStatus").contains(QStringLiteral("Computing")));

        panel.showTensorStats(QString(), QStringLiteral("steps"), makeStats(0, 3, 1.5, 1));
        QCOMPARE(labelText(panel, "statMin"), QStringLiteral("0"));
        QCOMPARE(labelText(panel, "statMax"), QStringLiteral("3"));

        // Back to weight: its late answer was kept, so it shows at once without a new request.
        QVERIFY(panel.selectSlot(QStringLiteral("weight")));
        QCOMPARE(spy.count(), 2);
        QCOMPARE(labelText(panel, "statMin"), QStringLiteral("-1.5"));

        // Another module: the old answers are gone and old-module results are ignored.
        panel.setModule(module("proj"));
        panel.showTensorStats(QString(), QStringLiteral("weight"), makeStats(9, 9, 9, 0));
        QVERIFY(panel.selectSlot(QStringLiteral("weight")));
        QCOMPARE(spy.count(), 3);
        QCOMPARE(spy.at(2).at(0).toString(), QStringLiteral("proj"));
        QCOMPARE(labelText(panel, "statMin"), dash);
        panel.showTensorStats(QStringLiteral("proj"), QStringLiteral("weight"), makeStats(-2, 2, 0, 1));
        QCOMPARE(labelText(panel, "statMin"), QStringLiteral("-2"));
    }

    void archiveShowsRecords()
    {
        const QString stem = QStringLiteral("multi_method");
        ArchivePanel panel;
        panel.setArchive(m_multi->info());

        auto* table = panel.findChild<QTableView*>(QStringLiteral("recordsTable"));
        QVERIFY(table);
        const QStringList expected = expectedRecords(stem);
        QCOMPARE(table->model()->rowCount(), expected.size());
        QStringList names;
        for (int row = 0; row < table->model()->rowCount(); ++row)
            names += table->model()->index(row, 0).data().toString();
        QCOMPARE(names, expected);

        QCOMPARE(labelText(panel, "formatVersionLabel"), QStringLiteral("3"));
        QCOMPARE(labelText(panel, "archiveNameLabel"), QStringLiteral("multi_method"));
        QCOMPARE(labelText(panel, "fileSizeLabel"), QStringLiteral("7.8 KiB (7,998 bytes)"));
        QVERIFY(labelText(panel, "debugInfoLabel").startsWith(QStringLiteral("present")));
        QCOMPARE(labelText(panel, "bytecodeLabel"), QStringLiteral("absent"));

        auto* list = panel.findChild<QListWidget*>(QStringLiteral("extraFilesList"));
        QVERIFY(list);
        QStringList extra;
        for (int row = 0; row < list->count(); ++row)
            extra += list->item(row)->text();
        extra.sort();
        QCOMPARE(extra,
            QStringList({ QStringLiteral("blob.bin"), QStringLiteral("meta.json"), QStringLiteral("notes.txt") }));

        auto lite = readArchiveInfo(toStd(dataPath(QStringLiteral("lite.ptl"))));
        QVERIFY(lite.ok());
        panel.setArchive(lite.value());
        QVERIFY(labelText(panel, "bytecodeLabel").startsWith(QStringLiteral("present")));
        QCOMPARE(list->count(), int(lite.value().extraFiles.size()));

        panel.clear();
        QCOMPARE(table->model()->rowCount(), 0);
        QCOMPARE(list->count(), 0);
    }

    void archiveShowsExtraFiles()
    {
        ArchivePanel panel;
        panel.setArchive(m_multi->info());
        auto* viewer = panel.findChild<QPlainTextEdit*>(QStringLiteral("extraFileViewer"));
        auto* list = panel.findChild<QListWidget*>(QStringLiteral("extraFilesList"));
        QVERIFY(viewer && list);
        QVERIFY(!panel.currentExtraFile().isEmpty()); // the first one is shown at once

        QVERIFY(panel.selectExtraFile(QStringLiteral("meta.json")));
        QCOMPARE(panel.currentExtraFile(), QStringLiteral("meta.json"));
        QString text = viewer->toPlainText();
        QVERIFY2(text.contains(QStringLiteral("\"version\": 3")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("{\n    \"name\": \"multi\",\n")), qPrintable(text));
        QVERIFY(labelText(panel, "extraFileInfo").contains(QStringLiteral("JSON")));

        // As a click on the list would.
        list->setCurrentItem(list->findItems(QStringLiteral("notes.txt"), Qt::MatchExactly).value(0));
        QCOMPARE(viewer->toPlainText(), QStringLiteral("plain text notes\n"));
        QVERIFY(labelText(panel, "extraFileInfo").contains(QStringLiteral("text")));

        QVERIFY(panel.selectExtraFile(QStringLiteral("blob.bin")));
        text = viewer->toPlainText();
        QVERIFY2(text.contains(QStringLiteral("00 01 02 03")), qPrintable(text));
        QVERIFY(text.startsWith(
            QStringLiteral("00000000  00 01 02 03 04 05 06 07  08 09 0a 0b 0c 0d 0e 0f  |................|\n")));
        QCOMPARE(text.count(QLatin1Char('\n')), 16); // 256 bytes, 16 per line
        QVERIFY(text.contains(
            QStringLiteral("00000040  40 41 42 43 44 45 46 47  48 49 4a 4b 4c 4d 4e 4f  |@ABCDEFGHIJKLMNO|")));
        QVERIFY(labelText(panel, "extraFileInfo").contains(QStringLiteral("hex")));

        QVERIFY(!panel.selectExtraFile(QStringLiteral("missing.txt")));
        QCOMPARE(panel.currentExtraFile(), QStringLiteral("blob.bin"));
    }

    void hexDumpLayout()
    {
        QByteArray bytes("0123456789abcdef");
        bytes.append('\0').append('\xff').append('Z');
        const QString dump = hexDump(bytes, 1024);
        const QStringList lines = dump.split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 3); // two lines and the empty rest after the last '\n'
        QCOMPARE(
            lines[0], QStringLiteral("00000000  30 31 32 33 34 35 36 37  38 39 61 62 63 64 65 66  |0123456789abcdef|"));
        QVERIFY2(lines[1].startsWith(QStringLiteral("00000010  00 ff 5a ")), qPrintable(lines[1]));
        QVERIFY2(lines[1].endsWith(QStringLiteral(" |..Z|")), qPrintable(lines[1]));
        // A short last line keeps its ASCII column under the others.
        QCOMPARE(lines[1].indexOf(QLatin1Char('|')), lines[0].indexOf(QLatin1Char('|')));
        QCOMPARE(lines[2], QString());

        QCOMPARE(hexDump(QByteArray(), 16), QString());
        QByteArray all;
        for (int i = 0; i < 256; ++i)
            all.append(char(i));
        const QString cut = hexDump(all, 32);
        QCOMPARE(cut.count(QLatin1Char('\n')), 3);
        QVERIFY2(cut.contains(QStringLiteral("224 more bytes")), qPrintable(cut));
        QVERIFY(cut.contains(QStringLiteral("00000010  10 11 ")));
        QVERIFY(!cut.contains(QStringLiteral("00000020")));
    }

    void looksLikeTextChecks()
    {
        QVERIFY(looksLikeText(QByteArray("plain text notes\n")));
        QVERIFY(looksLikeText(QByteArray()));
        QVERIFY(looksLikeText(QByteArray("tab\tand\r\nform\f")));
        QVERIFY(looksLikeText(QStringLiteral("h\u00e9llo \u2192 \u2713 \u4e2d\u6587\n").toUtf8()));
        QVERIFY(!looksLikeText(QByteArray("a\0b", 3)));
        QVERIFY(!looksLikeText(QByteArray("\xff\xfe")));
        QVERIFY(!looksLikeText(QByteArray("cut \xe2\x9c"))); // a UTF-8 sequence missing its last byte
        QVERIFY(!looksLikeText(QByteArray("\x1b[31mred")));
        QByteArray all;
        for (int i = 0; i < 256; ++i)
            all.append(char(i));
        QVERIFY(!looksLikeText(all));
    }

    void prettyJsonChecks()
    {
        bool ok = true;
        QCOMPARE(prettyJson(QByteArray("{not json"), &ok), QString());
        QVERIFY(!ok);
        QCOMPARE(prettyJson(QByteArray("plain text notes\n"), &ok), QString());
        QVERIFY(!ok);
        QCOMPARE(prettyJson(QByteArray(), &ok), QString());
        QVERIFY(!ok);

        QCOMPARE(prettyJson(QByteArray(R"({"name": "multi", "version": 3})"), &ok),
            QStringLiteral("{\n    \"name\": \"multi\",\n    \"version\": 3\n}\n"));
        QVERIFY(ok);
        QCOMPARE(prettyJson(QByteArray("[1,2]"), &ok), QStringLiteral("[\n    1,\n    2\n]\n"));
        QVERIFY(ok);
        QCOMPARE(prettyJson(QByteArray("{\"a\":1}")), QStringLiteral("{\n    \"a\": 1\n}\n")); // ok may be null
    }
};

QTEST_MAIN(TestPanels)
#include "tst_panels.moc"
