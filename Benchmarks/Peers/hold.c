/*
 * The hold model on a plain binary min-heap of doubles: the near-hardware
 * reference for Benchmarks/compare-peers.sh. N times pending; each step adds
 * an Exp(1) delay to the earliest time and sifts it down from the root
 * (replace-top). Delays come from the same GSL generator (MT19937) and
 * distribution the kernel uses, so the comparison measures the event set
 * and loop, not the random numbers.
 *
 *   cc -O2 hold.c -o hold $(pkg-config --cflags --libs gsl)
 *   ./hold PENDING EVENTS [REPEATS]   ->   ns_per_event=<best of REPEATS>
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>

static double *heap;
static size_t n;

static void sift_down(double value) {
    size_t hole = 0;
    for (;;) {
        size_t child = 2 * hole + 1;
        if (child >= n) break;
        if (child + 1 < n && heap[child + 1] < heap[child]) child++;
        if (!(heap[child] < value)) break;
        heap[hole] = heap[child];
        hole = child;
    }
    heap[hole] = value;
}

static void sift_up(size_t hole) {
    double value = heap[hole];
    while (hole > 0) {
        size_t parent = (hole - 1) / 2;
        if (!(value < heap[parent])) break;
        heap[hole] = heap[parent];
        hole = parent;
    }
    heap[hole] = value;
}

static void hold(gsl_rng *r, long events) {
    for (long i = 0; i < events; i++) sift_down(heap[0] + gsl_ran_exponential(r, 1.0));
}

static double now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: hold PENDING EVENTS [REPEATS]\n");
        return 64;
    }
    n = (size_t)atol(argv[1]);
    long events = atol(argv[2]);
    int repeats = argc > 3 ? atoi(argv[3]) : 3;
    heap = malloc(n * sizeof *heap);
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 1);
    for (size_t i = 0; i < n; i++) {
        heap[i] = gsl_ran_exponential(r, 1.0);
        sift_up(i);
    }
    hold(r, (long)n); /* warm up to steady state */
    double best = 1e300;
    for (int k = 0; k < repeats; k++) {
        double start = now_ns();
        hold(r, events);
        double per = (now_ns() - start) / (double)events;
        if (per < best) best = per;
    }
    printf("ns_per_event=%.3f\n", best);
    gsl_rng_free(r);
    free(heap);
    return 0;
}
