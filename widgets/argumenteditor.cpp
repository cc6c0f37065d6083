#include "argumenteditor.h"

#include <QFileDialog>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace torchscope {
namespace {
    QString q(const std::string& s) { return QString::fromStdString(s); }

    // "Optional[Tensor]" and "Tensor?" -> "Tensor"; anything else unchanged.
    QString withoutOptional(const QString& type, bool* optional)
    {
        *optional = false;
        if (type.startsWith(QLatin1String("Optional[")) && type.endsWith(QLatin1Char(']'))) {
            *optional = true;
            return type.mid(9, type.size() - 10);
        }
        if (type.endsWith(QLatin1Char('?'))) {
            *optional = true;
            return type.left(type.size() - 1);
        }
        return type;
    }

    enum class Shape { Tensor, Int, Float, Bool, Str, List, Tuple, Dict, Unknown };

    Shape shapeOf(const QString& type)
    {
        if (type == QLatin1String("Tensor"))
            return Shape::Tensor;
        if (type == QLatin1String("int"))
            return Shape::Int;
        if (type == QLatin1String("float"))
            return Shape::Float;
        if (type == QLatin1String("bool"))
            return Shape::Bool;
        if (type == QLatin1String("str"))
            return Shape::Str;
        if (type.startsWith(QLatin1String("List[")) || type.endsWith(QLatin1String("[]")))
            return Shape::List;
        if (type.startsWith(QLatin1String("Tuple[")) || type.startsWith(QLatin1Char('(')))
            return Shape::Tuple;
        if (type.startsWith(QLatin1String("Dict[")) || type.startsWith(QLatin1String("Dict(")))
            return Shape::Dict;
        return Shape::Unknown;
    }
} // namespace

ArgumentEditor::ArgumentEditor(const ArgumentSpec& argument, QWidget* parent)
    : QWidget(parent)
    , m_argument(argument)
{
    const QString type = q(argument.type);
    auto* name = new QLabel(QStringLiteral("<b>%1</b>").arg(q(argument.name).toHtmlEscaped()), this);
    auto* typeLabel = new QLabel(type.toHtmlEscaped(), this);
    typeLabel->setObjectName(QStringLiteral("typeLabel"));
    if (argument.defaultValue)
        typeLabel->setText(QStringLiteral("%1 = %2").arg(type, q(*argument.defaultValue)).toHtmlEscaped());
    typeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(QStringLiteral("specEdit"));
    m_edit->setClearButtonEnabled(true);
    const QString example = exampleFor(type);
    m_edit->setPlaceholderText(tr("auto (e.g. %1)").arg(example));
    m_edit->setToolTip(tr("The argument's value as `torchscope-cli run --input` takes it, e.g. %1. Empty: auto "
                          "(the default, None for Optional, or the shape a trace recorded).")
                           .arg(example));
    m_fileButton = new QPushButton(tr("From file\u2026"), this);
    m_fileButton->setToolTip(tr("A .npy array or a tensor saved with torch.save"));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("specMessage"));
    m_message->setWordWrap(true);
    m_message->hide();

    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 2, 0, 2);
    grid->addWidget(name, 0, 0);
    grid->addWidget(typeLabel, 0, 1, 1, 2);
    grid->addWidget(m_edit, 1, 0, 1, 2);
    grid->addWidget(m_fileButton, 1, 2);
    grid->addWidget(m_message, 2, 0, 1, 3);
    grid->setColumnStretch(1, 1);

    connect(m_edit, &QLineEdit::textChanged, this, &ArgumentEditor::validate);
    connect(m_fileButton, &QPushButton::clicked, this, &ArgumentEditor::chooseFile);

    // The suggestion the engine made (a default, None, a traced shape) is where the user starts.
    if (argument.suggested.kind != InputKind::Auto)
        m_edit->setText(q(formatInputSpec(argument.suggested)));
    validate();
    // After the suggestion: what the owner hears about is the user's own text (typed, or from a file).
    connect(m_edit, &QLineEdit::textChanged, this, &ArgumentEditor::textEdited);
}

QString ArgumentEditor::text() const { return m_edit->text(); }

void ArgumentEditor::setText(const QString& text) { m_edit->setText(text); }

QString ArgumentEditor::exampleFor(const QString& type)
{
    bool optional = false;
    const QString inner = withoutOptional(type, &optional);
    QString example;
    switch (shapeOf(inner)) {
    case Shape::Tensor:
        example = QStringLiteral("randn:2x3");
        break;
    case Shape::Int:
        example = QStringLiteral("int:3");
        break;
    case Shape::Float:
        example = QStringLiteral("float:0.5");
        break;
    case Shape::Bool:
        example = QStringLiteral("bool:true");
        break;
    case Shape::Str:
        example = QStringLiteral("str:text");
        break;
    case Shape::List:
        example = QStringLiteral("list[randn:2,randn:2]");
        break;
    case Shape::Tuple:
        example = QStringLiteral("tuple[randn:2,int:1]");
        break;
    case Shape::Dict:
        example = QStringLiteral("dict[a=randn:2]");
        break;
    case Shape::Unknown:
        example = QStringLiteral("default");
        break;
    }
    return optional ? example + QStringLiteral(" | none") : example;
}

QString ArgumentEditor::mismatch(const QString& type, const InputSpec& spec)
{
    bool optional = false;
    const Shape shape = shapeOf(withoutOptional(type, &optional));
    switch (spec.kind) {
    case InputKind::Auto:
    case InputKind::Default:
    case InputKind::File:
        return {};
    case InputKind::None:
        return optional || shape == Shape::Unknown ? QString()
                                                   : tr("%1 is not Optional: None may be refused").arg(type);
    default:
        break;
    }
    bool fits = true;
    switch (shape) {
    case Shape::Tensor:
        fits = spec.kind == InputKind::Tensor;
        break;
    case Shape::Int:
        fits = spec.kind == InputKind::Int;
        break;
    case Shape::Float:
        fits = spec.kind == InputKind::Float || spec.kind == InputKind::Int;
        break;
    case Shape::Bool:
        fits = spec.kind == InputKind::Bool;
        break;
    case Shape::Str:
        fits = spec.kind == InputKind::Str;
        break;
    case Shape::List:
        fits = spec.kind == InputKind::List;
        break;
    case Shape::Tuple:
        fits = spec.kind == InputKind::Tuple;
        break;
    case Shape::Dict:
        fits = spec.kind == InputKind::Dict;
        break;
    case Shape::Unknown:
        break;
    }
    return fits ? QString() : tr("%1 expects something like %2").arg(type, exampleFor(type));
}

void ArgumentEditor::validate()
{
    const bool wasValid = m_spec.has_value();
    const QString text = m_edit->text().trimmed();
    m_error.clear();
    m_warning.clear();
    if (text.isEmpty()) {
        m_spec = InputSpec {}; // auto
    } else {
        const Result<InputSpec> parsed = parseInputSpec(text.toStdString());
        if (parsed) {
            m_spec = *parsed;
            m_warning = mismatch(q(m_argument.type), *parsed);
        } else {
            m_spec.reset();
            m_error = q(parsed.error().message);
        }
    }
    const QString shown = m_error.isEmpty() ? m_warning : m_error;
    m_message->setText(shown);
    m_message->setVisible(!shown.isEmpty());
    m_message->setStyleSheet(m_error.isEmpty() ? QStringLiteral("color: #b36b00;") : QStringLiteral("color: #c0392b;"));
    if (wasValid != m_spec.has_value())
        Q_EMIT validityChanged(m_spec.has_value());
}

void ArgumentEditor::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Input for %1").arg(q(m_argument.name)), QString(), tr("Tensors (*.npy *.pt *.pth);;All files (*)"));
    if (!path.isEmpty())
        m_edit->setText(QStringLiteral("file:") + path);
}

} // namespace torchscope
