#pragma once

#include "bench_util.h"

#include <modelgate/core/mlflow/mlflow_client.h>

namespace modelgate::bench {

// Loads every registered model into the GUI's RegisteredModelListModel, page by page as the
// loader does, behind a ModelFilterProxyModel sorted by name, then types options.keys into the
// filter one keystroke at a time and deletes them again (backspace), options.repeat times.
// Each keystroke is timed twice: the proxy alone (setFilterText), and the proxy with the
// models table of the main window attached and repainted synchronously (what the user waits for).
int runFilter(const MlflowClient &client, const SearchModelsQuery &query, const Options &options, int argc,
              char **argv);

} // namespace modelgate::bench
