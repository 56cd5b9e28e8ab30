// Single-utterance inference kernels (a row vector times a matrix, one fused LSTM step) and
// the training step's sparse-update kernels (worker gradient sums, the clip norm, Adam).
//
// Each is built twice from KernelBodies.h: a portable four-lane build and, on x86-64, an
// AVX2 + FMA eight-lane one, chosen at each call when the CPU has both. IntentModel's Swift
// kernels are the reference they are tested against; results agree to float rounding (FMA
// rounds a multiply and add once, and the sums run in another order).
#ifndef SUPPORTBOT_CKERNELS_H
#define SUPPORTBOT_CKERNELS_H

/// y[n] += x[k] · a[k, n] (a row-major, rows n floats apart).
void sb_vec_mat(const float *x, const float *a, int k, int n, float *y);

/// One LSTM cell step for one sequence. `gates [4H]` holds the input projection plus bias
/// (gate order i, f, g, o); when `h_prev` is not NULL, `h_prev [H] · wh [H, 4H]` is added
/// first. Then `c = f · c + i · g` (`c` read only when `h_prev` is not NULL, else taken as
/// zero), `h = o · tanh(c)`. `c` and `h` [H] are written in place (`h` may be `h_prev`:
/// it is read in full before `h` is written). `gates` is left activated.
void sb_lstm_step(int hidden, float *gates, const float *wh, const float *h_prev, float *c, float *h);

/// `p[0..<n] = exp(p[0..<n])` by the Cephes polynomial of IntentModel's `fastExp`.
void sb_exp_in_place(float *p, int n);

/// Adam with Keras' rule over `n` contiguous parameters, reading the gradient as `g · scale`
/// and zeroing `g`; `constants` = {scale, alpha, beta1, beta2, epsilon}, where alpha is the
/// bias-corrected step `lr · √(1−β₂ᵗ) / (1−β₁ᵗ)`: `m += (g − m)(1 − β₁)`,
/// `v += (g² − v)(1 − β₂)`, `p −= alpha · m / (√v + ε)`.
void sb_adam_clear(float *p, float *g, float *m, float *v, long n, const float *constants);

/// `sum[k] += other[k]`, then `other[k] = 0`, for `k < n`.
void sb_add_clear(float *sum, float *other, long n);

/// `Σ x[k]²` over `k < n` (float lanes, summed in double at the end).
double sb_sum_squares(const float *x, long n);

/// Whether the calls above run the AVX2 + FMA build.
int sb_kernels_wide(void);

/// The portable builds of the kernels above, whatever the CPU (for tests).
void sb_vec_mat_portable(const float *x, const float *a, int k, int n, float *y);
void sb_lstm_step_portable(int hidden, float *gates, const float *wh, const float *h_prev, float *c, float *h);
void sb_exp_in_place_portable(float *p, int n);
void sb_adam_clear_portable(float *p, float *g, float *m, float *v, long n, const float *constants);
void sb_add_clear_portable(float *sum, float *other, long n);
double sb_sum_squares_portable(const float *x, long n);

#endif
