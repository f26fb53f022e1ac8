#include "modelgate/core/release_checks.h"

namespace modelgate {} // namespace modelgate
