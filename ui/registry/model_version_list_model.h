#pragma once

#include <vector>

#include <QAbstractTableModel>
#include <QString>

#include <modelgate/core/mlflow/mlflow_types.h>

namespace modelgate::ui {

// The versions of one registered model, newest first as the loader delivers them.
class ModelVersionListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ModelVersionListModel)

public:
    enum Column
    {
        Version,
        Aliases,
        Status,
        Created,
        SourceRun,
        Tags,
        Description,
        ColumnCount
    };

    enum Role
    {
        // Unformatted value for sorting: qint64 for version numbers and timestamps, else QString.
        RawValueRole = Qt::UserRole,
        // The version string ("3"), whatever the column.
        VersionRole,
    };

    explicit ModelVersionListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Replaces the rows with the versions of `modelName`.
    void setVersions(const QString &modelName, const std::vector<ModelVersion> &versions);
    void clear();

    QString modelName() const { return m_modelName; }
    // "READY" -> "Ready" (translated); unknown states as sent.
    static QString statusText(const std::string &status);
    const ModelVersion &versionAt(int row) const;
    // Row of a version number ("3") or, with a leading '@', of an alias ("@champion"); -1 if none.
    int rowOf(const QString &versionOrAlias) const;

private:
    // data() before displaySafeForRole, which makes outside text safe in one place.
    QVariant unsafeData(const QModelIndex &index, int role) const;
    QVariant displayValue(const ModelVersion &version, int column) const;
    QVariant rawValue(const ModelVersion &version, int column) const;

    QString m_modelName;
    std::vector<ModelVersion> m_versions;
};

} // namespace modelgate::ui
