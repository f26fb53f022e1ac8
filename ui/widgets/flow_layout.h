#pragma once

#include <QLayout>
#include <QList>

namespace modelgate::ui {

// Lays its items out left to right and wraps them onto further rows when the width runs out,
// like words in a paragraph. A row of buttons whose labels grow with the language (German)
// then needs only the width of its widest button instead of the sum of all of them.
class FlowLayout final : public QLayout
{
public:
    explicit FlowLayout(QWidget *parent = nullptr);
    FlowLayout(int horizontalSpacing, int verticalSpacing);
    ~FlowLayout() override;
    Q_DISABLE_COPY_MOVE(FlowLayout)

    void addItem(QLayoutItem *item) override;
    int count() const override;
    QLayoutItem *itemAt(int index) const override;
    QLayoutItem *takeAt(int index) override;

    Qt::Orientations expandingDirections() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    // All items on one row: what the layout prefers when there is room.
    QSize sizeHint() const override;
    void setGeometry(const QRect &rect) override;

private:
    // Places the items in `rect` (or only measures, when `place` is false); returns the height used.
    int arrange(const QRect &rect, bool place) const;

    QList<QLayoutItem *> m_items;
    int m_horizontalSpacing = 4;
    int m_verticalSpacing = 4;
};

} // namespace modelgate::ui
