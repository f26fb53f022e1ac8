#pragma once

#include "modelgate/core/mlflow/mlflow_types.h"

#include <string>

namespace modelgate {

// The text a registered model is found by: its name, each tag as "key=value", and each
// alias, lower-cased (ASCII) and separated by newlines so that no match spans two fields.
// The GUI's filter and `modelgate-cli models list --filter` use the same rule.
std::string modelSearchText(const RegisteredModel &model);

// Case-insensitive substring match of `needle` against modelSearchText(model).
// An empty needle matches everything.
bool modelMatchesFilter(const RegisteredModel &model, const std::string &needle);

// The highest version number among the model's latest_versions (one per stage, so the
// maximum over them is the newest live version), or empty when it has none.
std::string latestVersionOf(const RegisteredModel &model);

std::string asciiLower(std::string text);

} // namespace modelgate
