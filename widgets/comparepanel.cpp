#include "comparepanel.h"

#include "data/inputspec.h"
#include "worker/workerclient.h"

#include <QApplication>
#include <QClipboard>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace torchscope {
namespace {
    QString shellQuote(const QString& s)
    {
        static const QString safe
            = QStringLiteral("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./:=@");
        bool plain = !s.isEmpty();
        for (QChar c : s)
            plain = plain && safe.contains(c);
        if (plain)
            return s;
        QString quoted = s;
        quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
        return QLatin1Char('\'') + quoted + QLatin1Char('\'');
    }

    QString number(double v) { return QString::number(v, 'g', 4); }

    QString indexText(const std::vector<std::int64_t>& index)
    {
        QStringList parts;
        for (auto i : index)
            parts.append(QString::number(i));
        return QLatin1Char('[') + parts.join(QLatin1String(", ")) + QLatin1Char(']');
    }
}

ComparePanel::ComparePanel(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_trials = new QSpinBox(this);
    m_trials->setRange(1, 1000);
    m_trials->setValue(20);
    m_seed = new QLineEdit(QStringLiteral("0"), this);
    m_inputs = new QLineEdit(this);
    m_inputs->setPlaceholderText(tr("suggested by each argument (e.g. randn:3x4 rand:3x4)"));
    form->addRow(tr("Trials:"), m_trials);
    form->addRow(tr("Seed:"), m_seed);
    form->addRow(tr("Inputs:"), m_inputs);
    layout->addLayout(form);

    auto* buttons = new QHBoxLayout;
    m_run = new QPushButton(tr("Compare outputs"), this);
    m_copy = new QPushButton(tr("Copy reproduce command"), this);
    m_copy->setToolTip(tr("Copies the torchscope-cli command that reruns the first failing trial"));
    m_copy->setEnabled(false);
    buttons->addWidget(m_run);
    buttons->addWidget(m_copy);
    buttons->addStretch();
    layout->addLayout(buttons);

    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);

    m_tree = new QTreeWidget(this);
    m_tree->setHeaderLabels({ tr("Trial / output"), tr("Result"), tr("Mismatched"), tr("Greatest abs. difference"),
        tr("Greatest rel. difference"), tr("Tolerance"), tr("Inputs") });
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_tree, 1);

    connect(m_run, &QPushButton::clicked, this, &ComparePanel::runComparison);
    connect(m_copy, &QPushButton::clicked, this, &ComparePanel::copyReproduceCommand);
}

void ComparePanel::setArchives(WorkerClient* workerA, const QString& pathA, const QString& pathB)
{
    if (m_worker)
        disconnect(m_worker, nullptr, this, nullptr);
    m_worker = workerA;
    m_pathA = pathA;
    m_pathB = pathB;
    m_request = 0;
    if (m_worker) {
        connect(m_worker, &WorkerClient::compareFinished, this, &ComparePanel::onReport);
        connect(m_worker, &WorkerClient::failed, this, &ComparePanel::onFailed);
    }
}

void ComparePanel::setMethod(const QString& modulePath, const QString& method)
{
    m_module = modulePath;
    m_method = method;
}

void ComparePanel::setTrials(int trials) { m_trials->setValue(trials); }

void ComparePanel::setSeed(quint64 seed) { m_seed->setText(QString::number(seed)); }

void ComparePanel::setInputs(const QStringList& specs) { m_inputs->setText(specs.join(QLatin1Char(' '))); }

void ComparePanel::runComparison()
{
    if (!m_worker || m_worker->state() == WorkerClient::State::Dead) {
        m_summary->setText(tr("The worker for archive A is not running."));
        return;
    }
    CompareRequest request;
    request.modulePath = m_module.toStdString();
    request.method = m_method.toStdString();
    request.trials = m_trials->value();
    bool ok = false;
    request.seed = m_seed->text().trimmed().toULongLong(&ok);
    if (!ok) {
        m_summary->setText(tr("The seed must be a whole number from 0."));
        return;
    }
    for (const QString& text : m_inputs->text().split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const Result<InputSpec> spec = parseInputSpec(text.toStdString());
        if (!spec) {
            m_summary->setText(tr("Input %1: %2").arg(text, QString::fromStdString(spec.error().message)));
            return;
        }
        request.inputs.push_back(spec.value());
    }
    m_hasReport = false;
    m_error.clear();
    m_tree->clear();
    m_copy->setEnabled(false);
    m_summary->setText(tr("Running %n trial(s) of both archives…", nullptr, request.trials));
    m_run->setEnabled(false);
    m_request = m_worker->compare(m_pathB, request);
}

void ComparePanel::onReport(quint64 id, const CompareReport& report)
{
    if (id != m_request)
        return;
    m_request = 0;
    m_report = report;
    m_hasReport = true;
    m_run->setEnabled(true);
    showReport();
    Q_EMIT finished();
}

void ComparePanel::onFailed(quint64 id, const Error& error)
{
    if (id != m_request)
        return;
    m_request = 0;
    m_error = QString::fromStdString(error.message);
    m_run->setEnabled(true);
    m_summary->setText(tr("The comparison failed: %1").arg(m_error));
    Q_EMIT finished();
}

void ComparePanel::showReport()
{
    const int total = int(m_report.trials.size());
    const QString verdict = m_report.passed() ? tr("PASS") : tr("FAIL");
    QString summary = tr("%1: %2 of %3 trials agree.").arg(verdict).arg(m_report.passedTrials).arg(total);
    if (m_report.firstFailing) {
        const TrialReport& t = m_report.trials[size_t(*m_report.firstFailing)];
        summary += QLatin1Char(' ')
            + tr("First failing trial: %1 (seed %2, %3).")
                  .arg(t.index)
                  .arg(t.seed)
                  .arg(QString::fromStdString(t.variant));
    }
    m_summary->setText(summary);
    m_copy->setEnabled(m_report.firstFailing.has_value());

    for (const TrialReport& t : m_report.trials) {
        QStringList inputs;
        for (const auto& s : t.inputs)
            inputs.append(QString::fromStdString(s));
        auto* trial = new QTreeWidgetItem(m_tree,
            { tr("Trial %1 (seed %2, %3)").arg(t.index).arg(t.seed).arg(QString::fromStdString(t.variant)),
                t.passed ? tr("PASS") : tr("FAIL"), {}, {}, {}, {}, inputs.join(QLatin1Char(' ')) });
        trial->setForeground(1, t.passed ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28));
        for (const OutputComparison& o : t.outputs) {
            QStringList row { QString::fromStdString(o.path), o.passed ? tr("PASS") : tr("FAIL") };
            if (!o.problem.empty()) {
                row << QString::fromStdString(o.problem);
            } else if (o.isTensor) {
                row << tr("%1 of %2 (%3%)").arg(o.mismatched).arg(o.numel).arg(number(o.mismatchedPercent()))
                    << tr("%1 at %2").arg(number(o.maxAbsDiff), indexText(o.maxAbsIndex))
                    << tr("%1 at %2").arg(number(o.maxRelDiff), indexText(o.maxRelIndex))
                    << tr("atol %1, rtol %2").arg(number(o.tolerance.atol), number(o.tolerance.rtol));
            } else {
                row << tr("A: %1, B: %2").arg(QString::fromStdString(o.valueA), QString::fromStdString(o.valueB));
            }
            auto* item = new QTreeWidgetItem(trial, row);
            item->setForeground(1, o.passed ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28));
        }
        trial->setExpanded(
            !t.passed && m_report.firstFailing && t.index == m_report.trials[size_t(*m_report.firstFailing)].index);
    }
}

QString ComparePanel::reproduceCommand() const
{
    if (!m_hasReport || !m_report.firstFailing)
        return {};
    const TrialReport& t = m_report.trials[size_t(*m_report.firstFailing)];
    QStringList cmd { QStringLiteral("torchscope-cli"), QStringLiteral("compare"), shellQuote(m_pathA),
        shellQuote(m_pathB) };
    if (!m_module.isEmpty())
        cmd << QStringLiteral("--module") << shellQuote(m_module);
    if (!m_method.isEmpty())
        cmd << QStringLiteral("--method") << shellQuote(m_method);
    for (const auto& spec : t.inputs)
        cmd << QStringLiteral("--input") << shellQuote(QString::fromStdString(spec));
    cmd << QStringLiteral("--seed") << QString::number(t.seed) << QStringLiteral("--variant")
        << QString::fromStdString(t.variant);
    return cmd.join(QLatin1Char(' '));
}

void ComparePanel::copyReproduceCommand()
{
    const QString cmd = reproduceCommand();
    if (!cmd.isEmpty())
        QApplication::clipboard()->setText(cmd);
}

} // namespace torchscope
