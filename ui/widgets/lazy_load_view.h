#pragma once

#include <QWidget>

class QShowEvent;

namespace modelgate::ui {

// A view that loads only when it is shown: a tab the reviewer never opens costs no
// request. scheduleLoad() marks the content stale and loads at the next event-loop turn if
// the view is visible, else when it is next shown; reload() loads at once.
class LazyLoadView : public QWidget
{
    Q_OBJECT

public:
    using QWidget::QWidget;

    void reload();

protected:
    void scheduleLoad();
    void showEvent(QShowEvent *event) override;
    virtual void load() = 0;

    // True while the shown content is out of date; load() clears it, a cancelled load sets it
    // again so that showing the view retries.
    bool m_dirty = false;
};

} // namespace modelgate::ui
