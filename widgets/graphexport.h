#pragma once

#include <QRectF>
#include <QSize>
#include <QString>

class QGraphicsScene;

namespace torchscope {

// Writing a drawn graph to files, from the scene the user sees. Each returns an empty string on success, else a
// message for the user that names the file.

// A PNG of `source` (scene coordinates) at `scale` pixels per point, painted in strips of `stripHeight` rows
// and compressed as it goes: a graph far bigger than one image Qt can hold in memory still exports whole.
QString writeTiledPng(QGraphicsScene* scene, const QRectF& source, double scale, const QString& path,
    int stripHeight = 512);
// The pixel size writeTiledPng() makes.
QSize tiledPngSize(const QRectF& source, double scale);

// An SVG of `source`: vector shapes and <text> elements (selectable and searchable in a browser).
QString writeSceneSvg(QGraphicsScene* scene, const QRectF& source, const QString& path, const QString& title);

// Writes `bytes` to `path` whole or not at all.
QString writeFileAtomically(const QString& path, const QByteArray& bytes);

} // namespace torchscope
