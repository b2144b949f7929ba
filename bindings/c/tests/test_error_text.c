/*
 * bhyt_error_text and bhyt_error_details through the C API: the snprintf contract (length
 * first, NULL buffer with capacity 0, truncation at a character boundary, never a byte past
 * the capacity, the NUL), the messages of the issue's examples in Vietnamese and English, and
 * every row of tests/vectors/cards.tsv: the details agree with bhyt_parse's error (code,
 * position, byte offset), the message is empty exactly for valid rows and, for the general
 * codes, starts as bhyt_error_message does. (That each message is the core's own text, for
 * every row of every vector file and of the junk suite, is bindings/c/tests/error_text.rs.)
 *
 * usage: test_error_text CARDS_TSV
 */
#include "common.h"

/* The whole message, asked for in two calls as the header describes; malloc'd. */
static char *message(bhyt_call call, const char *input, size_t len, bhyt_issuer issuer,
                     size_t item, bhyt_lang lang) {
    size_t needed = bhyt_error_text(call, input, len, issuer, item, lang, NULL, 0);
    char *text = (char *)malloc(needed + 1);
    if (text == NULL) {
        abort();
    }
    if (bhyt_error_text(call, input, len, issuer, item, lang, text, needed + 1) != needed ||
        strlen(text) != needed) {
        text[0] = '\0';
    }
    return text;
}

static void check_text(bhyt_call call, const char *input, bhyt_issuer issuer, bhyt_lang lang,
                       const char *want) {
    char *text = message(call, input, strlen(input), issuer, 0, lang);
    if (!CHECK(strcmp(text, want) == 0)) {
        fprintf(stderr, "     got \"%s\"\n     want \"%s\"\n", text, want);
    }
    free(text);
}

static void examples(void) {
    check_text(BHYT_CALL_VALIDATE, "DN4010123456A89", BHYT_ISSUER_ANY, BHYT_LANG_VI,
               "K\xc3\xbd t\xe1\xbb\xb1 th\xe1\xbb\xa9 13 l\xc3\xa0 m\xe1\xbb\x99t ch\xe1\xbb\xaf "
               "c\xc3\xa1i in hoa, c\xe1\xba\xa7n m\xe1\xbb\x99t ch\xe1\xbb\xaf s\xe1\xbb\x91 (0-9)");
    check_text(BHYT_CALL_VALIDATE, "DN4010123456A89", BHYT_ISSUER_ANY, BHYT_LANG_EN,
               "character 13 is an uppercase letter, expected a digit (0-9)");
    check_text(BHYT_CALL_VALIDATE, "DN4010123456789", BHYT_ISSUER_POLICE, BHYT_LANG_EN,
               "for Police social security, characters 4-5 must be 98");
    check_text(BHYT_CALL_VALIDATE, "DN4010123456789", BHYT_ISSUER_ANY, BHYT_LANG_EN, "");
    check_text(BHYT_CALL_VALIDATE_LENIENT, "dn 4 01 0123456789 x", BHYT_ISSUER_ANY, BHYT_LANG_EN,
               "a BHYT card number has exactly 10 digits or 15 characters, not 16");
    check_text(BHYT_CALL_IDENTIFY, "12345", BHYT_ISSUER_ANY, BHYT_LANG_EN,
               "neither a BHYT card number (10 digits or 15 characters) nor a personal "
               "identification number (12 digits): 5 characters");
    check_text(BHYT_CALL_CHECK_PREFIX, "DX", BHYT_ISSUER_ANY, BHYT_LANG_EN,
               "the group code (characters 1-2) is not on the VNeID list of 43 codes");
}

static void details_of_the_examples(void) {
    bhyt_error_detail d;
    const char *late = "ND4010123456789";
    const char *accent = "\xc4\x90N4010123456789"; /* Đ */
    CHECK(bhyt_error_details(BHYT_CALL_VALIDATE, late, 15, BHYT_ISSUER_ANY, 0, &d) ==
          BHYT_LATE_GROUP_CODE);
    CHECK(d.code == BHYT_LATE_GROUP_CODE && d.position == 0 && strcmp(d.group_code, "ND") == 0);
    CHECK(bhyt_error_details(BHYT_CALL_VALIDATE, accent, 16, BHYT_ISSUER_ANY, 0, &d) ==
          BHYT_INVALID_CHARACTER);
    CHECK(d.position == 0 && d.byte_offset == 0 && d.expected == BHYT_KIND_UPPERCASE_LETTER &&
          d.found == BHYT_KIND_NON_ASCII && d.length == BHYT_NO_POSITION);
    CHECK(bhyt_error_details(BHYT_CALL_VALIDATE, "DN4010123456789", 15, BHYT_ISSUER_DEFENCE, 0,
                             &d) == BHYT_INVALID_PROVINCE_CODE);
    CHECK(d.position == 3 && d.issuer == BHYT_ISSUER_DEFENCE);
    CHECK(bhyt_error_details(BHYT_CALL_VALIDATE, "0123", 4, BHYT_ISSUER_ANY, 0, &d) ==
          BHYT_INVALID_LENGTH);
    CHECK(d.length == 4 && d.position == BHYT_NO_POSITION && d.expected == BHYT_KIND_NONE);
    /* Invalid UTF-8 is one character (\xff), the position is the next character's. */
    CHECK(bhyt_error_details(BHYT_CALL_VALIDATE, "\xff" "101010101", 10, BHYT_ISSUER_ANY, 0,
                             &d) == BHYT_INVALID_CHARACTER);
    CHECK(d.position == 0 && d.found == BHYT_KIND_NON_ASCII);
    /* MA_THE_BHYT: the second item's error, counted from the start of the field. */
    CHECK(bhyt_error_details(BHYT_CALL_MA_THE_BHYT, "HS4010120878811;HS401012087881X", 31,
                             BHYT_ISSUER_ANY, 1, &d) == BHYT_INVALID_CHARACTER);
    CHECK(d.position == 30 && d.byte_offset == 30);
    CHECK(bhyt_error_details(BHYT_CALL_MA_THE_BHYT, "HS4010120878811;HS401012087881X", 31,
                             BHYT_ISSUER_ANY, 0, &d) == BHYT_OK);
    CHECK(bhyt_error_details(BHYT_CALL_MA_THE_BHYT, "HS4010120878811", 15, BHYT_ISSUER_ANY, 1,
                             &d) == BHYT_INVALID_ARGUMENT);
    CHECK(bhyt_error_details(8, "x", 1, BHYT_ISSUER_ANY, 0, &d) == BHYT_INVALID_ARGUMENT);
    CHECK(bhyt_error_details(BHYT_CALL_VALIDATE, NULL, 0, BHYT_ISSUER_ANY, 0, &d) ==
          BHYT_NULL_ARGUMENT);
    CHECK(bhyt_error_details(BHYT_CALL_VALIDATE, "x", 1, BHYT_ISSUER_ANY, 0, NULL) ==
          BHYT_NULL_ARGUMENT);
    CHECK(bhyt_error_details(BHYT_CALL_VALIDATE, "x", 1, 42, 0, &d) == BHYT_INVALID_ISSUER);
}

static void snprintf_contract(void) {
    const char *input = "DN4010123456789";
    char buffer[128];
    size_t full = bhyt_error_text(BHYT_CALL_VALIDATE, input, 15, BHYT_ISSUER_POLICE, 0,
                                  BHYT_LANG_VI, NULL, 0);
    size_t capacity;
    CHECK(full > 0 && full < sizeof buffer - 8);
    for (capacity = 0; capacity <= full + 1; capacity++) {
        size_t i, stored;
        memset(buffer, 0x55, sizeof buffer);
        CHECK(bhyt_error_text(BHYT_CALL_VALIDATE, input, 15, BHYT_ISSUER_POLICE, 0,
                              BHYT_LANG_VI, buffer, capacity) == full);
        for (i = capacity; i < sizeof buffer; i++) {
            if (buffer[i] != 0x55) {
                break;
            }
        }
        CHECK(i == sizeof buffer); /* nothing written past the capacity */
        if (capacity == 0) {
            continue;
        }
        stored = strlen(buffer);
        CHECK(stored < capacity);
        CHECK(utf8_valid((const unsigned char *)buffer, stored)); /* whole characters only */
        CHECK(stored + 4 > capacity - 1 || stored == full);       /* no room lost */
    }
    /* NULL buffer with a capacity: the general message of BHYT_NULL_ARGUMENT's length. */
    CHECK(bhyt_error_text(BHYT_CALL_VALIDATE, input, 15, BHYT_ISSUER_ANY, 0, BHYT_LANG_EN, NULL,
                          10) == strlen(bhyt_error_message(BHYT_NULL_ARGUMENT, BHYT_LANG_EN)));
    /* NULL input: BHYT_NULL_ARGUMENT's general message. */
    CHECK(bhyt_error_text(BHYT_CALL_VALIDATE, NULL, 0, BHYT_ISSUER_ANY, 0, BHYT_LANG_VI, buffer,
                          sizeof buffer) ==
          strlen(bhyt_error_message(BHYT_NULL_ARGUMENT, BHYT_LANG_VI)));
    CHECK(strcmp(buffer, bhyt_error_message(BHYT_NULL_ARGUMENT, BHYT_LANG_VI)) == 0);
    CHECK(bhyt_error_text(99, input, 15, BHYT_ISSUER_ANY, 0, BHYT_LANG_EN, buffer,
                          sizeof buffer) > 0);
    CHECK(strcmp(buffer, bhyt_error_message(BHYT_INVALID_ARGUMENT, BHYT_LANG_EN)) == 0);
    CHECK(strcmp(bhyt_error_code_name(BHYT_INVALID_ARGUMENT), "invalid_argument") == 0);
}

/* Every card row: details agree with bhyt_parse, the message is empty exactly when valid. */
static void cards(const char *path) {
    tsv t;
    char *f[MAX_COLUMNS];
    size_t n, c_mode, c_issuer, c_input, rows = 0;
    if (!CHECK(tsv_open(&t, path))) {
        return;
    }
    c_mode = tsv_column(&t, "mode");
    c_issuer = tsv_column(&t, "issuer");
    c_input = tsv_column(&t, "input");
    while (tsv_next(&t, f, &n)) {
        size_t len;
        bhyt_issuer issuer;
        bhyt_card card;
        bhyt_error error;
        bhyt_error_detail d;
        bhyt_result parsed, detailed;
        int lenient, ok = 1;
        char *vi, *en;
        if (n != t.columns || !unescape_field(f[c_input], 0, 0, &len) ||
            !issuer_value(f[c_issuer], &issuer)) {
            CHECK(0);
            continue;
        }
        lenient = strcmp(f[c_mode], "lenient") == 0;
        parsed = lenient ? bhyt_parse_lenient(f[c_input], len, issuer, &card, &error)
                         : bhyt_parse(f[c_input], len, issuer, &card, &error);
        detailed = bhyt_error_details(lenient ? BHYT_CALL_VALIDATE_LENIENT : BHYT_CALL_VALIDATE,
                                      f[c_input], len, issuer, 0, &d);
        vi = message(lenient ? BHYT_CALL_VALIDATE_LENIENT : BHYT_CALL_VALIDATE, f[c_input], len,
                     issuer, 0, BHYT_LANG_VI);
        en = message(lenient ? BHYT_CALL_VALIDATE_LENIENT : BHYT_CALL_VALIDATE, f[c_input], len,
                     issuer, 0, BHYT_LANG_EN);
        ok &= detailed == parsed;
        if (parsed == BHYT_OK) {
            ok &= vi[0] == '\0' && en[0] == '\0';
        } else {
            ok &= d.code == error.code && d.position == error.position &&
                  d.byte_offset == error.byte_offset;
            ok &= vi[0] != '\0' && en[0] != '\0';
            ok &= utf8_valid((const unsigned char *)vi, strlen(vi));
            /* Codes whose full message is the general one. */
            if (parsed == BHYT_UNKNOWN_GROUP_CODE || parsed == BHYT_INVALID_BENEFIT_LEVEL) {
                ok &= strcmp(vi, bhyt_error_message(parsed, BHYT_LANG_VI)) == 0;
                ok &= strcmp(en, bhyt_error_message(parsed, BHYT_LANG_EN)) == 0;
            }
            if (parsed == BHYT_INVALID_CHARACTER) {
                ok &= d.expected != BHYT_KIND_NONE && d.found != BHYT_KIND_NONE;
            }
            if (parsed == BHYT_INVALID_LENGTH) {
                ok &= d.length != BHYT_NO_POSITION;
            }
        }
        if (!ok && checks_failed < 50) {
            fprintf(stderr, "%s:%lu: details or message disagree\n", t.path, t.line);
        }
        CHECK(ok);
        free(vi);
        free(en);
        rows++;
    }
    CHECK(rows > 1000);
    free(t.text);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s CARDS_TSV\n", argv[0]);
        return 2;
    }
    examples();
    details_of_the_examples();
    snprintf_contract();
    cards(argv[1]);
    return finish("test_error_text");
}
