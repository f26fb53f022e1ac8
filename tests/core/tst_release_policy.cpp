// Skeleton: filled in by the work on release approval.
#include <QTest>

class TestReleasePolicy final : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestReleasePolicy)
#include "tst_release_policy.moc"
