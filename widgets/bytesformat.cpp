#include "bytesformat.h"

#include "data/format.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringDecoder>

namespace torchscope {
namespace {

    constexpr int bytesPerLine = 16;

    QChar hexDigit(int value) { return QLatin1Char("0123456789abcdef"[value & 0xf]); }

} // namespace

QString hexDump(const QByteArray& bytes, int maxBytes)
{
    const int shown = static_cast<int>(qMin<qsizetype>(bytes.size(), qMax(0, maxBytes)));
    QString out;
    out.reserve((shown / bytesPerLine + 2) * 80);
    for (int offset = 0; offset < shown; offset += bytesPerLine) {
        out += QStringLiteral("%1  ").arg(offset, 8, 16, QLatin1Char('0'));
        QString ascii;
        for (int i = 0; i < bytesPerLine; ++i) {
            if (i == bytesPerLine / 2)
                out += QLatin1Char(' ');
            if (offset + i < shown) {
                const auto byte = static_cast<unsigned char>(bytes.at(offset + i));
                out += hexDigit(byte >> 4);
                out += hexDigit(byte);
                out += QLatin1Char(' ');
                ascii += (byte >= 0x20 && byte < 0x7f) ? QLatin1Char(static_cast<char>(byte)) : QLatin1Char('.');
            } else {
                // Pad a short last line so its ASCII column lines up with the others.
                out += QLatin1String("   ");
            }
        }
        out += QLatin1String(" |") + ascii + QLatin1String("|\n");
    }
    if (bytes.size() > shown) {
        out += QCoreApplication::translate("torchscope::BytesFormat", "… %1 more bytes not shown")
                   .arg(QString::fromStdString(formatCount(bytes.size() - shown)));
        out += QLatin1Char('\n');
    }
    return out;
}

bool looksLikeText(const QByteArray& bytes)
{
    for (const char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r' && byte != '\f') || byte == 0x7f)
            return false;
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder(bytes);
    return !decoder.hasError();
}

QString prettyJson(const QByteArray& bytes, bool* ok)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    const bool parsed = error.error == QJsonParseError::NoError && !document.isNull();
    if (ok)
        *ok = parsed;
    return parsed ? QString::fromUtf8(document.toJson(QJsonDocument::Indented)) : QString();
}

} // namespace torchscope
