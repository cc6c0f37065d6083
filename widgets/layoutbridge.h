#pragma once

#include "layout/layoutservice.h"

#include <QObject>
#include <QString>

#include <memory>

namespace torchscope {

// The app's one LayoutService (Graphviz is not thread-safe, so the whole process shares one layout thread), and
// the way its results reach the GUI thread: finished() is emitted there, for every ticket still wanted.
class LayoutBridge : public QObject {
    Q_OBJECT
public:
    using LayoutPtr = std::shared_ptr<const torchscope::GraphLayout>;

    // Created on first use; lives until the process ends. Call from the GUI thread.
    static LayoutBridge* instance();
    LayoutService& service() { return m_service; }

    // Lays `graph` out for `view` (a newer request for the same view supersedes it); the answer is finished().
    LayoutService::Ticket request(const QString& view, const std::string& cacheKey, VisualGraph graph);
    void cancel(LayoutService::Ticket ticket) { m_service.cancel(ticket); }

Q_SIGNALS:
    // `error` is empty on success.
    void finished(quint64 ticket, torchscope::LayoutBridge::LayoutPtr layout, const QString& error);

private:
    LayoutBridge() = default;
    LayoutService m_service;
};

} // namespace torchscope
