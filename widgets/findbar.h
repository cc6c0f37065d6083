#pragma once

#include <QPointer>
#include <QVector>
#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;
class QsciScintilla;

namespace torchscope {

// A find bar for one editor: every match of the search text is highlighted, the current one is selected and
// scrolled to, and a label says "3 of 12". Enter / Shift+Enter go to the next / previous match (wrapping),
// Escape hides the bar. The bar does not place itself: put it under its editor in a layout.
class FindBar : public QWidget {
    Q_OBJECT
public:
    explicit FindBar(QsciScintilla* editor, QWidget* parent = nullptr);

    void setSearchText(const QString& text);
    QString searchText() const;
    void setCaseSensitive(bool on);
    bool isCaseSensitive() const;

    int matchCount() const { return static_cast<int>(m_matches.size()); }
    // 1-based index of the selected match; 0 when there is none.
    int currentMatch() const { return m_current + 1; }

public Q_SLOTS:
    // Shows the bar and focuses its field with the text selected (bind to Ctrl+F). The editor's selection, when
    // it is on one line, becomes the search text.
    void activate();
    void findNext();
    void findPrevious();
    // Recomputes the matches, e.g. after the editor's text changed. Keeps the current match when it still exists.
    void refresh();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void hideEvent(QHideEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    struct Match {
        int start = 0; // byte positions, as Scintilla counts
        int end = 0;
    };

    void search(bool keepPosition);
    void selectCurrent();
    void clearIndicators();
    void updateLabel();

    QPointer<QsciScintilla> m_editor;
    QLineEdit* m_field = nullptr;
    QToolButton* m_previous = nullptr;
    QToolButton* m_next = nullptr;
    QToolButton* m_caseSensitive = nullptr;
    QToolButton* m_close = nullptr;
    QLabel* m_count = nullptr;
    int m_indicator = -1;
    QVector<Match> m_matches;
    int m_current = -1;
};

} // namespace torchscope
