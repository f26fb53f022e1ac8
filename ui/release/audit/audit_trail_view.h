#pragma once

#include <memory>

#include <QString>
#include <QWidget>

#include <modelgate/core/mlflow/mlflow_client.h>
#include <modelgate/core/release/release_review.h>
#include <modelgate/core/util/cancel_token.h>

class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QTableView;
class QTextBrowser;

namespace modelgate::ui {

class AuditTrailModel;
class ErrorBanner;
class LoadingIndicator;

// A model's release trail: every record in order, a verified/broken badge with the verified
// head hash (to copy into a pipeline log as an anchor), the first broken record selected, and
// the selected record's details. A hand-edited review tag or policy tag leaves the records
// intact but contradicts them: the badge then says the trail is not consistent, and which
// versions' tags differ (one version listing beside the trail, see loadCheckedAuditTrail).
class AuditTrailView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditTrailView)

public:
    explicit AuditTrailView(QWidget *parent = nullptr);
    ~AuditTrailView() override;

    void setClient(std::shared_ptr<const MlflowClient> client);
    void showModel(const QString &model);
    void clear();

    // For tests and the screenshot mode.
    QString model() const { return m_model; }
    bool isLoading() const { return m_loading; }
    QString badgeText() const;
    // The trail verifies and every tag agrees with it (false until loaded).
    bool isConsistent() const;
    // Why the tags disagree with the trail (empty when they agree).
    QString problemsText() const;
    const std::vector<VersionTagMismatch> &tagMismatches() const { return m_tagMismatches; }
    QString headHash() const;
    QString detailsText() const;
    AuditTrailModel *trailModel() const { return m_trailModel; }
    QTableView *table() const { return m_table; }

Q_SIGNALS:
    // `verified`: the chain of records verifies (isConsistent() also covers the tags).
    void loaded(bool verified);

protected:
    void changeEvent(QEvent *event) override;

private:
    void reload();
    void cancel();
    void showTrailBadge();
    void showProblems();
    void showDetails();
    void copyHeadHash();
    void retranslate();

    std::shared_ptr<const MlflowClient> m_client;
    QString m_model;
    CancelToken m_cancel;
    quint64 m_generation = 0;
    bool m_loading = false;
    bool m_hasTrail = false;
    std::vector<VersionTagMismatch> m_tagMismatches;
    std::vector<std::string> m_policyProblemList;

    QLabel *m_badge;
    QLineEdit *m_headHash;
    QPushButton *m_copyButton;
    QPushButton *m_refreshButton;
    QLabel *m_problems;
    ErrorBanner *m_banner;
    LoadingIndicator *m_loadingIndicator;
    QSplitter *m_splitter;
    QTableView *m_table;
    QTextBrowser *m_details;
    AuditTrailModel *m_trailModel;
};

} // namespace modelgate::ui
