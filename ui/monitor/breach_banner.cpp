#include "monitor/breach_banner.h"

#include "widgets/icons.h"

#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace modelgate::ui {

BreachBanner::BreachBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_title(new QLabel(this))
    , m_details(new QLabel(this))
    , m_rollBack(new QPushButton(this))
    , m_dismiss(new QPushButton(this))
{
    setObjectName(QStringLiteral("breachBanner"));
    setFrameShape(QFrame::StyledPanel);
    // The colours of the error banner: a breach is the most urgent thing on the screen.
    setStyleSheet(QStringLiteral("#breachBanner { background-color: #ffebe9; border: 1px solid #cf222e; "
                                 "border-radius: 4px; } #breachBanner QLabel { color: #82071e; }"));
    m_icon->setPixmap(appIcon("error", QStyle::SP_MessageBoxCritical).pixmap(24, 24));
    m_icon->setAlignment(Qt::AlignTop);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    m_title->setObjectName(QStringLiteral("breachTitle"));
    m_details->setTextFormat(Qt::PlainText);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setObjectName(QStringLiteral("breachDetails"));
    m_rollBack->setObjectName(QStringLiteral("rollBackNowButton"));
    m_dismiss->setObjectName(QStringLiteral("dismissBreachButton"));

    auto *text = new QVBoxLayout;
    text->setSpacing(2);
    text->addWidget(m_title);
    text->addWidget(m_details);
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_rollBack);
    buttons->addWidget(m_dismiss);
    buttons->addStretch(1);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(m_icon);
    layout->addLayout(text, 1);
    layout->addLayout(buttons);

    connect(m_rollBack, &QPushButton::clicked, this, &BreachBanner::rollBackRequested);
    connect(m_dismiss, &QPushButton::clicked, this, [this]() {
        hide();
        Q_EMIT dismissed();
    });
    retranslate();
    hide();
}

void BreachBanner::showNotice(const BreachNotice &notice)
{
    m_notice = notice;
    retranslate();
    setBusy(false);
    show();
}

void BreachBanner::setBusy(bool busy)
{
    m_rollBack->setEnabled(!busy);
    m_rollBack->setVisible(m_notice.canRollBack && !m_notice.rolledBack);
}

QString BreachBanner::text() const
{
    return m_title->text() + u'\n' + m_details->text();
}

void BreachBanner::retranslate()
{
    m_rollBack->setText(tr("Roll Back Now"));
    m_rollBack->setToolTip(tr("Restore the split before the endpoint's last change of split; recorded in "
                              "the release trail"));
    m_dismiss->setText(tr("Dismiss"));
    const BreachNotice &notice = m_notice;
    const QString time =
        QLocale().toString(QDateTime::fromMSecsSinceEpoch(notice.timeMs).time(), QLocale::ShortFormat);
    const QString deployment = QString::fromStdString(notice.deployment);
    const QString model = QString::fromStdString(notice.model);
    const QString version = QString::fromStdString(notice.version);
    m_title->setText(notice.rule.isEmpty()
                         ? tr("SLO breach at %1: %2 (%3 v%4)").arg(time, deployment, model, version)
                         : tr("SLO breach at %1: %2 (%3 v%4) broke “%5”")
                               .arg(time, deployment, model, version, notice.rule));
    QStringList lines;
    if (!notice.measured.isEmpty())
        lines << tr("Measured: %1").arg(notice.measured);
    else if (!notice.recordComment.isEmpty())
        lines << tr("The record says: “%1”").arg(notice.recordComment);
    if (!notice.recordedBy.isEmpty())
        lines << tr("Recorded in the release trail by %1.").arg(notice.recordedBy);
    const QString rolledBackAt = QLocale().toString(
        QDateTime::fromMSecsSinceEpoch(notice.rolledBackAtMs).time(), QLocale::ShortFormat);
    if (notice.rolledBack && notice.automatic)
        lines << tr("Rolled back automatically by %1 at %2.").arg(notice.rolledBackBy, rolledBackAt);
    else if (notice.rolledBack)
        lines << tr("Rolled back by %1 at %2.").arg(notice.rolledBackBy, rolledBackAt);
    else if (notice.canRollBack)
        lines << tr("It still serves its share: roll it back now, or change the split.");
    if (!notice.problem.isEmpty())
        lines << notice.problem;
    m_details->setText(lines.join(u'\n'));
    m_rollBack->setVisible(notice.canRollBack && !notice.rolledBack);
}

void BreachBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

} // namespace modelgate::ui
