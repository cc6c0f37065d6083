#pragma once

#include <QByteArray>
#include <QString>

// Pure formatting of raw bytes (extra files, records) for display. Free functions, no widgets, so they can be
// unit-tested and reused by any view that shows bytes.
namespace torchscope {

// A `hexdump -C`-style listing: per line an 8-digit hex offset, 16 bytes in hex (an extra space after the
// eighth) and the printable-ASCII column between bars, '.' for the rest; lines end in '\n'. At most
// `maxBytes` bytes are listed; when there are more, a last line says how many were left out.
QString hexDump(const QByteArray& bytes, int maxBytes = 64 * 1024);

// True when the bytes are valid UTF-8 without NUL or other control characters than tab, line feed, carriage
// return and form feed: such bytes read well as text. Empty counts as text.
bool looksLikeText(const QByteArray& bytes);

// The JSON document re-indented (QJsonDocument::Indented), or an empty string with *ok = false when the
// bytes are not a JSON object or array. `ok` may be null.
QString prettyJson(const QByteArray& bytes, bool* ok = nullptr);

} // namespace torchscope
