"""Writes a scripted torchvision ResNet-50 (random weights, no download) for bench/screenshot.sh."""
import sys

import torch
import torchvision

torch.manual_seed(0)
torch.jit.script(torchvision.models.resnet50().eval()).save(sys.argv[1])
