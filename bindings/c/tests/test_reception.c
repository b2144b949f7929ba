/*
 * Every row of the shared reception-desk vectors (tests/vectors/identify.tsv and ma_the.tsv)
 * through the C API:
 *
 *   - bhyt_identify / bhyt_identify_lenient: the result code (by name), the error position and
 *     byte offset, the kind; for a card its compact and masked forms (and the same card as
 *     bhyt_parse gives), for a personal identification number its digits, masked form, birth
 *     place code, 2016-list flag, sex, century and birth year. Outputs are pre-filled with a
 *     sentinel: the identity is written only on success, the error only on failure;
 *   - bhyt_parse_ma_the_bhyt / bhyt_parse_ma_the_bhyt_lenient with the row's issuer: the count
 *     (asked with NULL/0 first, then with one item too few: nothing written), then every
 *     item's start, byte_start, byte_len and verdict (code, position and byte offset in the
 *     whole field, form, key); a valid item's compact form is that of bhyt_parse (in the
 *     row's mode, with its issuer) on the item's bytes `field + byte_start`, `byte_len` long,
 *     and an invalid item's verdict is bhyt_parse's on those bytes, moved by the item's start.
 *
 * usage: test_reception IDENTIFY_TSV MA_THE_TSV
 *
 * The format is tests/vectors/README.md ("identify.tsv", "ma_the.tsv"): UTF-8, LF-separated
 * lines, `#` comment lines, a header row, TAB-separated fields, `-` for an empty value except
 * in `input`, whose escapes are \\ \t \n \r. Failures name the file, line and column (and the
 * item), never the input: card and personal identification numbers are personal data.
 */
#include "common.h"

/* ---- Checks, reported with the file, line and column ------------------------------------ */

static const tsv *row_file;
static const char *row_column = "";
static long row_item = -1;
static int row_ok;
static unsigned long failed_rows = 0;
static unsigned long printed = 0;

static void expect_at(int ok, int line, const char *cond) {
    if (ok) {
        checks_passed++;
        return;
    }
    checks_failed++;
    row_ok = 0;
    if (printed < 60) {
        printed++;
        if (row_item >= 0) {
            fprintf(stderr, "%s:%lu: column %s, item %ld: check failed (test_reception.c:%d): %s\n",
                    row_file->path, row_file->line, row_column, row_item, line, cond);
        } else {
            fprintf(stderr, "%s:%lu: column %s: check failed (test_reception.c:%d): %s\n",
                    row_file->path, row_file->line, row_column, line, cond);
        }
    }
}

/* EXPECT(column, cond): one check of the row, against the named column of the file. */
#define EXPECT(column, cond) (row_column = (column), expect_at((cond) ? 1 : 0, __LINE__, #cond))

static int is_dash(const char *field) {
    return strcmp(field, "-") == 0;
}

static int mode_value(const char *field, int *lenient) {
    if (strcmp(field, "strict") == 0) {
        *lenient = 0;
    } else if (strcmp(field, "lenient") == 0) {
        *lenient = 1;
    } else {
        return 0;
    }
    return 1;
}

/* A whole-number column (digits only); 0 if it is not one. */
static int number_value(const char *field, unsigned long *out) {
    char *end = NULL;
    if (field[0] < '0' || field[0] > '9') {
        return 0;
    }
    *out = strtoul(field, &end, 10);
    return *end == '\0';
}

static bhyt_result parse_mode(int lenient, const char *input, size_t len, bhyt_issuer issuer,
                              bhyt_card *card, bhyt_error *error) {
    return lenient ? bhyt_parse_lenient(input, len, issuer, card, error)
                   : bhyt_parse(input, len, issuer, card, error);
}

static int is_card_error(bhyt_result rc) {
    return rc >= BHYT_INVALID_LENGTH && rc <= BHYT_INVALID_PROVINCE_CODE;
}

/* The masked form of a card, through bhyt_format; 0 if the call failed. */
static int masked_form(const bhyt_card *card, char *buffer, size_t size) {
    size_t required = 0;
    return bhyt_format(card, BHYT_STYLE_MASKED, buffer, size, &required) == BHYT_OK;
}

/* ---- identify.tsv -------------------------------------------------------------------------- */

typedef struct {
    size_t mode, input, length, kind, valid, code, position, compact, birth_place, on_2016_list,
        sex, century, birth_year, masked;
} identify_columns;

static void check_identity_card(char **f, const identify_columns *c, const char *input,
                                size_t len, int lenient, const bhyt_identity *identity) {
    const bhyt_card *card = &identity->card;
    const bhyt_personal_id *id = &identity->personal_id;
    char masked[BHYT_FORMAT_SIZE + 1];
    bhyt_card parsed;
    bhyt_result rc;
    EXPECT("kind", identity->kind == BHYT_IDENTITY_CARD);
    EXPECT("compact", strcmp(card->compact, f[c->compact]) == 0);
    EXPECT("compact", card->form == strlen(f[c->compact]));
    EXPECT("masked", masked_form(card, masked, sizeof masked) &&
                         strcmp(masked, f[c->masked]) == 0);
    /* The card is the one bhyt_parse gives with no issuing body chosen. */
    memset(&parsed, 0, sizeof parsed);
    rc = parse_mode(lenient, input, len, BHYT_ISSUER_ANY, &parsed, NULL);
    EXPECT("compact", rc == BHYT_OK);
    EXPECT("compact", strcmp(parsed.compact, card->compact) == 0 && parsed.form == card->form &&
                          parsed.key == card->key && parsed.issuer == card->issuer);
    /* The personal identification number is zeroed, the columns that describe it empty. */
    EXPECT("kind", id->digits[0] == '\0' && id->masked[0] == '\0' && id->sex == 0 &&
                       id->birth_place_on_2016_list == 0 && id->birth_place_code == 0 &&
                       id->century == 0 && id->birth_year == 0);
    EXPECT("birth_place", is_dash(f[c->birth_place]));
    EXPECT("on_2016_list", is_dash(f[c->on_2016_list]));
    EXPECT("sex", is_dash(f[c->sex]));
    EXPECT("century", is_dash(f[c->century]));
    EXPECT("birth_year", is_dash(f[c->birth_year]));
}

static void check_identity_personal_id(char **f, const identify_columns *c,
                                       const bhyt_identity *identity) {
    const bhyt_card *card = &identity->card;
    const bhyt_personal_id *id = &identity->personal_id;
    unsigned long value = 0;
    EXPECT("kind", identity->kind == BHYT_IDENTITY_PERSONAL_ID);
    EXPECT("compact", strcmp(id->digits, f[c->compact]) == 0);
    EXPECT("masked", strcmp(id->masked, f[c->masked]) == 0);
    EXPECT("birth_place", strlen(f[c->birth_place]) == 3 &&
                              number_value(f[c->birth_place], &value) &&
                              id->birth_place_code == value);
    EXPECT("on_2016_list", strcmp(f[c->on_2016_list], id->birth_place_on_2016_list == 1 ? "true"
                                                      : id->birth_place_on_2016_list == 0
                                                          ? "false"
                                                          : "?") == 0);
    EXPECT("sex", strcmp(f[c->sex], id->sex == BHYT_SEX_MALE     ? "male"
                                    : id->sex == BHYT_SEX_FEMALE ? "female"
                                                                 : "?") == 0);
    EXPECT("century", number_value(f[c->century], &value) && id->century == value);
    EXPECT("birth_year", number_value(f[c->birth_year], &value) && id->birth_year == value);
    /* The card is zeroed, its string pointers empty static strings. */
    EXPECT("kind", card->form == 0 && card->compact[0] == '\0' && card->group_code[0] == '\0' &&
                       card->social_insurance_number[0] == '\0' && card->key == 0 &&
                       card->benefit_level == 0 && card->province_code == 0 &&
                       card->issuer == BHYT_ISSUER_ANY);
    EXPECT("kind", card->group_description_vi != NULL && card->group_description_vi[0] == '\0' &&
                       card->group_description_en != NULL &&
                       card->group_description_en[0] == '\0' &&
                       card->benefit_meaning_vi != NULL && card->benefit_meaning_vi[0] == '\0' &&
                       card->benefit_meaning_en != NULL && card->benefit_meaning_en[0] == '\0' &&
                       card->issuer_name_vi != NULL && card->issuer_name_vi[0] == '\0' &&
                       card->issuer_name_en != NULL && card->issuer_name_en[0] == '\0');
}

static void check_identify_row(char **f, const identify_columns *c, int lenient, const char *input,
                               size_t len) {
    bhyt_identity identity;
    bhyt_identity identity_untouched;
    bhyt_identity again;
    bhyt_error error;
    bhyt_error error_untouched;
    bhyt_result rc;
    bhyt_result rc_again;
    unsigned long length = 0;
    const char *kind = f[c->kind];
    int valid = strcmp(f[c->valid], "true") == 0;

    EXPECT("valid", valid || strcmp(f[c->valid], "false") == 0);
    /* The vector agrees with itself: the length decides the kind. */
    EXPECT("length", number_value(f[c->length], &length));
    EXPECT("kind", strcmp(kind, length == 10 || length == 15 ? "card"
                                : length == 12               ? "personal_id"
                                                             : "-") == 0);
    if (!lenient) {
        EXPECT("length", utf8_chars((const unsigned char *)input, len) == length);
    }

    memset(&identity, 0xA5, sizeof identity);
    memcpy(&identity_untouched, &identity, sizeof identity);
    memset(&error, 0x5A, sizeof error);
    memcpy(&error_untouched, &error, sizeof error);
    rc = lenient ? bhyt_identify_lenient(input, len, &identity, &error)
                 : bhyt_identify(input, len, &identity, &error);

    /* Without out_error: the same answer. */
    memset(&again, 0xA5, sizeof again);
    rc_again = lenient ? bhyt_identify_lenient(input, len, &again, NULL)
                       : bhyt_identify(input, len, &again, NULL);
    EXPECT("code", rc_again == rc);
    EXPECT("kind", rc != BHYT_OK || again.kind == identity.kind);

    if (valid) {
        EXPECT("valid", rc == BHYT_OK);
        EXPECT("code", is_dash(f[c->code]) && is_dash(f[c->position]));
        EXPECT("valid", memcmp(&error, &error_untouched, sizeof error) == 0);
        if (rc != BHYT_OK) {
            return;
        }
        if (strcmp(kind, "card") == 0) {
            check_identity_card(f, c, input, len, lenient, &identity);
            EXPECT("compact", strcmp(again.card.compact, identity.card.compact) == 0);
        } else {
            EXPECT("kind", strcmp(kind, "personal_id") == 0);
            check_identity_personal_id(f, c, &identity);
            EXPECT("compact", strcmp(again.personal_id.digits, identity.personal_id.digits) == 0);
        }
    } else {
        size_t position = position_value(f[c->position]);
        EXPECT("valid", rc != BHYT_OK);
        EXPECT("code", strcmp(bhyt_error_code_name(rc), f[c->code]) == 0);
        EXPECT("code", error.code == rc);
        EXPECT("position", error.position == position);
        EXPECT("position", offset_matches(input, len, error.position, error.byte_offset));
        EXPECT("valid", memcmp(&identity, &identity_untouched, sizeof identity) == 0);
        if (strcmp(kind, "card") == 0) {
            EXPECT("code", is_card_error(rc) && rc != BHYT_INVALID_LENGTH);
            EXPECT("position", position != BHYT_NO_POSITION);
        } else if (strcmp(kind, "personal_id") == 0) {
            EXPECT("code", rc == BHYT_INVALID_PERSONAL_ID);
            EXPECT("position", position != BHYT_NO_POSITION);
        } else {
            EXPECT("kind", is_dash(kind));
            EXPECT("code", rc == BHYT_UNRECOGNIZED_INPUT);
            EXPECT("position", position == BHYT_NO_POSITION);
        }
        EXPECT("compact", is_dash(f[c->compact]));
        EXPECT("masked", is_dash(f[c->masked]));
        EXPECT("birth_place", is_dash(f[c->birth_place]));
    }
}

static unsigned long run_identify(const char *path) {
    tsv t;
    char *f[MAX_COLUMNS];
    size_t n;
    identify_columns c;
    unsigned long rows = 0;
    if (!tsv_open(&t, path)) {
        check_at(0, path, 0, "cannot read the file");
        return 0;
    }
    row_file = &t;
    row_item = -1;
    c.mode = tsv_column(&t, "mode");
    c.input = tsv_column(&t, "input");
    c.length = tsv_column(&t, "length");
    c.kind = tsv_column(&t, "kind");
    c.valid = tsv_column(&t, "valid");
    c.code = tsv_column(&t, "code");
    c.position = tsv_column(&t, "position");
    c.compact = tsv_column(&t, "compact");
    c.birth_place = tsv_column(&t, "birth_place");
    c.on_2016_list = tsv_column(&t, "on_2016_list");
    c.sex = tsv_column(&t, "sex");
    c.century = tsv_column(&t, "century");
    c.birth_year = tsv_column(&t, "birth_year");
    c.masked = tsv_column(&t, "masked");
    while (tsv_next(&t, f, &n)) {
        size_t len = 0;
        int lenient = 0;
        row_ok = 1;
        if (n != t.columns) {
            EXPECT("(all)", n == t.columns);
            failed_rows++;
            continue;
        }
        if (!mode_value(f[c.mode], &lenient)) {
            EXPECT("mode", !"strict or lenient");
            failed_rows++;
            continue;
        }
        if (!unescape_field(f[c.input], 0, 0, &len)) {
            EXPECT("input", !"a well-formed escape");
            failed_rows++;
            continue;
        }
        rows++;
        check_identify_row(f, &c, lenient, f[c.input], len);
        if (!row_ok) {
            failed_rows++;
        }
    }
    free(t.text);
    return rows;
}

/* ---- ma_the.tsv ---------------------------------------------------------------------------- */

/* One expected item, `start:byte_start:byte_len:verdict:detail`, split in place. */
typedef struct {
    unsigned long start;
    unsigned long byte_start;
    unsigned long byte_len;
    const char *verdict;
    const char *detail;
} item_want;

static int split_item(char *text, item_want *want) {
    char *parts[5];
    size_t k;
    for (k = 0; k < 5; k++) {
        char *colon = strchr(text, ':');
        parts[k] = text;
        if (k < 4) {
            if (colon == NULL) {
                return 0;
            }
            *colon = '\0';
            text = colon + 1;
        } else if (colon != NULL) {
            return 0;
        }
    }
    want->verdict = parts[3];
    want->detail = parts[4];
    return number_value(parts[0], &want->start) && number_value(parts[1], &want->byte_start) &&
           number_value(parts[2], &want->byte_len);
}

static void check_item(const char *field, size_t len, bhyt_issuer issuer, int lenient,
                       const bhyt_ma_the_item *item, const item_want *want) {
    const bhyt_verdict *v = &item->verdict;
    const char *text;
    bhyt_card card;
    bhyt_error error;
    bhyt_result single;
    EXPECT("items", item->start == want->start);
    EXPECT("items", item->byte_start == want->byte_start);
    EXPECT("items", item->byte_len == want->byte_len);
    /* The vector agrees with itself: in the field, `start` characters before `byte_start`. */
    EXPECT("items", want->byte_start <= len && want->byte_len <= len - want->byte_start);
    if (want->byte_start > len || want->byte_len > len - want->byte_start) {
        return;
    }
    EXPECT("items", utf8_chars((const unsigned char *)field, want->byte_start) == want->start);
    /* The item's text by itself, as bhyt_parse sees it. */
    text = field + want->byte_start;
    memset(&card, 0, sizeof card);
    memset(&error, 0, sizeof error);
    single = parse_mode(lenient, text, want->byte_len, issuer, &card, &error);
    if (strcmp(want->verdict, "valid") == 0) {
        size_t compact_len = strlen(want->detail);
        EXPECT("items", v->code == BHYT_OK);
        EXPECT("items", v->position == BHYT_NO_POSITION && v->byte_offset == BHYT_NO_POSITION);
        EXPECT("items", v->form == compact_len && (compact_len == 10 || compact_len == 15));
        EXPECT("items", compact_len >= 10 &&
                            v->key == (uint64_t)strtoull(want->detail + compact_len - 10, NULL,
                                                         10));
        EXPECT("items", single == BHYT_OK);
        EXPECT("items", strcmp(card.compact, want->detail) == 0);
        EXPECT("items", card.form == v->form && card.key == v->key);
    } else {
        size_t position = position_value(want->detail);
        EXPECT("items", strcmp(bhyt_error_code_name(v->code), want->verdict) == 0);
        EXPECT("items", is_card_error(v->code));
        EXPECT("items", v->position == position);
        EXPECT("items", offset_matches(field, len, v->position, v->byte_offset));
        EXPECT("items", v->form == 0 && v->key == 0);
        EXPECT("items", want->byte_len > 0 || v->code == BHYT_INVALID_LENGTH);
        EXPECT("items", (position == BHYT_NO_POSITION) == (v->code == BHYT_INVALID_LENGTH));
        /* The single call on the item's text, its positions moved by the item's start. */
        EXPECT("items", single == v->code);
        EXPECT("items", position == BHYT_NO_POSITION
                            ? error.position == BHYT_NO_POSITION &&
                                  error.byte_offset == BHYT_NO_POSITION
                            : error.position + want->start == v->position &&
                                  error.byte_offset + want->byte_start == v->byte_offset);
    }
}

static unsigned long ma_the_items = 0;

static void check_ma_the_row(char *items_column, unsigned long expected_count, const char *field,
                             size_t len, bhyt_issuer issuer, int lenient) {
    bhyt_ma_the_item *items;
    bhyt_ma_the_item *untouched;
    size_t bytes = ((size_t)expected_count + 1) * sizeof *items;
    size_t count;
    size_t listed = 1;
    size_t i;
    char *p;
    bhyt_result rc;

    /* The count alone. */
    count = 0x5A5A;
    rc = lenient ? bhyt_parse_ma_the_bhyt_lenient(field, len, issuer, NULL, 0, &count)
                 : bhyt_parse_ma_the_bhyt(field, len, issuer, NULL, 0, &count);
    EXPECT("count", rc == (expected_count == 0 ? BHYT_OK : BHYT_BUFFER_TOO_SMALL));
    EXPECT("count", count == expected_count);

    items = (bhyt_ma_the_item *)malloc(bytes);
    untouched = (bhyt_ma_the_item *)malloc(bytes);
    if (items == NULL || untouched == NULL) {
        exit(2);
    }
    memset(items, 0xA5, bytes);
    memcpy(untouched, items, bytes);

    /* One item too few: the count, no item written. */
    if (expected_count > 0) {
        count = 0x5A5A;
        rc = lenient ? bhyt_parse_ma_the_bhyt_lenient(field, len, issuer, items,
                                                      expected_count - 1, &count)
                     : bhyt_parse_ma_the_bhyt(field, len, issuer, items, expected_count - 1,
                                              &count);
        EXPECT("count", rc == BHYT_BUFFER_TOO_SMALL);
        EXPECT("count", count == expected_count);
        EXPECT("count", memcmp(items, untouched, bytes) == 0);
    }

    /* One item more than needed: the spare one is not written. */
    count = 0x5A5A;
    rc = lenient ? bhyt_parse_ma_the_bhyt_lenient(field, len, issuer, items, expected_count + 1,
                                                  &count)
                 : bhyt_parse_ma_the_bhyt(field, len, issuer, items, expected_count + 1, &count);
    EXPECT("count", rc == BHYT_OK);
    EXPECT("count", count == expected_count);
    EXPECT("count", memcmp(&items[expected_count], &untouched[expected_count], sizeof *items) == 0);

    for (p = items_column; *p != '\0'; p++) {
        listed += *p == '|';
    }
    EXPECT("items", listed == expected_count);
    if (rc == BHYT_OK && count == expected_count) {
        p = items_column;
        for (i = 0; i < count && p != NULL; i++) {
            char *bar = strchr(p, '|');
            item_want want;
            if (bar != NULL) {
                *bar = '\0';
            }
            row_item = (long)i;
            if (split_item(p, &want)) {
                check_item(field, len, issuer, lenient, &items[i], &want);
            } else {
                EXPECT("items", !"start:byte_start:byte_len:verdict:detail");
            }
            ma_the_items++;
            p = bar == NULL ? NULL : bar + 1;
        }
        row_item = -1;
    }
    free(untouched);
    free(items);
}

static unsigned long run_ma_the(const char *path) {
    tsv t;
    char *f[MAX_COLUMNS];
    size_t n;
    size_t c_mode, c_issuer, c_input, c_count, c_items;
    unsigned long rows = 0;
    if (!tsv_open(&t, path)) {
        check_at(0, path, 0, "cannot read the file");
        return 0;
    }
    row_file = &t;
    row_item = -1;
    c_mode = tsv_column(&t, "mode");
    c_issuer = tsv_column(&t, "issuer");
    c_input = tsv_column(&t, "input");
    c_count = tsv_column(&t, "count");
    c_items = tsv_column(&t, "items");
    while (tsv_next(&t, f, &n)) {
        size_t len = 0;
        int lenient = 0;
        bhyt_issuer issuer = 0;
        unsigned long count = 0;
        size_t separators = 0;
        size_t i;
        row_ok = 1;
        if (n != t.columns) {
            EXPECT("(all)", n == t.columns);
            failed_rows++;
            continue;
        }
        if (!mode_value(f[c_mode], &lenient) || !issuer_value(f[c_issuer], &issuer) ||
            !unescape_field(f[c_input], 0, 0, &len) || !number_value(f[c_count], &count)) {
            EXPECT("mode, issuer, input, count", !"well-formed");
            failed_rows++;
            continue;
        }
        rows++;
        /* The vector agrees with itself: one item more than there are `;`. */
        for (i = 0; i < len; i++) {
            separators += f[c_input][i] == ';';
        }
        EXPECT("count", count == separators + 1);
        check_ma_the_row(f[c_items], count, f[c_input], len, issuer, lenient);
        if (!row_ok) {
            failed_rows++;
        }
    }
    free(t.text);
    return rows;
}

int main(int argc, char **argv) {
    unsigned long identify_rows;
    unsigned long ma_the_rows;
    if (argc != 3) {
        fprintf(stderr, "usage: %s IDENTIFY_TSV MA_THE_TSV\n", argv[0]);
        return 2;
    }
    identify_rows = run_identify(argv[1]);
    ma_the_rows = run_ma_the(argv[2]);
    /* The whole files were read (the Rust reader asks for as many). */
    CHECK(identify_rows > 500);
    CHECK(ma_the_rows > 150);
    printf("reception: %lu identify rows, %lu ma_the rows (%lu items), %lu rows failed\n",
           identify_rows, ma_the_rows, ma_the_items, failed_rows);
    return finish("test_reception");
}
