#include "modelgate/core/identity.h"

namespace modelgate {} // namespace modelgate
