#pragma once

#include <Qsci/qscilexerpython.h>

class QPalette;

namespace torchscope {

// Highlights TorchScript `.code`, which is Python syntax: Python's keywords, plus TorchScript's types and builtins
// (Tensor, Optional, torch, annotate, ...) as highlighted identifiers. Colours follow a light or a dark scheme,
// chosen from the application palette at construction and changed with setDarkMode().
class TorchScriptLexer : public QsciLexerPython {
    Q_OBJECT
public:
    explicit TorchScriptLexer(QObject* parent = nullptr);

    const char* language() const override;
    const char* keywords(int set) const override;
    QColor defaultColor(int style) const override;
    QColor defaultPaper(int style) const override;
    QFont defaultFont(int style) const override;

    bool isDarkMode() const { return m_dark; }
    // Re-applies every style's colours and fonts, so an attached editor repaints in the new scheme.
    void setDarkMode(bool dark);

    // Whether `palette` is a dark one: its window colour is closer to black than to white.
    static bool isDarkPalette(const QPalette& palette);

private:
    void applyStyles();

    bool m_dark = false;
};

} // namespace torchscope
