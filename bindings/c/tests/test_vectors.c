/*
 * Every row of the shared vectors (tests/vectors/cards.tsv and prefixes.tsv) through the C
 * API: verdict, error code and name, position and byte offset, decoded parts, the three
 * display forms, the batch and line calls, and the as-you-type check.
 *
 * usage: test_vectors CARDS_TSV PREFIXES_TSV
 *
 * The file format is tests/vectors/README.md: UTF-8, LF-separated lines (split on LF only),
 * `#` comment lines, a header row, TAB-separated fields, `-` for an empty value except in
 * the `input` column, whose escapes are \\ \t \n \r. Failures name the file and line, never
 * the input (card numbers are personal data; these are synthetic, but the habit matters).
 */
#include "common.h"

static const char *issuer_name(bhyt_issuer issuer) {
    switch (issuer) {
    case BHYT_ISSUER_VSS: return "vss";
    case BHYT_ISSUER_POLICE: return "police";
    case BHYT_ISSUER_DEFENCE: return "defence";
    default: return "-";
    }
}

static const char *or_empty(const char *field) {
    return strcmp(field, "-") == 0 ? "" : field;
}

/* One failed comparison of a row: reported with the file and line, counted by the caller. */
static int row_ok;
static const tsv *row_file;

static void expect_at(int ok, const char *what) {
    if (!ok) {
        if (row_ok && checks_failed < 50) {
            fprintf(stderr, "%s:%lu: %s\n", row_file->path, row_file->line, what);
        }
        row_ok = 0;
    }
}

#define EXPECT(cond) expect_at((cond) ? 1 : 0, #cond)

/* One valid or invalid card row, kept for the batch and line checks. */
typedef struct {
    char *input;
    size_t len;
    int lenient;
    bhyt_issuer issuer;
    bhyt_result code;
    size_t position;
    uint8_t form;
    uint64_t key;
} card_case;

static bhyt_result code_by_name(const char *name) {
    uint32_t code;
    for (code = 0; code < 200; code++) {
        if (strcmp(bhyt_error_code_name(code), name) == 0) {
            return (bhyt_result)code;
        }
    }
    return (bhyt_result)9999;
}

static void check_format(const bhyt_card *card, bhyt_style style, const char *expected) {
    char buffer[BHYT_FORMAT_SIZE + 1];
    char sentinel[BHYT_FORMAT_SIZE + 1];
    size_t required = 0;
    size_t need = strlen(expected) + 1;
    memset(buffer, 0x7E, sizeof buffer);
    EXPECT(bhyt_format(card, style, buffer, sizeof buffer, &required) == BHYT_OK);
    EXPECT(required == need);
    EXPECT(strcmp(buffer, expected) == 0);
    EXPECT(need > sizeof buffer - 1 || buffer[need] == 0x7E);
    /* One byte short: nothing written, the size reported. */
    memset(buffer, 0x7E, sizeof buffer);
    memset(sentinel, 0x7E, sizeof sentinel);
    required = 0;
    EXPECT(bhyt_format(card, style, buffer, need - 1, &required) == BHYT_BUFFER_TOO_SMALL);
    EXPECT(required == need);
    EXPECT(memcmp(buffer, sentinel, sizeof buffer) == 0);
    required = 0;
    EXPECT(bhyt_format(card, style, NULL, 0, &required) == BHYT_BUFFER_TOO_SMALL);
    EXPECT(required == need);
}

static int run_cards(const char *path, card_case **out_cases, size_t *out_count) {
    tsv t;
    char *f[MAX_COLUMNS];
    size_t n;
    size_t c_mode, c_issuer, c_input, c_valid, c_code, c_position, c_form, c_group, c_benefit,
        c_issuer_decoded, c_province, c_sin, c_compact, c_grouped, c_masked;
    size_t rows = 0;
    size_t kept_count = 0;
    card_case *cases = NULL;
    size_t cap = 0;
    if (!tsv_open(&t, path)) {
        return 0;
    }
    row_file = &t;
    c_mode = tsv_column(&t, "mode");
    c_issuer = tsv_column(&t, "issuer");
    c_input = tsv_column(&t, "input");
    c_valid = tsv_column(&t, "valid");
    c_code = tsv_column(&t, "code");
    c_position = tsv_column(&t, "position");
    c_form = tsv_column(&t, "form");
    c_group = tsv_column(&t, "group");
    c_benefit = tsv_column(&t, "benefit");
    c_issuer_decoded = tsv_column(&t, "issuer_decoded");
    c_province = tsv_column(&t, "province");
    c_sin = tsv_column(&t, "sin");
    c_compact = tsv_column(&t, "compact");
    c_grouped = tsv_column(&t, "grouped");
    c_masked = tsv_column(&t, "masked");

    while (tsv_next(&t, f, &n)) {
        size_t len = 0;
        bhyt_issuer issuer = 0;
        int lenient;
        int valid;
        bhyt_result rc;
        bhyt_card card;
        bhyt_card untouched;
        bhyt_error error;
        bhyt_error error_untouched;
        card_case *kept;
        rows++;
        row_ok = 1;
        if (n != t.columns || !unescape_field(f[c_input], 0, 0, &len) ||
            !issuer_value(f[c_issuer], &issuer)) {
            expect_at(0, "malformed row");
            check_at(0, path, (int)t.line, "row");
            continue;
        }
        lenient = strcmp(f[c_mode], "lenient") == 0;
        valid = strcmp(f[c_valid], "true") == 0;
        memset(&card, 0xA5, sizeof card);
        memcpy(&untouched, &card, sizeof card);
        memset(&error, 0x5A, sizeof error);
        memcpy(&error_untouched, &error, sizeof error);

        rc = lenient ? bhyt_validate_lenient(f[c_input], len, issuer)
                     : bhyt_validate(f[c_input], len, issuer);
        if (lenient) {
            EXPECT(bhyt_parse_lenient(f[c_input], len, issuer, &card, &error) == rc);
        } else {
            EXPECT(bhyt_parse(f[c_input], len, issuer, &card, &error) == rc);
        }

        if (cap == kept_count) {
            card_case *grown;
            cap = cap * 2 + 1024;
            grown = (card_case *)realloc(cases, cap * sizeof *cases);
            if (grown == NULL) {
                exit(2);
            }
            cases = grown;
        }
        kept = &cases[kept_count++];
        kept->input = (char *)malloc(len + 1);
        if (kept->input == NULL) {
            exit(2);
        }
        memcpy(kept->input, f[c_input], len);
        kept->input[len] = '\0';
        kept->len = len;
        kept->lenient = lenient;
        kept->issuer = issuer;
        kept->code = rc;
        kept->position = BHYT_NO_POSITION;
        kept->form = 0;
        kept->key = 0;

        if (valid) {
            char province[4];
            EXPECT(rc == BHYT_OK);
            EXPECT(memcmp(&error, &error_untouched, sizeof error) == 0);
            if (rc == BHYT_OK) {
                int full = strcmp(f[c_form], "15") == 0;
                EXPECT(card.form == (full ? 15 : 10));
                EXPECT(strcmp(card.compact, f[c_compact]) == 0);
                EXPECT(strcmp(card.group_code, or_empty(f[c_group])) == 0);
                EXPECT(card.benefit_level == (full ? (uint8_t)atoi(f[c_benefit]) : 0));
                EXPECT(strcmp(issuer_name(card.issuer), f[c_issuer_decoded]) == 0);
                snprintf(province, sizeof province, "%02u", (unsigned)card.province_code);
                EXPECT(full ? strcmp(province, f[c_province]) == 0 : card.province_code == 0);
                EXPECT(strcmp(card.social_insurance_number, f[c_sin]) == 0);
                EXPECT(card.key == (uint64_t)strtoull(f[c_sin], NULL, 10));
                EXPECT(card.group_description_vi != NULL && card.group_description_en != NULL);
                EXPECT(card.benefit_meaning_vi != NULL && card.benefit_meaning_en != NULL);
                EXPECT(card.issuer_name_vi != NULL && card.issuer_name_en != NULL);
                if (card.group_description_vi != NULL && card.issuer_name_en != NULL &&
                    card.benefit_meaning_en != NULL) {
                    EXPECT((strlen(card.group_description_vi) > 0) == full);
                    EXPECT((strlen(card.benefit_meaning_en) > 0) == full);
                    EXPECT((strlen(card.issuer_name_en) > 0) == full);
                }
                check_format(&card, BHYT_STYLE_COMPACT, f[c_compact]);
                check_format(&card, BHYT_STYLE_GROUPED, f[c_grouped]);
                check_format(&card, BHYT_STYLE_MASKED, f[c_masked]);
                kept->form = card.form;
                kept->key = card.key;
            }
        } else {
            size_t position = position_value(f[c_position]);
            EXPECT(rc != BHYT_OK);
            EXPECT(rc == code_by_name(f[c_code]));
            EXPECT(strcmp(bhyt_error_code_name(rc), f[c_code]) == 0);
            EXPECT(memcmp(&card, &untouched, sizeof card) == 0);
            EXPECT(error.code == rc);
            EXPECT(error.position == position);
            EXPECT(offset_matches(f[c_input], len, error.position, error.byte_offset));
            kept->position = position;
        }
        check_at(row_ok, path, (int)t.line, "cards row");
    }
    free(t.text);
    *out_cases = cases;
    *out_count = kept_count;
    if (rows == 0) {
        check_at(0, path, 0, "no rows");
    }
    return (int)rows;
}

/* Every row again, as one batch per (mode, issuer) and as one buffer of lines. */
static void run_batches(const card_case *cases, size_t count) {
    int lenient;
    bhyt_issuer issuer;
    bhyt_input *inputs = (bhyt_input *)malloc((count + 1) * sizeof *inputs);
    bhyt_verdict *verdicts = (bhyt_verdict *)malloc((count + 1) * sizeof *verdicts);
    size_t *index = (size_t *)malloc((count + 1) * sizeof *index);
    char *lines = NULL;
    if (inputs == NULL || verdicts == NULL || index == NULL) {
        exit(2);
    }
    for (lenient = 0; lenient <= 1; lenient++) {
        for (issuer = BHYT_ISSUER_ANY; issuer <= BHYT_ISSUER_DEFENCE; issuer++) {
            size_t n = 0;
            size_t i;
            size_t bytes = 0;
            size_t lines_count = 0;
            size_t line_n = 0;
            bhyt_result rc;
            for (i = 0; i < count; i++) {
                if (cases[i].lenient == lenient && cases[i].issuer == issuer) {
                    inputs[n].data = cases[i].input;
                    inputs[n].len = cases[i].len;
                    index[n] = i;
                    n++;
                }
            }
            rc = lenient ? bhyt_validate_batch_lenient(inputs, n, issuer, verdicts)
                         : bhyt_validate_batch(inputs, n, issuer, verdicts);
            CHECK(rc == BHYT_OK);
            for (i = 0; i < n && rc == BHYT_OK; i++) {
                const card_case *c = &cases[index[i]];
                CHECK(verdicts[i].code == c->code && verdicts[i].position == c->position &&
                      verdicts[i].form == c->form && verdicts[i].key == c->key &&
                      offset_matches(c->input, c->len, verdicts[i].position,
                                     verdicts[i].byte_offset));
            }

            /* The same numbers, one per line (those that a line can hold as they are). */
            free(lines);
            lines = (char *)malloc(1);
            bytes = 0;
            line_n = 0;
            for (i = 0; i < n; i++) {
                const card_case *c = &cases[index[i]];
                char *grown;
                if (memchr(c->input, '\n', c->len) != NULL ||
                    (c->len > 0 && c->input[c->len - 1] == '\r')) {
                    continue;
                }
                grown = (char *)realloc(lines, bytes + c->len + 1);
                if (grown == NULL) {
                    exit(2);
                }
                lines = grown;
                memcpy(lines + bytes, c->input, c->len);
                bytes += c->len;
                lines[bytes++] = '\n';
                index[line_n++] = index[i];
            }
            rc = lenient ? bhyt_validate_lines_lenient(lines, bytes, issuer, NULL, 0, &lines_count)
                         : bhyt_validate_lines(lines, bytes, issuer, NULL, 0, &lines_count);
            CHECK(rc == (line_n == 0 ? BHYT_OK : BHYT_BUFFER_TOO_SMALL));
            CHECK(lines_count == line_n);
            rc = lenient
                     ? bhyt_validate_lines_lenient(lines, bytes, issuer, verdicts, count, &lines_count)
                     : bhyt_validate_lines(lines, bytes, issuer, verdicts, count, &lines_count);
            CHECK(rc == BHYT_OK);
            CHECK(lines_count == line_n);
            for (i = 0; i < line_n && rc == BHYT_OK; i++) {
                const card_case *c = &cases[index[i]];
                CHECK(verdicts[i].code == c->code && verdicts[i].position == c->position &&
                      verdicts[i].form == c->form && verdicts[i].key == c->key &&
                      offset_matches(c->input, c->len, verdicts[i].position,
                                     verdicts[i].byte_offset));
            }
        }
    }
    free(lines);
    free(inputs);
    free(verdicts);
    free(index);
}

static int run_prefixes(const char *path) {
    tsv t;
    char *f[MAX_COLUMNS];
    size_t n;
    size_t c_mode, c_issuer, c_input, c_state, c_at, c_code, c_position;
    int rows = 0;
    if (!tsv_open(&t, path)) {
        return 0;
    }
    row_file = &t;
    c_mode = tsv_column(&t, "mode");
    c_issuer = tsv_column(&t, "issuer");
    c_input = tsv_column(&t, "input");
    c_state = tsv_column(&t, "state");
    c_at = tsv_column(&t, "at");
    c_code = tsv_column(&t, "code");
    c_position = tsv_column(&t, "position");
    while (tsv_next(&t, f, &n)) {
        size_t len = 0;
        bhyt_issuer issuer = 0;
        int lenient;
        bhyt_prefix p;
        bhyt_result rc;
        bhyt_result whole;
        rows++;
        row_ok = 1;
        if (n != t.columns || !unescape_field(f[c_input], 0, 0, &len) ||
            !issuer_value(f[c_issuer], &issuer)) {
            expect_at(0, "malformed row");
            check_at(0, path, (int)t.line, "row");
            continue;
        }
        lenient = strcmp(f[c_mode], "lenient") == 0;
        memset(&p, 0xA5, sizeof p);
        rc = lenient ? bhyt_check_prefix_lenient(f[c_input], len, issuer, &p)
                     : bhyt_check_prefix(f[c_input], len, issuer, &p);
        whole = lenient ? bhyt_validate_lenient(f[c_input], len, issuer)
                        : bhyt_validate(f[c_input], len, issuer);
        EXPECT(rc == BHYT_OK);
        if (strcmp(f[c_state], "incomplete") == 0) {
            EXPECT(p.state == BHYT_PREFIX_INCOMPLETE);
            EXPECT(p.missing > 0 && p.missing <= 15);
            EXPECT(p.form == 0 || p.form == 10 || p.form == 15);
            EXPECT(p.at == BHYT_NO_POSITION && p.at_byte_offset == BHYT_NO_POSITION);
            EXPECT(p.error.code == BHYT_OK && p.error.position == BHYT_NO_POSITION);
            EXPECT(whole != BHYT_OK);
        } else if (strcmp(f[c_state], "complete") == 0) {
            EXPECT(p.state == BHYT_PREFIX_COMPLETE);
            EXPECT(p.form == 10 || p.form == 15);
            EXPECT(p.missing == 0);
            EXPECT(p.at == BHYT_NO_POSITION && p.error.code == BHYT_OK);
            EXPECT(whole == BHYT_OK);
        } else {
            EXPECT(strcmp(f[c_state], "invalid") == 0);
            EXPECT(p.state == BHYT_PREFIX_INVALID);
            EXPECT(p.at == position_value(f[c_at]));
            EXPECT(offset_matches(f[c_input], len, p.at, p.at_byte_offset));
            EXPECT(p.error.code != BHYT_OK);
            EXPECT(strcmp(bhyt_error_code_name(p.error.code), f[c_code]) == 0);
            EXPECT(p.error.position == position_value(f[c_position]));
            EXPECT(offset_matches(f[c_input], len, p.error.position, p.error.byte_offset));
            EXPECT(whole != BHYT_OK);
        }
        check_at(row_ok, path, (int)t.line, "prefixes row");
    }
    free(t.text);
    if (rows == 0) {
        check_at(0, path, 0, "no rows");
    }
    return rows;
}

int main(int argc, char **argv) {
    card_case *cases = NULL;
    size_t count = 0;
    size_t i;
    int card_rows;
    int prefix_rows;
    if (argc != 3) {
        fprintf(stderr, "usage: %s CARDS_TSV PREFIXES_TSV\n", argv[0]);
        return 2;
    }
    card_rows = run_cards(argv[1], &cases, &count);
    run_batches(cases, count);
    prefix_rows = run_prefixes(argv[2]);
    for (i = 0; i < count; i++) {
        free(cases[i].input);
    }
    free(cases);
    printf("vectors: %d card rows, %d prefix rows\n", card_rows, prefix_rows);
    return finish("test_vectors");
}
