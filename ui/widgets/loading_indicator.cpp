#include "widgets/loading_indicator.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace modelgate::ui {

LoadingIndicator::LoadingIndicator(QWidget *parent)
    : QWidget(parent)
    , m_busy(new QProgressBar(this))
    , m_text(new QLabel(this))
    , m_cancel(new QPushButton(this))
{
    m_busy->setRange(0, 0); // busy: no known total
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(90);
    m_busy->setMaximumHeight(12);
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_cancel->setObjectName(QStringLiteral("loadingCancel"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop loading (Esc)"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_busy);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_cancel);
    connect(m_cancel, &QPushButton::clicked, this, &LoadingIndicator::cancelRequested);
    hide();
}

void LoadingIndicator::start(const QString &text)
{
    m_text->setText(text);
    show();
}

void LoadingIndicator::setText(const QString &text)
{
    m_text->setText(text);
}

void LoadingIndicator::stop()
{
    hide();
}

QString LoadingIndicator::text() const
{
    return m_text->text();
}

void LoadingIndicator::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_cancel->setText(tr("Cancel"));
        m_cancel->setToolTip(tr("Stop loading (Esc)"));
    }
    QWidget::changeEvent(event);
}

} // namespace modelgate::ui
