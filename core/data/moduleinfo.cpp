#include "moduleinfo.h"

namespace torchscope {

const char* slotKindName(SlotKind kind)
{
    switch (kind) {
    case SlotKind::Parameter: return "parameter";
    case SlotKind::Buffer: return "buffer";
    case SlotKind::Attribute: return "attribute";
    case SlotKind::Constant: return "constant";
    }
    return "attribute";
}

} // namespace torchscope
