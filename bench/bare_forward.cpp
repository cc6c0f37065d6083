// The baseline for bench/run.sh: load an archive, read the inputs torch.save wrote, and time forward in a
// plain loop, as `torchscope-cli run --repeat N --warmup W` does (eval mode, inference mode, CPU).
// Prints "mean MS median MS" over the timed runs.
#include <torch/script.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <numeric>
#include <string>
#include <vector>

int main(int argc, char** argv)
{
    if (argc != 5) {
        std::cerr << "usage: bare_forward ARCHIVE INPUTS.pt REPEAT WARMUP\n";
        return 2;
    }
    torch::jit::Module module = torch::jit::load(argv[1]);
    module.eval();
    std::ifstream file(argv[2], std::ios::binary);
    const std::vector<char> bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    const c10::IValue loaded = torch::jit::pickle_load(bytes);
    std::vector<c10::IValue> inputs;
    if (loaded.isTuple())
        inputs = loaded.toTupleRef().elements().vec();
    else
        inputs.push_back(loaded);
    const int repeat = std::max(1, std::stoi(argv[3]));
    const int warmup = std::stoi(argv[4]);

    std::vector<double> ms;
    c10::InferenceMode guard;
    for (int i = 0; i < warmup; ++i)
        module.forward(inputs);
    for (int i = 0; i < repeat; ++i) {
        const auto start = std::chrono::steady_clock::now();
        module.forward(inputs);
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    const double mean = std::accumulate(ms.begin(), ms.end(), 0.0) / static_cast<double>(ms.size());
    std::sort(ms.begin(), ms.end());
    const size_t n = ms.size();
    const double median = n % 2 ? ms[n / 2] : (ms[n / 2 - 1] + ms[n / 2]) / 2;
    std::printf("mean %.4f median %.4f\n", mean, median);
    return 0;
}
