"""Writes a traced model of BLOCKS residual blocks (default 1,200) in nested stages, for bench/graph.sh.

Root -> stages (12 by default) -> blocks -> conv, bn, relu; each block adds its input back. The inlined graph
draws about four nodes per block (conv, batch_norm, relu, add): some 5,000 nodes in a three-level module
hierarchy, the size of Netron's "1,200-block traced model" reference. Small tensors keep the archive small.
Usage: /usr/bin/python3 bench/make_blocks_model.py OUT.pt [BLOCKS] [traced|scripted]
"""
import sys

import torch
import torch.nn as nn


class Block(nn.Module):
    def __init__(self, channels: int):
        super().__init__()
        self.conv = nn.Conv2d(channels, channels, 3, padding=1, bias=False)
        self.bn = nn.BatchNorm2d(channels)
        self.relu = nn.ReLU()

    def forward(self, x):
        return x + self.relu(self.bn(self.conv(x)))


class Stage(nn.Module):
    def __init__(self, channels: int, blocks: int):
        super().__init__()
        self.blocks = nn.Sequential(*[Block(channels) for _ in range(blocks)])

    def forward(self, x):
        return self.blocks(x)


class Blocks(nn.Module):
    def __init__(self, blocks: int, stages: int, channels: int = 4):
        super().__init__()
        self.stem = nn.Conv2d(3, channels, 3, padding=1)
        per_stage = [blocks // stages + (1 if i < blocks % stages else 0) for i in range(stages)]
        self.stages = nn.Sequential(*[Stage(channels, n) for n in per_stage])
        self.head = nn.Linear(channels, 10)

    def forward(self, x):
        x = self.stages(self.stem(x))
        return self.head(x.mean(dim=(2, 3)))


def main():
    out = sys.argv[1]
    blocks = int(sys.argv[2]) if len(sys.argv) > 2 else 1200
    mode = sys.argv[3] if len(sys.argv) > 3 else "traced"
    torch.manual_seed(0)
    model = Blocks(blocks, stages=12).eval()
    if mode == "scripted":
        torch.jit.script(model).save(out)
    else:
        torch.jit.trace(model, torch.randn(1, 3, 8, 8)).save(out)


if __name__ == "__main__":
    main()
