#include "modelgate/core/release_review.h"

namespace modelgate {} // namespace modelgate
