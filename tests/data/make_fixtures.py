#!/usr/bin/python3
"""Generate TorchScope test fixtures (archives + expected text).

Run with Debian's Python that has torch 1.13 installed:

    /usr/bin/python3 tests/data/make_fixtures.py

All paths are relative to this script's directory, so it can be run from
anywhere. Archives are written next to this script; the text that Python's
torch.jit prints for them is written under expected/<stem>/ (see
expected/README.md for the naming scheme).
"""

import os

# TorchScript emits `__constants__` / Final attributes in set-iteration order,
# which depends on string hashing; pin it so the output is reproducible.
if __name__ == "__main__" and os.environ.get("PYTHONHASHSEED") != "0":
    import sys
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable] + sys.argv)

import shutil
import subprocess
import sys
import tempfile
import warnings
from typing import Dict, Final, List, Optional, Tuple

import torch
import torch.utils.cpp_extension as cpp_ext

HERE = os.path.dirname(os.path.abspath(__file__))
EXPECTED = os.path.join(HERE, "expected")
OPLIB_SRC = os.path.normpath(
    os.path.join(HERE, "..", "oplib", "torchscope_test_ops.cpp"))

# Tracing MyDecisionGate deliberately triggers TracerWarnings.
warnings.filterwarnings("ignore", category=torch.jit.TracerWarning)


def out(name):
    return os.path.join(HERE, name)


# --------------------------------------------------------------------------
# Custom-op library
# --------------------------------------------------------------------------

def build_and_load_oplib(tmpdir):
    so = os.path.join(tmpdir, "libtorchscope_test_ops.so")
    cmd = ["g++", "-shared", "-fPIC", "-std=c++17", "-O1",
           "-Wno-deprecated-declarations",
           "-D_GLIBCXX_USE_CXX11_ABI=%d" % int(torch._C._GLIBCXX_USE_CXX11_ABI)]
    for inc in cpp_ext.include_paths():
        cmd.append("-I" + inc)
    cmd += [OPLIB_SRC, "-o", so]
    for lib in cpp_ext.library_paths():
        cmd.append("-L" + lib)
    cmd += ["-ltorch", "-ltorch_cpu", "-lc10"]
    print("building op library:", " ".join(cmd))
    subprocess.run(cmd, check=True)
    torch.ops.load_library(so)
    return so


# --------------------------------------------------------------------------
# Tutorial modules ("Intro to TorchScript")
# --------------------------------------------------------------------------

class MyCell(torch.nn.Module):
    def __init__(self):
        super(MyCell, self).__init__()
        self.linear = torch.nn.Linear(4, 4)

    def forward(self, x, h):
        new_h = torch.tanh(self.linear(x) + h)
        return new_h, new_h


class MyDecisionGate(torch.nn.Module):
    def forward(self, x):
        if x.sum() > 0:
            return x
        else:
            return -x


class MyGatedCell(torch.nn.Module):
    """The tutorial's second MyCell(dg); saved under the name MyCell."""

    def __init__(self, dg):
        super(MyGatedCell, self).__init__()
        self.dg = dg
        self.linear = torch.nn.Linear(4, 4)

    def forward(self, x, h):
        new_h = torch.tanh(self.dg(self.linear(x)) + h)
        return new_h, new_h


# The tutorial names this class MyCell too. TorchScript takes the type name
# and original_name from __name__ only; __qualname__ is left alone so that
# inspect.getsource still finds this class's own source.
MyGatedCell.__name__ = "MyCell"

# Globals used by MyRNNLoop.__init__, exactly like the tutorial.
scripted_gate = None
x = None
h = None


class MyRNNLoop(torch.nn.Module):
    def __init__(self):
        super(MyRNNLoop, self).__init__()
        self.cell = torch.jit.trace(MyGatedCell(scripted_gate), (x, h))

    def forward(self, xs):
        h, y = torch.zeros(3, 4), torch.zeros(3, 4)
        for i in range(xs.size(0)):
            y, h = self.cell(xs[i], h)
        return y, h


class WrapRNN(torch.nn.Module):
    def __init__(self):
        super(WrapRNN, self).__init__()
        self.loop = torch.jit.script(MyRNNLoop())

    def forward(self, xs):
        y, h = self.loop(xs)
        return torch.relu(y)


def setup_tutorial_globals():
    global scripted_gate, x, h
    scripted_gate = torch.jit.script(MyDecisionGate())
    x, h = torch.rand(3, 4), torch.rand(3, 4)


# --------------------------------------------------------------------------
# Other modules
# --------------------------------------------------------------------------

class Inner(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.lin = torch.nn.Linear(4, 4)
        self.register_buffer("running", torch.zeros(4))

    def forward(self, x):
        return self.lin(x) + self.running


class Block(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.inner = Inner()
        self.gain = torch.nn.Parameter(torch.ones(4))

    def forward(self, x):
        return self.inner(x) * self.gain


class MultiMethod(torch.nn.Module):
    __constants__ = ["mode"]
    hidden: Final[int]

    def __init__(self):
        super().__init__()
        self.mode = "sum"
        self.hidden = 4
        self.weight = torch.nn.Parameter(torch.randn(4, 4))
        self.register_buffer("steps", torch.zeros(2, dtype=torch.int64))
        self.count = 3
        self.label = "multi"
        self.sizes = [1, 2, 3]
        self.proj = torch.nn.Linear(4, 4)
        self.block = Block()

    def forward(self, x: torch.Tensor, scale: float = 1.0, flag: bool = True,
                h: Optional[torch.Tensor] = None) -> torch.Tensor:
        y = self.block(self.proj(x)) @ self.weight
        if h is not None:
            y = y + h
        if flag:
            y = y * scale
        return y + float(self.hidden)

    @torch.jit.export
    def combine(self, inputs: Dict[str, torch.Tensor], extras: List[torch.Tensor],
                name: str = "default", k: int = 2) -> Tuple[torch.Tensor, int]:
        total = torch.zeros(4)
        for key in sorted(inputs.keys()):
            total = total + inputs[key]
        for t in extras:
            total = total + t
        n = len(extras) + k + len(self.sizes) + self.count
        if name == self.label:
            n += 1
        return total, n

    @torch.jit.export
    def describe(self, pair: Tuple[torch.Tensor, int], verbose: bool = False,
                 sep: str = ":") -> str:
        t, n = pair
        s = self.label + sep + self.mode + sep + str(n)
        if verbose:
            s = s + sep + str(t.dim())
        return s


class SmallConv(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv2d(1, 2, 3)
        self.fc = torch.nn.Linear(8, 3)

    def forward(self, x):
        y = torch.relu(self.conv(x))
        return self.fc(y.flatten(1))


class LiteNet(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = torch.nn.Linear(4, 2)

    def forward(self, x):
        return torch.sigmoid(self.fc(x))


class CustomOpNet(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = torch.nn.Linear(4, 4)

    def forward(self, x):
        return torch.ops.torchscope_test.scale(self.fc(x), 2.0)


class CheckpointNet(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = torch.nn.Linear(4, 4)
        self.bn = torch.nn.BatchNorm1d(4)
        self.fc2 = torch.nn.Linear(4, 2)


# --------------------------------------------------------------------------
# Archive builders
# --------------------------------------------------------------------------

def make_mycell_traced():
    torch.manual_seed(0)
    x, h = torch.rand(3, 4), torch.rand(3, 4)
    torch.jit.trace(MyCell(), (x, h)).save(out("mycell_traced.pt"))


def make_mycell_scripted():
    torch.manual_seed(0)
    torch.jit.script(MyCell()).save(out("mycell_scripted.pt"))


def make_mydecisiongate_traced():
    torch.manual_seed(0)
    cell = MyGatedCell(MyDecisionGate())
    # Pick inputs for which the gate takes the `return x` branch (with seed 0
    # the Linear maps every torch.rand input to a negative sum, so draw x from
    # torch.randn until the sum is positive).
    for _ in range(100):
        x, h = torch.randn(3, 4), torch.rand(3, 4)
        if cell.linear(x).sum() > 0:
            break
    else:
        raise RuntimeError("could not find inputs with a positive sum")
    traced = torch.jit.trace(cell, (x, h))
    traced.save(out("mydecisiongate_traced.pt"))


def make_mydecisiongate_scripted():
    torch.manual_seed(0)
    m = torch.jit.script(MyGatedCell(torch.jit.script(MyDecisionGate())))
    m.save(out("mydecisiongate_scripted.pt"))


def make_myrnnloop():
    torch.manual_seed(0)
    setup_tutorial_globals()
    torch.jit.script(MyRNNLoop()).save(out("myrnnloop.pt"))


def make_wraprnn():
    torch.manual_seed(0)
    setup_tutorial_globals()
    torch.jit.trace(WrapRNN(), (torch.rand(10, 3, 4),)).save(out("wraprnn.pt"))


def make_multi_method():
    torch.manual_seed(0)
    m = torch.jit.script(MultiMethod())
    extra = {
        "meta.json": '{"name": "multi", "version": 3}',
        "notes.txt": "plain text notes\n",
        "blob.bin": bytes(range(256)),
    }
    torch.jit.save(m, out("multi_method.pt"), _extra_files=extra)


def make_lstm_scripted():
    torch.manual_seed(0)
    torch.jit.script(torch.nn.LSTM(4, 8)).save(out("lstm_scripted.pt"))


def make_frozen():
    torch.manual_seed(0)
    m = torch.jit.freeze(torch.jit.script(SmallConv().eval()))
    m.save(out("frozen.pt"))


def make_lite():
    torch.manual_seed(0)
    torch.jit.script(LiteNet())._save_for_lite_interpreter(out("lite.ptl"))


def make_custom_op():
    torch.manual_seed(0)
    torch.jit.script(CustomOpNet()).save(out("custom_op.pt"))


def make_checkpoint():
    torch.manual_seed(0)
    torch.save(CheckpointNet().state_dict(), out("checkpoint.pt"))


def make_legacy():
    torch.manual_seed(0)
    sd = CheckpointNet().state_dict()
    path = out("legacy.pt")
    # The legacy format keys storages by memory address, so its bytes differ
    # on every run; keep an existing file if it holds the same tensors.
    if os.path.exists(path):
        try:
            old = torch.load(path)
            if (list(old.keys()) == list(sd.keys()) and
                    all(old[k].dtype == v.dtype and torch.equal(old[k], v)
                        for k, v in sd.items())):
                return
        except Exception:  # noqa: BLE001
            pass
    torch.save(sd, path, _use_new_zipfile_serialization=False)


def make_newer_version():
    """Copy of mycell_traced.pt whose format version record says 99.

    PyTorchStreamWriter (1.13) writes the version record itself in
    write_end_of_file(): as "version" for versions < 6, else as
    ".data/version" (which readers consult first). Writing "version" by hand
    would collide with that record, so the old "version" record is dropped
    and set_min_version(99) makes the writer emit ".data/version" = "99\n".
    """
    import zipfile
    src = out("mycell_traced.pt")
    dst = out("newer_version.pt")
    with zipfile.ZipFile(src) as z:  # keep the original record order
        order = [n.split("/", 1)[1] for n in z.namelist()]
    reader = torch._C.PyTorchFileReader(src)
    assert sorted(order) == sorted(reader.get_all_records())
    writer = torch._C.PyTorchFileWriter(dst)
    for name in order:
        if name in ("version", ".data/version"):
            continue
        data = reader.get_record(name)
        writer.write_record(name, data, len(data))
    writer.set_min_version(99)
    writer.write_end_of_file()
    del writer
    del reader
    with zipfile.ZipFile(dst) as z:
        names = z.namelist()
        assert "newer_version/.data/version" in names, names
        assert "newer_version/version" not in names, names
        assert z.read("newer_version/.data/version") == b"99\n"


# --------------------------------------------------------------------------
# Expected text
# --------------------------------------------------------------------------

TORCHSCRIPT_STEMS = [
    ("mycell_traced", "mycell_traced.pt"),
    ("mycell_scripted", "mycell_scripted.pt"),
    ("mydecisiongate_traced", "mydecisiongate_traced.pt"),
    ("mydecisiongate_scripted", "mydecisiongate_scripted.pt"),
    ("myrnnloop", "myrnnloop.pt"),
    ("wraprnn", "wraprnn.pt"),
    ("multi_method", "multi_method.pt"),
    ("lstm_scripted", "lstm_scripted.pt"),
    ("frozen", "frozen.pt"),
    ("lite", "lite.ptl"),
    ("custom_op", "custom_op.pt"),
]

ALL_ARCHIVES = [f for _, f in TORCHSCRIPT_STEMS] + [
    "checkpoint.pt", "legacy.pt", "newer_version.pt"]


def write_text(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


def shape_str(t):
    return "x".join(str(d) for d in t.shape)


def dtype_str(t):
    return str(t.dtype).replace("torch.", "")


def write_expected(stem, fname):
    path = out(fname)
    m = torch.jit.load(path)
    d = os.path.join(EXPECTED, stem)
    if os.path.isdir(d):
        shutil.rmtree(d)
    os.makedirs(d)

    write_text(os.path.join(d, "print.txt"), str(m) + "\n")

    records = sorted(torch._C.PyTorchFileReader(path).get_all_records())
    write_text(os.path.join(d, "records.txt"),
               "".join(r + "\n" for r in records))

    mod_lines = []
    slot_lines = []
    for mpath, mod in m.named_modules():
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

        mdir = os.path.join(d, mpath if mpath else "_root")
        os.makedirs(mdir, exist_ok=True)
        write_text(os.path.join(mdir, "class.code.txt"), mod._c.code)
        for meth_name in methods:
            try:
                meth = getattr(mod, meth_name)
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

    write_text(os.path.join(d, "modules.tsv"), "".join(mod_lines))
    write_text(os.path.join(d, "slots.tsv"), "".join(slot_lines))


README = """\
# TorchScope expected outputs

Produced by `/usr/bin/python3 tests/data/make_fixtures.py` (Debian python3-torch
1.13, `torch.manual_seed(0)` before each model). For every TorchScript archive
`tests/data/<stem>.pt` (or `.ptl`) the script loads `m = torch.jit.load(path)`
(for `custom_op` after `torch.ops.load_library` of tests/oplib) and writes,
UTF-8, bytes exactly as Python produces them:

- `<stem>/print.txt`: `str(m) + "\\n"` (what `print(m)` writes).
- `<stem>/modules.tsv`: one line per `m.named_modules()` entry, in order:
  `path<TAB>original_name<TAB>qualified_type<TAB>method,names` (path dotted,
  empty for the root; type = `mod._c._type().qualified_name()`; methods =
  `mod._c._method_names()` in order).
- `<stem>/slots.tsv`: per module (same order) its own parameters then buffers:
  `path<TAB>name<TAB>parameter|buffer<TAB>shape (e.g. 3x4, empty if 0-d)<TAB>dtype (e.g. float32)<TAB>true|false (requires_grad)`.
- `<stem>/records.txt`: sorted `torch._C.PyTorchFileReader(path).get_all_records()`,
  one per line (names without the archive's top-level folder).
- `<stem>/<dir>/` per module, `<dir>` = `_root` for the root, else the dotted path:
  - `class.code.txt`: `mod._c.code`
  - per method `M` of `mod._c._method_names()`:
    `M.code.txt` = `getattr(mod, M).code`,
    `M.graph.txt` = `str(getattr(mod, M).graph)` (with `# File:` source comments),
    `M.graph-nosrc.txt` = `getattr(mod, M).graph.str(False)` (without them),
    `M.inlined.txt` = `str(getattr(mod, M).inlined_graph)`.

Every line-oriented file (`*.tsv`, `records.txt`) ends each line with `\\n`.
`checkpoint.pt`, `legacy.pt` and `newer_version.pt` are not loadable by
`torch.jit.load` and have no expected folder.
"""


# --------------------------------------------------------------------------
# Checks
# --------------------------------------------------------------------------

def load_error_in_fresh_process(path):
    code = ("import sys, torch\n"
            "try:\n"
            "    torch.jit.load(sys.argv[1])\n"
            "except Exception as e:\n"
            "    print(type(e).__name__ + ': ' + str(e))\n"
            "else:\n"
            "    print('LOADED OK')\n")
    r = subprocess.run([sys.executable, "-c", code, path],
                       capture_output=True, text=True)
    return r.stdout.rstrip("\n")


def main():
    os.makedirs(EXPECTED, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        build_and_load_oplib(tmp)

        make_mycell_traced()
        make_mycell_scripted()
        make_mydecisiongate_traced()
        make_mydecisiongate_scripted()
        make_myrnnloop()
        make_wraprnn()
        make_multi_method()
        make_lstm_scripted()
        make_frozen()
        make_lite()
        make_custom_op()
        make_checkpoint()
        make_legacy()
        make_newer_version()
        make_in_fresh_process("make_mycell_pair")

        for stem, fname in TORCHSCRIPT_STEMS:
            write_expected(stem, fname)
        write_text(os.path.join(EXPECTED, "README.md"), README)

        # newer_version.pt must fail with a version error.
        try:
            torch.jit.load(out("newer_version.pt"))
        except Exception as e:  # noqa: BLE001
            msg = str(e)
            assert "version" in msg, msg
            print("newer_version.pt load error (expected):", msg.splitlines()[0])
        else:
            raise AssertionError("newer_version.pt loaded unexpectedly")

    if "--check-errors" in sys.argv:
        for f in ["newer_version.pt", "checkpoint.pt", "legacy.pt",
                  "custom_op.pt"]:
            print("---", f, "(fresh process, no op library)")
            print(load_error_in_fresh_process(out(f)))

    for f in ALL_ARCHIVES:
        size = os.path.getsize(out(f))
        assert size < 100 * 1024, (f, size)
    print("done: %d archives written to %s" % (len(ALL_ARCHIVES), HERE))


# --------------------------------------------------------------------------
# Run and compare (issue 5): archives that are run, not printed, so they
# have no expected/ folder. Each is made in a fresh process, so type-name
# mangling does not depend on what was scripted before; regenerate only them
# with (from tests/data)
#   PYTHONHASHSEED=0 /usr/bin/python3 -c "import make_fixtures as m; m.make_mycell_pair()"
# --------------------------------------------------------------------------

def make_in_fresh_process(builder):
    code = "import make_fixtures as m; m.%s()" % builder
    env = dict(os.environ, PYTHONHASHSEED="0")
    subprocess.run([sys.executable, "-c", code], cwd=HERE, env=env, check=True)


def make_mycell_pair():
    """The tutorial's MyCell (no gate) traced and scripted from one instance.

    Same weights in both, and no control flow to freeze: `compare` must pass
    on any inputs.
    """
    torch.manual_seed(0)
    cell = MyCell()
    x, h = torch.rand(3, 4), torch.rand(3, 4)
    torch.jit.trace(cell, (x, h)).save(out("mycell_pair_traced.pt"))
    torch.jit.script(cell).save(out("mycell_pair_scripted.pt"))


if __name__ == "__main__":
    main()
