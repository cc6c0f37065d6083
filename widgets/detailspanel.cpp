#include "detailspanel.h"

#include "data/format.h"
#include "slottablemodel.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QStringList>
#include <QTableView>
#include <QVBoxLayout>

namespace torchscope {
namespace {

    QString toQString(const std::string& text) { return QString::fromStdString(text); }
    QString countText(std::int64_t count) { return QString::fromStdString(formatCount(count)); }
    QString bytesText(std::int64_t bytes) { return QString::fromStdString(formatBytes(bytes)); }
    // Six significant digits: enough to tell weights apart, short enough for a glance.
    QString realText(double value) { return QString::number(value, 'g', 6); }
    const QString noValue = QStringLiteral("\u2013"); // en dash

    QLabel* makeValueLabel(QWidget* parent, const QString& objectName)
    {
        auto* label = new QLabel(parent);
        label->setObjectName(objectName);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        // A mangled type or a long schema must not widen the whole side panel: it wraps where it can and is
        // clipped where it cannot (it stays selectable, and the Methods box scrolls with the panel).
        label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        return label;
    }

} // namespace

DetailsPanel::DetailsPanel(QWidget* parent)
    : QWidget(parent)
    , m_slots(new SlotTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    m_title = makeValueLabel(this, QStringLiteral("titleLabel"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    m_title->setFont(titleFont);

    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_path = makeValueLabel(this, QStringLiteral("pathLabel"));
    m_type = makeValueLabel(this, QStringLiteral("typeLabel"));
    m_type->setFont(fixed);
    m_type->setWordWrap(true);
    m_parameters = makeValueLabel(this, QStringLiteral("parametersLabel"));
    m_buffers = makeValueLabel(this, QStringLiteral("buffersLabel"));
    m_submodules = makeValueLabel(this, QStringLiteral("submodulesLabel"));

    auto* form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Path:"), m_path);
    form->addRow(tr("Type:"), m_type);
    form->addRow(tr("Parameters:"), m_parameters);
    form->addRow(tr("Buffers:"), m_buffers);
    form->addRow(tr("Submodules:"), m_submodules);

    m_methodsBox = new QGroupBox(tr("Methods"), this);
    m_methods = makeValueLabel(m_methodsBox, QStringLiteral("methodsLabel"));
    m_methods->setTextFormat(Qt::PlainText);
    m_methods->setFont(fixed);
    m_methods->setWordWrap(true);
    auto* methodsLayout = new QVBoxLayout(m_methodsBox);
    methodsLayout->addWidget(m_methods);

    m_proxy->setSourceModel(m_slots);
    m_proxy->setSortRole(SlotTableModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("membersTable"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Rows as tall as a line of text: the style's default is roomier than a dense table needs.
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    // Clicking a header a third time returns to the engine's order: parameters, buffers, then the rest.
    m_table->horizontalHeader()->setSortIndicatorClearable(true);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &DetailsPanel::onSelectionChanged);

    m_statsBox = new QGroupBox(tr("Statistics"), this);
    m_statsStatus = new QLabel(m_statsBox);
    m_statsStatus->setObjectName(QStringLiteral("statsStatus"));
    m_statsStatus->setWordWrap(true);
    auto* statsGrid = new QGridLayout;
    const struct {
        Stat stat;
        QString name;
        QString label;
    } stats[] = {
        { Min, QStringLiteral("statMin"), tr("Min:") },
        { Max, QStringLiteral("statMax"), tr("Max:") },
        { Mean, QStringLiteral("statMean"), tr("Mean:") },
        { Std, QStringLiteral("statStd"), tr("Std:") },
        { Zeros, QStringLiteral("statZeros"), tr("Zeros:") },
        //: Count of elements that are NaN (not a number)
        { Nans, QStringLiteral("statNans"), tr("NaN:") },
        //: Count of elements that are +Inf or -Inf
        { Infs, QStringLiteral("statInfs"), tr("Inf:") },
    };
    // Two rows of label/value pairs: the range and moments above, the special-value counts below.
    for (const auto& s : stats) {
        m_statValues[s.stat] = makeValueLabel(m_statsBox, s.name);
        const int row = s.stat < Zeros ? 0 : 1;
        const int column = 2 * (s.stat < Zeros ? s.stat : s.stat - Zeros);
        statsGrid->addWidget(new QLabel(s.label, m_statsBox), row, column);
        statsGrid->addWidget(m_statValues[s.stat], row, column + 1);
    }
    for (int column = 1; column < 8; column += 2)
        statsGrid->setColumnStretch(column, 1);
    auto* statsLayout = new QVBoxLayout(m_statsBox);
    statsLayout->addWidget(m_statsStatus);
    statsLayout->addLayout(statsGrid);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(form);
    layout->addWidget(m_methodsBox);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_statsBox);

    clear();
}

void DetailsPanel::setModule(const ModuleInfo& module)
{
    m_modulePath = toQString(module.path);
    m_statsCache.clear();
    m_statsSlot.clear();

    m_title->setText(toQString(module.originalName));
    m_path->setText(module.path.empty() ? tr("(root)") : m_modulePath);
    m_type->setText(toQString(module.qualifiedType));
    m_parameters->setText(
        tr("%1 elements, %2").arg(countText(module.parameterCount), bytesText(module.parameterBytes)));
    m_buffers->setText(tr("%1 elements, %2").arg(countText(module.bufferCount), bytesText(module.bufferBytes)));
    m_submodules->setText(countText(module.subtreeModules - 1));

    QStringList schemas;
    for (const MethodInfo& method : module.methods)
        schemas += toQString(method.schema);
    m_methodsBox->setTitle(tr("Methods (%n)", nullptr, static_cast<int>(module.methods.size())));
    m_methods->setText(schemas.isEmpty() ? tr("This module has no methods.") : schemas.join(QLatin1Char('\n')));

    m_slots->setModule(module);
    m_table->resizeColumnsToContents();
    showStatsMessage(tr("Select a tensor to see its statistics."));
    setEnabled(true);
}

void DetailsPanel::clear()
{
    m_modulePath.clear();
    m_statsSlot.clear();
    m_statsCache.clear();
    m_slots->clear();
    for (QLabel* label : { m_title, m_path, m_type, m_parameters, m_buffers, m_submodules })
        label->clear();
    m_methodsBox->setTitle(tr("Methods"));
    m_methods->clear();
    showStatsMessage(tr("No module selected."));
    setEnabled(false);
}

bool DetailsPanel::selectSlot(const QString& name)
{
    const int row = m_slots->rowOf(name);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_slots->index(row, 0));
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    return true;
}

void DetailsPanel::onSelectionChanged()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    const Slot* slot = rows.size() == 1 ? m_slots->slotAt(m_proxy->mapToSource(rows.first()).row()) : nullptr;
    m_statsSlot.clear();
    if (!slot) {
        showStatsMessage(tr("Select a tensor to see its statistics."));
        return;
    }
    const QString name = toQString(slot->name);
    if (!slot->tensor) {
        showStatsMessage(tr("%1 is not a tensor.").arg(name));
        return;
    }
    m_statsSlot = name;
    const auto cached = m_statsCache.constFind(name);
    if (cached != m_statsCache.constEnd()) {
        displayStats(name, cached.value());
        return;
    }
    showStatsMessage(tr("Computing the statistics of %1\u2026").arg(name));
    Q_EMIT tensorStatsRequested(m_modulePath, name);
}

void DetailsPanel::showTensorStats(const QString& modulePath, const QString& slotName, const TensorStats& stats)
{
    if (modulePath != m_modulePath || m_slots->rowOf(slotName) < 0)
        return;
    m_statsCache.insert(slotName, stats);
    if (slotName == m_statsSlot)
        displayStats(slotName, stats);
}

void DetailsPanel::showTensorStatsFailed(const QString& modulePath, const QString& slotName, const QString& message)
{
    if (modulePath != m_modulePath || slotName != m_statsSlot)
        return;
    showStatsMessage(tr("The statistics of %1 could not be computed: %2").arg(slotName, message));
}

void DetailsPanel::showStatsMessage(const QString& message)
{
    m_statsStatus->setText(message);
    for (QLabel* value : m_statValues)
        value->setText(noValue);
}

void DetailsPanel::displayStats(const QString& slotName, const TensorStats& stats)
{
    const QString shape = SlotTableModel::shapeText(stats.shape);
    if (!stats.valid) {
        showStatsMessage(
            tr("The values of %1 (%2, %3) cannot be summarised.").arg(slotName, shape, toQString(stats.dtype)));
        return;
    }
    m_statsStatus->setText(
        tr("%1: %2, %3, %4 elements").arg(slotName, shape, toQString(stats.dtype), countText(stats.numel)));
    // Without a finite element the engine reports the range and moments as 0; a dash does not pretend.
    const bool anyFinite = stats.numel > stats.nans + stats.infs;
    m_statValues[Min]->setText(anyFinite ? realText(stats.min) : noValue);
    m_statValues[Max]->setText(anyFinite ? realText(stats.max) : noValue);
    m_statValues[Mean]->setText(anyFinite ? realText(stats.mean) : noValue);
    m_statValues[Std]->setText(anyFinite ? realText(stats.std) : noValue);
    const auto countWithShare = [&stats](std::int64_t count) {
        if (stats.numel <= 0 || count == 0)
            return countText(count);
        return tr("%1 (%2%)").arg(countText(count), QString::number(100.0 * count / stats.numel, 'f', 1));
    };
    m_statValues[Zeros]->setText(countWithShare(stats.zeros));
    m_statValues[Nans]->setText(countWithShare(stats.nans));
    m_statValues[Infs]->setText(countWithShare(stats.infs));
}

} // namespace torchscope
