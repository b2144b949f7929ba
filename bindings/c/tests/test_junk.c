/*
 * The shared junk-input suite (tests/junk/junk.tsv) through the C API: every row that is not
 * `js_only` (lone UTF-16 surrogates, which only JS strings can hold), `bytes_only` rows (not
 * UTF-8) included, for every issuing-body choice:
 *
 *   - bhyt_validate / bhyt_parse and their lenient forms reject it with a typed error (the
 *     expected code and character position when no body is chosen), a consistent byte
 *     offset, and the card left untouched;
 *   - bhyt_check_prefix and bhyt_check_prefix_lenient give the expected state, `at` and code;
 *   - bhyt_validate_batch(_lenient) and bhyt_validate_lines(_lenient), with the junk between
 *     two valid numbers, report the valid ones valid and the junk with its single-call
 *     verdict (for lines, a junk that holds LF, or ends with CR, is split by the line splitter:
 *     then every line's verdict is checked against the single call on that line);
 *   - outputs are pre-filled with a sentinel and written exactly as bhyt.h documents;
 *   - after each row, valid numbers still validate.
 *
 * usage: test_junk JUNK_TSV
 *
 * The format is tests/junk/README.md: that of tests/vectors/README.md (UTF-8, LF-separated
 * lines, `#` comment lines, a header row, TAB-separated fields, `-` for an empty value except
 * in `input`), with the escapes \\ \t \n \r \xHH decoded to bytes, and the `input` unit
 * repeated `repeat` times (about a mebibyte for the `long-*` rows). Failures name the file,
 * line and row name, never the input.
 */
#include "common.h"

#define VALID_10 "0120878811"
#define VALID_10_KEY 120878811u

/*
 * The length in bytes of the character that starts at s[i], as a lossy UTF-8 decoding counts
 * characters (bhyt.h, `bhyt_error`): a well-formed sequence, or one maximal invalid
 * subsequence (Unicode's "maximal subpart" practice, which Rust's from_utf8_lossy follows).
 */
static size_t lossy_char_len(const unsigned char *s, size_t len, size_t i) {
    unsigned char c = s[i];
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;
    size_t need;
    size_t k;
    if (c < 0x80) {
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
    } else if (c == 0xE0) {
        need = 2;
        lo = 0xA0;
    } else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) {
        need = 2;
    } else if (c == 0xED) {
        need = 2;
        hi = 0x9F;
    } else if (c == 0xF0) {
        need = 3;
        lo = 0x90;
    } else if (c >= 0xF1 && c <= 0xF3) {
        need = 3;
    } else if (c == 0xF4) {
        need = 3;
        hi = 0x8F;
    } else {
        return 1;
    }
    for (k = 1; k <= need; k++) {
        unsigned char b;
        if (i + k >= len) {
            return k;
        }
        b = s[i + k];
        if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) {
            return k;
        }
    }
    return need + 1;
}

/* Characters in bytes[0..len), counted as a lossy UTF-8 decoding counts them. */
static size_t lossy_chars(const char *input, size_t len) {
    const unsigned char *s = (const unsigned char *)input;
    size_t i = 0;
    size_t count = 0;
    while (i < len) {
        i += lossy_char_len(s, len, i);
        count++;
    }
    return count;
}

/* The byte offset where character `position` starts; BHYT_NO_POSITION past the end. */
static size_t lossy_offset(const char *input, size_t len, size_t position) {
    const unsigned char *s = (const unsigned char *)input;
    size_t i = 0;
    size_t count = 0;
    while (count < position) {
        if (i >= len) {
            return BHYT_NO_POSITION;
        }
        i += lossy_char_len(s, len, i);
        count++;
    }
    return i;
}

/*
 * A position and its byte offset as bhyt.h documents them: both BHYT_NO_POSITION, or a
 * character inside the input (`chars` characters) and the byte offset where it starts.
 */
static int offset_ok(const char *input, size_t len, size_t chars, size_t position,
                     size_t byte_offset) {
    if (position == BHYT_NO_POSITION) {
        return byte_offset == BHYT_NO_POSITION;
    }
    return position < chars && byte_offset < len &&
           byte_offset == lossy_offset(input, len, position);
}

static int is_card_error(bhyt_result rc) {
    return rc >= BHYT_INVALID_LENGTH && rc <= BHYT_INVALID_PROVINCE_CODE;
}

static const bhyt_issuer ISSUERS[] = {BHYT_ISSUER_ANY, BHYT_ISSUER_VSS, BHYT_ISSUER_POLICE,
                                      BHYT_ISSUER_DEFENCE};
#define ISSUER_COUNT (sizeof ISSUERS / sizeof ISSUERS[0])

static const char *issuer_label(bhyt_issuer issuer) {
    switch (issuer) {
    case BHYT_ISSUER_VSS: return "vss";
    case BHYT_ISSUER_POLICE: return "police";
    case BHYT_ISSUER_DEFENCE: return "defence";
    default: return "any";
    }
}

/* A valid 15-character number for each issuing-body choice, and its key. */
static const char *valid_15(bhyt_issuer issuer, uint64_t *key) {
    switch (issuer) {
    case BHYT_ISSUER_POLICE: *key = 123456789u; return "CA5980123456789";
    case BHYT_ISSUER_DEFENCE: *key = 123456789u; return "QN5970123456789";
    default: *key = VALID_10_KEY; return "HS4010120878811";
    }
}

/* ---- Checks, reported with the file, line, row name and what was being checked ---------- */

static const char *junk_path;
static unsigned long row_line;
static const char *row_name;
static char row_what[96];
static int row_ok;
static unsigned long failed_rows = 0;
static unsigned long printed = 0;

static void context(const char *what, bhyt_issuer issuer) {
    snprintf(row_what, sizeof row_what, "%s, issuer %s", what, issuer_label(issuer));
}

static void expect_at(int ok, int line, const char *cond) {
    if (ok) {
        checks_passed++;
        return;
    }
    checks_failed++;
    row_ok = 0;
    if (printed < 60) {
        printed++;
        fprintf(stderr, "%s:%lu: row %s (%s): check failed (test_junk.c:%d): %s\n", junk_path,
                row_line, row_name, row_what, line, cond);
    }
}

#define EXPECT(cond) expect_at((cond) ? 1 : 0, __LINE__, #cond)

/* The verdict of a valid number in a batch or lines call. */
static void expect_valid_verdict(const bhyt_verdict *v, uint8_t form, uint64_t key) {
    EXPECT(v->code == BHYT_OK);
    EXPECT(v->form == form);
    EXPECT(v->key == key);
    EXPECT(v->position == BHYT_NO_POSITION && v->byte_offset == BHYT_NO_POSITION);
}

/* A verdict equals the single call's answer (`bhyt_parse` gave rc, card and error). */
static void expect_same_verdict(const bhyt_verdict *v, bhyt_result rc, const bhyt_card *card,
                                const bhyt_error *error) {
    EXPECT(v->code == rc);
    if (rc == BHYT_OK) {
        EXPECT(v->form == card->form && v->key == card->key);
        EXPECT(v->position == BHYT_NO_POSITION && v->byte_offset == BHYT_NO_POSITION);
    } else {
        EXPECT(v->form == 0 && v->key == 0);
        EXPECT(v->position == error->position && v->byte_offset == error->byte_offset);
    }
}

static bhyt_result parse_mode(int lenient, const char *input, size_t len, bhyt_issuer issuer,
                              bhyt_card *card, bhyt_error *error) {
    return lenient ? bhyt_parse_lenient(input, len, issuer, card, error)
                   : bhyt_parse(input, len, issuer, card, error);
}

/* ---- One row --------------------------------------------------------------------------- */

typedef struct {
    const char *strict_code;
    size_t strict_position;
    const char *lenient_code;
    size_t lenient_position;
    const char *prefix_state[2];
    size_t prefix_at[2];
    const char *prefix_code[2];
} expected;

/* Strict or lenient validate and parse; returns the code, fills *error. */
static bhyt_result check_whole(const char *input, size_t len, size_t chars, bhyt_issuer issuer,
                               int lenient, const expected *want, bhyt_error *error) {
    bhyt_card card;
    bhyt_card untouched;
    bhyt_result rc;
    bhyt_result parsed;
    context(lenient ? "bhyt_validate_lenient, bhyt_parse_lenient" : "bhyt_validate, bhyt_parse",
            issuer);
    rc = lenient ? bhyt_validate_lenient(input, len, issuer) : bhyt_validate(input, len, issuer);
    memset(&card, 0xA5, sizeof card);
    memcpy(&untouched, &card, sizeof card);
    memset(error, 0x5A, sizeof *error);
    parsed = parse_mode(lenient, input, len, issuer, &card, error);
    EXPECT(is_card_error(rc));
    EXPECT(parsed == rc);
    EXPECT(memcmp(&card, &untouched, sizeof card) == 0);
    EXPECT(error->code == parsed);
    /* No position only for a length error (and always none for it). */
    EXPECT((error->position == BHYT_NO_POSITION) == (parsed == BHYT_INVALID_LENGTH));
    EXPECT(offset_ok(input, len, chars, error->position, error->byte_offset));
    if (issuer == BHYT_ISSUER_ANY) {
        const char *code = lenient ? want->lenient_code : want->strict_code;
        size_t position = lenient ? want->lenient_position : want->strict_position;
        EXPECT(strcmp(bhyt_error_code_name(rc), code) == 0);
        EXPECT(error->position == position);
    }
    return rc;
}

static void check_prefix(const char *input, size_t len, size_t chars, bhyt_issuer issuer,
                         int lenient, const expected *want) {
    bhyt_prefix p;
    bhyt_result rc;
    context(lenient ? "bhyt_check_prefix_lenient" : "bhyt_check_prefix", issuer);
    memset(&p, 0xA5, sizeof p);
    rc = lenient ? bhyt_check_prefix_lenient(input, len, issuer, &p)
                 : bhyt_check_prefix(input, len, issuer, &p);
    EXPECT(rc == BHYT_OK);
    if (rc != BHYT_OK) {
        return;
    }
    EXPECT(p.state == BHYT_PREFIX_INCOMPLETE || p.state == BHYT_PREFIX_INVALID);
    if (p.state == BHYT_PREFIX_INCOMPLETE) {
        EXPECT(p.form == 0 || p.form == 10 || p.form == 15);
        EXPECT(p.missing > 0 && p.missing <= 15);
        EXPECT(p.at == BHYT_NO_POSITION && p.at_byte_offset == BHYT_NO_POSITION);
        EXPECT(p.error.code == BHYT_OK);
        EXPECT(p.error.position == BHYT_NO_POSITION && p.error.byte_offset == BHYT_NO_POSITION);
    } else if (p.state == BHYT_PREFIX_INVALID) {
        EXPECT(p.form == 0 && p.missing == 0);
        EXPECT(p.at != BHYT_NO_POSITION);
        EXPECT(offset_ok(input, len, chars, p.at, p.at_byte_offset));
        EXPECT(is_card_error(p.error.code));
        EXPECT(p.error.position == BHYT_NO_POSITION || p.error.position <= p.at);
        EXPECT(offset_ok(input, len, chars, p.error.position, p.error.byte_offset));
    }
    if (issuer == BHYT_ISSUER_ANY) {
        const char *state = want->prefix_state[lenient];
        if (strcmp(state, "incomplete") == 0) {
            EXPECT(p.state == BHYT_PREFIX_INCOMPLETE);
            EXPECT(want->prefix_at[lenient] == BHYT_NO_POSITION);
            EXPECT(strcmp(want->prefix_code[lenient], "-") == 0);
        } else {
            EXPECT(strcmp(state, "invalid") == 0); /* never `complete` in this file */
            EXPECT(p.state == BHYT_PREFIX_INVALID);
            EXPECT(p.at == want->prefix_at[lenient]);
            EXPECT(strcmp(bhyt_error_code_name(p.error.code), want->prefix_code[lenient]) == 0);
        }
    }
}

/* The junk between two valid numbers, in one batch. */
static void check_batch(const char *input, size_t len, bhyt_issuer issuer, int lenient,
                        bhyt_result rc, const bhyt_error *error) {
    bhyt_input inputs[3];
    bhyt_verdict verdicts[4];
    bhyt_verdict untouched;
    bhyt_card card;
    uint64_t key15 = 0;
    const char *number15 = valid_15(issuer, &key15);
    bhyt_result batch;
    context(lenient ? "bhyt_validate_batch_lenient" : "bhyt_validate_batch", issuer);
    inputs[0].data = VALID_10;
    inputs[0].len = strlen(VALID_10);
    inputs[1].data = input;
    inputs[1].len = len;
    inputs[2].data = number15;
    inputs[2].len = strlen(number15);
    memset(verdicts, 0x5A, sizeof verdicts);
    memcpy(&untouched, &verdicts[3], sizeof untouched);
    batch = lenient ? bhyt_validate_batch_lenient(inputs, 3, issuer, verdicts)
                    : bhyt_validate_batch(inputs, 3, issuer, verdicts);
    EXPECT(batch == BHYT_OK);
    if (batch != BHYT_OK) {
        return;
    }
    expect_valid_verdict(&verdicts[0], 10, VALID_10_KEY);
    memset(&card, 0, sizeof card);
    expect_same_verdict(&verdicts[1], rc, &card, error);
    expect_valid_verdict(&verdicts[2], 15, key15);
    EXPECT(memcmp(&verdicts[3], &untouched, sizeof untouched) == 0);
}

/*
 * The junk as the middle line of VALID_10 LF junk LF valid-15. A junk with no LF and no final
 * CR is one line, whose verdict is the single call's; otherwise the splitter (LF ends a line,
 * a CR before it is dropped) makes more lines, each checked against the single call on it.
 */
static void check_lines(const char *input, size_t len, bhyt_issuer issuer, int lenient,
                        bhyt_result rc, const bhyt_error *error) {
    uint64_t key15 = 0;
    const char *number15 = valid_15(issuer, &key15);
    size_t len10 = strlen(VALID_10);
    size_t len15 = strlen(number15);
    size_t bytes = len10 + 1 + len + 1 + len15;
    size_t breaks = 0;
    size_t expected_count;
    size_t count;
    size_t i;
    int single_line;
    char *buffer;
    bhyt_verdict *verdicts;
    bhyt_verdict untouched;
    bhyt_result result;
    context(lenient ? "bhyt_validate_lines_lenient" : "bhyt_validate_lines", issuer);
    for (i = 0; i < len; i++) {
        breaks += input[i] == '\n';
    }
    single_line = breaks == 0 && (len == 0 || input[len - 1] != '\r');
    expected_count = 3 + breaks;
    buffer = (char *)malloc(bytes);
    if (buffer == NULL) {
        exit(2);
    }
    memcpy(buffer, VALID_10, len10);
    buffer[len10] = '\n';
    if (len > 0) {
        memcpy(buffer + len10 + 1, input, len);
    }
    buffer[len10 + 1 + len] = '\n';
    memcpy(buffer + len10 + 1 + len + 1, number15, len15);

    /* The count alone. */
    count = 0x5A5A;
    result = lenient ? bhyt_validate_lines_lenient(buffer, bytes, issuer, NULL, 0, &count)
                     : bhyt_validate_lines(buffer, bytes, issuer, NULL, 0, &count);
    EXPECT(result == BHYT_BUFFER_TOO_SMALL);
    EXPECT(count == expected_count);

    /* One verdict more than needed: the spare one is not written. */
    verdicts = (bhyt_verdict *)malloc((expected_count + 1) * sizeof *verdicts);
    if (verdicts == NULL) {
        exit(2);
    }
    memset(verdicts, 0x5A, (expected_count + 1) * sizeof *verdicts);
    memcpy(&untouched, &verdicts[expected_count], sizeof untouched);
    count = 0x5A5A;
    result = lenient ? bhyt_validate_lines_lenient(buffer, bytes, issuer, verdicts,
                                                   expected_count + 1, &count)
                     : bhyt_validate_lines(buffer, bytes, issuer, verdicts, expected_count + 1,
                                           &count);
    EXPECT(result == BHYT_OK);
    EXPECT(count == expected_count);
    EXPECT(memcmp(&verdicts[expected_count], &untouched, sizeof untouched) == 0);
    if (result == BHYT_OK && count == expected_count) {
        expect_valid_verdict(&verdicts[0], 10, VALID_10_KEY);
        expect_valid_verdict(&verdicts[count - 1], 15, key15);
        if (single_line) {
            bhyt_card card;
            memset(&card, 0, sizeof card);
            expect_same_verdict(&verdicts[1], rc, &card, error);
        } else {
            /* Every line of the junk: the single call's verdict on that line's text. */
            size_t start = len10 + 1;
            size_t line = 1;
            size_t end_of_junk = len10 + 1 + len + 1; /* past the LF after the junk */
            int line_ok = 1;
            while (start < end_of_junk && line < count - 1) {
                const char *lf = (const char *)memchr(buffer + start, '\n', end_of_junk - start);
                size_t end = (size_t)(lf - buffer);
                size_t text_len = end - start;
                bhyt_card card;
                bhyt_error line_error;
                bhyt_result single;
                const bhyt_verdict *v = &verdicts[line];
                if (text_len > 0 && buffer[end - 1] == '\r') {
                    text_len--;
                }
                memset(&card, 0, sizeof card);
                memset(&line_error, 0, sizeof line_error);
                single = parse_mode(lenient, buffer + start, text_len, issuer, &card, &line_error);
                /* One check per line would swamp the count: these are counted once below. */
                if (v->code != single ||
                    (single == BHYT_OK
                         ? (v->form != card.form || v->key != card.key ||
                            v->position != BHYT_NO_POSITION)
                         : (v->form != 0 || v->key != 0 || v->position != line_error.position ||
                            v->byte_offset != line_error.byte_offset))) {
                    line_ok = 0;
                }
                start = end + 1;
                line++;
            }
            EXPECT(line_ok);
            EXPECT(line == count - 1 && start == end_of_junk);
        }
    }
    free(verdicts);
    free(buffer);
}

/* A valid number still validates, whatever came before. */
static void still_works(void) {
    static const char *const numbers[] = {VALID_10, "HS4010120878811"};
    size_t i;
    context("a valid number afterwards", BHYT_ISSUER_ANY);
    for (i = 0; i < 2; i++) {
        size_t len = strlen(numbers[i]);
        bhyt_card card;
        bhyt_prefix p;
        EXPECT(bhyt_validate(numbers[i], len, BHYT_ISSUER_ANY) == BHYT_OK);
        EXPECT(bhyt_validate_lenient(numbers[i], len, BHYT_ISSUER_ANY) == BHYT_OK);
        memset(&card, 0xA5, sizeof card);
        EXPECT(bhyt_parse(numbers[i], len, BHYT_ISSUER_ANY, &card, NULL) == BHYT_OK);
        EXPECT(strcmp(card.compact, numbers[i]) == 0);
        memset(&p, 0xA5, sizeof p);
        EXPECT(bhyt_check_prefix(numbers[i], len, BHYT_ISSUER_ANY, &p) == BHYT_OK);
        EXPECT(p.state == BHYT_PREFIX_COMPLETE);
    }
}

static void check_row(const char *input, size_t len, const expected *want) {
    size_t chars = lossy_chars(input, len);
    size_t k;
    for (k = 0; k < ISSUER_COUNT; k++) {
        bhyt_issuer issuer = ISSUERS[k];
        int lenient;
        for (lenient = 0; lenient <= 1; lenient++) {
            bhyt_error error;
            bhyt_result rc = check_whole(input, len, chars, issuer, lenient, want, &error);
            check_prefix(input, len, chars, issuer, lenient, want);
            check_batch(input, len, issuer, lenient, rc, &error);
            check_lines(input, len, issuer, lenient, rc, &error);
        }
    }
    still_works();
}

int main(int argc, char **argv) {
    tsv t;
    char *f[MAX_COLUMNS];
    size_t n;
    size_t c_name, c_input, c_repeat, c_bytes_only, c_js_only, c_strict_code, c_strict_position,
        c_lenient_code, c_lenient_position, c_prefix_state, c_prefix_at, c_prefix_code,
        c_lenient_prefix_state, c_lenient_prefix_at, c_lenient_prefix_code;
    unsigned long rows = 0;
    unsigned long skipped = 0;
    unsigned long bytes_only_rows = 0;
    unsigned long long_rows = 0;
    if (argc != 2) {
        fprintf(stderr, "usage: %s JUNK_TSV\n", argv[0]);
        return 2;
    }
    junk_path = argv[1];
    if (!tsv_open(&t, argv[1])) {
        return 2;
    }
    c_name = tsv_column(&t, "name");
    c_input = tsv_column(&t, "input");
    c_repeat = tsv_column(&t, "repeat");
    c_bytes_only = tsv_column(&t, "bytes_only");
    c_js_only = tsv_column(&t, "js_only");
    c_strict_code = tsv_column(&t, "strict_code");
    c_strict_position = tsv_column(&t, "strict_position");
    c_lenient_code = tsv_column(&t, "lenient_code");
    c_lenient_position = tsv_column(&t, "lenient_position");
    c_prefix_state = tsv_column(&t, "prefix_state");
    c_prefix_at = tsv_column(&t, "prefix_at");
    c_prefix_code = tsv_column(&t, "prefix_code");
    c_lenient_prefix_state = tsv_column(&t, "lenient_prefix_state");
    c_lenient_prefix_at = tsv_column(&t, "lenient_prefix_at");
    c_lenient_prefix_code = tsv_column(&t, "lenient_prefix_code");

    while (tsv_next(&t, f, &n)) {
        size_t unit_len = 0;
        unsigned long repeat;
        size_t len;
        size_t i;
        int bytes_only;
        char *input;
        expected want;
        row_line = t.line;
        row_name = n > c_name ? f[c_name] : "?";
        row_ok = 1;
        context("the row", BHYT_ISSUER_ANY);
        if (n != t.columns) {
            EXPECT(n == t.columns);
            failed_rows++;
            continue;
        }
        if (strcmp(f[c_js_only], "true") == 0) {
            EXPECT(strcmp(f[c_bytes_only], "false") == 0);
            skipped++;
            continue;
        }
        EXPECT(strcmp(f[c_js_only], "false") == 0);
        bytes_only = strcmp(f[c_bytes_only], "true") == 0;
        EXPECT(bytes_only || strcmp(f[c_bytes_only], "false") == 0);
        repeat = strtoul(f[c_repeat], NULL, 10);
        if (!unescape_field(f[c_input], 1, bytes_only, &unit_len) || repeat == 0) {
            EXPECT(!"a well-formed input and repeat");
            failed_rows++;
            continue;
        }
        len = unit_len * (size_t)repeat;
        input = (char *)malloc(len + 1);
        if (input == NULL) {
            exit(2);
        }
        for (i = 0; i < repeat; i++) {
            memcpy(input + i * unit_len, f[c_input], unit_len);
        }
        input[len] = '\0'; /* never read by the library: every call gets the length */
        rows++;
        bytes_only_rows += (unsigned long)bytes_only;
        long_rows += repeat > 1;
        /* Reading the escapes right: bytes_only rows, and only they, are not UTF-8. */
        EXPECT(utf8_valid((const unsigned char *)input, len) == !bytes_only);

        want.strict_code = f[c_strict_code];
        want.strict_position = position_value(f[c_strict_position]);
        want.lenient_code = f[c_lenient_code];
        want.lenient_position = position_value(f[c_lenient_position]);
        want.prefix_state[0] = f[c_prefix_state];
        want.prefix_at[0] = position_value(f[c_prefix_at]);
        want.prefix_code[0] = f[c_prefix_code];
        want.prefix_state[1] = f[c_lenient_prefix_state];
        want.prefix_at[1] = position_value(f[c_lenient_prefix_at]);
        want.prefix_code[1] = f[c_lenient_prefix_code];
        check_row(input, len, &want);
        free(input);
        if (!row_ok) {
            failed_rows++;
        }
    }
    free(t.text);
    /* The whole file was read: rows of every kind. */
    CHECK(rows > 150);
    CHECK(skipped > 0);
    CHECK(bytes_only_rows > 0);
    CHECK(long_rows > 0);
    printf("junk: %lu rows (%lu bytes_only, %lu long), %lu js_only rows skipped, %lu rows failed\n",
           rows, bytes_only_rows, long_rows, skipped, failed_rows);
    return finish("test_junk");
}
