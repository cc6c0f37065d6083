#include "cliargs.h"

#include <algorithm>

namespace torchscope::cli {

bool Args::flag(const std::string& name) const
{
    return std::find(flags.begin(), flags.end(), name) != flags.end();
}

std::optional<std::string> Args::value(const std::string& name) const
{
    auto it = values.find(name);
    if (it == values.end() || it->second.empty())
        return std::nullopt;
    return it->second.back();
}

std::optional<std::string> parseArgs(
    int argc, char** argv, const std::map<std::string, OptionSpec>& specs, Args& out)
{
    auto contains = [](const std::vector<std::string>& v, const std::string& s) {
        return std::find(v.begin(), v.end(), s) != v.end();
    };
    bool onlyPositional = false;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (onlyPositional || arg.size() < 2 || arg[0] != '-') {
            if (out.command.empty())
                out.command = arg;
            else
                out.positional.push_back(arg);
            continue;
        }
        if (arg == "--") {
            onlyPositional = true;
            continue;
        }
        if (arg == "-h" || arg == "--help") {
            out.help = true;
            continue;
        }
        if (arg == "--version") {
            out.version = true;
            continue;
        }
        std::optional<std::string> inlineValue;
        if (auto eq = arg.find('='); eq != std::string::npos && arg.rfind("--", 0) == 0) {
            inlineValue = arg.substr(eq + 1);
            arg = arg.substr(0, eq);
        }
        auto takeValue = [&](std::string& into) -> std::optional<std::string> {
            if (inlineValue) {
                into = *inlineValue;
                return std::nullopt;
            }
            if (i + 1 >= argc)
                return "option " + arg + " needs a value";
            into = argv[++i];
            return std::nullopt;
        };
        if (arg == "--load-library") {
            std::string v;
            if (auto err = takeValue(v))
                return err;
            out.libraries.push_back(v);
            continue;
        }
        const auto spec = specs.find(out.command);
        if (spec == specs.end())
            return out.command.empty() ? "option " + arg + " given before the command"
                                       : "unknown command '" + out.command + "'";
        const std::string name = arg.substr(2);
        if (contains(spec->second.valued, name)) {
            std::string v;
            if (auto err = takeValue(v))
                return err;
            out.values[name].push_back(v);
        } else if (contains(spec->second.flags, name) && !inlineValue) {
            out.flags.push_back(name);
        } else {
            return "unknown option " + arg + " for '" + out.command + "' (see torchscope-cli " + out.command
                + " --help)";
        }
    }
    return std::nullopt;
}

} // namespace torchscope::cli
