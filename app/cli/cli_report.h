#pragma once

#include "cli_compare.h"

#include <optional>
#include <ostream>
#include <string>

#include <modelgate/core/util/cancel_token.h>

namespace modelgate {
class MlflowClient;
}

namespace modelgate::cli {

// `modelgate-cli review report MODEL VERSION --out FILE [--lang de|en]`.
struct ReportRequest
{
    std::string model;
    std::string version;
    std::optional<std::string> outPath;  // --out: .html or .pdf
    std::optional<std::string> language; // --lang: "de" or "en"; the system's language without it
};

// Usage problems found without a server (no --out, a suffix other than .html/.pdf, an unknown
// --lang): ExitUsage and the message; exitCode 0 when there is none.
CommandFailure checkReportCommand(const ReportRequest &request);

// Loads the report's data and writes the file, approved or not (the report says which).
// Prints "wrote FILE: …" to `out`. ExitServer when the server fails, ExitUsage when the file
// cannot be written. Creates the QGuiApplication the fonts and the PDF writer need when the
// process has none (on the offscreen platform when there is no display).
CommandFailure runReportCommand(const MlflowClient &client, const ReportRequest &request, std::ostream &out,
                                const CancelToken &cancel);

} // namespace modelgate::cli
