#include "widgets/lazy_load_view.h"

#include <QShowEvent>
#include <QTimer>

namespace modelgate::ui {

void LazyLoadView::reload()
{
    m_dirty = true;
    load();
}

void LazyLoadView::scheduleLoad()
{
    m_dirty = true;
    if (isVisible())
        QTimer::singleShot(0, this, [this]() {
            if (m_dirty && isVisible())
                load();
        });
}

void LazyLoadView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        scheduleLoad();
}

} // namespace modelgate::ui
