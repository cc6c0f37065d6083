#pragma once

#include <QFrame>

class QLabel;
class QPushButton;
class QToolButton;

namespace torchscope {

// An in-window banner for errors and notices (a failed open, a crashed worker), with an optional action.
class MessageBar : public QFrame {
    Q_OBJECT
public:
    enum class Kind { Information, Error };

    explicit MessageBar(QWidget* parent = nullptr);

    // Shows the text; an empty actionText hides the action button.
    void showMessage(Kind kind, const QString& text, const QString& actionText = QString());
    QString text() const;
    Kind kind() const { return m_kind; }

Q_SIGNALS:
    void actionTriggered();

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyStyle();

    Kind m_kind = Kind::Information;
    bool m_styling = false;
    QLabel* m_icon;
    QLabel* m_text;
    QPushButton* m_action;
    QToolButton* m_close;
};

} // namespace torchscope
