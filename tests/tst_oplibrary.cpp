// loadOperatorLibrary() and an archive that needs it (custom_op.pt, torchscope_test::scale).
// Its own suite: a loaded library stays loaded for the life of the process, and tst_errors needs the
// operator unregistered.
#include "testsupport.h"

#include "engine/archive.h"

#include <QTest>

using namespace torchscope;
using namespace torchscope::test;

class TestOpLibrary : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void missingLibraryFails()
    {
        const std::string path = toStd(dataPath(QStringLiteral("no_such_library.so")));
        const Status loaded = loadOperatorLibrary(path);
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().kind, ErrorKind::LibraryFailed);
        QVERIFY2(loaded.error().message.find("'" + path + "'") != std::string::npos, loaded.error().message.c_str());
    }

    void nonLibraryFails()
    {
        const std::string path = toStd(dataPath(QStringLiteral("custom_op.pt")));
        const Status loaded = loadOperatorLibrary(path);
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().kind, ErrorKind::LibraryFailed);
        QVERIFY(loaded.error().message.find(path) != std::string::npos);
    }

    void archiveNeedsTheLibrary()
    {
        // Before loading: the archive names the missing operator (order matters: this runs first).
        const auto opened = Archive::open(toStd(fixture(QStringLiteral("custom_op")).path));
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().kind, ErrorKind::UnknownOperator);
        QVERIFY(opened.error().message.find("torchscope_test::scale") != std::string::npos);
    }

    void loadLibrary()
    {
        const Status loaded = loadOperatorLibrary(TORCHSCOPE_TEST_OPLIB);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().message.c_str());
        QVERIFY(loadOperatorLibrary(TORCHSCOPE_TEST_OPLIB).ok()); // loading twice is harmless
    }

    void customOpArchiveMatchesPython_data()
    {
        QTest::addColumn<QString>("module");
        QTest::addColumn<QString>("method");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("file");
        const auto texts = expectedTexts(QStringLiteral("custom_op"));
        QVERIFY(texts.size() >= 10);
        for (const ExpectedText& t : texts)
            QTest::newRow(qPrintable(t.tag())) << t.modulePath << t.method << int(t.kind) << t.file;
    }
    void customOpArchiveMatchesPython()
    {
        QFETCH(QString, module);
        QFETCH(QString, method);
        QFETCH(int, kind);
        QFETCH(QString, file);
        const QString stem = QStringLiteral("custom_op");
        const auto opened = Archive::open(toStd(fixture(stem).path));
        QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().message.c_str());
        const auto text = textFor(*opened.value(), { stem, module, method, TextKind(kind), file });
        QVERIFY2(text.ok(), text.ok() ? "" : text.error().message.c_str());
        QCOMPARE(QByteArray::fromStdString(text.value()), readBytes(file));
    }

    void customOpNodeInGraph()
    {
        const auto opened = Archive::open(toStd(fixture(QStringLiteral("custom_op")).path));
        QVERIFY(opened.ok());
        const Archive& a = *opened.value();
        const auto expected = expectedModules(QStringLiteral("custom_op"));
        QCOMPARE(a.modules().modules.size(), size_t(expected.size()));
        for (int i = 0; i < expected.size(); ++i)
            QCOMPARE(QString::fromStdString(a.modules().modules[i].qualifiedType), expected[i].qualifiedType);
        const auto graph = a.graph("", "forward", GraphForm::Inlined);
        QVERIFY(graph.ok());
        int scaleNodes = 0;
        for (const IrNode& n : graph->nodes) {
            if (n.kind != "torchscope_test::scale")
                continue;
            ++scaleNodes;
            QCOMPARE(n.schema, std::string("torchscope_test::scale(Tensor x, float factor) -> Tensor"));
            QCOMPARE(n.inputs.size(), size_t(2));
        }
        QCOMPARE(scaleNodes, 1);
    }
};

QTEST_GUILESS_MAIN(TestOpLibrary)
#include "tst_oplibrary.moc"
