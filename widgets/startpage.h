#pragma once

#include <QWidget>

class QListWidget;
class QListWidgetItem;
class QLabel;

namespace torchscope {

struct Sample {
    QString title; // "WrapRNN (traced)"
    QString resource; // ":/samples/wraprnn.pt"
    QString description;
};

// What the window shows when no archive is open: how to open one, recent files and the bundled samples.
class StartPage : public QWidget {
    Q_OBJECT
public:
    explicit StartPage(QWidget* parent = nullptr);

    void setRecentFiles(const QStringList& paths);
    void setSamples(const QList<Sample>& samples);
    // A failed open when no tab exists shows here (see MainWindow).
    void showError(const QString& message);
    QString errorText() const;

    QListWidget* recentList() const { return m_recent; }
    QListWidget* sampleList() const { return m_samples; }

Q_SIGNALS:
    void openFileRequested(const QString& path);
    void openSampleRequested(const QString& resource, const QString& title);
    void openDialogRequested();

private:
    QListWidget* m_recent;
    QListWidget* m_samples;
    QLabel* m_recentEmpty;
    QLabel* m_error;
};

} // namespace torchscope
