#include "deploy/traffic_split_bar.h"

#include <iterator>

#include <QPainter>
#include <QPainterPath>
#include <QStringList>

namespace modelgate::ui {

namespace {

constexpr int kSliver = 4; // px of a 0 % deployment

} // namespace

TrafficSplitBar::TrafficSplitBar(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("trafficSplitBar"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    updateToolTip();
}

void TrafficSplitBar::setSplit(const TrafficSplit &split)
{
    m_split = split;
    updateToolTip();
    update();
}

QColor TrafficSplitBar::segmentColor(int index)
{
    // Distinct on a light and a dark palette, and apart for the common colour-vision deficiencies.
    static const QColor colors[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e),
                                    QColor(0x2c, 0xa0, 0x2c), QColor(0x94, 0x67, 0xbd),
                                    QColor(0x8c, 0x56, 0x4b), QColor(0xe3, 0x77, 0xc2),
                                    QColor(0x17, 0xbe, 0xcf), QColor(0x7f, 0x7f, 0x7f)};
    return colors[index % static_cast<int>(std::size(colors))];
}

QSize TrafficSplitBar::sizeHint() const
{
    return {400, fontMetrics().height() * 2 + 8};
}

QSize TrafficSplitBar::minimumSizeHint() const
{
    return {120, fontMetrics().height() * 2 + 8};
}

void TrafficSplitBar::updateToolTip()
{
    if (m_split.empty()) {
        setToolTip(tr("No deployment: the endpoint serves nothing."));
        return;
    }
    QStringList lines;
    for (const auto &[name, percent] : m_split)
        lines << tr("%1: %2 % of the requests").arg(QString::fromStdString(name)).arg(percent);
    setToolTip(lines.join(u'\n'));
}

void TrafficSplitBar::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF bar = QRectF(rect()).adjusted(1, 1, -1, -1);
    QPainterPath outline;
    outline.addRoundedRect(bar, 4, 4);
    if (m_split.empty()) {
        painter.setPen(QPen(palette().color(QPalette::Mid), 1, Qt::DashLine));
        painter.drawPath(outline);
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(bar, Qt::AlignCenter, tr("no deployment"));
        return;
    }
    // Slivers for 0 % first, the rest of the width by share.
    int zeros = 0;
    for (const auto &entry : m_split)
        zeros += entry.second == 0 ? 1 : 0;
    const qreal shareWidth = qMax<qreal>(bar.width() - zeros * kSliver, 0);
    painter.save();
    painter.setClipPath(outline);
    qreal x = bar.left();
    int index = 0;
    for (const auto &[name, percent] : m_split) {
        const qreal width = percent == 0 ? kSliver : shareWidth * percent / 100.0;
        const QRectF segment(x, bar.top(), width, bar.height());
        const QColor color = segmentColor(index++);
        painter.fillRect(segment, color);
        if (percent > 0) {
            // Label as much as fits: "90 % blue", else "90 %", else nothing.
            const QString full = tr("%1 % %2").arg(percent).arg(QString::fromStdString(name));
            const QString shortText = tr("%1 %").arg(percent);
            const QRectF inner = segment.adjusted(4, 0, -4, 0);
            QString label;
            if (fontMetrics().horizontalAdvance(full) <= inner.width())
                label = full;
            else if (fontMetrics().horizontalAdvance(shortText) <= inner.width())
                label = shortText;
            painter.setPen(color.lightnessF() > 0.6 ? Qt::black : Qt::white);
            painter.drawText(inner, Qt::AlignCenter, label);
        }
        x += width;
    }
    painter.restore();
    painter.setPen(QPen(palette().color(QPalette::Dark), 1));
    painter.drawPath(outline);
}

} // namespace modelgate::ui
