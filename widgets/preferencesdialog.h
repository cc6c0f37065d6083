#pragma once

#include <QDialog>

class QListWidget;
class QComboBox;
class QCheckBox;

namespace torchscope {

// The persistent settings a user edits: operator libraries loaded into every worker, the interface
// language and whether the last session's files reopen. MainWindow reads and writes QSettings.
class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget* parent = nullptr);

    void setLibraries(const QStringList& paths);
    QStringList libraries() const;
    // "" follows the system locale; otherwise a locale name such as "zh_CN" or "en".
    void setLanguage(const QString& language);
    QString language() const;
    void setReopenLastSession(bool reopen);
    bool reopenLastSession() const;

private:
    QListWidget* m_libraries;
    QComboBox* m_language;
    QCheckBox* m_reopen;
};

} // namespace torchscope
