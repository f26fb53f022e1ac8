#pragma once

#include <cstdint>
#include <string>

#include <QFrame>
#include <QString>

class QLabel;
class QPushButton;

namespace modelgate::ui {

// A breach of an endpoint's SLO rules as the endpoint view tells it: from a check of this
// console, or from the trail (another watcher, `modelgate-cli endpoint watch`, recorded it).
struct BreachNotice
{
    std::string deployment;
    std::string model;
    std::string version;
    std::int64_t timeMs = 0;
    QString rule;     // what broke, in the UI's words
    QString measured; // the figures ("v4: errors 42.0 %, allowed ≤ 5 % (champion v3: 0.0 %) …")
    // Read from the trail: the breach record's comment, the rule and the figures as the watcher
    // that wrote it worded them (in English: a record's text is the same for every reader).
    QString recordComment;
    QString recordedBy;     // who wrote the breach record; empty when it was not recorded
    QString problem;        // why it was not recorded or not rolled back (translated or core's English)
    int recordSequence = 0; // the breach record's, once known
    bool rolledBack = false;
    bool automatic = false; // rolled back by the watcher that recorded the breach, at once
    QString rolledBackBy;
    std::int64_t rolledBackAtMs = 0;
    bool canRollBack = false; // the deployment still has traffic and nobody rolled it back

    bool operator==(const BreachNotice &) const = default;
};

// The banner over the endpoint's charts: what broke and when, the measured values, and
// either who rolled the canary back automatically or a "Roll Back Now" button; Dismiss hides it
// until the next breach.
class BreachBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BreachBanner)

public:
    explicit BreachBanner(QWidget *parent = nullptr);

    void showNotice(const BreachNotice &notice);
    const BreachNotice &notice() const { return m_notice; }
    void setBusy(bool busy);
    QString text() const;
    QPushButton *rollBackButton() const { return m_rollBack; }
    QPushButton *dismissButton() const { return m_dismiss; }

Q_SIGNALS:
    void rollBackRequested();
    void dismissed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    BreachNotice m_notice;
    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_details;
    QPushButton *m_rollBack;
    QPushButton *m_dismiss;
};

} // namespace modelgate::ui
