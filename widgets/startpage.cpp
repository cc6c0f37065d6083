#include "startpage.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace torchscope {
namespace {
    constexpr int kPathRole = Qt::UserRole + 1;
    constexpr int kTitleRole = Qt::UserRole + 2;

    QLabel* heading(const QString& text, QWidget* parent)
    {
        auto* label = new QLabel(text, parent);
        QFont f = label->font();
        f.setBold(true);
        f.setPointSizeF(f.pointSizeF() * 1.15);
        label->setFont(f);
        return label;
    }
}

StartPage::StartPage(QWidget* parent)
    : QWidget(parent)
    , m_recent(new QListWidget(this))
    , m_samples(new QListWidget(this))
    , m_recentEmpty(new QLabel(tr("No recent files yet."), this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("startPage"));
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(32, 24, 32, 24);

    auto* title = new QLabel(tr("TorchScope"), this);
    QFont tf = title->font();
    tf.setPointSizeF(tf.pointSizeF() * 2.0);
    tf.setBold(true);
    title->setFont(tf);
    outer->addWidget(title);
    auto* hint = new QLabel(tr("Open a TorchScript archive (.pt, .pth, .ptl, .jit) with File ▸ Open (Ctrl+O), "
                               "or drop one or more files anywhere on this window."),
        this);
    hint->setWordWrap(true);
    outer->addWidget(hint);
    auto* openButton = new QPushButton(tr("Open Archive…"), this);
    openButton->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    connect(openButton, &QPushButton::clicked, this, &StartPage::openDialogRequested);
    outer->addWidget(openButton);

    m_error->setObjectName(QStringLiteral("startPageError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #c62828; }"));
    m_error->hide();
    outer->addWidget(m_error);
    outer->addSpacing(12);

    auto* columns = new QHBoxLayout;
    auto* left = new QVBoxLayout;
    left->addWidget(heading(tr("Recent files"), this));
    left->addWidget(m_recentEmpty);
    left->addWidget(m_recent, 1);
    auto* right = new QVBoxLayout;
    right->addWidget(heading(tr("Samples from the TorchScript tutorial"), this));
    right->addWidget(m_samples, 1);
    columns->addLayout(left, 1);
    columns->addSpacing(24);
    columns->addLayout(right, 1);
    outer->addLayout(columns, 1);

    connect(m_recent, &QListWidget::itemActivated, this,
        [this](QListWidgetItem* item) { Q_EMIT openFileRequested(item->data(kPathRole).toString()); });
    connect(m_samples, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        Q_EMIT openSampleRequested(item->data(kPathRole).toString(), item->data(kTitleRole).toString());
    });
}

void StartPage::setRecentFiles(const QStringList& paths)
{
    m_recent->clear();
    for (const QString& path : paths) {
        const QFileInfo info(path);
        auto* item = new QListWidgetItem(info.fileName() + QStringLiteral("  —  ") + info.absolutePath(), m_recent);
        item->setData(kPathRole, path);
        item->setToolTip(path);
    }
    m_recentEmpty->setVisible(paths.isEmpty());
    m_recent->setVisible(!paths.isEmpty());
}

void StartPage::setSamples(const QList<Sample>& samples)
{
    m_samples->clear();
    for (const Sample& s : samples) {
        auto* item = new QListWidgetItem(s.title + QStringLiteral("\n    ") + s.description, m_samples);
        item->setData(kPathRole, s.resource);
        item->setData(kTitleRole, s.title);
        item->setToolTip(s.description);
    }
}

void StartPage::showError(const QString& message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

QString StartPage::errorText() const { return m_error->isVisible() ? m_error->text() : QString(); }

} // namespace torchscope
