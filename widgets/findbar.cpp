#include "findbar.h"

#include <Qsci/qsciscintilla.h>

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>
#include <QToolButton>

namespace torchscope {
namespace {

    QToolButton* makeButton(QWidget* parent, const QIcon& icon, const QString& tip)
    {
        auto* button = new QToolButton(parent);
        button->setIcon(icon);
        button->setToolTip(tip);
        button->setAutoRaise(true);
        button->setFocusPolicy(Qt::TabFocus);
        return button;
    }

} // namespace

FindBar::FindBar(QsciScintilla* editor, QWidget* parent)
    : QWidget(parent)
    , m_editor(editor)
{
    m_field = new QLineEdit(this);
    m_field->setPlaceholderText(tr("Find"));
    m_field->setClearButtonEnabled(true);
    m_field->installEventFilter(this);

    m_previous = makeButton(this, QIcon::fromTheme(QStringLiteral("go-up"), style()->standardIcon(QStyle::SP_ArrowUp)),
        tr("Previous match (Shift+Enter)"));
    m_next = makeButton(this, QIcon::fromTheme(QStringLiteral("go-down"), style()->standardIcon(QStyle::SP_ArrowDown)),
        tr("Next match (Enter)"));
    m_caseSensitive = new QToolButton(this);
    //: Toggle button: match upper and lower case exactly
    m_caseSensitive->setText(tr("Aa"));
    m_caseSensitive->setToolTip(tr("Match case"));
    m_caseSensitive->setCheckable(true);
    m_caseSensitive->setAutoRaise(true);
    m_caseSensitive->setFocusPolicy(Qt::TabFocus);
    m_count = new QLabel(this);
    m_count->setMinimumWidth(m_count->fontMetrics().horizontalAdvance(tr("%1 of %2").arg(9999).arg(9999)));
    m_close = makeButton(this,
        QIcon::fromTheme(QStringLiteral("window-close"), style()->standardIcon(QStyle::SP_TitleBarCloseButton)),
        tr("Close (Escape)"));

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setSpacing(2);
    layout->addWidget(m_field, 1);
    layout->addWidget(m_previous);
    layout->addWidget(m_next);
    layout->addWidget(m_caseSensitive);
    layout->addSpacing(6);
    layout->addWidget(m_count);
    layout->addStretch(0);
    layout->addWidget(m_close);

    if (m_editor) {
        m_indicator = m_editor->indicatorDefine(QsciScintilla::RoundBoxIndicator);
        m_editor->setIndicatorDrawUnder(true, m_indicator);
        // Amber reads as "found" on light and dark paper alike.
        m_editor->setIndicatorForegroundColor(QColor(255, 176, 0, 110), m_indicator);
        m_editor->SendScintilla(QsciScintilla::SCI_INDICSETOUTLINEALPHA, static_cast<unsigned long>(m_indicator), 200L);
        connect(m_editor, &QsciScintilla::textChanged, this, &FindBar::refresh);
    }

    connect(m_field, &QLineEdit::textChanged, this, [this] { search(false); });
    connect(m_previous, &QToolButton::clicked, this, &FindBar::findPrevious);
    connect(m_next, &QToolButton::clicked, this, &FindBar::findNext);
    connect(m_caseSensitive, &QToolButton::toggled, this, [this] { search(false); });
    connect(m_close, &QToolButton::clicked, this, [this] {
        hide();
        if (m_editor)
            m_editor->setFocus();
    });
    updateLabel();
}

void FindBar::setSearchText(const QString& text) { m_field->setText(text); }

QString FindBar::searchText() const { return m_field->text(); }

void FindBar::setCaseSensitive(bool on) { m_caseSensitive->setChecked(on); }

bool FindBar::isCaseSensitive() const { return m_caseSensitive->isChecked(); }

void FindBar::activate()
{
    if (m_editor && m_editor->hasSelectedText()) {
        const QString selected = m_editor->selectedText();
        if (!selected.contains(QLatin1Char('\n')))
            m_field->setText(selected);
    }
    show();
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
}

void FindBar::findNext()
{
    if (m_matches.isEmpty())
        return;
    m_current = (m_current + 1) % static_cast<int>(m_matches.size());
    selectCurrent();
    updateLabel();
}

void FindBar::findPrevious()
{
    if (m_matches.isEmpty())
        return;
    const int count = static_cast<int>(m_matches.size());
    m_current = (m_current - 1 + count) % count;
    selectCurrent();
    updateLabel();
}

void FindBar::refresh() { search(true); }

void FindBar::search(bool keepPosition)
{
    const int previousStart = m_current >= 0 && m_current < m_matches.size() ? m_matches[m_current].start : -1;
    clearIndicators();
    m_matches.clear();
    m_current = -1;
    const QByteArray needle = m_field->text().toUtf8();
    if (!m_editor || needle.isEmpty()) {
        updateLabel();
        return;
    }

    QsciScintilla* sci = m_editor;
    const int length = static_cast<int>(sci->SendScintilla(QsciScintilla::SCI_GETLENGTH));
    sci->SendScintilla(QsciScintilla::SCI_SETSEARCHFLAGS, isCaseSensitive() ? QsciScintilla::SCFIND_MATCHCASE : 0);
    int from = 0;
    while (from < length) {
        sci->SendScintilla(QsciScintilla::SCI_SETTARGETSTART, static_cast<unsigned long>(from));
        sci->SendScintilla(QsciScintilla::SCI_SETTARGETEND, static_cast<unsigned long>(length));
        const int found = static_cast<int>(sci->SendScintilla(
            QsciScintilla::SCI_SEARCHINTARGET, static_cast<unsigned long>(needle.size()), needle.constData()));
        if (found < 0)
            break;
        const int end = static_cast<int>(sci->SendScintilla(QsciScintilla::SCI_GETTARGETEND));
        m_matches.append({ found, end });
        from = std::max(end, found + 1);
    }
    if (isVisible()) {
        sci->SendScintilla(QsciScintilla::SCI_SETINDICATORCURRENT, static_cast<unsigned long>(m_indicator));
        for (const Match& match : m_matches)
            sci->SendScintilla(QsciScintilla::SCI_INDICATORFILLRANGE, static_cast<unsigned long>(match.start),
                static_cast<long>(match.end - match.start));
    }

    if (!m_matches.isEmpty()) {
        // Typing more of a word keeps the match the user is on; a new search starts at the cursor.
        const int anchor = keepPosition && previousStart >= 0
            ? previousStart
            : static_cast<int>(sci->SendScintilla(QsciScintilla::SCI_GETSELECTIONSTART));
        m_current = 0;
        for (int i = 0; i < m_matches.size(); ++i) {
            if (m_matches[i].start >= anchor) {
                m_current = i;
                break;
            }
        }
        if (!keepPosition)
            selectCurrent();
    }
    updateLabel();
}

void FindBar::selectCurrent()
{
    if (!m_editor || m_current < 0 || m_current >= m_matches.size())
        return;
    const Match& match = m_matches[m_current];
    const int line = static_cast<int>(
        m_editor->SendScintilla(QsciScintilla::SCI_LINEFROMPOSITION, static_cast<unsigned long>(match.start)));
    m_editor->SendScintilla(QsciScintilla::SCI_ENSUREVISIBLEENFORCEPOLICY, static_cast<unsigned long>(line));
    m_editor->SendScintilla(
        QsciScintilla::SCI_SETSEL, static_cast<unsigned long>(match.start), static_cast<long>(match.end));
}

void FindBar::clearIndicators()
{
    if (!m_editor)
        return;
    m_editor->SendScintilla(QsciScintilla::SCI_SETINDICATORCURRENT, static_cast<unsigned long>(m_indicator));
    m_editor->SendScintilla(
        QsciScintilla::SCI_INDICATORCLEARRANGE, 0UL, m_editor->SendScintilla(QsciScintilla::SCI_GETLENGTH));
}

void FindBar::updateLabel()
{
    if (m_field->text().isEmpty())
        m_count->clear();
    else if (m_matches.isEmpty())
        m_count->setText(tr("No matches"));
    else
        m_count->setText(tr("%1 of %2").arg(currentMatch()).arg(matchCount()));
    m_previous->setEnabled(!m_matches.isEmpty());
    m_next->setEnabled(!m_matches.isEmpty());
}

bool FindBar::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_field && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            if (key->modifiers() & Qt::ShiftModifier)
                findPrevious();
            else
                findNext();
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            keyPressEvent(key);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void FindBar::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Escape) {
        hide();
        if (m_editor)
            m_editor->setFocus();
        return;
    }
    QWidget::keyPressEvent(event);
}

void FindBar::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    clearIndicators();
}

void FindBar::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    refresh();
}

} // namespace torchscope
