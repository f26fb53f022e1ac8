#include "widgets/sparkline_delegate.h"

#include <algorithm>

#include <QApplication>
#include <QPainter>
#include <QPainterPath>
#include <QStyle>

namespace modelgate::ui {

SparklineDelegate::SparklineDelegate(int valuesRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_valuesRole(valuesRole)
{}

void SparklineDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    QStyleOptionViewItem item = option;
    initStyleOption(&item, index);
    const QList<double> values = index.data(m_valuesRole).value<QList<double>>();
    const QRect line = item.rect.adjusted(4, 4, 0, -4);
    QRect lineRect(line.left(), line.top(), std::min(kLineWidth, line.width() / 2), line.height());
    // The background, selection and text as the style draws them; the text right of the line.
    const QString text = item.text;
    item.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &item, painter, widget);
    painter->save();
    const bool selected = item.state & QStyle::State_Selected;
    painter->setPen(item.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    painter->drawText(item.rect.adjusted(lineRect.width() + 8, 0, -4, 0), Qt::AlignRight | Qt::AlignVCenter,
                      text);
    if (values.size() >= 2 && lineRect.width() > 4) {
        // Headroom above the largest value: a steady rate is a line, not the cell's top edge.
        const double top = std::max(*std::max_element(values.begin(), values.end()), 1e-9) * 1.25;
        QPainterPath path;
        for (qsizetype i = 0; i < values.size(); ++i) {
            const double x =
                lineRect.left() + lineRect.width() * static_cast<double>(i) / (values.size() - 1);
            const double y = lineRect.bottom() - lineRect.height() * std::clamp(values[i] / top, 0.0, 1.0);
            if (i == 0)
                path.moveTo(x, y);
            else
                path.lineTo(x, y);
        }
        painter->setRenderHint(QPainter::Antialiasing);
        QPen pen(selected ? item.palette.color(QPalette::HighlightedText) : QColor(0x1f, 0x77, 0xb4));
        pen.setWidthF(1.4);
        painter->setPen(pen);
        painter->drawPath(path);
    } else {
        // No history yet: a flat, faint base line says "nothing to show", not "zero".
        painter->setPen(QPen(item.palette.color(QPalette::Mid), 1, Qt::DotLine));
        painter->drawLine(lineRect.bottomLeft(), lineRect.bottomRight());
    }
    painter->restore();
}

QSize SparklineDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(size.width() + kLineWidth + 12);
    return size;
}

} // namespace modelgate::ui
