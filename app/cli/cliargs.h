#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace torchscope::cli {

// The parsed command line: global options, a command, its positional arguments and its options.
// Options are "--name VALUE" or "--name=VALUE" for valued ones, "--name" for flags.
struct Args {
    std::string command;
    std::vector<std::string> positional;
    std::map<std::string, std::vector<std::string>> values;
    std::vector<std::string> flags;
    std::vector<std::string> libraries; // --load-library, in order
    bool help = false;
    bool version = false;

    bool flag(const std::string& name) const;
    std::optional<std::string> value(const std::string& name) const;
};

struct OptionSpec {
    std::vector<std::string> valued; // options that take a value
    std::vector<std::string> flags;
};

// Parses argv; `specFor` names the options each command accepts. On error returns a message.
std::optional<std::string> parseArgs(
    int argc, char** argv, const std::map<std::string, OptionSpec>& specs, Args& out);

} // namespace torchscope::cli
