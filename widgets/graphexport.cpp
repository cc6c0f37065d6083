#include "graphexport.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QGraphicsScene>
#include <QImage>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace torchscope {
namespace {
    QString writeError(const QString& path, const QString& why)
    {
        return QCoreApplication::translate("GraphExport", "Cannot write %1: %2").arg(QFileInfo(path).absoluteFilePath(), why);
    }

    void put32(std::vector<unsigned char>& out, quint32 v)
    {
        out.push_back(static_cast<unsigned char>(v >> 24));
        out.push_back(static_cast<unsigned char>(v >> 16));
        out.push_back(static_cast<unsigned char>(v >> 8));
        out.push_back(static_cast<unsigned char>(v));
    }

    // One PNG chunk: length, type, data, CRC of type and data.
    bool writeChunk(QSaveFile& file, const char type[4], const unsigned char* data, size_t size)
    {
        std::vector<unsigned char> head;
        put32(head, static_cast<quint32>(size));
        head.insert(head.end(), type, type + 4);
        uLong crc = crc32(0L, reinterpret_cast<const Bytef*>(type), 4);
        if (size)
            crc = crc32(crc, data, static_cast<uInt>(size));
        std::vector<unsigned char> tail;
        put32(tail, static_cast<quint32>(crc));
        return file.write(reinterpret_cast<const char*>(head.data()), qint64(head.size())) == qint64(head.size())
            && (size == 0 || file.write(reinterpret_cast<const char*>(data), qint64(size)) == qint64(size))
            && file.write(reinterpret_cast<const char*>(tail.data()), 4) == 4;
    }

    // Deflates rows into IDAT chunks as the output buffer fills.
    class IdatWriter {
    public:
        explicit IdatWriter(QSaveFile& file)
            : m_file(file)
            , m_out(1 << 16)
        {
            m_stream.zalloc = Z_NULL;
            m_stream.zfree = Z_NULL;
            m_stream.opaque = Z_NULL;
            m_ok = deflateInit(&m_stream, 6) == Z_OK;
        }
        ~IdatWriter() { deflateEnd(&m_stream); }

        bool add(const unsigned char* data, size_t size, bool finish)
        {
            m_stream.next_in = const_cast<Bytef*>(data);
            m_stream.avail_in = static_cast<uInt>(size);
            int status = Z_OK;
            do {
                m_stream.next_out = m_out.data();
                m_stream.avail_out = static_cast<uInt>(m_out.size());
                status = deflate(&m_stream, finish ? Z_FINISH : Z_NO_FLUSH);
                if (status == Z_STREAM_ERROR)
                    return m_ok = false;
                const size_t produced = m_out.size() - m_stream.avail_out;
                if (produced && !writeChunk(m_file, "IDAT", m_out.data(), produced))
                    return m_ok = false;
            } while (m_stream.avail_out == 0 || (finish && status != Z_STREAM_END));
            return m_ok;
        }
        bool ok() const { return m_ok; }

    private:
        QSaveFile& m_file;
        z_stream m_stream {};
        std::vector<unsigned char> m_out;
        bool m_ok = false;
    };
}

QSize tiledPngSize(const QRectF& source, double scale)
{
    return QSize(std::max(1, int(std::ceil(source.width() * scale))), std::max(1, int(std::ceil(source.height() * scale))));
}

QString writeTiledPng(QGraphicsScene* scene, const QRectF& source, double scale, const QString& path, int stripHeight)
{
    if (!scene || source.isEmpty() || !(scale > 0))
        return writeError(path, QCoreApplication::translate("GraphExport", "there is no graph to export"));
    const double w = std::ceil(source.width() * scale), h = std::ceil(source.height() * scale);
    if (w > 1000000 || h > 10000000)
        return writeError(path, QCoreApplication::translate("GraphExport", "%1 × %2 pixels is too big; choose a smaller scale").arg(w).arg(h));
    const QSize size = tiledPngSize(source, scale);
    // A strip of at most about 64 MB, however wide the picture.
    stripHeight = std::clamp(int((64 << 20) / (3 * std::max(1, size.width()))), 1, std::max(1, stripHeight));

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return writeError(path, file.errorString());
    static const unsigned char signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
    file.write(reinterpret_cast<const char*>(signature), 8);
    std::vector<unsigned char> ihdr;
    put32(ihdr, quint32(size.width()));
    put32(ihdr, quint32(size.height()));
    ihdr.insert(ihdr.end(), { 8, 2, 0, 0, 0 }); // 8-bit RGB, deflate, no filter method choice, no interlace
    writeChunk(file, "IHDR", ihdr.data(), ihdr.size());

    IdatWriter idat(file);
    const int rowBytes = size.width() * 3;
    std::vector<unsigned char> row(size_t(rowBytes) + 1, 0); // filter type 0 (None) then the pixels
    for (int y0 = 0; y0 < size.height() && idat.ok(); y0 += stripHeight) {
        const int rows = std::min(stripHeight, size.height() - y0);
        QImage strip(size.width(), rows, QImage::Format_RGB888);
        strip.fill(Qt::white);
        {
            QPainter painter(&strip);
            painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
            const QRectF from(source.left(), source.top() + y0 / scale, size.width() / scale, rows / scale);
            scene->render(&painter, QRectF(0, 0, size.width(), rows), from, Qt::IgnoreAspectRatio);
        }
        for (int y = 0; y < rows; ++y) {
            std::copy_n(strip.constScanLine(y), rowBytes, row.begin() + 1);
            const bool last = y0 + y + 1 == size.height();
            if (!idat.add(row.data(), row.size(), last))
                break;
        }
    }
    if (!idat.ok())
        return writeError(path, QCoreApplication::translate("GraphExport", "compressing the image failed"));
    writeChunk(file, "IEND", nullptr, 0);
    if (!file.commit())
        return writeError(path, file.errorString());
    return {};
}

QString writeSceneSvg(QGraphicsScene* scene, const QRectF& source, const QString& path, const QString& title)
{
    if (!scene || source.isEmpty())
        return writeError(path, QCoreApplication::translate("GraphExport", "there is no graph to export"));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return writeError(path, file.errorString());
    {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(source.size().toSize());
        svg.setViewBox(QRectF(QPointF(0, 0), source.size()));
        svg.setTitle(title);
        svg.setDescription(QCoreApplication::translate("GraphExport", "Drawn by TorchScope"));
        QPainter painter(&svg);
        scene->render(&painter, QRectF(QPointF(0, 0), source.size()), source, Qt::IgnoreAspectRatio);
    }
    if (!file.commit())
        return writeError(path, file.errorString());
    return {};
}

QString writeFileAtomically(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return writeError(path, file.errorString());
    return {};
}

} // namespace torchscope
