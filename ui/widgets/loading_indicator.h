#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace modelgate::ui {

// "Loading… 300 models so far" with a busy bar and a Cancel button, shown while a
// background load runs and hidden otherwise.
class LoadingIndicator final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoadingIndicator)

public:
    explicit LoadingIndicator(QWidget *parent = nullptr);

    void start(const QString &text);
    void setText(const QString &text);
    void stop();
    QString text() const;

Q_SIGNALS:
    void cancelRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    QProgressBar *m_busy;
    QLabel *m_text;
    QPushButton *m_cancel;
};

} // namespace modelgate::ui
