#pragma once

#include <map>
#include <string>

#include <QDialog>

#include <modelgate/core/deploy/deployment_target.h>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace modelgate::ui {

class TrafficSplitBar;

// "Set traffic…": one spin box per deployment of an endpoint; OK only while the shares sum to
// 100 (the sum is shown), with the resulting split drawn as the page draws it.
class TrafficDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrafficDialog)

public:
    explicit TrafficDialog(const EndpointInfo &endpoint, QWidget *parent = nullptr);

    TrafficSplit split() const;
    QString comment() const;
    void setShare(const QString &deployment, int percent);
    int sum() const;
    bool isAcceptable() const;

private:
    void update();

    std::map<std::string, QSpinBox *> m_shares;
    QLabel *m_sum;
    TrafficSplitBar *m_preview;
    QLineEdit *m_comment;
    QDialogButtonBox *m_buttons;
};

} // namespace modelgate::ui
