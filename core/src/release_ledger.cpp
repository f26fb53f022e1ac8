#include "modelgate/core/release_ledger.h"

namespace modelgate {} // namespace modelgate
