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
    // In a narrow pane the text needs the room more: the bar gives way first.
    m_busy->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    m_busy->setMinimumWidth(40);
    m_busy->setMaximumWidth(90);
    m_busy->setMaximumHeight(12);
    // Long messages ("Prüfstatus wird geladen…" in a narrow pane) wrap rather than clip, and
    // do not hold the pane wide: the label's minimum is its longest word.
    m_text->setObjectName(QStringLiteral("loadingText"));
    m_text->setWordWrap(true);
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_cancel->setObjectName(QStringLiteral("loadingCancel"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop loading (Esc)"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_busy);
    layout->addWidget(m_text); // expanding, but no stretch factor: that would shrink it first
    layout->addWidget(m_cancel);
    connect(m_cancel, &QPushButton::clicked, this, &LoadingIndicator::cancelRequested);
    hide();
}

void LoadingIndicator::start(const QString &text)
{
    m_text->setMinimumHeight(0);
    m_text->setText(text);
    show();
}

void LoadingIndicator::setText(const QString &text)
{
    // Progress updates ("… of 9 versions", "… of 10 versions") may need a line more or less:
    // while a load runs the indicator only grows, so the views below it do not jump up and
    // down with every update.
    if (isVisible() && m_text->testAttribute(Qt::WA_Resized)) // laid out: its height is real
        m_text->setMinimumHeight(m_text->height());
    m_text->setText(text);
}

void LoadingIndicator::stop()
{
    m_text->setMinimumHeight(0);
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
