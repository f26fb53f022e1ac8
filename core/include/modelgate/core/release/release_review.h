#pragma once
// The release review as a whole, for callers that show all of it (the review panel, the CLI):
// a version's status, the decisions written to the trail, and the model's audit.

#include "modelgate/core/release/release_audit.h"
#include "modelgate/core/release/release_decision.h"
#include "modelgate/core/release/release_status.h"
