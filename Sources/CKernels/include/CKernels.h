// Single-utterance inference kernels: a row vector times a matrix and one fused LSTM step.
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

/// Whether the calls above run the AVX2 + FMA build.
int sb_kernels_wide(void);

/// The portable builds of the kernels above, whatever the CPU (for tests).
void sb_vec_mat_portable(const float *x, const float *a, int k, int n, float *y);
void sb_lstm_step_portable(int hidden, float *gates, const float *wh, const float *h_prev, float *c, float *h);
void sb_exp_in_place_portable(float *p, int n);

#endif
