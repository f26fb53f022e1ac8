#pragma once

#include <vector>

#include <QAbstractTableModel>
#include <QString>

#include <modelgate/core/mlflow/mlflow_types.h>

namespace modelgate::ui {

// The registered models of one workspace, one row each. Rows arrive page by page
// (appendPage) while a loader keeps fetching in the background; canFetchMore/fetchMore
// expose "there is another page" to views and proxies, and fetchMore asks the loader for it
// (fetchMoreRequested). The model itself does no I/O, so tests feed it plain core values.
class RegisteredModelListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegisteredModelListModel)

public:
    enum Column
    {
        Name,
        LatestVersion,
        Aliases,
        Tags,
        LastUpdated,
        Description,
        ColumnCount
    };

    enum Role
    {
        // The unformatted value for sorting: qint64 for versions and timestamps, else QString.
        RawValueRole = Qt::UserRole,
        // Lower-cased name, tags ("key=value") and aliases, precomputed for the filter.
        SearchTextRole,
        // The model's name, whatever the column.
        ModelNameRole,
    };

    explicit RegisteredModelListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // Empties the model (new workspace, refresh); no page is expected afterwards.
    void clear();
    // Appends one page of models; morePages says whether the server has another page.
    void appendPage(const std::vector<RegisteredModel> &models, bool morePages);
    // Paging ended early (cancelled or failed): keep the rows, expect no further page.
    void stopPaging();

    // True while the server has pages that are not in the model yet.
    bool hasMorePages() const { return m_morePages; }
    const RegisteredModel &registeredModelAt(int row) const;
    // Lower-cased search text of a row; the filter proxy reads it without a QVariant.
    const QString &searchTextAt(int row) const;
    // Display name of a row; the proxy sorts by name without a QVariant per comparison.
    const QString &nameAt(int row) const;
    // Row of the model with this name, or -1.
    int rowOfName(const QString &name) const;

Q_SIGNALS:
    // A view (or the background loader) wants the next page.
    void fetchMoreRequested();

private:
    // data() before displaySafeForRole, which makes outside text safe in one place.
    QVariant unsafeData(const QModelIndex &index, int role) const;
    struct Row
    {
        RegisteredModel model;
        QString name;
        QString latestVersion;
        qint64 latestVersionNumber = -1;
        QString aliases;
        QString tags;
        QString tagsToolTip;
        QString description;
        QString searchText;
    };

    static Row makeRow(const RegisteredModel &model);
    QVariant displayValue(const Row &row, int column) const;
    QVariant rawValue(const Row &row, int column) const;

    std::vector<Row> m_rows;
    bool m_morePages = false;
    bool m_fetchPending = false; // fetchMoreRequested emitted, page not yet appended
};

} // namespace modelgate::ui
