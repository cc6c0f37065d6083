#!/usr/bin/python3
"""Helper of check_run.sh: inputs and Python's outputs for the corpus models, and the comparison.

    check_run.py stems                          the stems it knows, one a line
    check_run.py prepare STEM ARCHIVE WORKDIR [LIB]
        writes WORKDIR/in.pt (a tuple of all forward inputs, torch.save) and
        WORKDIR/expected.pt (what torch.jit.load(ARCHIVE).eval() returns for
        them under torch.inference_mode); when the archive had to be adjusted
        (Faster R-CNN's score threshold, see prepare()), also WORKDIR/model.pt,
        which the CLI must then run instead
    check_run.py compare EXPECTED OURS
        compares two torch.load-able outputs recursively (tuple, list, dict,
        None, scalars, tensors: same type, dtype and shape, then
        torch.allclose(atol=1e-5, rtol=1e-5), exact for non-float tensors);
        prints "ok ..." or the first mismatch; exit 0 iff they match

Run with Debian's Python (/usr/bin/python3: torch 1.13, torchvision, torchaudio).
"""

import sys

import torch

ATOL = 1e-5
RTOL = 1e-5


def image():
    return (torch.randn(1, 3, 224, 224),)


def inputs_for(stem):
    """The forward inputs of each corpus model, as a tuple (seeded per call)."""
    torch.manual_seed(0)
    if stem.startswith(("resnet", "mobilenet")):
        return image()
    if stem in ("transformer_encoder_scripted", "frozen_optimized"):
        return (torch.randn(2, 10, 64),)  # batch_first, d_model 64
    if stem == "lstm_tagger_scripted":
        return (torch.randint(0, 100, (2, 7)),)  # vocab 100
    if stem == "quantized_dynamic":
        return (torch.randn(2, 5, 16),)
    if stem == "wav2vec2_base":
        return (torch.randn(1, 16000),)
    if stem == "conformer_scripted":
        return (torch.randn(2, 50, 80), torch.tensor([50, 37]))
    if stem.startswith("fasterrcnn"):
        return ([torch.rand(3, 320, 320), torch.rand(3, 240, 300)],)
    return None


STEMS = [
    "resnet18_traced", "resnet18_scripted", "resnet18_frozen", "resnet50_scripted",
    "mobilenet_v3_small_scripted", "transformer_encoder_scripted", "frozen_optimized",
    "lstm_tagger_scripted", "quantized_dynamic", "wav2vec2_base", "conformer_scripted",
    "fasterrcnn_mobilenet_v3_320_scripted",
]


def describe(v):
    if isinstance(v, torch.Tensor):
        return "Tensor %s %s" % (str(v.dtype).replace("torch.", ""), list(v.shape))
    if isinstance(v, (tuple, list)):
        return "%s of %d [%s]" % (type(v).__name__, len(v), ", ".join(describe(x) for x in v[:4]))
    if isinstance(v, dict):
        return "dict {%s}" % ", ".join("%s: %s" % (k, describe(x)) for k, x in list(v.items())[:6])
    return "%s %r" % (type(v).__name__, v)


def first_mismatch(exp, ours, where="output"):
    """None when they match, else a line naming the first difference."""
    if isinstance(exp, torch.Tensor):
        if not isinstance(ours, torch.Tensor):
            return "%s: expected a tensor, got %s" % (where, describe(ours))
        if exp.dtype != ours.dtype or exp.shape != ours.shape:
            return "%s: expected %s, got %s" % (where, describe(exp), describe(ours))
        if exp.is_quantized:
            exp, ours = exp.dequantize(), ours.dequantize()
        if exp.is_floating_point() or exp.is_complex():
            if torch.allclose(exp, ours, atol=ATOL, rtol=RTOL, equal_nan=True):
                return None
            d = (exp - ours).abs()
            d[torch.isnan(d)] = 0
            i = int(d.argmax())
            bad = int((~torch.isclose(exp, ours, atol=ATOL, rtol=RTOL, equal_nan=True)).sum())
            return "%s: %d of %d elements differ; max abs diff %.3g at flat index %d (%r vs %r)" % (
                where, bad, exp.numel(), float(d.max()), i, float(exp.flatten()[i]), float(ours.flatten()[i]))
        if torch.equal(exp, ours):
            return None
        return "%s: %d of %d elements differ" % (where, int((exp != ours).sum()), exp.numel())
    if type(exp) is not type(ours):
        return "%s: expected %s, got %s" % (where, describe(exp), describe(ours))
    if isinstance(exp, (tuple, list)):
        if len(exp) != len(ours):
            return "%s: expected %s, got %s" % (where, describe(exp), describe(ours))
        for i, (a, b) in enumerate(zip(exp, ours)):
            m = first_mismatch(a, b, "%s[%d]" % (where, i))
            if m:
                return m
        return None
    if isinstance(exp, dict):
        if list(exp.keys()) != list(ours.keys()):
            return "%s: expected keys %s, got %s" % (where, list(exp.keys()), list(ours.keys()))
        for k in exp:
            m = first_mismatch(exp[k], ours[k], "%s[%r]" % (where, k))
            if m:
                return m
        return None
    if isinstance(exp, float):
        return None if abs(exp - ours) <= ATOL + RTOL * abs(exp) else "%s: %r vs %r" % (where, exp, ours)
    return None if exp == ours else "%s: %r vs %r" % (where, exp, ours)


def summary(v):
    """A short shape of the output for the table: 'tuple(Tensor[1, 1000])'..."""
    if isinstance(v, torch.Tensor):
        return "Tensor%s" % list(v.shape)
    if isinstance(v, (tuple, list)):
        inner = ", ".join(summary(x) for x in v[:3]) + (", ..." if len(v) > 3 else "")
        return "%s(%s)" % (type(v).__name__, inner)
    if isinstance(v, dict):
        return "dict(%s)" % ", ".join("%s: %s" % (k, summary(x).replace("Tensor", "")) for k, x in v.items())
    return type(v).__name__


def prepare(stem, archive, workdir, lib=""):
    if lib:
        torch.ops.load_library(lib)
    inputs = inputs_for(stem)
    if inputs is None:
        sys.exit("no inputs known for %s" % stem)
    torch.save(inputs, workdir + "/in.pt")
    m = torch.jit.load(archive).eval()
    if stem.startswith("fasterrcnn"):
        # With random weights no class score reaches the default 0.05, so every image would give
        # empty boxes/labels/scores and the check would compare shapes only. Keep all detections
        # (up to detections_per_img) in a copy that both sides run: WORKDIR/model.pt.
        m.roi_heads.score_thresh = 0.0
        m.save(workdir + "/model.pt")
        m = torch.jit.load(workdir + "/model.pt").eval()
    with torch.inference_mode():
        out = m(*inputs)
    torch.save(out, workdir + "/expected.pt")
    print(summary(out))


def compare(expected, ours):
    exp = torch.load(expected)
    got = torch.load(ours)
    m = first_mismatch(exp, got)
    if m:
        print(m)
        sys.exit(1)
    print("ok")


def main():
    a = sys.argv[1:]
    if a == ["stems"]:
        print("\n".join(STEMS))
    elif len(a) in (4, 5) and a[0] == "prepare":
        prepare(*a[1:])
    elif len(a) == 3 and a[0] == "compare":
        compare(a[1], a[2])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
