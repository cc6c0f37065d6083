#!/usr/bin/python3
"""Build a corpus of real-world TorchScript archives plus Python's expected text.

Run with Debian's Python (torch 1.13, torchvision 0.14, torchaudio 0.13):

    /usr/bin/python3 tests/corpus/make_corpus.py OUTDIR [STEM ...]

Writes OUTDIR/<stem>.pt for every model below (random weights, nothing is
downloaded) and OUTDIR/expected/<stem>/ with the text Python's torch.jit
prints for it, using the scheme of tests/data/make_fixtures.py
(tests/data/expected/README.md):

- print.txt        str(m) + "\\n"
- modules.tsv      every m.named_modules() entry:
                   path, original_name, qualified type, methods
- slots.tsv        parameters/buffers per module (same format as the fixtures)
- records.txt      sorted zip records
- <dir>/           `_root` or the dotted module path, for the root module and
                   up to 6 submodules picked across the tree:
                   class.code.txt, and per method M: M.code.txt, M.graph.txt,
                   M.graph-nosrc.txt, M.inlined.txt
  The expected text comes from a fresh `python3` process per archive that
  loads only torch (and the operator library): aten::warn's warn_id is a
  process-wide counter, so loading in the process that built the models
  would shift it.
- load_library.txt (only when the archive needs an operator library) the
                   library's path, for `torchscope-cli --load-library`
- mode.txt         "traced", "scripted", "scripted+frozen", ...
- notes.txt        (only when present) what could not be done as asked

OUTDIR/manifest.tsv lists stem, file, mode, size in bytes and notes.
Give STEM arguments to (re)build only those archives.
"""

import os

# TorchScript emits `__constants__` / Final attributes in set-iteration order,
# which depends on string hashing; pin it so the output is reproducible.
if __name__ == "__main__" and os.environ.get("PYTHONHASHSEED") != "0":
    import sys
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable] + sys.argv)

import gc
import io
import json
import shutil
import subprocess
import sys
import time
import traceback
import warnings
from typing import Tuple

import torch
import torch.nn as nn

warnings.filterwarnings("ignore")

TV_LIB = "/usr/lib/python3/dist-packages/torchvision/_C.cpython-311-x86_64-linux-gnu.so"
MAX_SUBMODULES = 6

OUT = None  # set in main()


def out(name):
    return os.path.join(OUT, name)


# --------------------------------------------------------------------------
# Small custom models
# --------------------------------------------------------------------------

class LSTMTagger(nn.Module):
    """Embedding -> 2-layer LSTM -> Linear on the last step."""

    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(100, 32)
        self.lstm = nn.LSTM(32, 64, num_layers=2, batch_first=True)
        self.fc = nn.Linear(64, 10)

    def forward(self, tokens: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
        out, (h, c) = self.lstm(self.emb(tokens))
        return self.fc(out[:, -1]), h


class QuantTarget(nn.Module):
    """Linear + LSTM + Linear, to be dynamically quantized."""

    def __init__(self):
        super().__init__()
        self.inp = nn.Linear(16, 32)
        self.lstm = nn.LSTM(32, 32, batch_first=True)
        self.head = nn.Linear(32, 8)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y, _ = self.lstm(torch.relu(self.inp(x)))
        return self.head(y)


# --------------------------------------------------------------------------
# Builders: each returns (mode, scripted_or_traced_module, notes)
# --------------------------------------------------------------------------

def b_resnet18_traced():
    import torchvision
    m = torchvision.models.resnet18(weights=None).eval()
    return "traced", torch.jit.trace(m, torch.rand(1, 3, 224, 224)), ""


def b_resnet18_scripted():
    import torchvision
    m = torchvision.models.resnet18(weights=None).eval()
    return "scripted", torch.jit.script(m), ""


def b_resnet50_scripted():
    import torchvision
    m = torchvision.models.resnet50(weights=None).eval()
    return "scripted", torch.jit.script(m), ""


def b_mobilenet_v3_small_scripted():
    import torchvision
    m = torchvision.models.mobilenet_v3_small(weights=None).eval()
    return "scripted", torch.jit.script(m), ""


def b_transformer_encoder_scripted():
    layer = nn.TransformerEncoderLayer(d_model=64, nhead=4, dim_feedforward=128,
                                       batch_first=True)
    m = nn.TransformerEncoder(layer, num_layers=3).eval()
    return "scripted", torch.jit.script(m), ""


def b_lstm_tagger_scripted():
    return "scripted", torch.jit.script(LSTMTagger().eval()), ""


def b_quantized_dynamic():
    torch.backends.quantized.engine = (
        "fbgemm" if "fbgemm" in torch.backends.quantized.supported_engines
        else torch.backends.quantized.supported_engines[-1])
    q = torch.quantization.quantize_dynamic(
        QuantTarget().eval(), {nn.Linear, nn.LSTM}, dtype=torch.qint8)
    try:
        return "scripted", torch.jit.script(q), ""
    except Exception as e:  # noqa: BLE001
        note = "script failed (%s: %s); traced instead" % (
            type(e).__name__, str(e).splitlines()[0])
        print("NOTE: quantized_dynamic:", note)
        return "traced", torch.jit.trace(q, torch.rand(2, 5, 16)), note


def b_wav2vec2_base():
    import torchaudio
    m = torchaudio.models.wav2vec2_base().eval()
    try:
        return "scripted", torch.jit.script(m), ""
    except Exception as e:  # noqa: BLE001
        note = "script failed (%s: %s); traced instead" % (
            type(e).__name__, str(e).splitlines()[0])
        print("NOTE: wav2vec2_base:", note)
        return "traced", torch.jit.trace(m, torch.rand(1, 16000)), note


def b_conformer_scripted():
    import torchaudio
    m = torchaudio.models.Conformer(
        input_dim=80, num_heads=4, ffn_dim=128, num_layers=4,
        depthwise_conv_kernel_size=31).eval()
    return "scripted", torch.jit.script(m), ""


def b_fasterrcnn_scripted():
    import torchvision
    m = torchvision.models.detection.fasterrcnn_mobilenet_v3_large_320_fpn(
        weights=None, weights_backbone=None).eval()
    return "scripted", torch.jit.script(m), ""


def b_resnet18_frozen():
    import torchvision
    m = torch.jit.script(torchvision.models.resnet18(weights=None).eval())
    return "scripted+frozen", torch.jit.freeze(m), ""


def _reloads(sm):
    buf = io.BytesIO()
    torch.jit.save(sm, buf)
    buf.seek(0)
    torch.jit.load(buf)


def b_frozen_optimized():
    """torch.jit.optimize_for_inference(torch.jit.freeze(scripted)).

    Tries resnet18 first. In torch 1.13 conv models get their weights turned
    into prim::ConstantMKLDNNTensor nodes, which save() writes without a
    value, so the archive does not load again ("required keyword attribute
    'value' is undefined"); then fall back to a TransformerEncoder (no convs,
    so no MKLDNN conversion).
    """
    import torchvision
    m = torch.jit.script(torchvision.models.resnet18(weights=None).eval())
    o = torch.jit.optimize_for_inference(torch.jit.freeze(m))
    try:
        _reloads(o)
        return "scripted+frozen+optimized (resnet18)", o, ""
    except Exception as e:  # noqa: BLE001
        note = ("resnet18 after optimize_for_inference saves but does not "
                "load (%s: %s); used a 3-layer TransformerEncoder instead" % (
                    type(e).__name__, str(e).splitlines()[0]))
        print("NOTE: frozen_optimized:", note)
    torch.manual_seed(0)
    layer = nn.TransformerEncoderLayer(d_model=64, nhead=4, dim_feedforward=128,
                                       batch_first=True)
    m = torch.jit.script(nn.TransformerEncoder(layer, num_layers=3).eval())
    o = torch.jit.optimize_for_inference(torch.jit.freeze(m))
    return "scripted+frozen+optimized (TransformerEncoder)", o, note


# stem, builder, needs the torchvision op library to load
MODELS = [
    ("resnet18_traced", b_resnet18_traced, False),
    ("resnet18_scripted", b_resnet18_scripted, False),
    ("resnet50_scripted", b_resnet50_scripted, False),
    ("mobilenet_v3_small_scripted", b_mobilenet_v3_small_scripted, False),
    ("transformer_encoder_scripted", b_transformer_encoder_scripted, False),
    ("lstm_tagger_scripted", b_lstm_tagger_scripted, False),
    ("quantized_dynamic", b_quantized_dynamic, False),
    ("wav2vec2_base", b_wav2vec2_base, False),
    ("conformer_scripted", b_conformer_scripted, False),
    ("fasterrcnn_mobilenet_v3_320_scripted", b_fasterrcnn_scripted, True),
    ("resnet18_frozen", b_resnet18_frozen, False),
    ("frozen_optimized", b_frozen_optimized, False),
]


# --------------------------------------------------------------------------
# Expected text (scheme of tests/data/make_fixtures.py)
# --------------------------------------------------------------------------

def write_text(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


def shape_str(t):
    return "x".join(str(d) for d in t.shape)


def dtype_str(t):
    return str(t.dtype).replace("torch.", "")


def pick_submodules(named):
    """Up to MAX_SUBMODULES module paths spread across the tree.

    Candidates are the first module of each original_name (in tree order), so
    the pick covers different kinds of modules; take evenly spaced ones, and
    always include the deepest candidate.
    """
    seen = set()
    cands = []
    for path, mod in named:
        if not path:
            continue
        key = mod.original_name
        if key in seen:
            continue
        seen.add(key)
        cands.append(path)
    if len(cands) <= MAX_SUBMODULES:
        return cands
    n = len(cands)
    idx = sorted({round(i * (n - 1) / (MAX_SUBMODULES - 1))
                  for i in range(MAX_SUBMODULES)})
    picked = [cands[i] for i in idx]
    deepest = max(cands, key=lambda p: (p.count("."), -cands.index(p)))
    if deepest not in picked:
        picked[len(picked) // 2] = deepest
    # keep tree order
    order = {p: i for i, p in enumerate(cands)}
    return sorted(set(picked), key=order.get)


def write_expected(stem, path, d):
    m = torch.jit.load(path)
    write_text(os.path.join(d, "print.txt"), str(m) + "\n")

    records = sorted(torch._C.PyTorchFileReader(path).get_all_records())
    write_text(os.path.join(d, "records.txt"),
               "".join(r + "\n" for r in records))

    named = list(m.named_modules())
    mod_lines = []
    slot_lines = []
    for mpath, mod in named:
        methods = list(mod._c._method_names())
        mod_lines.append("\t".join([
            mpath, mod.original_name, mod._c._type().qualified_name(),
            ",".join(methods)]) + "\n")
        for name, p in mod.named_parameters(recurse=False):
            slot_lines.append("\t".join([
                mpath, name, "parameter", shape_str(p), dtype_str(p),
                "true" if p.requires_grad else "false"]) + "\n")
        for name, b in mod.named_buffers(recurse=False):
            slot_lines.append("\t".join([
                mpath, name, "buffer", shape_str(b), dtype_str(b),
                "true" if b.requires_grad else "false"]) + "\n")
    write_text(os.path.join(d, "modules.tsv"), "".join(mod_lines))
    write_text(os.path.join(d, "slots.tsv"), "".join(slot_lines))

    mods = dict(named)
    picked = [""] + pick_submodules(named)
    nmeth = 0
    for mpath in picked:
        mod = mods[mpath]
        mdir = os.path.join(d, mpath if mpath else "_root")
        os.makedirs(mdir, exist_ok=True)
        write_text(os.path.join(mdir, "class.code.txt"), mod._c.code)
        for meth_name in mod._c._method_names():
            try:
                meth = getattr(mod, meth_name)
                if not hasattr(meth, "code"):
                    # e.g. ModuleList.__len__: Python's attribute is the
                    # Python-side method; take the TorchScript one.
                    meth = mod._c._get_method(meth_name)
                code = meth.code
                graph = meth.graph
                inlined = meth.inlined_graph
            except Exception as e:  # noqa: BLE001
                print("NOTE: %s: %s.%s skipped: %s: %s" % (
                    stem, mpath or "<root>", meth_name, type(e).__name__, e))
                continue
            write_text(os.path.join(mdir, meth_name + ".code.txt"), code)
            write_text(os.path.join(mdir, meth_name + ".graph.txt"), str(graph))
            write_text(os.path.join(mdir, meth_name + ".graph-nosrc.txt"),
                       graph.str(False))
            write_text(os.path.join(mdir, meth_name + ".inlined.txt"),
                       str(inlined))
            nmeth += 1
    return len(named), picked, nmeth


def expected_in_fresh_process(stem, path, d, lib):
    """Run write_expected in a new Python process that has only loaded torch.

    aten::warn nodes get a warn_id from a process-wide counter when their
    code is compiled (torch.jit.load compiles the archive's code), so in the
    process that just scripted other models the ids come out shifted. A
    fresh process, like torchscope-cli, starts the counter at 0.
    """
    r = subprocess.run(
        [sys.executable, os.path.abspath(__file__), "--expected",
         stem, path, d, lib],
        stdout=subprocess.PIPE, text=True, check=True)
    result = None
    for line in r.stdout.splitlines():
        if line.startswith("RESULT "):
            result = json.loads(line[len("RESULT "):])
        else:
            print(line)
    if result is None:
        raise RuntimeError("no result from the expected-text process")
    return result


def expected_main(stem, path, d, lib):
    if lib:
        torch.ops.load_library(lib)
    res = write_expected(stem, path, d)
    print("RESULT " + json.dumps(list(res)), flush=True)


# --------------------------------------------------------------------------

def main():
    global OUT
    if len(sys.argv) == 6 and sys.argv[1] == "--expected":
        expected_main(*sys.argv[2:])
        return
    if len(sys.argv) < 2:
        sys.exit("usage: make_corpus.py OUTDIR [STEM ...]")
    OUT = os.path.abspath(sys.argv[1])
    only = set(sys.argv[2:])
    unknown = only - {s for s, _, _ in MODELS}
    if unknown:
        sys.exit("unknown stem(s): %s" % ", ".join(sorted(unknown)))
    os.makedirs(os.path.join(OUT, "expected"), exist_ok=True)
    torch.set_num_threads(2)

    # Detection models call torchvision::nms; load it as a user would.
    import torchvision  # noqa: F401  (registers torchvision ops too)
    torch.ops.load_library(TV_LIB)

    manifest_path = out("manifest.tsv")
    manifest = {}
    if os.path.exists(manifest_path):
        with open(manifest_path, encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if parts and parts[0] in {s for s, _, _ in MODELS}:
                    manifest[parts[0]] = parts

    failed = []
    for stem, builder, needs_tv in MODELS:
        if only and stem not in only:
            continue
        fname = stem + ".pt"
        path = out(fname)
        d = os.path.join(OUT, "expected", stem)
        if os.path.isdir(d):
            shutil.rmtree(d)
        if os.path.exists(path):
            os.remove(path)
        t0 = time.time()
        torch.manual_seed(0)
        try:
            mode, sm, note = builder()
            sm.save(path)
            del sm
            gc.collect()
            t1 = time.time()
            os.makedirs(d)
            nmods, picked, nmeth = expected_in_fresh_process(
                stem, path, d, TV_LIB if needs_tv else "")
        except Exception as e:  # noqa: BLE001
            traceback.print_exc()
            msg = "%s: %s" % (type(e).__name__, str(e).splitlines()[0] if str(e) else "")
            print("FAILED: %s: %s" % (stem, msg))
            failed.append(stem)
            manifest[stem] = [stem, "", "failed", "0", msg]
            if os.path.isdir(d):
                shutil.rmtree(d)
            if os.path.exists(path):
                os.remove(path)
            gc.collect()
            continue
        write_text(os.path.join(d, "mode.txt"), mode + "\n")
        if needs_tv:
            write_text(os.path.join(d, "load_library.txt"), TV_LIB + "\n")
        if note:
            write_text(os.path.join(d, "notes.txt"), note + "\n")
        size = os.path.getsize(path)
        manifest[stem] = [stem, fname, mode, str(size), note]
        print("%-38s %-26s %8.1f MB  %4d modules, checked: %s (%d methods)"
              "  [build %.0fs, expected %.0fs]" % (
                  stem, mode, size / 1e6, nmods,
                  ",".join(p or "<root>" for p in picked), nmeth,
                  t1 - t0, time.time() - t1), flush=True)
        gc.collect()

    order = [s for s, _, _ in MODELS]
    lines = ["stem\tfile\tmode\tbytes\tnotes\n"]
    for s in sorted(manifest, key=lambda s: order.index(s) if s in order else 99):
        lines.append("\t".join(manifest[s]) + "\n")
    write_text(manifest_path, "".join(lines))
    if failed:
        print("FAILED to build: %s" % ", ".join(failed))
        sys.exit(1)
    print("done: corpus in %s" % OUT)


if __name__ == "__main__":
    main()
