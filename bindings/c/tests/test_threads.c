/*
 * Several threads validating, parsing, formatting and checking prefixes at the same time:
 * the library has no global state, so every thread must get exactly the single-threaded
 * answers.
 */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>

#include "common.h"

#define THREADS 8
#define ROUNDS 20000

typedef struct {
    const char *input;
    bhyt_issuer issuer;
    int lenient;
    bhyt_result code;
    size_t position;
    const char *masked; /* valid numbers: the masked form */
} work_case;

static const work_case CASES[] = {
    {"0101010101", BHYT_ISSUER_ANY, 0, BHYT_OK, BHYT_NO_POSITION, "******0101"},
    {"DN4010123456789", BHYT_ISSUER_VSS, 0, BHYT_OK, BHYT_NO_POSITION, "DN 4 01 ******6789"},
    {"CA5980123456789", BHYT_ISSUER_POLICE, 0, BHYT_OK, BHYT_NO_POSITION, "CA 5 98 ******6789"},
    {"QN5970123456789", BHYT_ISSUER_DEFENCE, 0, BHYT_OK, BHYT_NO_POSITION, "QN 5 97 ******6789"},
    {" hs 4 01 0120878811 ", BHYT_ISSUER_ANY, 1, BHYT_OK, BHYT_NO_POSITION, "HS 4 01 ******8811"},
    {"DN4010123456789", BHYT_ISSUER_POLICE, 0, BHYT_INVALID_PROVINCE_CODE, 3, NULL},
    {"DX4010123456789", BHYT_ISSUER_ANY, 0, BHYT_UNKNOWN_GROUP_CODE, 0, NULL},
    {"TG4010123456789", BHYT_ISSUER_ANY, 0, BHYT_LATE_GROUP_CODE, 0, NULL},
    {"DN6010123456789", BHYT_ISSUER_ANY, 0, BHYT_INVALID_BENEFIT_LEVEL, 2, NULL},
    {"01010A0101", BHYT_ISSUER_ANY, 0, BHYT_INVALID_CHARACTER, 5, NULL},
    {"HS 4 01 O120878811", BHYT_ISSUER_ANY, 1, BHYT_INVALID_CHARACTER, 8, NULL},
    {"0101", BHYT_ISSUER_ANY, 0, BHYT_INVALID_LENGTH, BHYT_NO_POSITION, NULL},
};
#define CASE_COUNT (sizeof CASES / sizeof CASES[0])

static void *worker(void *arg) {
    size_t id = *(const size_t *)arg;
    unsigned long failures = 0;
    unsigned long round;
    for (round = 0; round < ROUNDS; round++) {
        const work_case *c = &CASES[(round + id * 7) % CASE_COUNT];
        size_t len = strlen(c->input);
        bhyt_card card;
        bhyt_error error;
        bhyt_prefix prefix;
        bhyt_result rc = c->lenient ? bhyt_parse_lenient(c->input, len, c->issuer, &card, &error)
                                    : bhyt_parse(c->input, len, c->issuer, &card, &error);
        if (rc != c->code) {
            failures++;
            continue;
        }
        if (rc == BHYT_OK) {
            char text[BHYT_FORMAT_SIZE];
            if (bhyt_format(&card, BHYT_STYLE_MASKED, text, sizeof text, NULL) != BHYT_OK ||
                strcmp(text, c->masked) != 0) {
                failures++;
            }
        } else if (error.code != rc || error.position != c->position) {
            failures++;
        }
        if ((c->lenient ? bhyt_check_prefix_lenient(c->input, len, c->issuer, &prefix)
                        : bhyt_check_prefix(c->input, len, c->issuer, &prefix)) != BHYT_OK ||
            (prefix.state == BHYT_PREFIX_COMPLETE) != (rc == BHYT_OK)) {
            failures++;
        }
        if (strcmp(bhyt_error_code_name(rc), "unknown") == 0) {
            failures++;
        }
    }
    return (void *)(size_t)failures;
}

int main(void) {
    pthread_t threads[THREADS];
    size_t ids[THREADS];
    size_t i;
    unsigned long failures = 0;
    int started = 0;
    for (i = 0; i < THREADS; i++) {
        ids[i] = i;
        if (pthread_create(&threads[i], NULL, worker, &ids[i]) == 0) {
            started++;
        }
    }
    CHECK(started == THREADS);
    for (i = 0; i < (size_t)started; i++) {
        void *result = NULL;
        CHECK(pthread_join(threads[i], &result) == 0);
        failures += (unsigned long)(size_t)result;
    }
    CHECK(failures == 0);
    printf("threads: %d threads x %d rounds, %lu wrong answers\n", THREADS, ROUNDS, failures);
    return finish("test_threads");
}
