#include "CKernels.h"

#include <string.h>

// The portable build: four lanes (SSE2, NEON), in every binary.
typedef float vf __attribute__((vector_size(16)));
typedef int vi __attribute__((vector_size(16)));
#define LANES 4
#define SB_ATTR
#define SB_FN(name) name##_portable
#include "KernelBodies.h"
#undef LANES
#undef SB_ATTR
#undef SB_FN

#if defined(__x86_64__)
// The x86-64-v3 build: eight lanes, FMA; chosen at run time when the CPU has AVX2 and FMA.
typedef float vf8 __attribute__((vector_size(32)));
typedef int vi8 __attribute__((vector_size(32)));
#define vf vf8
#define vi vi8
#define LANES 8
#define SB_ATTR __attribute__((target("avx2,fma")))
#define SB_FN(name) name##_avx2
#include "KernelBodies.h"

static int sb_wide(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}
#define SB_DISPATCH(call) (sb_wide() ? call##_avx2 : call##_portable)
#else
static int sb_wide(void) { return 0; }
#define SB_DISPATCH(call) call##_portable
#endif

int sb_kernels_wide(void) { return sb_wide(); }

void sb_vec_mat(const float *x, const float *a, int k, int n, float *y) { SB_DISPATCH(sb_vec_mat)(x, a, k, n, y); }

void sb_lstm_step(int hidden, float *gates, const float *wh, const float *h_prev, float *c, float *h) {
    SB_DISPATCH(sb_lstm_step)(hidden, gates, wh, h_prev, c, h);
}

void sb_exp_in_place(float *p, int n) { SB_DISPATCH(sb_exp_in_place)(p, n); }

void sb_adam_clear(float *p, float *g, float *m, float *v, long n, const float *constants) {
    SB_DISPATCH(sb_adam_clear)(p, g, m, v, n, constants);
}

void sb_add_clear(float *sum, float *other, long n) { SB_DISPATCH(sb_add_clear)(sum, other, n); }

double sb_sum_squares(const float *x, long n) { return SB_DISPATCH(sb_sum_squares)(x, n); }
