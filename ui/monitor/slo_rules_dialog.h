#pragma once

#include "deploy/deploy_context.h"

#include <QDialog>

#include <modelgate/core/monitor/slo.h>
#include <modelgate/core/util/cancel_token.h>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace modelgate::ui {

class ErrorBanner;

// The SLO rules of one endpoint, kept with the endpoint (DeploymentTarget::monitorSettings):
// a row per rule (signal, absolute or above the champion, limit, window, minimum requests),
// automatic rollback of a breaching canary, and the defaults on request. Every rule is checked
// as it is edited (core's validateSloRule) and Save stays off while one is not valid. Reading
// and saving run off the GUI thread; their errors show in the dialog, which stays open.
class SloRulesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SloRulesDialog)

public:
    enum Column
    {
        SignalColumn,
        ComparisonColumn,
        LimitColumn,
        WindowColumn,
        MinRequestsColumn,
        DescriptionColumn,
        ColumnCount,
    };

    SloRulesDialog(DeployContext context, const QString &endpoint, QWidget *parent = nullptr);
    ~SloRulesDialog() override;

    // The rules shown (the endpoint's once read; the defaults before).
    void setPolicy(const SloPolicy &policy);
    SloPolicy policy() const;
    // Why the rules cannot be saved (the first rule that is not valid); empty when they can.
    QString validationProblem() const;
    bool isLoading() const { return m_loading; }
    bool isSaving() const { return m_saving; }

    void addRule();
    void removeSelectedRule();
    void resetToDefaults();
    // Saves the rules with the endpoint; saved() when done, and the dialog closes.
    void save();

    QTableWidget *rulesTable() const { return m_table; }
    QCheckBox *autoRollbackBox() const { return m_autoRollback; }
    QPushButton *saveButton() const;
    ErrorBanner *errorBanner() const { return m_banner; }
    QLabel *problemLabel() const { return m_problem; }

Q_SIGNALS:
    void loaded(bool ok);
    void saved();
    void saveFailed(const QString &message);

private:
    void load();
    void addRow(const SloRule &rule);
    SloRule ruleAt(int row) const;
    void validate();
    void updateUnits(int row);

    DeployContext m_context;
    QString m_endpoint;
    CancelToken m_cancel;
    bool m_loading = false;
    bool m_saving = false;
    ErrorBanner *m_banner;
    QTableWidget *m_table;
    QCheckBox *m_autoRollback;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace modelgate::ui
