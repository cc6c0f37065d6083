#include "commands.h"

#include "engine/archive.h"
#include "torchscope/version.h"

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

using namespace torchscope;
using namespace torchscope::cli;

namespace {

void printUsage()
{
    std::string out = "Usage: torchscope-cli [--load-library PATH]... COMMAND ARCHIVE [OPTIONS]\n\n"
                      "Inspect TorchScript archives (torch.jit.save output) with LibTorch.\n\nCommands:\n";
    for (const auto& [name, cmd] : commands()) {
        std::string padded = name;
        padded.resize(10, ' ');
        out += "  " + padded + cmd.summary + "\n";
    }
    out += "\nGlobal options:\n"
           "  --load-library PATH  load an operator library (.so) first, as torch.ops.load_library does;\n"
           "                       repeatable (e.g. libtorchvision.so for torchvision::nms)\n"
           "  --version            print the version and the LibTorch version\n"
           "  -h, --help           this help; `torchscope-cli COMMAND --help` for a command\n\n"
           "Exit status: 0 success, 1 compared and differed, 2 error (one line on stderr).\n";
    std::fputs(out.c_str(), stdout);
}

} // namespace

int main(int argc, char** argv)
{
    // "-o FILE" is the one short option; spell it long before parsing.
    std::vector<std::string> storage(argv, argv + argc);
    for (auto& a : storage)
        if (a == "-o")
            a = "--output";
    std::vector<char*> argvLong;
    for (auto& a : storage)
        argvLong.push_back(a.data());

    std::map<std::string, OptionSpec> specs;
    for (const auto& [name, cmd] : commands())
        specs[name] = cmd.options;

    Args args;
    if (auto error = parseArgs(argc, argvLong.data(), specs, args))
        return fail(*error);
    if (args.version) {
        std::printf("torchscope-cli %s (LibTorch %s)\n", kVersion, libtorchVersion().c_str());
        return kSuccess;
    }
    if (args.command.empty()) {
        printUsage();
        return args.help ? kSuccess : kError;
    }
    const auto it = commands().find(args.command);
    if (it == commands().end())
        return fail("unknown command '" + args.command + "' (see torchscope-cli --help)");
    if (args.help) {
        std::printf("Usage: %s", it->second.usage);
        return kSuccess;
    }
    for (const auto& library : args.libraries)
        if (auto loaded = loadOperatorLibrary(library); !loaded)
            return fail(loaded.error().message);
    return it->second.run(args);
}
