#include "widgets/error_banner.h"

#include "widgets/icons.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace modelgate::ui {

ErrorBanner::ErrorBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_editButton(new QPushButton(this))
    , m_retryButton(new QPushButton(this))
    , m_dismissButton(new QPushButton(this))
{
    setObjectName(QStringLiteral("errorBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_text->setObjectName(QStringLiteral("errorBannerText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_icon->setAlignment(Qt::AlignTop);
    m_retryButton->setObjectName(QStringLiteral("errorBannerRetry"));
    m_editButton->setObjectName(QStringLiteral("errorBannerEditWorkspace"));
    m_dismissButton->setObjectName(QStringLiteral("errorBannerDismiss"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(10);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_editButton, 0, Qt::AlignVCenter);
    layout->addWidget(m_retryButton, 0, Qt::AlignVCenter);
    layout->addWidget(m_dismissButton, 0, Qt::AlignVCenter);

    connect(m_retryButton, &QPushButton::clicked, this, [this]() {
        hide();
        Q_EMIT retryRequested();
    });
    connect(m_editButton, &QPushButton::clicked, this, &ErrorBanner::editWorkspaceRequested);
    connect(m_dismissButton, &QPushButton::clicked, this, &ErrorBanner::dismiss);
    retranslate();
    hide();
}

void ErrorBanner::showMessage(Kind kind, const QString &text, bool canRetry, bool offerEditWorkspace)
{
    // Colours that read as error / warning / information on light and dark palettes alike.
    QColor background;
    QColor border;
    QIcon icon;
    switch (kind) {
    case Kind::Error:
        background = QColor(0xfb, 0xe3, 0xe4);
        border = QColor(0xda, 0x44, 0x53);
        icon = appIcon("error", QStyle::SP_MessageBoxCritical);
        break;
    case Kind::Warning:
        background = QColor(0xfd, 0xf1, 0xd6);
        border = QColor(0xf6, 0x74, 0x00);
        icon = appIcon("warning", QStyle::SP_MessageBoxWarning);
        break;
    case Kind::Information:
        background = QColor(0xde, 0xec, 0xf9);
        border = QColor(0x3d, 0xae, 0xe9);
        icon = appIcon("info", QStyle::SP_MessageBoxInformation);
        break;
    }
    setStyleSheet(QStringLiteral("modelgate--ui--ErrorBanner { background: %1; border: 1px solid %2; "
                                 "border-radius: 4px; } QLabel { color: #232629; background: transparent; }")
                      .arg(background.name(), border.name()));
    m_icon->setPixmap(icon.pixmap(24, 24));
    m_text->setText(text);
    m_retryButton->setVisible(canRetry);
    m_editButton->setVisible(offerEditWorkspace);
    show();
}

void ErrorBanner::dismiss()
{
    if (isHidden())
        return;
    hide();
    Q_EMIT dismissed();
}

QString ErrorBanner::text() const
{
    return m_text->text();
}

void ErrorBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

void ErrorBanner::retranslate()
{
    m_retryButton->setText(tr("Retry"));
    m_editButton->setText(tr("Edit Workspace…"));
    m_dismissButton->setText(tr("Dismiss"));
}

} // namespace modelgate::ui
