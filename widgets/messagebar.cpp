#include "messagebar.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace torchscope {

MessageBar::MessageBar(QWidget* parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_action(new QPushButton(this))
    , m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("messageBar"));
    setFrameShape(QFrame::StyledPanel);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_close->setAutoRaise(true);
    m_close->setText(QStringLiteral("✕"));
    m_close->setToolTip(tr("Dismiss"));
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_action, 0, Qt::AlignTop);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    connect(m_action, &QPushButton::clicked, this, &MessageBar::actionTriggered);
    connect(m_close, &QToolButton::clicked, this, &QWidget::hide);
    hide();
}

void MessageBar::showMessage(Kind kind, const QString& text, const QString& actionText)
{
    m_kind = kind;
    m_text->setText(text);
    m_action->setText(actionText);
    m_action->setVisible(!actionText.isEmpty());
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    const auto icon = kind == Kind::Error ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxInformation;
    m_icon->setPixmap(style()->standardIcon(icon, nullptr, this).pixmap(size, size));
    applyStyle();
    show();
}

QString MessageBar::text() const { return m_text->text(); }

void MessageBar::changeEvent(QEvent* event)
{
    QFrame::changeEvent(event);
    // setStyleSheet() itself changes the palette: without the guard the two would call each other forever.
    if (event->type() == QEvent::PaletteChange && !m_styling)
        applyStyle();
}

void MessageBar::applyStyle()
{
    // A tint of the palette's own colours, so the bar reads well in light and dark themes.
    const QPalette pal = QApplication::palette(this);
    const QColor base = pal.color(QPalette::Window);
    const QColor accent = m_kind == Kind::Error ? QColor(0xd0, 0x30, 0x30) : pal.color(QPalette::Highlight);
    QColor tint;
    tint.setRgbF(base.redF() * 0.8 + accent.redF() * 0.2, base.greenF() * 0.8 + accent.greenF() * 0.2,
        base.blueF() * 0.8 + accent.blueF() * 0.2);
    m_styling = true;
    setStyleSheet(QStringLiteral("#messageBar { background: %1; border: 1px solid %2; border-radius: 4px; }")
                      .arg(tint.name(), accent.name()));
    m_styling = false;
}

} // namespace torchscope
