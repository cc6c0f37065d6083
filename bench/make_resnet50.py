"""Writes a torchvision ResNet-50 (random weights, no download) for bench/screenshot.sh and bench/graph.sh.
Usage: /usr/bin/python3 bench/make_resnet50.py OUT.pt [scripted|traced]  (default: scripted)"""
import sys

import torch
import torchvision

torch.manual_seed(0)
model = torchvision.models.resnet50().eval()
if len(sys.argv) > 2 and sys.argv[2] == "traced":
    torch.jit.trace(model, torch.randn(1, 3, 224, 224)).save(sys.argv[1])
else:
    torch.jit.script(model).save(sys.argv[1])
