#pragma once

#include <QString>
#include <QVariant>

#include <modelgate/core/mlflow/mlflow_types.h>

namespace modelgate::ui {

// "v3 @champion @prod" (aliases after the number, as the versions list shows them).
QString versionLabel(const ModelVersion &version);

// The user's chart choices (selected metric, log scale), kept in QSettings group "Review".
QVariant reviewSetting(const QString &key, const QVariant &defaultValue = {});
void setReviewSetting(const QString &key, const QVariant &value);

} // namespace modelgate::ui
