#pragma once

#include <Qsci/qscilexercustom.h>

#include <QByteArray>

namespace torchscope {

// Highlights TorchScript IR as Graph::toString prints it: %values, the types after ` : `, node kinds by
// namespace, [attributes], `# file:line:col` source comments, the structural keywords, numbers and strings.
// It also sets fold levels from indentation, so a node's blocks and the graph body fold.
class IrLexer : public QsciLexerCustom {
    Q_OBJECT
public:
    enum Style {
        Default = 0,
        Value = 1, // %x.1
        Type = 2, // Tensor, Float(3, 4, strides=[4, 1], ...), __torch__.MyCell
        AtenKind = 3, // aten::add
        PrimKind = 4, // prim::If
        OtherKind = 5, // custom::op, quantized::linear
        Attribute = 6, // the `name` of [name="x"]
        Comment = 7, // # file:line:col
        Keyword = 8, // graph, block0, return, ->, with
        Number = 9,
        String = 10,
        Operator = 11, // = : , ( ) [ ]
    };
    static constexpr int StyleCount = 12;

    explicit IrLexer(QObject* parent = nullptr);

    const char* language() const override;
    QString description(int style) const override;
    QColor defaultColor(int style) const override;
    QColor defaultPaper(int style) const override;
    QFont defaultFont(int style) const override;
    void styleText(int start, int end) override;

    bool isDarkMode() const { return m_dark; }
    // Re-applies every style's colours and fonts, so an attached editor repaints in the new scheme.
    void setDarkMode(bool dark);

private:
    void applyStyles();
    void styleLine(const QByteArray& line);
    void setFoldLevels(int firstLine, int lastLine);

    bool m_dark = false;
};

} // namespace torchscope
