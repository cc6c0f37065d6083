#pragma once

#include "cliargs.h"

#include <map>
#include <string>

namespace torchscope::cli {

// Exit codes: 0 success, 1 "compared and differed", 2 any error (one line on stderr naming the file).
enum ExitCode { kSuccess = 0, kDiffered = 1, kError = 2 };

struct Command {
    const char* summary;
    const char* usage; // full --help text after the usage line
    OptionSpec options;
    int (*run)(const Args& args);
};

const std::map<std::string, Command>& commands();

// Prints "torchscope-cli: message" on stderr and returns kError.
int fail(const std::string& message);

} // namespace torchscope::cli
