// Failure classification: every kind of bad input gets its own ErrorKind and a one-line message that names
// the file and says what was wrong. Also: damaged archives never crash Archive::open.
#include "testsupport.h"

#include "engine/archive.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <random>
#include <sys/stat.h>

using namespace torchscope;
using namespace torchscope::test;

Q_DECLARE_METATYPE(torchscope::ErrorKind)

class TestErrors : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QString& name, const QByteArray& bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    static QByteArray randomBytes(int size, unsigned seed)
    {
        std::mt19937 gen(seed);
        QByteArray bytes(size, '\0');
        for (char& c : bytes)
            c = char(gen() & 0xff);
        bytes[0] = 'x'; // not a zip, pickle or flatbuffer signature
        return bytes;
    }

    static void checkError(const Error& error, ErrorKind kind, const QString& path, const QStringList& phrases)
    {
        const QString message = QString::fromStdString(error.message);
        QVERIFY2(
            error.kind == kind, qPrintable(QStringLiteral("kind %1, message: %2").arg(int(error.kind)).arg(message)));
        QVERIFY2(message.contains(QLatin1Char('\'') + path + QLatin1Char('\'')), qPrintable(message));
        for (const QString& phrase : phrases)
            QVERIFY2(message.contains(phrase), qPrintable(phrase + QStringLiteral(" not in: ") + message));
        QVERIFY2(!message.contains(QLatin1Char('\n')), qPrintable(message)); // the CLI prints it as one line
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void classified_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<ErrorKind>("kind");
        QTest::addColumn<QStringList>("phrases");

        const QByteArray traced = readBytes(dataPath(QStringLiteral("mycell_traced.pt")));
        QVERIFY(traced.size() > 1000);
        const QString plain = write(QStringLiteral("flat.zip"),
            makeStoredZip({ { QStringLiteral("hello.txt"), "hello" }, { QStringLiteral("data.pkl"), "x" } }));
        const QString fifo = m_dir.filePath(QStringLiteral("fifo.pt"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);

        QTest::newRow("missing") << m_dir.filePath(QStringLiteral("missing.pt")) << ErrorKind::NotFound
                                 << QStringList { "no such file" };
        QTest::newRow("under a file") << dataPath(QStringLiteral("mycell_traced.pt/x.pt")) << ErrorKind::NotFound
                                      << QStringList { "no such file" };
        QTest::newRow("directory") << m_dir.path() << ErrorKind::IsDirectory << QStringList { "is a directory" };
        QTest::newRow("fifo") << fifo << ErrorKind::Unreadable
                              << QStringList { "cannot be read", "not a regular file" };
        QTest::newRow("empty") << write(QStringLiteral("empty.pt"), {}) << ErrorKind::Empty
                               << QStringList { "is empty", "0 bytes" };
        QTest::newRow("random bytes") << write(QStringLiteral("random.pt"), randomBytes(4096, 7)) << ErrorKind::NotZip
                                      << QStringList { "not a zip file" };
        QTest::newRow("truncated zip") << write(QStringLiteral("truncated.pt"), traced.left(traced.size() / 2))
                                       << ErrorKind::CorruptZip << QStringList { "truncated or corrupt" };
        QTest::newRow("zip without folder")
            << plain << ErrorKind::NotTorchArchive << QStringList { "zip file but not a PyTorch archive" };
        QTest::newRow("checkpoint") << dataPath(QStringLiteral("checkpoint.pt")) << ErrorKind::Checkpoint
                                    << QStringList { "torch.save() checkpoint", "torch.jit.script" };
        QTest::newRow("legacy pickle") << dataPath(QStringLiteral("legacy.pt")) << ErrorKind::LegacyPickle
                                       << QStringList { "legacy", "pickle" };
        QTest::newRow("newer version") << dataPath(QStringLiteral("newer_version.pt")) << ErrorKind::NewerVersion
                                       << QStringList { "version 99", "versions 1 to 10" };
        QTest::newRow("custom op without library")
            << dataPath(QStringLiteral("custom_op.pt")) << ErrorKind::UnknownOperator
            << QStringList { "torchscope_test::scale", "--load-library" };

        // A file nobody may read: only meaningful when not running as root (root reads it anyway).
        const QString locked = write(QStringLiteral("locked.pt"), traced);
        QVERIFY(QFile::setPermissions(locked, QFileDevice::Permissions()));
        if (QFile probe(locked); !probe.open(QIODevice::ReadOnly))
            QTest::newRow("unreadable") << locked << ErrorKind::Unreadable << QStringList { "cannot be read" };
    }
    void classified()
    {
        QFETCH(QString, path);
        QFETCH(ErrorKind, kind);
        QFETCH(QStringList, phrases);
        const auto opened = Archive::open(toStd(path));
        QVERIFY(!opened.ok());
        checkError(opened.error(), kind, path, phrases);
        // Reading only the zip directory classifies the same way, except what needs the model loaded.
        if (kind != ErrorKind::UnknownOperator) {
            const auto info = readArchiveInfo(toStd(path));
            QVERIFY(!info.ok());
            checkError(info.error(), kind, path, phrases);
        }
    }

    void supportedVersions() { QCOMPARE(supportedFormatVersions(), std::string("1 to 10")); }

    void bug_zipWithFolderButNoVersionIsNotCorrupt()
    {
        // A well-formed zip whose entries share a folder (as torch's do) but that has no `version` record is
        // not a PyTorch archive. archivesource.cpp maps LibTorch's "Expected hasRecord(\"version\")" to
        // CorruptZip, whose message tells the user to copy or download an intact file again.
        const QString path = write(QStringLiteral("docs.zip"),
            makeStoredZip({ { QStringLiteral("docs/readme.txt"), "hello" }, { QStringLiteral("docs/a.txt"), "a" } }));
        const auto opened = Archive::open(toStd(path));
        QVERIFY(!opened.ok());
        checkError(opened.error(), ErrorKind::NotTorchArchive, path, { QStringLiteral("not a PyTorch archive") });
    }

    void openBytesFailures()
    {
        const auto empty = Archive::openBytes({}, "resource:empty");
        QVERIFY(!empty.ok());
        checkError(empty.error(), ErrorKind::Empty, QStringLiteral("resource:empty"), { QStringLiteral("is empty") });
        const auto garbage = Archive::openBytes(randomBytes(1000, 3).toStdString(), "resource:garbage");
        QVERIFY(!garbage.ok());
        checkError(
            garbage.error(), ErrorKind::NotZip, QStringLiteral("resource:garbage"), { QStringLiteral("not a zip") });
        const QByteArray traced = readBytes(dataPath(QStringLiteral("mycell_traced.pt")));
        const auto truncated = Archive::openBytes(traced.left(traced.size() - 10).toStdString(), "resource:cut");
        QVERIFY(!truncated.ok());
        checkError(
            truncated.error(), ErrorKind::CorruptZip, QStringLiteral("resource:cut"), { QStringLiteral("corrupt") });
        const auto checkpoint = Archive::openBytes(readStd(dataPath(QStringLiteral("checkpoint.pt"))), "resource:sd");
        QVERIFY(!checkpoint.ok());
        checkError(
            checkpoint.error(), ErrorKind::Checkpoint, QStringLiteral("resource:sd"), { QStringLiteral("checkpoint") });
    }

    void damagedArchivesDoNotCrash_data()
    {
        QTest::addColumn<QString>("path");
        const QByteArray traced = readBytes(dataPath(QStringLiteral("mycell_traced.pt")));
        QVERIFY(!traced.isEmpty());
        for (int i = 0; i < 40; ++i) {
            const int length = int(qint64(traced.size()) * i / 40); // 0 .. size*39/40
            QTest::addRow("truncated at %d", length) << write(QStringLiteral("cut%1.pt").arg(i), traced.left(length));
        }
        std::mt19937 gen(20240601);
        for (int i = 0; i < 40; ++i) {
            QByteArray bytes = traced;
            const int pos = int(gen() % quint32(bytes.size()));
            bytes[pos] = char(bytes[pos] ^ 0xff);
            QTest::addRow("byte %d flipped", pos) << write(QStringLiteral("flip%1.pt").arg(i), bytes);
        }
    }
    void damagedArchivesDoNotCrash()
    {
        QFETCH(QString, path);
        const auto opened = Archive::open(toStd(path));
        if (opened.ok()) {
            QVERIFY(!opened.value()->modules().modules.empty());
            return;
        }
        const QString message = QString::fromStdString(opened.error().message);
        QVERIFY(!message.isEmpty());
        QVERIFY2(message.contains(path), qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(TestErrors)
#include "tst_errors.moc"
