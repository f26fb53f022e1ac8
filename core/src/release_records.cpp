#include "modelgate/core/release_records.h"

namespace modelgate {} // namespace modelgate
