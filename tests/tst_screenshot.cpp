// `torchscope --screenshot FILE [--view V] ARCHIVE`, the built app run as a user would run it: offscreen, with a
// home and XDG folders of its own, so no setting of the machine's user is read or written. Every wait is a hang
// guard (kGuardMs), never a measurement.

#include "testsupport.h"

#include <QColor>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QImage>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace torchscope::test;

namespace {

constexpr int kGuardMs = 60000;

QString appPath() { return QStringLiteral(TORCHSCOPE_APP); }

// What one run of the app did.
struct Run {
    bool finished = false; // false: still running when the guard ran out, and killed
    QProcess::ExitStatus status = QProcess::CrashExit;
    int exitCode = -1;
    QByteArray output; // stdout and stderr

    QByteArray describe() const
    {
        QByteArray text = finished ? QByteArray() : QByteArray("did not finish; ");
        text += status == QProcess::CrashExit ? "crashed" : "exited";
        text += " with " + QByteArray::number(exitCode) + "; output:\n" + output.right(2000);
        return text;
    }
};

// Distinct colours in the picture, counting up to `enough`.
int distinctColours(const QImage& image, int enough)
{
    QSet<QRgb> seen;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            seen.insert(image.pixel(x, y));
            if (seen.size() >= enough)
                return int(seen.size());
        }
    return int(seen.size());
}

// Pixels of exactly one colour: the message bar draws its error border in #d03030 (MessageBar::applyStyle).
int pixelsOf(const QImage& image, QRgb colour)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            count += (image.pixel(x, y) & 0xffffff) == (colour & 0xffffff);
    return count;
}

const QRgb kErrorBorder = qRgb(0xd0, 0x30, 0x30);

} // namespace

class TestScreenshot : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;
    QHash<QString, QImage> m_pictures; // view -> its picture of mydecisiongate_scripted

    QString out(const QString& name) const { return m_home.filePath(QStringLiteral("out/") + name); }

    Run run(const QStringList& arguments) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), m_home.filePath(QStringLiteral("cache")));
        env.insert(QStringLiteral("XDG_STATE_HOME"), m_home.filePath(QStringLiteral("state")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_home.filePath(QStringLiteral("runtime")));
        QProcess process;
        process.setProcessEnvironment(env);
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.setWorkingDirectory(m_home.path());
        process.start(appPath(), arguments);
        Run result;
        if (!process.waitForStarted(kGuardMs)) {
            result.output = process.errorString().toUtf8();
            return result;
        }
        result.finished = process.waitForFinished(kGuardMs);
        if (!result.finished) {
            process.kill();
            process.waitForFinished(kGuardMs);
        }
        result.status = process.exitStatus();
        result.exitCode = process.exitCode();
        result.output = process.readAll();
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(appPath()).isExecutable(), qPrintable(appPath()));
        QVERIFY(m_home.isValid());
        QVERIFY(QDir(m_home.path()).mkpath(QStringLiteral("out")));
        QVERIFY(QDir(m_home.path()).mkpath(QStringLiteral("runtime")));
        QVERIFY(QFile::setPermissions(m_home.filePath(QStringLiteral("runtime")),
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
    }

    void eachViewSavesAPicture_data()
    {
        QTest::addColumn<QString>("view");
        for (const char* view : { "code", "ir", "graph", "tree", "archive" })
            QTest::newRow(view) << QString::fromLatin1(view);
    }

    void eachViewSavesAPicture()
    {
        QFETCH(QString, view);
        const QString png = out(view + QStringLiteral(".png"));
        const Run r = run({ QStringLiteral("--screenshot"), png, QStringLiteral("--view"), view,
            fixture(QStringLiteral("mydecisiongate_scripted")).path });
        QVERIFY2(r.finished && r.status == QProcess::NormalExit && r.exitCode == 0, r.describe().constData());
        QVERIFY2(QFileInfo::exists(png), r.describe().constData());
        QImage image;
        QVERIFY2(image.load(png), qPrintable(png));
        QVERIFY2(image.width() > 400 && image.height() > 300,
            qPrintable(QStringLiteral("%1x%2").arg(image.width()).arg(image.height())));
        QVERIFY2(distinctColours(image, 8) >= 8, "the picture is (nearly) a single colour");
        // A model that opened shows no error bar.
        QVERIFY(pixelsOf(image, kErrorBorder) < 100);
        m_pictures.insert(view, image);
    }

    void viewsShowDifferentPanels()
    {
        // tree puts the Details panel beside the module tree, archive the Archive panel: the pictures differ.
        if (!m_pictures.contains(QStringLiteral("tree")) || !m_pictures.contains(QStringLiteral("archive")))
            QSKIP("eachViewSavesAPicture did not save both pictures");
        const QImage tree = m_pictures.value(QStringLiteral("tree"));
        const QImage archive = m_pictures.value(QStringLiteral("archive"));
        QCOMPARE(tree.size(), archive.size());
        QVERIFY(tree != archive);
    }

    void missingArchiveShowsTheError()
    {
        const QString png = out(QStringLiteral("missing.png"));
        const QString missing = dataPath(QStringLiteral("no-such-archive.pt"));
        const Run r = run({ QStringLiteral("--screenshot"), png, missing });
        QVERIFY2(r.finished, r.describe().constData());
        QVERIFY2(r.status == QProcess::NormalExit && r.exitCode == 0, r.describe().constData());
        QVERIFY2(QFileInfo::exists(png), r.describe().constData());
        QImage image;
        QVERIFY2(image.load(png), qPrintable(png));
        QVERIFY2(image.width() > 400 && image.height() > 300,
            qPrintable(QStringLiteral("%1x%2").arg(image.width()).arg(image.height())));
        QVERIFY2(distinctColours(image, 8) >= 8, "the picture is (nearly) a single colour");
        // The error bar is in the picture: its red border runs across the window.
        const int red = pixelsOf(image, kErrorBorder);
        QVERIFY2(red > image.width(), qPrintable(QStringLiteral("%1 pixels of the error border").arg(red)));
    }

    void badArgumentsExitWithTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("png");
        QTest::addColumn<QString>("says");
        const QString archive = fixture(QStringLiteral("mydecisiongate_scripted")).path;
        const QString png = QStringLiteral("bad-arguments.png");
        QTest::newRow("bogus view") << QStringList { QStringLiteral("--screenshot"), out(png), QStringLiteral("--view"),
            QStringLiteral("bogus"), archive }
                                    << png << QStringLiteral("--view");
        QTest::newRow("two archives") << QStringList { QStringLiteral("--screenshot"), out(png), archive, archive }
                                      << png << QStringLiteral("exactly one");
        QTest::newRow("no archive") << QStringList { QStringLiteral("--screenshot"), out(png) } << png
                                    << QStringLiteral("exactly one");
    }

    void badArgumentsExitWithTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, png);
        QFETCH(QString, says);
        QFile::remove(out(png));
        const Run r = run(arguments);
        QVERIFY2(r.finished && r.status == QProcess::NormalExit && r.exitCode == 2, r.describe().constData());
        QVERIFY2(r.output.contains(says.toUtf8()), r.describe().constData());
        QVERIFY(!QFileInfo::exists(out(png)));
    }

    void unwritablePictureExitsWithTwo()
    {
        const QString png = m_home.filePath(QStringLiteral("no-such-folder/out.png"));
        const Run r = run({ QStringLiteral("--screenshot"), png, QStringLiteral("--view"), QStringLiteral("code"),
            fixture(QStringLiteral("mycell_traced")).path });
        QVERIFY2(r.finished && r.status == QProcess::NormalExit && r.exitCode == 2, r.describe().constData());
        QVERIFY(!QFileInfo::exists(png));
    }
};

QTEST_GUILESS_MAIN(TestScreenshot)
#include "tst_screenshot.moc"
