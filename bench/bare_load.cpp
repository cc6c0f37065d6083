// The baseline for bench/open.sh: a program that only calls torch::jit::load.
#include <torch/script.h>

#include <iostream>

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::cerr << "usage: bare_load ARCHIVE\n";
        return 2;
    }
    torch::jit::Module module = torch::jit::load(argv[1]);
    return module.type() ? 0 : 1;
}
