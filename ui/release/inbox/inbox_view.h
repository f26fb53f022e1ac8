#pragma once

#include "release/inbox/inbox_filter_proxy_model.h"

#include <memory>
#include <optional>

#include <QDateTime>
#include <QWidget>

#include <modelgate/core/mlflow/mlflow_client.h>
#include <modelgate/core/release/release_inbox.h>
#include <modelgate/core/util/cancel_token.h>
#include <modelgate/core/util/result.h>

class QAbstractButton;
class QButtonGroup;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;
class QToolButton;

namespace modelgate::ui {

class ErrorBanner;
class InboxModel;
class LoadingIndicator;

// The reviewer's inbox: versions waiting for a release decision across every model of the
// workspace, with filter chips (all pending / mine to review / failed checks / rejected), a
// text filter, a loading indicator with Cancel, Refresh and an automatic refresh every
// five minutes. The selection survives a refresh.
class InboxView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InboxView)

public:
    using Filter = InboxFilterProxyModel::Filter;

    explicit InboxView(QWidget *parent = nullptr);
    ~InboxView() override;

    // Sets the workspace's client (the reviewer is its identity) and loads; nullptr clears.
    void setClient(std::shared_ptr<const MlflowClient> client);
    void refresh();
    void cancel();
    bool isLoading() const { return m_loading; }
    // The automatic refresh (default 5 minutes; 0 turns it off).
    void setAutoRefreshInterval(int milliseconds);
    int autoRefreshInterval() const;

    void setFilter(Filter filter);
    Filter filter() const { return m_proxy->filter(); }
    void setFilterText(const QString &text);
    // Selects the version's row now, or once the inbox holds it.
    void selectVersion(const QString &model, const QString &version);

    QString reviewer() const { return m_reviewer; }
    int mineToReviewCount() const;
    int totalCount() const;

    InboxModel *inboxModel() const { return m_model; }
    InboxFilterProxyModel *proxyModel() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    LoadingIndicator *loadingIndicator() const { return m_loadingIndicator; }
    ErrorBanner *errorBanner() const { return m_banner; }
    QAbstractButton *filterButton(Filter filter) const;
    QLineEdit *filterEdit() const { return m_filterEdit; }

Q_SIGNALS:
    // The user selected a row (or a refresh reselected it).
    void versionSelected(const QString &model, const QString &version);
    // After every load and every change of the rows.
    void countsChanged(int mineToReview, int total);
    void loaded();
    void failed(const modelgate::Error &error);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void onProgress(quint64 generation, const std::vector<InboxEntry> &entries);
    void onFinished(quint64 generation, const Result<std::vector<InboxEntry>> &result);
    void applyEntries(std::vector<InboxEntry> entries, bool checksLoading);
    void updateCounts();
    void trySelectPending();
    void onCurrentRowChanged();

    std::shared_ptr<const MlflowClient> m_client;
    QString m_reviewer;
    InboxModel *m_model;
    InboxFilterProxyModel *m_proxy;
    ErrorBanner *m_banner = nullptr;
    QButtonGroup *m_chips = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QToolButton *m_refreshButton = nullptr;
    QLabel *m_updated = nullptr;
    QTableView *m_table = nullptr;
    LoadingIndicator *m_loadingIndicator = nullptr;
    QTimer *m_autoRefresh = nullptr;

    std::optional<CancelToken> m_cancel;
    quint64 m_generation = 0;
    bool m_loading = false;
    QString m_pendingModel;
    QString m_pendingVersion;
    QString m_selectedModel;
    QString m_selectedVersion;
    QDateTime m_lastLoaded;
};

} // namespace modelgate::ui
