// The kernel bodies, included once per instruction set by Kernels.c, which defines:
// `vf`/`vi` (LANES floats/ints), `LANES`, `SB_ATTR` (the target attribute) and `SB_FN(name)`
// (the name with the variant's suffix).

static inline __attribute__((always_inline)) SB_ATTR vf SB_FN(load)(const float *p) {
    vf v;
    memcpy(&v, p, sizeof v);
    return v;
}

static inline __attribute__((always_inline)) SB_ATTR void SB_FN(store)(float *p, vf v) { memcpy(p, &v, sizeof v); }

static inline __attribute__((always_inline)) SB_ATTR vf SB_FN(splat)(float x) {
    vf v;
    for (int l = 0; l < LANES; l++) v[l] = x;
    return v;
}

// Lane-wise `mask ? a : b` for a comparison's all-ones / all-zeros lanes.
static inline __attribute__((always_inline)) SB_ATTR vf SB_FN(select)(vi mask, vf a, vf b) {
    vi ai, bi;
    memcpy(&ai, &a, sizeof ai);
    memcpy(&bi, &b, sizeof bi);
    vi r = (ai & mask) | (bi & ~mask);
    vf out;
    memcpy(&out, &r, sizeof out);
    return out;
}

// exp: clamp to [-87.3, 88.3], n = round(x / ln 2) by the 1.5 · 2^23 trick, r = x − n ln 2
// in two parts, a degree-6 polynomial in r (Cephes `expf`), 2^n put back through the bits.
static inline __attribute__((always_inline)) SB_ATTR vf SB_FN(exp)(vf x) {
    vf low = SB_FN(splat)(-87.3f), high = SB_FN(splat)(88.3f);
    x = SB_FN(select)(x < low, low, x);
    x = SB_FN(select)(x > high, high, x);
    const float magic = 12582912.0f;
    vf shifted = x * 1.44269504f + magic;
    vf n = shifted - magic;
    vf r = x - n * 0.693359375f + n * 2.1219444e-4f;
    vf p = SB_FN(splat)(1.98756915e-4f);
    p = p * r + 1.39819995e-3f;
    p = p * r + 8.3334519e-3f;
    p = p * r + 4.16657959e-2f;
    p = p * r + 1.66666655e-1f;
    p = p * r + 5.00000012e-1f;
    p = p * r * r + r + 1;
    vi bits;
    int magicBits;
    memcpy(&bits, &shifted, sizeof bits);
    memcpy(&magicBits, &magic, sizeof magicBits);
    vi scale = ((bits - magicBits) + 127) << 23;
    vf two;
    memcpy(&two, &scale, sizeof two);
    return p * two;
}

static inline __attribute__((always_inline)) SB_ATTR vf SB_FN(sigmoid)(vf x) { return 1 / (1 + SB_FN(exp)(-x)); }

static inline __attribute__((always_inline)) SB_ATTR vf SB_FN(tanh)(vf x) {
    vi negative = x < 0;
    vf e = SB_FN(exp)(-2 * SB_FN(select)(negative, -x, x));
    vf t = (1 - e) / (1 + e);
    return SB_FN(select)(negative, -t, t);
}

SB_ATTR void SB_FN(sb_vec_mat)(const float *x, const float *a, int k, int n, float *y) {
    // A ragged end is done as the last whole vector, [n − LANES, n), from y's values before
    // any were written: its lanes sum in the same order as the blocks', so overlapped
    // outputs come out the same.
    vf lastStart;
    int last = n - LANES;
    if (n % LANES && n > LANES) lastStart = SB_FN(load)(y + last);
    int j = 0;
    // Four accumulators (4 · LANES outputs) stay in registers over all k rows.
    for (; j + 4 * LANES <= n; j += 4 * LANES) {
        vf s0 = SB_FN(load)(y + j), s1 = SB_FN(load)(y + j + LANES);
        vf s2 = SB_FN(load)(y + j + 2 * LANES), s3 = SB_FN(load)(y + j + 3 * LANES);
        for (int r = 0; r < k; r++) {
            const float *row = a + (long)r * n + j;
            vf xr = SB_FN(splat)(x[r]);
            s0 += xr * SB_FN(load)(row);
            s1 += xr * SB_FN(load)(row + LANES);
            s2 += xr * SB_FN(load)(row + 2 * LANES);
            s3 += xr * SB_FN(load)(row + 3 * LANES);
        }
        SB_FN(store)(y + j, s0);
        SB_FN(store)(y + j + LANES, s1);
        SB_FN(store)(y + j + 2 * LANES, s2);
        SB_FN(store)(y + j + 3 * LANES, s3);
    }
    for (; j + LANES <= n; j += LANES) {
        vf s = SB_FN(load)(y + j);
        for (int r = 0; r < k; r++) s += SB_FN(splat)(x[r]) * SB_FN(load)(a + (long)r * n + j);
        SB_FN(store)(y + j, s);
    }
    if (j < n && n > LANES) {
        vf s = lastStart;
        for (int r = 0; r < k; r++) s += SB_FN(splat)(x[r]) * SB_FN(load)(a + (long)r * n + last);
        SB_FN(store)(y + last, s);
        return;
    }
    for (; j < n; j++) {
        float s = y[j];
        for (int r = 0; r < k; r++) s += x[r] * a[(long)r * n + j];
        y[j] = s;
    }
}

SB_ATTR void SB_FN(sb_lstm_step)(int hidden, float *gates, const float *wh, const float *h_prev, float *c, float *h) {
    const int H = hidden;
    if (h_prev) SB_FN(sb_vec_mat)(h_prev, wh, H, 4 * H, gates);
    float *i = gates, *f = gates + H, *g = gates + 2 * H, *o = gates + 3 * H;
    int j = 0;
    for (; j + LANES <= H; j += LANES) {
        vf iv = SB_FN(sigmoid)(SB_FN(load)(i + j)), fv = SB_FN(sigmoid)(SB_FN(load)(f + j));
        vf gv = SB_FN(tanh)(SB_FN(load)(g + j)), ov = SB_FN(sigmoid)(SB_FN(load)(o + j));
        vf cv = h_prev ? fv * SB_FN(load)(c + j) + iv * gv : iv * gv;
        SB_FN(store)(i + j, iv);
        SB_FN(store)(f + j, fv);
        SB_FN(store)(g + j, gv);
        SB_FN(store)(o + j, ov);
        SB_FN(store)(c + j, cv);
        SB_FN(store)(h + j, ov * SB_FN(tanh)(cv));
    }
    // The tail through the same vector code, one lane used.
    for (; j < H; j++) {
        float iv = SB_FN(sigmoid)(SB_FN(splat)(i[j]))[0], fv = SB_FN(sigmoid)(SB_FN(splat)(f[j]))[0];
        float gv = SB_FN(tanh)(SB_FN(splat)(g[j]))[0], ov = SB_FN(sigmoid)(SB_FN(splat)(o[j]))[0];
        float cv = h_prev ? fv * c[j] + iv * gv : iv * gv;
        i[j] = iv, f[j] = fv, g[j] = gv, o[j] = ov;
        c[j] = cv;
        h[j] = ov * SB_FN(tanh)(SB_FN(splat)(cv))[0];
    }
}

SB_ATTR void SB_FN(sb_exp_in_place)(float *p, int n) {
    int j = 0;
    for (; j + LANES <= n; j += LANES) SB_FN(store)(p + j, SB_FN(exp)(SB_FN(load)(p + j)));
    for (; j < n; j++) p[j] = SB_FN(exp)(SB_FN(splat)(p[j]))[0];
}

SB_ATTR void SB_FN(sb_adam_clear)(float *p, float *g, float *m, float *v, long n, const float *constants) {
    const float scale = constants[0], alpha = constants[1], keep1 = 1 - constants[2], keep2 = 1 - constants[3];
    const float epsilon = constants[4];
    long k = 0;
    for (; k + LANES <= n; k += LANES) {
        vf gk = SB_FN(load)(g + k) * scale, mk = SB_FN(load)(m + k), vk = SB_FN(load)(v + k);
        mk += (gk - mk) * keep1;
        vk += (gk * gk - vk) * keep2;
        SB_FN(store)(m + k, mk);
        SB_FN(store)(v + k, vk);
        SB_FN(store)(p + k, SB_FN(load)(p + k) - alpha * mk / (__builtin_elementwise_sqrt(vk) + epsilon));
        SB_FN(store)(g + k, SB_FN(splat)(0));
    }
    for (; k < n; k++) {
        float gk = g[k] * scale;
        m[k] += (gk - m[k]) * keep1;
        v[k] += (gk * gk - v[k]) * keep2;
        p[k] -= alpha * m[k] / (__builtin_sqrtf(v[k]) + epsilon);
        g[k] = 0;
    }
}

SB_ATTR void SB_FN(sb_add_clear)(float *sum, float *other, long n) {
    long k = 0;
    for (; k + LANES <= n; k += LANES) {
        SB_FN(store)(sum + k, SB_FN(load)(sum + k) + SB_FN(load)(other + k));
        SB_FN(store)(other + k, SB_FN(splat)(0));
    }
    for (; k < n; k++) sum[k] += other[k], other[k] = 0;
}

SB_ATTR double SB_FN(sb_sum_squares)(const float *x, long n) {
    vf s = SB_FN(splat)(0);
    long k = 0;
    for (; k + LANES <= n; k += LANES) {
        vf xk = SB_FN(load)(x + k);
        s += xk * xk;
    }
    double total = 0;
    for (int l = 0; l < LANES; l++) total += s[l];
    for (; k < n; k++) total += (double)x[k] * x[k];
    return total;
}
