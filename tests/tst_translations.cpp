// translations/torchscope_zh_CN.ts stays complete: lupdate, run on the sources into a copy of the committed file,
// must leave no message unfinished or empty, so a new tr() string without a translation fails here with its text.
// Guiless; runs Qt's lupdate (TORCHSCOPE_LUPDATE) on TORCHSCOPE_SOURCE_DIR; needs no network and no timing.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

// The directories qt_add_translations and the release checklist scan, relative to the source dir.
const QStringList kSourceDirs { QStringLiteral("app"), QStringLiteral("widgets"), QStringLiteral("core/worker") };

QString sourceDir() { return QStringLiteral(TORCHSCOPE_SOURCE_DIR); }

QString committedTs() { return sourceDir() + QStringLiteral("/translations/torchscope_zh_CN.ts"); }

struct Message {
    QString context;
    QString source;
    QString comment;
    QString type; // the <translation> type attribute: empty when finished
    QStringList forms; // one entry, or each <numerusform> of a numerus message
    bool numerus = false;
    qint64 line = 0; // of the <message> in the .ts

    bool translated() const
    {
        if (!type.isEmpty() || forms.isEmpty())
            return false;
        for (const QString& form : forms)
            if (form.trimmed().isEmpty())
                return false;
        return true;
    }

    // withLine: where the message is in the committed file (a temporary copy's lines mean nothing).
    QString describe(bool withLine = true) const
    {
        QString why;
        if (type == QLatin1String("unfinished"))
            why = QStringLiteral("unfinished");
        else if (!type.isEmpty())
            why = type;
        else
            why = QStringLiteral("empty");
        QString text = QStringLiteral("  %1: \"%2\"").arg(context, source);
        if (!comment.isEmpty())
            text += QStringLiteral(" (comment \"%1\")").arg(comment);
        if (withLine)
            return text + QStringLiteral(" [%1, line %2]").arg(why).arg(line);
        return text + QStringLiteral(" [%1]").arg(why);
    }
};

struct TsFile {
    QString language;
    QList<Message> messages;
    QString error; // empty when the file parsed
};

TsFile parseTs(const QString& path)
{
    TsFile ts;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ts.error = QStringLiteral("cannot open %1: %2").arg(path, file.errorString());
        return ts;
    }
    QXmlStreamReader xml(&file);
    QString context;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("TS")) {
            ts.language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            Message message;
            message.context = context;
            message.line = xml.lineNumber();
            message.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            while (xml.readNextStartElement()) {
                const auto child = xml.name();
                if (child == QLatin1String("source")) {
                    message.source = xml.readElementText();
                } else if (child == QLatin1String("comment")) {
                    message.comment = xml.readElementText();
                } else if (child == QLatin1String("translation")) {
                    message.type = xml.attributes().value(QLatin1String("type")).toString();
                    if (message.numerus) {
                        while (xml.readNextStartElement()) {
                            if (xml.name() == QLatin1String("numerusform"))
                                message.forms += xml.readElementText();
                            else
                                xml.skipCurrentElement();
                        }
                    } else {
                        message.forms += xml.readElementText();
                    }
                } else {
                    xml.skipCurrentElement();
                }
            }
            ts.messages += message;
        }
    }
    if (xml.hasError())
        ts.error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return ts;
}

QString untranslatedReport(const TsFile& ts, bool withLines)
{
    QStringList lines;
    for (const Message& message : ts.messages)
        if (!message.translated())
            lines += message.describe(withLines);
    if (lines.isEmpty())
        return {};
    return QStringLiteral("%1 message(s) lack a zh_CN translation in translations/torchscope_zh_CN.ts:\n%2")
        .arg(lines.size())
        .arg(lines.join(QLatin1Char('\n')));
}

}

class TstTranslations : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void committedFileParses();
    void committedFileTranslates_data();
    void committedFileTranslates();
    void committedFileComplete();
    void placeholdersMatch();
    void sourcesAllTranslated();
};

void TstTranslations::committedFileParses()
{
    const TsFile ts = parseTs(committedTs());
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    QCOMPARE(ts.language, QStringLiteral("zh_CN"));
    QVERIFY(ts.messages.size() > 100);
}

void TstTranslations::committedFileTranslates_data()
{
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("source");
    QTest::newRow("File menu") << QStringLiteral("torchscope::MainWindow") << QStringLiteral("&File");
    QTest::newRow("Open action") << QStringLiteral("torchscope::MainWindow") << QStringLiteral("&Open\u2026");
    QTest::newRow("Help menu") << QStringLiteral("torchscope::MainWindow") << QStringLiteral("&Help");
    QTest::newRow("start page") << QStringLiteral("torchscope::StartPage") << QStringLiteral("Open Archive\u2026");
    QTest::newRow("numerus") << QStringLiteral("torchscope::DetailsPanel") << QStringLiteral("Methods (%n)");
}

void TstTranslations::committedFileTranslates()
{
    QFETCH(QString, context);
    QFETCH(QString, source);
    const TsFile ts = parseTs(committedTs());
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    int translated = 0;
    for (const Message& message : ts.messages) {
        if (message.context != context || message.source != source)
            continue;
        QVERIFY2(message.translated(), qPrintable(message.describe()));
        // A menu keeps its mnemonic: "文件(&F)".
        const QRegularExpression mnemonic(QStringLiteral("&(\\w)"));
        const auto wanted = mnemonic.match(source);
        if (wanted.hasMatch())
            QVERIFY2(message.forms.constFirst().contains(QStringLiteral("(&%1)").arg(wanted.captured(1).toUpper())),
                qPrintable(message.forms.constFirst()));
        ++translated;
    }
    QVERIFY2(translated >= 1, qPrintable(QStringLiteral("no message %1 in %2").arg(source, context)));
}

void TstTranslations::committedFileComplete()
{
    const TsFile ts = parseTs(committedTs());
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    const QString report = untranslatedReport(ts, true);
    QVERIFY2(report.isEmpty(), qPrintable(report));
}

// QString::arg() fills %1, %2… and tr()'s %n: a translation that drops or invents one shows the wrong value.
void TstTranslations::placeholdersMatch()
{
    const TsFile ts = parseTs(committedTs());
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    const QRegularExpression placeholder(QStringLiteral("%(\\d+|n)"));
    const auto placeholders = [&](const QString& text) {
        QStringList found;
        for (auto it = placeholder.globalMatch(text); it.hasNext();)
            found += it.next().captured(0);
        found.sort();
        return found;
    };
    QStringList wrong;
    for (const Message& message : ts.messages) {
        if (!message.translated())
            continue;
        const QStringList expected = placeholders(message.source);
        for (const QString& form : message.forms)
            if (placeholders(form) != expected)
                wrong += QStringLiteral("  %1: \"%2\" -> \"%3\"").arg(message.context, message.source, form);
    }
    QVERIFY2(wrong.isEmpty(),
        qPrintable(QStringLiteral("placeholders differ from the source:\n") + wrong.join(QLatin1Char('\n'))));
}

void TstTranslations::sourcesAllTranslated()
{
    QTemporaryDir dir;
    QVERIFY2(dir.isValid(), qPrintable(dir.errorString()));
    const QString copy = dir.filePath(QStringLiteral("torchscope_zh_CN.ts"));
    QVERIFY(QFile::copy(committedTs(), copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);

    QProcess lupdate;
    lupdate.setWorkingDirectory(sourceDir());
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(TORCHSCOPE_LUPDATE),
        QStringList(kSourceDirs) << QStringLiteral("-ts") << copy << QStringLiteral("-no-obsolete")
                                 << QStringLiteral("-locations") << QStringLiteral("none"));
    QVERIFY2(lupdate.waitForStarted(), qPrintable(lupdate.errorString()));
    QVERIFY2(lupdate.waitForFinished(-1), qPrintable(lupdate.errorString()));
    const QString output = QString::fromLocal8Bit(lupdate.readAll());
    QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0, qPrintable(output));

    const TsFile ts = parseTs(copy);
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    // lupdate dropped what the sources no longer have (-no-obsolete): an empty result means it scanned nothing.
    QVERIFY2(ts.messages.size() > 100, qPrintable(output));
    const QString report = untranslatedReport(ts, false);
    QVERIFY2(report.isEmpty(), qPrintable(report));
}

QTEST_GUILESS_MAIN(TstTranslations)
#include "tst_translations.moc"
