/*
 * Helpers shared by the C tests of libbhyt: counting checks, the summary line.
 * C99; every test is a single translation unit that includes this file once.
 */
#ifndef BHYT_TEST_COMMON_H
#define BHYT_TEST_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bhyt.h"

static unsigned long checks_passed = 0;
static unsigned long checks_failed = 0;

/* Records one check; prints where it failed (never the card number being tested). */
static int check_at(int ok, const char *file, int line, const char *what) {
    if (ok) {
        checks_passed++;
    } else {
        checks_failed++;
        if (checks_failed <= 50) {
            fprintf(stderr, "%s:%d: check failed: %s\n", file, line, what);
        }
    }
    return ok;
}

#define CHECK(cond) check_at((cond) ? 1 : 0, __FILE__, __LINE__, #cond)

/* Prints the summary line of one test program and returns its exit status. */
static int finish(const char *name) {
    printf("%s: %lu passed, %lu failed\n", name, checks_passed, checks_failed);
    return (checks_failed == 0 && checks_passed > 0) ? 0 : 1;
}

#endif /* BHYT_TEST_COMMON_H */
