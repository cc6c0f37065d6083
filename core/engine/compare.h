#pragma once

#include "data/comparereport.h"
#include "engine/archive.h"

namespace torchscope {

// Runs one method of two archives (or one archive opened twice, on two devices) on the same inputs and
// compares every output leaf as torch.testing.assert_close would. Trials draw fresh inputs from
// seed + i, cycling the variants plain, negate (sign-flipped) and scale (x10) unless the request fixes one.
// A and B are moved to their devices and left in eval mode. Errors: bad inputs, an unknown device or
// method, or a model that raises (named by archive).
Result<CompareReport> compareArchives(Archive& a, Archive& b, const CompareRequest& request);

} // namespace torchscope
