#pragma once

// The commands that execute models: run, retrace (runcommands.cpp), compare and diff (comparecommands.cpp).

#include "cliargs.h"

#include "data/inputspec.h"
#include "data/result.h"

#include <optional>
#include <string>
#include <vector>

namespace torchscope::cli {

int runCommand(const Args& args);
int retraceCommand(const Args& args);
int compareCommand(const Args& args);
int diffCommand(const Args& args);

// --help texts (they include the input grammar).
const char* runUsage();
const char* retraceUsage();
const char* compareUsage();
const char* diffUsage();

// Every --input, parsed, in order.
Result<std::vector<InputSpec>> inputSpecsOf(const Args& args);
// --NAME as a non-negative integer; `fallback` when absent; an error message names the option.
Result<std::uint64_t> unsignedOption(const Args& args, const std::string& name, std::uint64_t fallback);
// A double with %g, e.g. "1.3e-06".
std::string number(double v);
// Quotes a word for a POSIX shell when it needs it.
std::string shellQuote(const std::string& word);

} // namespace torchscope::cli
