#include "deploy/traffic_dialog.h"

#include "deploy/traffic_split_bar.h"

#include <display_safe.h>

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace modelgate::ui {

TrafficDialog::TrafficDialog(const EndpointInfo &endpoint, QWidget *parent)
    : QDialog(parent)
    , m_sum(new QLabel(this))
    , m_preview(new TrafficSplitBar(this))
    , m_comment(new QLineEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("trafficDialog"));
    setWindowTitle(tr("Set Traffic of %1").arg(displaySafe(endpoint.name)));
    auto *intro = new QLabel(tr("Give each deployment its share of the requests. A deployment whose share "
                                "grows must be approved now; the change is recorded in the release trail "
                                "of each model whose share changes."),
                             this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    for (const DeploymentInfo &deployment : endpoint.deployments) {
        auto *spin = new QSpinBox(this);
        spin->setObjectName(QStringLiteral("share-") + QString::fromStdString(deployment.name));
        spin->setRange(0, 100);
        spin->setSuffix(tr(" %"));
        spin->setValue(deployment.traffic);
        m_shares[deployment.name] = spin;
        form->addRow(tr("%1 (%2 v%3):")
                         .arg(QString::fromStdString(deployment.name),
                              QString::fromStdString(deployment.model),
                              QString::fromStdString(deployment.version)),
                     spin);
        connect(spin, &QSpinBox::valueChanged, this, &TrafficDialog::update);
    }
    m_sum->setObjectName(QStringLiteral("trafficSum"));
    form->addRow(tr("Sum:"), m_sum);
    m_comment->setPlaceholderText(tr("Optional: why (recorded with the change)"));
    form->addRow(tr("Comment:"), m_comment);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_preview);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(460, sizeHint().height());
    update();
}

TrafficSplit TrafficDialog::split() const
{
    TrafficSplit split;
    for (const auto &[name, spin] : m_shares)
        split[name] = spin->value();
    return split;
}

QString TrafficDialog::comment() const
{
    return m_comment->text().trimmed();
}

void TrafficDialog::setShare(const QString &deployment, int percent)
{
    if (const auto found = m_shares.find(deployment.toStdString()); found != m_shares.end())
        found->second->setValue(percent);
}

int TrafficDialog::sum() const
{
    int total = 0;
    for (const auto &entry : m_shares)
        total += entry.second->value();
    return total;
}

bool TrafficDialog::isAcceptable() const
{
    return !m_shares.empty() && sum() == 100;
}

void TrafficDialog::update()
{
    const int total = sum();
    m_sum->setText(total == 100 ? tr("%1 %").arg(total)
                                : tr("%1 % (must be 100 %, %2 to go)").arg(total).arg(100 - total));
    m_sum->setStyleSheet(total == 100 ? QString() : QStringLiteral("color: #c0392b;"));
    m_preview->setSplit(split());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(isAcceptable());
}

} // namespace modelgate::ui
