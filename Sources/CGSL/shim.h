#ifndef ORDER_PRIVACY_SIM_CGSL_SHIM_H
#define ORDER_PRIVACY_SIM_CGSL_SHIM_H

// The parts of GSL the simulator uses: random number generators, random
// distributions (including preprocessed discrete tables), cumulative
// distribution functions and quasi-random sequences; for the analyses'
// emulators, matrices, the Cholesky factorisation and the Nelder–Mead
// simplex minimiser.
// GSL's own inline definitions (gsl_inline.h), as its manual recommends
// for speed: gsl_rng_uniform and friends become a load and an indirect call
// to the generator in the caller, not a call into the library first; the
// same functions, the same numbers. Measured: callgrind on
// `model-throughput phases 30000` (docs/performance.md).
#define HAVE_INLINE 1
#define GSL_C99_INLINE 1
#include <gsl/gsl_rng.h>
#include <gsl/gsl_qrng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_multimin.h>

// GSL names its generator types through mutable global pointers
// (`GSL_VAR const gsl_rng_type *gsl_rng_mt19937;`). Swift 6 refuses to touch
// mutable globals from concurrent code, so each generator the simulator may use
// is reached through a function instead.
static inline const gsl_rng_type *cgsl_rng_type_mt19937(void) { return gsl_rng_mt19937; }
static inline const gsl_rng_type *cgsl_rng_type_ranlxd2(void) { return gsl_rng_ranlxd2; }
static inline const gsl_rng_type *cgsl_rng_type_taus2(void) { return gsl_rng_taus2; }
static inline const gsl_rng_type *cgsl_rng_type_ranlux389(void) { return gsl_rng_ranlux389; }
// The same for quasi-random sequences: Sobol (up to 40 dimensions in GSL)
// and Halton (up to 1229).
static inline const gsl_qrng_type *cgsl_qrng_type_sobol(void) { return gsl_qrng_sobol; }
static inline const gsl_qrng_type *cgsl_qrng_type_halton(void) { return gsl_qrng_halton; }
// And for the minimiser: the Nelder–Mead simplex, second version.
static inline const gsl_multimin_fminimizer_type *cgsl_multimin_nmsimplex2(void) { return gsl_multimin_fminimizer_nmsimplex2; }

// GSL's default error handler aborts the process. The simulator checks
// arguments before calling GSL, so a GSL error is a bug; still, a library
// should not abort a host program: turn the handler off once at start-up and
// let callers check return values.
static inline void cgsl_disable_abort_on_error(void) { (void)gsl_set_error_handler_off(); }

#endif
