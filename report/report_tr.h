#pragma once

#include <QCoreApplication>

// At global scope so that lupdate and the runtime agree on the context "ReleaseReport"
// (the report has no QObject; the GUI and the CLI both install the translators).
class ReleaseReport
{
    Q_DECLARE_TR_FUNCTIONS(ReleaseReport)
};
