// The profiles file ($XDG_CONFIG_HOME/modelgate/profiles.json), shared by the GUI and the CLI
// and editable by hand. Read through the store, as the programs read it: from a file.

#include "fuzz_input.h"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>

#include <modelgate/core/workspace/profiles.h>

namespace {

// One file per fuzzing process, in the temporary folder, removed at exit.
const std::string &profilesPath()
{
    static const std::string path = [] {
        const char *tmp = std::getenv("TMPDIR");
        std::string result = std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") +
                             "/modelgate-fuzz-profiles-" + std::to_string(::getpid()) + ".json";
        std::atexit([] { std::remove(profilesPath().c_str()); });
        return result;
    }();
    return path;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace modelgate;
    const std::string &path = profilesPath();
    if (std::FILE *file = std::fopen(path.c_str(), "wb")) {
        if (size > 0)
            std::fwrite(data, 1, size, file);
        std::fclose(file);
    }
    ProfileStore store(path);
    if (store.load().ok()) {
        // What the programs do next with a loaded store: look profiles up and build clients.
        for (const Profile &profile : store.profiles()) {
            fuzz::use(store.find(profile.name));
            fuzz::use(clientConfigFor(profile, Credentials{}));
        }
        fuzz::use(store.lastUsed());
    }
    return 0;
}
