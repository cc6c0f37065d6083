#pragma once

#include <Qsci/qsciscintilla.h>

#include <QList>

namespace torchscope {

// A read-only, monospace view of TorchScript text (a method's .code by default, with a TorchScriptLexer):
// line numbers, folding, zoom, copy, line highlights and a cursor-line signal for linking views.
class CodeView : public QsciScintilla {
    Q_OBJECT
public:
    explicit CodeView(QWidget* parent = nullptr);

    // Replaces the text; the view stays read-only, the undo history is dropped and the cursor goes to line 1.
    void setCode(const QString& text);
    // The 1-based line the cursor is on.
    int cursorLine() const;

public Q_SLOTS:
    // Marks these 1-based lines with a background, replacing the previous marks (an empty list clears them).
    // When none of them is on screen, the first one is scrolled into the middle of the view.
    void highlightLines(const QList<int>& lines);
    // Puts the cursor at the start of a 1-based line, unfolds it if needed and centres it. Does not emit
    // cursorLineChanged(): views that follow each other would otherwise echo moves back and forth.
    void goToLine(int line);
    void resetZoom();
    // Switches the lexer and the view's own colours (margins, markers, selection) between the light and dark
    // schemes. The view calls it itself with the palette's scheme when the palette changes.
    virtual void setDarkMode(bool dark);

Q_SIGNALS:
    // The user moved the cursor to another 1-based line (not emitted for setCode() or goToLine()). Scintilla
    // reports cursor moves when it next paints, so the signal comes from the event loop, for a visible view.
    void cursorLineChanged(int line);

protected:
    // For views with another lexer; the view takes ownership of `lexer`.
    CodeView(QsciLexer* lexer, QWidget* parent);

    void changeEvent(QEvent* event) override;
    // Colours of the margins, markers and selection, derived from the lexer's paper and text colours.
    void applyViewColors();
    // Scrolls so that a 1-based line is in the middle of the view, unfolding it if needed.
    void centreLine(int line);
    // Called when the user (not setCode() or goToLine()) moved the cursor to byte `position`, after
    // cursorLineChanged() was emitted if the line changed. Scintilla reports cursor moves when it next paints.
    virtual void userMovedCursor(int position);

private:
    void onCursorPositionChanged(int line, int index);
    void updateMarginWidth();

    int m_highlightMarker = -1;
    int m_lastLine = 0; // 0-based line of the last reported (or own) cursor position
    int m_ownPosition = -1; // where setCode()/goToLine() put the cursor, until Scintilla reports that move
    QList<int> m_highlighted;
};

} // namespace torchscope
