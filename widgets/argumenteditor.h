#pragma once

#include "data/runresult.h"

#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace torchscope {

// One argument of a method in the Run panel: its name and schema type, a line edit for its spec in the
// CLI's grammar (see core/data/inputspec.h), validated as the user types, and "From file…", which puts
// `file:PATH` in. An empty line means `auto`: the argument's default, None, or what a trace recorded.
class ArgumentEditor : public QWidget {
    Q_OBJECT
public:
    explicit ArgumentEditor(const ArgumentSpec& argument, QWidget* parent = nullptr);

    const ArgumentSpec& argument() const { return m_argument; }
    QString text() const;
    void setText(const QString& text);
    // The parsed spec; nullopt while the text does not parse (error() says why).
    std::optional<InputSpec> spec() const { return m_spec; }
    bool isValid() const { return m_spec.has_value(); }
    // The parser's message, or empty. A spec that parses but does not fit the schema type is valid: the engine
    // has the final word; warning() says what looks wrong.
    QString error() const { return m_error; }
    QString warning() const { return m_warning; }

    // A hint of what fits a schema type ("Tensor" -> "randn:2x3"), shown as placeholder and in the tooltip.
    static QString exampleFor(const QString& type);
    // Why `spec` does not look like a value of `type`; empty when it fits or when it cannot be told.
    static QString mismatch(const QString& type, const InputSpec& spec);

    QLineEdit* lineEdit() const { return m_edit; }
    QPushButton* fileButton() const { return m_fileButton; }
    QLabel* messageLabel() const { return m_message; }

Q_SIGNALS:
    void validityChanged(bool valid);
    // The text changed after construction (typed, set, or chosen with From file…).
    void textEdited(const QString& text);

private:
    void validate();
    void chooseFile();

    ArgumentSpec m_argument;
    std::optional<InputSpec> m_spec;
    QString m_error;
    QString m_warning;
    QLineEdit* m_edit = nullptr;
    QPushButton* m_fileButton = nullptr;
    QLabel* m_message = nullptr;
};

} // namespace torchscope
