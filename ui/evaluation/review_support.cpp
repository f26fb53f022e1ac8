#include "evaluation/review_support.h"

#include <QCoreApplication>
#include <QSettings>

#include <modelgate/ui/app_info.h>

namespace modelgate::ui {

QString versionLabel(const ModelVersion &version)
{
    QString label =
        QCoreApplication::translate("ReviewSupport", "v%1").arg(QString::fromStdString(version.version));
    for (const std::string &alias : version.aliases)
        label += QStringLiteral(" @") + QString::fromStdString(alias);
    return label;
}

QVariant reviewSetting(const QString &key, const QVariant &defaultValue)
{
    const QSettings settings(QStringLiteral(MODELGATE_ORGANIZATION), QStringLiteral(MODELGATE_APP_NAME));
    return settings.value(QStringLiteral("Review/") + key, defaultValue);
}

void setReviewSetting(const QString &key, const QVariant &value)
{
    QSettings settings(QStringLiteral(MODELGATE_ORGANIZATION), QStringLiteral(MODELGATE_APP_NAME));
    settings.setValue(QStringLiteral("Review/") + key, value);
}

} // namespace modelgate::ui
