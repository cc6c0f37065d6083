#include "preferencesdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace torchscope {

PreferencesDialog::PreferencesDialog(QWidget* parent)
    : QDialog(parent)
    , m_libraries(new QListWidget(this))
    , m_language(new QComboBox(this))
    , m_reopen(new QCheckBox(tr("Reopen the files that were open when TorchScope was last closed"), this))
{
    setWindowTitle(tr("Preferences"));
    auto* layout = new QVBoxLayout(this);

    auto* libBox = new QGroupBox(tr("Operator libraries"), this);
    auto* libLayout = new QVBoxLayout(libBox);
    auto* libHint = new QLabel(tr("Shared libraries (.so) that register extra operators, such as torchvision's "
                                  "for torchvision::nms. They are loaded before every archive opens; changes "
                                  "apply to archives opened afterwards."),
        libBox);
    libHint->setWordWrap(true);
    libLayout->addWidget(libHint);
    libLayout->addWidget(m_libraries);
    auto* libButtons = new QHBoxLayout;
    auto* add = new QPushButton(tr("Add…"), libBox);
    auto* remove = new QPushButton(tr("Remove"), libBox);
    libButtons->addWidget(add);
    libButtons->addWidget(remove);
    libButtons->addStretch();
    libLayout->addLayout(libButtons);
    layout->addWidget(libBox);
    connect(add, &QPushButton::clicked, this, [this] {
        const QStringList files = QFileDialog::getOpenFileNames(
            this, tr("Add Operator Library"), QString(), tr("Shared libraries (*.so *.so.* *.dylib *.dll)"));
        for (const QString& f : files)
            if (m_libraries->findItems(f, Qt::MatchExactly).isEmpty())
                m_libraries->addItem(f);
    });
    connect(remove, &QPushButton::clicked, this, [this] { qDeleteAll(m_libraries->selectedItems()); });

    auto* form = new QFormLayout;
    m_language->addItem(tr("System default"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    form->addRow(tr("Language (applies after a restart):"), m_language);
    layout->addLayout(form);
    layout->addWidget(m_reopen);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void PreferencesDialog::setLibraries(const QStringList& paths)
{
    m_libraries->clear();
    m_libraries->addItems(paths);
}

QStringList PreferencesDialog::libraries() const
{
    QStringList out;
    for (int i = 0; i < m_libraries->count(); ++i)
        out << m_libraries->item(i)->text();
    return out;
}

void PreferencesDialog::setLanguage(const QString& language)
{
    const int index = m_language->findData(language);
    m_language->setCurrentIndex(index < 0 ? 0 : index);
}

QString PreferencesDialog::language() const { return m_language->currentData().toString(); }

void PreferencesDialog::setReopenLastSession(bool reopen) { m_reopen->setChecked(reopen); }

bool PreferencesDialog::reopenLastSession() const { return m_reopen->isChecked(); }

} // namespace torchscope
