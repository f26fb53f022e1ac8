#pragma once

#include <QColor>
#include <QWidget>

#include <modelgate/core/release/release_records.h>

namespace modelgate::ui {

// An endpoint's traffic split as one horizontal bar: a segment per deployment, as wide as its
// share, in a colour of its own, labelled with its percent and name where the segment has
// room; the tooltip lists the whole split. A deployment at 0 % keeps a thin sliver, so that
// the previous deployment waiting for a rollback stays visible.
class TrafficSplitBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrafficSplitBar)

public:
    explicit TrafficSplitBar(QWidget *parent = nullptr);

    void setSplit(const TrafficSplit &split);
    const TrafficSplit &split() const { return m_split; }
    // The colour of the n-th deployment by name (the same in every bar).
    static QColor segmentColor(int index);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void updateToolTip();

    TrafficSplit m_split;
};

} // namespace modelgate::ui
