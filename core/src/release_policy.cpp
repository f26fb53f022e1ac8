#include "modelgate/core/release_policy.h"

namespace modelgate {} // namespace modelgate
