#pragma once

// Running modelgate-cli in-process as a pipeline would, for the CLI tests that need a user on
// the shared basic-auth server and a data folder of their own (deployments, monitoring).
// Header-only: only tests that link modelgate_cli include it.

#include "cli_app.h"
#include "local_endpoints.h"

#include <sstream>
#include <string>
#include <vector>

#include <QString>

namespace modelgate::test {

struct CliResult
{
    int exitCode = -1;
    std::string out;
    std::string err;
    bool says(const std::string &text) const
    {
        return out.find(text) != std::string::npos || err.find(text) != std::string::npos;
    }
    std::string both() const { return "stdout:\n" + out + "\nstderr:\n" + err; }
};

// Runs the CLI as `user` on `uri`, with XDG folders under `home`. Commands that start scoring
// servers get --mlflow (the test environment's).
inline CliResult runCliAs(const QString &uri, const std::string &user, const std::string &password,
                          const QString &home, const std::vector<std::string> &args)
{
    Environment env;
    env.vars["MLFLOW_TRACKING_URI"] = uri.toStdString();
    env.vars["MLFLOW_TRACKING_USERNAME"] = user;
    env.vars["MLFLOW_TRACKING_PASSWORD"] = password;
    env.vars["XDG_CONFIG_HOME"] = home.toStdString() + "/config";
    env.vars["XDG_DATA_HOME"] = home.toStdString() + "/data";
    std::vector<std::string> full = args;
    if (!args.empty() &&
        (args[0] == "deploy" || (args[0] == "endpoint" && args.size() > 1 && args[1] == "restart")))
        full.insert(full.end(), {"--mlflow", mlflowExecutable()});
    std::ostringstream out, err;
    CliResult result;
    result.exitCode = cli::run(full, out, err, env);
    result.out = out.str();
    result.err = err.str();
    return result;
}

} // namespace modelgate::test
