#pragma once

#include <QStyledItemDelegate>

namespace modelgate::ui {

// Draws a cell's recent values as a small line (a sparkline) with the cell's text right of it:
// how a figure moved over the last minutes, readable at a glance down a long table. The
// values come from `valuesRole` as a QList<double>, oldest first; their scale is the cell's
// own (the largest value reaches the top), so the line shows the shape and the text the size.
class SparklineDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SparklineDelegate)

public:
    explicit SparklineDelegate(int valuesRole, QObject *parent = nullptr);

    static constexpr int kLineWidth = 96; // px of the cell the line takes

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_valuesRole;
};

} // namespace modelgate::ui
