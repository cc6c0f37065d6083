"""Writes a TorchScript archive of about SIZE_MB megabytes (default 100) for bench/open.sh."""
import sys

import torch


class Big(torch.nn.Module):
    def __init__(self, layers: int, width: int):
        super().__init__()
        self.layers = torch.nn.ModuleList([torch.nn.Linear(width, width) for _ in range(layers)])

    def forward(self, x):
        for layer in self.layers:
            x = torch.relu(layer(x))
        return x


def main():
    out = sys.argv[1]
    size_mb = float(sys.argv[2]) if len(sys.argv) > 2 else 100.0
    width = 1024
    layers = max(1, round(size_mb * 1024 * 1024 / (width * (width + 1) * 4)))
    torch.manual_seed(0)
    torch.jit.script(Big(layers, width)).save(out)


if __name__ == "__main__":
    main()
