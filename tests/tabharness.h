#pragma once

// What the suites that open archives in ModelTabs with real workers share: waiting for a tab's views (hang
// guards, never measurements), its texts, and comparing them with Python's expected files. Header-only; the
// including suite defines TORCHSCOPE_WORKER.

#include "testsupport.h"
#include "widgets/modeltab.h"

// torchscope_testsupport turns Qt's keywords off (QT_NO_KEYWORDS) for suites that meet LibTorch headers; these
// suites include none, and QScintilla's headers spell `signals` and `slots`.
#ifndef signals
#define signals Q_SIGNALS
#endif
#ifndef slots
#define slots Q_SLOTS
#endif
#include "widgets/codeview.h"
#include "widgets/irview.h"

#include <QSignalSpy>
#include <QTest>

#include <functional>

namespace torchscope::test {

inline constexpr int kGuardMs = 60000;

inline QString workerPath() { return QStringLiteral(TORCHSCOPE_WORKER); }

inline const char* stateName(ModelTab::State state)
{
    static const char* const names[] = { "Loading", "Ready", "Failed", "WorkerDied" };
    return names[int(state)];
}

inline QString codeText(const ModelTab* tab) { return tab->codeView()->text(); }
inline QString irText(const ModelTab* tab) { return tab->irView()->text(); }

// tests/data/expected/<stem>/<module dir>/<file>
inline QString expectedFile(const QString& stem, const QString& modulePath, const QString& file)
{
    return expectedDir(stem) + QLatin1Char('/') + moduleDirName(modulePath) + QLatin1Char('/') + file;
}

// Empty when `actual` is, byte for byte, the expected file; else where they first differ.
inline QString textMismatch(const QString& what, const QString& actual, const QString& expectedPath)
{
    const QByteArray expected = readBytes(expectedPath);
    if (expected.isEmpty())
        return QStringLiteral("%1: cannot read %2").arg(what, expectedPath);
    const QByteArray got = actual.toUtf8();
    if (got == expected)
        return {};
    const QStringList a = splitLines(actual);
    const QStringList e = splitLines(QString::fromUtf8(expected));
    int line = 0;
    while (line < a.size() && line < e.size() && a[line] == e[line])
        ++line;
    return QStringLiteral("%1 differs from %2 (%3 vs %4 bytes) at line %5:\n  shown:    %6\n  expected: %7")
        .arg(what, expectedPath)
        .arg(got.size())
        .arg(expected.size())
        .arg(line + 1)
        .arg(line < a.size() ? a[line] : QStringLiteral("<end>"), line < e.size() ? e[line] : QStringLiteral("<end>"));
}

#define COMPARE_TEXT(what, actual, expectedPath)                                                                       \
    do {                                                                                                               \
        const QString mismatch_ = textMismatch(what, actual, expectedPath);                                            \
        QVERIFY2(mismatch_.isEmpty(), qPrintable(mismatch_));                                                          \
    } while (false)

// The tab's code and IR views against the expected files of one module and method.
#define COMPARE_VIEWS(tab, stem, modulePath, codeFile, irFile)                                                         \
    do {                                                                                                               \
        COMPARE_TEXT(QStringLiteral("code view"), codeText(tab), expectedFile(stem, modulePath, codeFile));            \
        COMPARE_TEXT(QStringLiteral("IR view"), irText(tab), expectedFile(stem, modulePath, irFile));                  \
    } while (false)

// Waits (a hang guard) for the spy's signal, giving up early when the tab failed or lost its worker.
inline bool waitViews(ModelTab* tab, QSignalSpy& spy)
{
    (void)QTest::qWaitFor(
        [&] {
            return !spy.isEmpty() || tab->state() == ModelTab::State::Failed
                || tab->state() == ModelTab::State::WorkerDied;
        },
        kGuardMs);
    return !spy.isEmpty();
}

// Runs `action` and waits for the tab's next viewsUpdated(), which may come from inside `action` (cached texts).
inline bool viewsAfter(ModelTab* tab, const std::function<void()>& action)
{
    QSignalSpy spy(tab, &ModelTab::viewsUpdated);
    action();
    return waitViews(tab, spy);
}

// Waits until a tab opened earlier shows its first module; at once when it already does.
inline bool waitShown(ModelTab* tab)
{
    if (tab->state() == ModelTab::State::Ready && !codeText(tab).isEmpty())
        return true;
    QSignalSpy spy(tab, &ModelTab::viewsUpdated);
    return waitViews(tab, spy);
}

#define VIEWS_AFTER(tab, action)                                                                                       \
    QVERIFY2(viewsAfter(tab, [&] { action; }),                                                                         \
        qPrintable(QStringLiteral("no viewsUpdated after %1 (state %2, message: %3)")                                  \
                       .arg(QStringLiteral(#action), QLatin1String(stateName((tab)->state())), (tab)->messageText())))

} // namespace torchscope::test
