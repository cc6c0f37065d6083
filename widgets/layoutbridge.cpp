#include "layoutbridge.h"

#include <QMetaObject>

namespace torchscope {

LayoutBridge* LayoutBridge::instance()
{
    // Never deleted: the layout thread may still deliver while static destructors run at exit.
    static LayoutBridge* bridge = new LayoutBridge;
    return bridge;
}

LayoutService::Ticket LayoutBridge::request(const QString& view, const std::string& cacheKey, VisualGraph graph)
{
    return m_service.request(view.toStdString(), cacheKey, std::move(graph),
        [this](LayoutService::Ticket ticket, const LayoutService::LayoutResult& result) {
            LayoutPtr layout = result.ok() ? result.value() : nullptr;
            const QString error = result.ok() ? QString() : QString::fromStdString(result.error().message);
            QMetaObject::invokeMethod(
                this, [this, ticket, layout, error] { Q_EMIT finished(ticket, layout, error); }, Qt::QueuedConnection);
        });
}

} // namespace torchscope
