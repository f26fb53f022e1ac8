#pragma once

// Hand-made evidence of a model version for the pure release checks (evaluateReleaseChecks)
// and what words or shows their results. Header-only: needs nothing beyond modelgate_core.

#include "modelgate/core/review/review.h"

#include <map>
#include <string>
#include <vector>

namespace modelgate::test {

// A signature with these double inputs (required) and one long output.
inline ModelSignature signatureWith(const std::vector<std::string> &inputs, bool inputExample = true)
{
    ModelSignature signature;
    signature.present = true;
    signature.hasInputExample = inputExample;
    for (const auto &name : inputs)
        signature.inputs.push_back({name, "double", true, {}});
    signature.outputs.push_back({{}, "long", true, {}});
    return signature;
}

// A complete, releasable version of model "m": finished run with `metrics`, signature
// (age, bmi, glucose) with an input example, a description, the tag ticket=CLIN-1.
inline VersionEvidence evidence(const std::string &version, const std::map<std::string, double> &metrics)
{
    VersionEvidence result;
    result.version.name = "m";
    result.version.version = version;
    result.version.description = "Gradient boosting.";
    result.version.runId = "run" + version;
    result.version.tags = {{"ticket", "CLIN-1"}};
    Run run;
    run.info.runId = result.version.runId;
    run.info.status = "FINISHED";
    for (const auto &[key, value] : metrics) {
        Metric metric;
        metric.key = key;
        metric.value = value;
        run.metrics.push_back(metric);
    }
    result.run = run;
    result.signature = signatureWith({"age", "bmi", "glucose"});
    return result;
}

} // namespace modelgate::test
