/*
 * The consumer test's program: what an integrator writes after `make install`. It checks
 * the numbers given as arguments and prints each verdict, showing only the MASKED form of a
 * valid number (a card number is personal data).
 */
#include <stdio.h>
#include <string.h>

#include <bhyt.h>

int main(int argc, char **argv) {
    int i;
    int invalid = 0;
    for (i = 1; i < argc; i++) {
        bhyt_card card;
        bhyt_error error;
        bhyt_result rc = bhyt_parse_lenient(argv[i], strlen(argv[i]), BHYT_ISSUER_ANY, &card, &error);
        if (rc == BHYT_OK) {
            char masked[BHYT_FORMAT_SIZE];
            bhyt_format(&card, BHYT_STYLE_MASKED, masked, sizeof masked, NULL);
            printf("valid %s\n", masked);
        } else if (error.position == BHYT_NO_POSITION) {
            printf("invalid %s: %s\n", bhyt_error_code_name(rc), bhyt_error_message(rc, BHYT_LANG_EN));
            invalid = 1;
        } else {
            printf("invalid %s at %lu: %s\n", bhyt_error_code_name(rc),
                   (unsigned long)error.position, bhyt_error_message(rc, BHYT_LANG_VI));
            invalid = 1;
        }
    }
    printf("bhyt %s\n", bhyt_version());
    return invalid;
}
