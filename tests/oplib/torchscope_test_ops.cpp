// Tiny LibTorch custom-operator library used by TorchScope's tests.
// Registers torchscope_test::scale(Tensor x, float factor) -> Tensor,
// computing x * factor on CPU. Loaded before opening custom_op.pt.
#include <ATen/ATen.h>
#include <torch/library.h>

namespace {

at::Tensor scale(const at::Tensor& x, double factor) {
  return x * factor;
}

} // namespace

TORCH_LIBRARY(torchscope_test, m) {
  m.def("scale(Tensor x, float factor) -> Tensor", &scale);
}
