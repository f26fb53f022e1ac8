#pragma once

#include <memory>

#include <QString>
#include <QWidget>

#include <modelgate/core/cancel_token.h>
#include <modelgate/core/mlflow_client.h>

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
// the selected record's details.
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
    QString headHash() const;
    QString detailsText() const;
    AuditTrailModel *trailModel() const { return m_trailModel; }
    QTableView *table() const { return m_table; }

Q_SIGNALS:
    void loaded(bool verified);

protected:
    void changeEvent(QEvent *event) override;

private:
    void reload();
    void cancel();
    void showTrailBadge();
    void showDetails();
    void copyHeadHash();
    void retranslate();

    std::shared_ptr<const MlflowClient> m_client;
    QString m_model;
    CancelToken m_cancel;
    quint64 m_generation = 0;
    bool m_loading = false;
    bool m_hasTrail = false;

    QLabel *m_badge;
    QLineEdit *m_headHash;
    QPushButton *m_copyButton;
    QPushButton *m_refreshButton;
    QLabel *m_policyProblems;
    ErrorBanner *m_banner;
    LoadingIndicator *m_loadingIndicator;
    QSplitter *m_splitter;
    QTableView *m_table;
    QTextBrowser *m_details;
    AuditTrailModel *m_trailModel;
};

} // namespace modelgate::ui
