// Skeleton: filled in by the work on release approval.
#include <QTest>

class TestReleaseChecks final : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestReleaseChecks)
#include "tst_release_checks.moc"
