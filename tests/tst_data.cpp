// core/data value helpers (JsonWriter, format*, moduleRepr) and the zip directory reader.
#include "testsupport.h"

#include "data/format.h"
#include "data/jsonwriter.h"
#include "data/modulerepr.h"
#include "engine/archive.h"
#include "engine/zipdirectory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <cstring>
#include <limits>

using namespace torchscope;
using namespace torchscope::test;

namespace {

ReadAt readerOf(const QByteArray& bytes)
{
    return [bytes](std::uint64_t offset, char* buf, std::size_t n) -> std::size_t {
        if (offset >= std::uint64_t(bytes.size()))
            return 0;
        n = std::min<std::size_t>(n, std::size_t(bytes.size() - qsizetype(offset)));
        std::memcpy(buf, bytes.constData() + offset, n);
        return n;
    };
}

std::optional<std::vector<ZipEntry>> directoryOf(const QByteArray& bytes)
{
    return readZipDirectory(std::uint64_t(bytes.size()), readerOf(bytes));
}

ModuleInfo module(const std::string& path, const std::string& originalName, int parent)
{
    ModuleInfo m;
    m.path = path;
    m.name = path.substr(path.rfind('.') == std::string::npos ? 0 : path.rfind('.') + 1);
    m.originalName = originalName;
    m.parent = parent;
    return m;
}

} // namespace

class TestData : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void jsonParsesBack()
    {
        const std::string awkward = std::string("quote \" backslash \\ newline \n tab \t cr \r bell \x07 unit \x1f end")
            + std::string(1, '\0') + "nul";
        const std::string unicode = "h\xc3\xa9llo \xe2\x82\xac \xf0\x9f\x94\xa5"; // héllo € and an emoji, UTF-8
        JsonWriter json;
        json.beginObject()
            .field("text", awkward)
            .field("unicode", unicode)
            .field("key \"quoted\"\n", "value")
            .field("int", std::int64_t(-42))
            .field("big", std::numeric_limits<std::int64_t>::max())
            .field("unsigned", std::uint64_t(4000000000u))
            .field("yes", true)
            .field("no", false);
        json.key("double").value(0.1);
        json.key("nan").value(std::nan(""));
        json.key("nothing").null();
        json.key("empty_object").beginObject().endObject();
        json.key("empty_array").beginArray().endArray();
        json.key("nested").beginArray();
        json.beginObject()
            .key("inner")
            .beginArray()
            .value(1)
            .value("two")
            .beginArray()
            .endArray()
            .endArray()
            .endObject();
        json.value(3);
        json.endArray();
        json.endObject();

        const std::string& text = json.str();
        QVERIFY(!text.empty() && text.back() == '\n');
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(text), &error);
        QVERIFY2(error.error == QJsonParseError::NoError,
            qPrintable(error.errorString() + "\n" + QString::fromStdString(text)));
        const QJsonObject o = doc.object();
        QCOMPARE(o.size(), 14);
        QCOMPARE(o["text"].toString().toStdString(), awkward);
        QCOMPARE(o["unicode"].toString(), QString::fromUtf8(unicode.c_str()));
        QCOMPARE(o["key \"quoted\"\n"].toString(), QStringLiteral("value"));
        QCOMPARE(o["int"].toInteger(), qint64(-42));
        QCOMPARE(o["big"].toInteger(), std::numeric_limits<qint64>::max());
        QCOMPARE(o["unsigned"].toInteger(), qint64(4000000000u));
        QCOMPARE(o["yes"].toBool(false), true);
        QCOMPARE(o["no"].toBool(true), false);
        QCOMPARE(o["double"].toDouble(), 0.1);
        QVERIFY(o["nan"].isNull());
        QVERIFY(o["nothing"].isNull());
        QVERIFY(o["empty_object"].isObject() && o["empty_object"].toObject().isEmpty());
        QVERIFY(o["empty_array"].isArray() && o["empty_array"].toArray().isEmpty());
        const QJsonArray nested = o["nested"].toArray();
        QCOMPARE(nested.size(), 2);
        const QJsonArray inner = nested[0].toObject()["inner"].toArray();
        QCOMPARE(inner.size(), 3);
        QCOMPARE(inner[0].toInt(), 1);
        QCOMPARE(inner[1].toString(), QStringLiteral("two"));
        QVERIFY(inner[2].isArray());
        QCOMPARE(nested[1].toInt(), 3);
    }

    void jsonEscape()
    {
        QCOMPARE(JsonWriter::escape("a\"b"), std::string("\"a\\\"b\""));
        QCOMPARE(JsonWriter::escape("\x01"), std::string("\"\\u0001\""));
        QCOMPARE(JsonWriter::escape("line\nbreak"), std::string("\"line\\nbreak\""));
        QCOMPARE(JsonWriter::escape("\xc3\xa9"), std::string("\"\xc3\xa9\""));
        JsonWriter top;
        top.beginArray().endArray();
        QCOMPARE(top.str(), std::string("[]\n"));
    }

    void formatShape_data()
    {
        QTest::addColumn<QList<qint64>>("shape");
        QTest::addColumn<QString>("text");
        QTest::newRow("0-d") << QList<qint64> {} << "";
        QTest::newRow("1-d") << QList<qint64> { 5 } << "5";
        QTest::newRow("2-d") << QList<qint64> { 3, 4 } << "3x4";
        QTest::newRow("zero size") << QList<qint64> { 2, 0, 7 } << "2x0x7";
    }
    void formatShape()
    {
        QFETCH(QList<qint64>, shape);
        QFETCH(QString, text);
        QCOMPARE(QString::fromStdString(torchscope::formatShape(std::vector<std::int64_t>(shape.begin(), shape.end()))),
            text);
    }

    void formatBytes_data()
    {
        QTest::addColumn<qint64>("bytes");
        QTest::addColumn<QString>("text");
        QTest::newRow("0") << qint64(0) << "0 B";
        QTest::newRow("312") << qint64(312) << "312 B";
        QTest::newRow("1023") << qint64(1023) << "1023 B";
        QTest::newRow("1024") << qint64(1024) << "1.0 KiB";
        QTest::newRow("1536") << qint64(1536) << "1.5 KiB";
        QTest::newRow("1.5 MiB") << qint64(1572864) << "1.5 MiB";
        QTest::newRow("3 GiB") << qint64(3) * 1024 * 1024 * 1024 << "3.0 GiB";
        QTest::newRow("2 TiB") << qint64(2) * 1024 * 1024 * 1024 * 1024 << "2.0 TiB";
        QTest::newRow("2048 TiB") << qint64(2048) * 1024 * 1024 * 1024 * 1024 << "2048.0 TiB";
    }
    void formatBytes()
    {
        QFETCH(qint64, bytes);
        QFETCH(QString, text);
        QCOMPARE(QString::fromStdString(torchscope::formatBytes(bytes)), text);
    }

    void formatCount_data()
    {
        QTest::addColumn<qint64>("count");
        QTest::addColumn<QString>("text");
        QTest::newRow("0") << qint64(0) << "0";
        QTest::newRow("999") << qint64(999) << "999";
        QTest::newRow("1000") << qint64(1000) << "1,000";
        QTest::newRow("1234567") << qint64(1234567) << "1,234,567";
        QTest::newRow("100000") << qint64(100000) << "100,000";
        QTest::newRow("-1234") << qint64(-1234) << "-1,234";
        QTest::newRow("max") << std::numeric_limits<qint64>::max() << "9,223,372,036,854,775,807";
    }
    void formatCount()
    {
        QFETCH(qint64, count);
        QFETCH(QString, text);
        QCOMPARE(QString::fromStdString(torchscope::formatCount(count)), text);
    }

    void moduleReprLeafAndNested()
    {
        QCOMPARE(moduleRepr(ModuleTree {}), std::string());
        ModuleTree leaf;
        leaf.modules.push_back(module("", "Linear", -1));
        QCOMPARE(moduleRepr(leaf), std::string("RecursiveScriptModule(original_name=Linear)\n"));

        // Root(a: Leaf, b: Mid(c: Leaf)), as Python's print() indents nested modules.
        ModuleTree tree;
        tree.modules
            = { module("", "Root", -1), module("a", "Leaf", 0), module("b", "Mid", 0), module("b.c", "Leaf", 2) };
        tree.modules[0].children = { 1, 2 };
        tree.modules[2].children = { 3 };
        QCOMPARE(moduleRepr(tree),
            std::string("RecursiveScriptModule(\n"
                        "  original_name=Root\n"
                        "  (a): RecursiveScriptModule(original_name=Leaf)\n"
                        "  (b): RecursiveScriptModule(\n"
                        "    original_name=Mid\n"
                        "    (c): RecursiveScriptModule(original_name=Leaf)\n"
                        "  )\n"
                        ")\n"));

        // With slots, a leaf that has slots opens up like a module with children.
        Slot weight;
        weight.name = "weight";
        weight.kind = SlotKind::Parameter;
        weight.type = "Tensor";
        weight.tensor = TensorInfo { { 4, 4 }, "float32", "cpu", true, 16, 64, false };
        Slot count;
        count.name = "count";
        count.type = "int";
        count.value = "3";
        leaf.modules[0].members = { weight, count };
        const std::string withSlots = moduleRepr(leaf, true);
        QVERIFY(
            withSlots.rfind("RecursiveScriptModule(\n  original_name=Linear\n  weight: Tensor parameter float32[", 0)
            == 0);
        QVERIFY(withSlots.find("(16 elements, 64 B)\n  count: int attribute = 3\n)\n") != std::string::npos);
        QCOMPARE(moduleRepr(leaf, false), std::string("RecursiveScriptModule(original_name=Linear)\n"));
    }

    void zipDirectoryOfAKnownZip()
    {
        const QByteArray big(70000, 'z');
        const QByteArray zip
            = makeStoredZip({ { QStringLiteral("top/a.txt"), "alpha" }, { QStringLiteral("top/empty"), {} },
                                { QStringLiteral("top/big.bin"), big } },
                QByteArray("a trailing comment"));
        const auto entries = directoryOf(zip);
        QVERIFY(entries.has_value());
        QCOMPARE(entries->size(), size_t(3));
        const std::vector<std::pair<std::string, std::uint64_t>> expected { { "top/a.txt", 5 }, { "top/empty", 0 },
            { "top/big.bin", 70000 } };
        for (size_t i = 0; i < expected.size(); ++i) {
            QCOMPARE((*entries)[i].name, expected[i].first);
            QCOMPARE((*entries)[i].size, expected[i].second);
            QCOMPARE((*entries)[i].compressedSize, expected[i].second);
            QCOMPARE((*entries)[i].method, std::uint16_t(0));
        }
    }

    void zipDirectoryOfAFixture()
    {
        const Fixture f = fixture(QStringLiteral("multi_method"));
        const QByteArray bytes = readBytes(f.path);
        const auto entries = directoryOf(bytes);
        QVERIFY(entries.has_value());
        QStringList names;
        std::uint64_t compressedTotal = 0;
        for (const ZipEntry& e : *entries) {
            const QString name = QString::fromStdString(e.name);
            QVERIFY2(name.startsWith(QStringLiteral("multi_method/")), qPrintable(name));
            names << name.mid(13);
            // The reader's sizes are the byte counts LibTorch's own reader returns for each record.
            const auto record = readArchiveRecord(toStd(f.path), toStd(name.mid(13)));
            QVERIFY(record.ok());
            QCOMPARE(e.size, std::uint64_t(record->size()));
            QVERIFY(e.method == 0 || e.method == 8);
            if (e.method == 0)
                QCOMPARE(e.compressedSize, e.size);
            compressedTotal += e.compressedSize;
        }
        QVERIFY(compressedTotal < std::uint64_t(bytes.size()));
        names.sort();
        QCOMPARE(names, expectedRecords(f.stem));
    }

    void zipDirectoryRejectsDamage()
    {
        QVERIFY(!directoryOf(QByteArray()));
        QVERIFY(!directoryOf(QByteArray(21, 'P')));
        QByteArray garbage(5000, '\0');
        for (int i = 0; i < garbage.size(); ++i)
            garbage[i] = char((i * 131 + 7) % 256);
        QVERIFY(!directoryOf(garbage));
        const QByteArray fixtureBytes = readBytes(dataPath(QStringLiteral("mycell_traced.pt")));
        QVERIFY(!directoryOf(fixtureBytes.left(fixtureBytes.size() / 2)));
        // An end record whose directory lies past the end of the file.
        QByteArray zip = makeStoredZip({ { QStringLiteral("x/y"), "data" } });
        zip[zip.size() - 6] = char(0x7f); // directory offset's low byte
        zip[zip.size() - 3] = char(0x7f); // and its high byte
        QVERIFY(!directoryOf(zip));
        // A reader that fails returns nullopt instead of reading garbage.
        const QByteArray good = makeStoredZip({ { QStringLiteral("x/y"), "data" } });
        QVERIFY(readZipDirectory(std::uint64_t(good.size()), [](std::uint64_t, char*, std::size_t) -> std::size_t {
            return 0;
        }) == std::nullopt);
        QVERIFY(directoryOf(good).has_value());
    }
};

QTEST_GUILESS_MAIN(TestData)
#include "tst_data.moc"
