#pragma once

#include <memory>

#include <QString>

#include <modelgate/core/mlflow/mlflow_client.h>

class QWidget;

namespace modelgate::ui {

// "Export report…": asks for a file (.pdf or .html), loads the report's data off the GUI
// thread with a cancellable progress dialog, writes the file, and offers to open it. A
// failure is shown with its message from error_text. Returns at once; the work continues
// while `parent` lives.
void exportReleaseReport(QWidget *parent, std::shared_ptr<const MlflowClient> client, const QString &model,
                         const QString &version);

// The same without asking: writes to `path` (its suffix picks the format). The outcome is a
// window-modal message box opened without blocking (object name "releaseReportWritten" or
// "releaseReportFailed"), so a caller's event loop keeps running.
void exportReleaseReportTo(QWidget *parent, std::shared_ptr<const MlflowClient> client, const QString &model,
                           const QString &version, const QString &path);

} // namespace modelgate::ui
