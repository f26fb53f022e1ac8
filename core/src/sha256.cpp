#include "modelgate/core/sha256.h"

namespace modelgate {} // namespace modelgate
