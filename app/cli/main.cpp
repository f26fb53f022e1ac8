#include "cli_app.h"

#include <csignal>
#include <iostream>
#include <string>
#include <vector>

#include <modelgate/core/util/cancel_token.h>
#include <modelgate/core/workspace/profiles.h>

namespace {

// Ctrl+C cancels the request in flight (curl's progress callback polls the token), so
// the command ends with its one-line message instead of being killed mid-output.
modelgate::CancelToken &interruptToken()
{
    static modelgate::CancelToken token;
    return token;
}

extern "C" void onInterrupt(int)
{
    interruptToken().cancel(); // a lock-free atomic store: async-signal-safe
}

} // namespace

int main(int argc, char **argv)
{
    const modelgate::CancelToken &cancel = interruptToken(); // constructed before any handler can run
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    const std::vector<std::string> args(argv + 1, argv + argc);
    return modelgate::cli::run(args, std::cout, std::cerr, modelgate::Environment::current(), cancel);
}
