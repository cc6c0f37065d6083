#include "archivepanel.h"

#include "bytesformat.h"
#include "data/format.h"
#include "recordtablemodel.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace torchscope {
namespace {

    QString toQString(const std::string& text) { return QString::fromStdString(text); }
    QString bytesText(std::uint64_t bytes) { return toQString(formatBytes(static_cast<std::int64_t>(bytes))); }

    QLabel* makeValueLabel(QWidget* parent, const QString& objectName)
    {
        auto* label = new QLabel(parent);
        label->setObjectName(objectName);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        return label;
    }

    constexpr int extraIndexRole = Qt::UserRole;

} // namespace

ArchivePanel::ArchivePanel(QWidget* parent)
    : QWidget(parent)
    , m_records(new RecordTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    m_path = makeValueLabel(this, QStringLiteral("pathLabel"));
    m_path->setWordWrap(true);
    m_archiveName = makeValueLabel(this, QStringLiteral("archiveNameLabel"));
    m_fileSize = makeValueLabel(this, QStringLiteral("fileSizeLabel"));
    m_formatVersion = makeValueLabel(this, QStringLiteral("formatVersionLabel"));
    m_debugInfo = makeValueLabel(this, QStringLiteral("debugInfoLabel"));
    m_bytecode = makeValueLabel(this, QStringLiteral("bytecodeLabel"));

    auto* form = new QFormLayout;
    form->addRow(tr("File:"), m_path);
    form->addRow(tr("Archive folder:"), m_archiveName);
    form->addRow(tr("File size:"), m_fileSize);
    form->addRow(tr("Format version:"), m_formatVersion);
    form->addRow(tr("Debug info:"), m_debugInfo);
    form->addRow(tr("Lite bytecode:"), m_bytecode);

    m_proxy->setSourceModel(m_records);
    m_proxy->setSortRole(RecordTableModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("recordsTable"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    // Record names are paths whose distinctive part is the end ("…/___torch_mangle_2.py.debug_pkl").
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->verticalHeader()->hide();
    // Rows as tall as a line of text: the style's default is roomier than a dense table needs.
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionResizeMode(RecordTableModel::NameColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSortIndicatorClearable(true);
    m_table->setSortingEnabled(true);
    // The records arrive sorted by name, as records.txt and `torchscope-cli records` list them.
    m_table->sortByColumn(-1, Qt::AscendingOrder);

    auto* recordsBox = new QGroupBox(tr("Records"), this);
    auto* recordsLayout = new QVBoxLayout(recordsBox);
    recordsLayout->addWidget(m_table);

    m_extraList = new QListWidget(this);
    m_extraList->setObjectName(QStringLiteral("extraFilesList"));
    m_extraInfo = new QLabel(this);
    m_extraInfo->setObjectName(QStringLiteral("extraFileInfo"));
    m_viewer = new QPlainTextEdit(this);
    m_viewer->setObjectName(QStringLiteral("extraFileViewer"));
    m_viewer->setReadOnly(true);
    m_viewer->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    connect(m_extraList, &QListWidget::currentRowChanged, this, [this](int row) {
        const QListWidgetItem* item = m_extraList->item(row);
        showExtraFile(item ? item->data(extraIndexRole).toInt() : -1);
    });

    auto* viewerSide = new QWidget(this);
    auto* viewerLayout = new QVBoxLayout(viewerSide);
    viewerLayout->setContentsMargins(0, 0, 0, 0);
    viewerLayout->addWidget(m_extraInfo);
    viewerLayout->addWidget(m_viewer, 1);
    auto* extraSplitter = new QSplitter(Qt::Horizontal, this);
    extraSplitter->addWidget(m_extraList);
    extraSplitter->addWidget(viewerSide);
    extraSplitter->setStretchFactor(0, 1);
    extraSplitter->setStretchFactor(1, 3);
    auto* extraBox = new QGroupBox(tr("Extra files"), this);
    auto* extraLayout = new QVBoxLayout(extraBox);
    extraLayout->addWidget(extraSplitter);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(recordsBox);
    splitter->addWidget(extraBox);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(splitter, 1);

    clear();
}

void ArchivePanel::setArchive(const ArchiveInfo& info)
{
    const QLocale locale;
    m_path->setText(toQString(info.path));
    m_archiveName->setText(toQString(info.archiveName));
    m_fileSize->setText(tr("%1 (%2 bytes)").arg(bytesText(info.fileSize), locale.toString(qulonglong(info.fileSize))));
    m_formatVersion->setText(QString::number(info.formatVersion));
    m_debugInfo->setText(
        info.hasDebugInfo ? tr("present (.debug_pkl: nodes map to their Python source lines)") : tr("absent"));
    m_bytecode->setText(info.hasBytecode ? tr("present (bytecode.pkl: saved for the lite interpreter)") : tr("absent"));
    m_records->setRecords(info.records);
    m_table->resizeColumnsToContents();

    m_extraFiles = info.extraFiles;
    m_extraList->clear();
    for (size_t i = 0; i < m_extraFiles.size(); ++i) {
        auto* item = new QListWidgetItem(toQString(m_extraFiles[i].name), m_extraList);
        item->setData(extraIndexRole, static_cast<int>(i));
        item->setToolTip(bytesText(m_extraFiles[i].contents.size()));
    }
    if (m_extraList->count() > 0)
        m_extraList->setCurrentRow(0);
    else
        showExtraFile(-1);
    setEnabled(true);
}

void ArchivePanel::clear()
{
    for (QLabel* label : { m_path, m_archiveName, m_fileSize, m_formatVersion, m_debugInfo, m_bytecode })
        label->clear();
    m_records->clear();
    m_extraFiles.clear();
    m_extraList->clear();
    showExtraFile(-1);
    setEnabled(false);
}

bool ArchivePanel::selectExtraFile(const QString& name)
{
    const QList<QListWidgetItem*> items = m_extraList->findItems(name, Qt::MatchExactly);
    if (items.isEmpty())
        return false;
    m_extraList->setCurrentItem(items.first());
    return true;
}

QString ArchivePanel::currentExtraFile() const
{
    const QListWidgetItem* item = m_extraList->currentItem();
    return item ? item->text() : QString();
}

void ArchivePanel::showExtraFile(int index)
{
    if (index < 0 || index >= static_cast<int>(m_extraFiles.size())) {
        m_extraInfo->setText(m_extraFiles.empty() ? tr("This archive has no extra files.") : QString());
        m_viewer->clear();
        return;
    }
    const ExtraFile& file = m_extraFiles[static_cast<size_t>(index)];
    const QByteArray bytes = QByteArray::fromStdString(file.contents);
    const QString name = toQString(file.name);
    const QString size = bytesText(file.contents.size());

    bool isJson = false;
    const QString json = prettyJson(bytes, &isJson);
    if (isJson) {
        m_extraInfo->setText(tr("%1: JSON, %2 (shown indented)").arg(name, size));
        m_viewer->setLineWrapMode(QPlainTextEdit::WidgetWidth);
        m_viewer->setPlainText(json);
    } else if (looksLikeText(bytes)) {
        m_extraInfo->setText(tr("%1: text, %2").arg(name, size));
        m_viewer->setLineWrapMode(QPlainTextEdit::WidgetWidth);
        m_viewer->setPlainText(QString::fromUtf8(bytes));
    } else {
        m_extraInfo->setText(tr("%1: binary, %2 (shown as hex)").arg(name, size));
        // Wrapping would break the columns of the dump.
        m_viewer->setLineWrapMode(QPlainTextEdit::NoWrap);
        m_viewer->setPlainText(hexDump(bytes, maxHexBytes));
    }
}

} // namespace torchscope
