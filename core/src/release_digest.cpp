#include "modelgate/core/release_digest.h"

namespace modelgate {} // namespace modelgate
