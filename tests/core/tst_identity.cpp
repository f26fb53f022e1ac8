// Skeleton: filled in by the work on release approval.
#include <QTest>

class TestIdentity final : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestIdentity)
#include "tst_identity.moc"
