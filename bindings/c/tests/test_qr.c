/*
 * Every row of the shared QR and gateway vectors (tests/vectors/qr.tsv, gateway.tsv) through
 * the C API: bhyt_identify's kind or error (code by name, position); for a card's QR code
 * bhyt_read_card_qr's card, dates, sex, facility code, layout and flags, and every text field
 * through bhyt_qr_field_text (the decoded name, address and guardian as the hex of their UTF-8,
 * the raw fields as typed; a buffer one byte too small gets BHYT_BUFFER_TOO_SMALL); for a
 * CCCD's, the digits and its text fields; bhyt_gateway_lookup's class for every code.
 *
 * usage: test_qr QR_TSV GATEWAY_TSV
 *
 * Failures name the file, line and column, never the payload: it is personal data.
 */
#include "common.h"

static const char *where_file;
static unsigned long where_line;

#define EXPECT(cond, column)                                                                   \
    do {                                                                                       \
        if (!check_at((cond) ? 1 : 0, where_file, (int)where_line, column)) {                  \
        }                                                                                      \
    } while (0)

static void to_hex(const char *text, size_t len, char *out) {
    static const char digits[] = "0123456789abcdef";
    size_t i;
    if (len == 0) {
        strcpy(out, "-");
        return;
    }
    for (i = 0; i < len; i++) {
        out[2 * i] = digits[((unsigned char)text[i]) >> 4];
        out[2 * i + 1] = digits[((unsigned char)text[i]) & 15];
    }
    out[2 * len] = '\0';
}

static void iso(bhyt_date date, char *out) {
    if (date.year == 0) {
        strcpy(out, "-");
    } else if (date.month == 0) {
        sprintf(out, "%04u", (unsigned)date.year);
    } else {
        sprintf(out, "%04u-%02u-%02u", (unsigned)date.year, (unsigned)date.month,
                (unsigned)date.day);
    }
}

/* The text of field `index`, hex-encoded as the vectors write decoded texts. */
static void field_hex(const char *input, size_t len, size_t index, char *out) {
    char text[4096];
    size_t required = 0;
    bhyt_result got = bhyt_qr_field_text(input, len, index, text, sizeof text, &required);
    EXPECT(got == BHYT_OK, "field text");
    if (got != BHYT_OK) {
        strcpy(out, "?");
        return;
    }
    EXPECT(required == strlen(text) + 1, "field text size");
    if (required > 1) {
        char small[4096];
        EXPECT(bhyt_qr_field_text(input, len, index, small, required - 1, NULL) ==
                   BHYT_BUFFER_TOO_SMALL,
               "a buffer one byte too small");
    }
    to_hex(text, required - 1, out);
}

static const char *layout_name(bhyt_qr_layout layout) {
    switch (layout) {
    case BHYT_QR_LAYOUT_10_FIELDS: return "10_fields";
    case BHYT_QR_LAYOUT_15_TOKENS: return "15_tokens";
    case BHYT_QR_LAYOUT_17_TOKENS: return "17_tokens";
    case BHYT_QR_LAYOUT_OTHER: return "other";
    default: return "?";
    }
}

static int qr_file(const char *path) {
    tsv t;
    char *f[MAX_COLUMNS];
    size_t n;
    unsigned long rows = 0;
    size_t c_input, c_kind, c_valid, c_code, c_position, c_card, c_name, c_birth, c_sex,
        c_address, c_facility, c_from, c_to, c_issued, c_manager, c_guardian, c_five, c_raw,
        c_layout, c_repaired, c_utf16, c_old;
    if (!tsv_open(&t, path)) {
        return 0;
    }
    where_file = path;
    c_input = tsv_column(&t, "input");
    c_kind = tsv_column(&t, "kind");
    c_valid = tsv_column(&t, "valid");
    c_code = tsv_column(&t, "code");
    c_position = tsv_column(&t, "position");
    c_card = tsv_column(&t, "card");
    c_name = tsv_column(&t, "name_hex");
    c_birth = tsv_column(&t, "birth_date");
    c_sex = tsv_column(&t, "sex");
    c_address = tsv_column(&t, "address_hex");
    c_facility = tsv_column(&t, "facility_code");
    c_from = tsv_column(&t, "valid_from");
    c_to = tsv_column(&t, "valid_to");
    c_issued = tsv_column(&t, "issued_on");
    c_manager = tsv_column(&t, "manager_code");
    c_guardian = tsv_column(&t, "guardian_hex");
    c_five = tsv_column(&t, "five_years_on");
    c_raw = tsv_column(&t, "raw_fields");
    c_layout = tsv_column(&t, "layout");
    c_repaired = tsv_column(&t, "repaired");
    c_utf16 = tsv_column(&t, "utf16");
    c_old = tsv_column(&t, "old_id");
    while (tsv_next(&t, f, &n)) {
        char *input = f[c_input];
        size_t len = 0;
        bhyt_identity identity;
        bhyt_error error;
        bhyt_result got;
        char buf[8192];
        where_line = t.line;
        rows++;
        if (n != t.columns || !unescape_field(input, 0, 0, &len)) {
            EXPECT(0, "row shape");
            continue;
        }
        got = bhyt_identify(input, len, &identity, &error);
        EXPECT((got == BHYT_OK) == (strcmp(f[c_valid], "true") == 0), "valid");
        if (got != BHYT_OK) {
            EXPECT(strcmp(bhyt_error_code_name((uint32_t)got), f[c_code]) == 0, "code");
            EXPECT(error.position == position_value(f[c_position]), "position");
            if (strcmp(f[c_kind], "card_qr") != 0) {
                bhyt_card_qr qr;
                EXPECT(bhyt_read_card_qr(input, len, &qr, NULL) == got, "read_card_qr error");
            }
            continue;
        }
        if (strcmp(f[c_kind], "card_qr") == 0) {
            bhyt_card_qr qr;
            char text[64];
            char *raw = f[c_raw];
            EXPECT(identity.kind == BHYT_IDENTITY_CARD_QR, "kind");
            if (bhyt_read_card_qr(input, len, &qr, &error) != BHYT_OK) {
                EXPECT(0, "read_card_qr");
                continue;
            }
            EXPECT(strcmp(qr.card.compact, f[c_card]) == 0, "card");
            iso(qr.birth_date, text);
            EXPECT(strcmp(text, f[c_birth]) == 0, "birth_date");
            EXPECT(qr.sex == (strcmp(f[c_sex], "male") == 0 ? BHYT_SEX_MALE : BHYT_SEX_FEMALE),
                   "sex");
            EXPECT(strcmp(qr.facility_code, f[c_facility]) == 0, "facility_code");
            iso(qr.valid_from, text);
            EXPECT(strcmp(text, f[c_from]) == 0, "valid_from");
            iso(qr.valid_to, text);
            EXPECT(strcmp(text, f[c_to]) == 0, "valid_to");
            iso(qr.issued_on, text);
            EXPECT(strcmp(text, f[c_issued]) == 0, "issued_on");
            iso(qr.five_years_on, text);
            EXPECT(strcmp(text, f[c_five]) == 0, "five_years_on");
            EXPECT(strcmp(layout_name(qr.layout), f[c_layout]) == 0, "layout");
            EXPECT(qr.repaired == (strcmp(f[c_repaired], "true") == 0), "repaired");
            EXPECT(qr.utf16 == (strcmp(f[c_utf16], "true") == 0), "utf16");
            field_hex(input, len, 1, buf);
            EXPECT(strcmp(buf, f[c_name]) == 0, "name");
            field_hex(input, len, 4, buf);
            EXPECT(strcmp(buf, f[c_address]) == 0 && qr.has_address == (strcmp(buf, "-") != 0),
                   "address");
            if (qr.field_count > 10) {
                field_hex(input, len, 10, buf);
                EXPECT(strcmp(buf, f[c_guardian]) == 0, "guardian");
            }
            {
                char manager[64];
                EXPECT(bhyt_qr_field_text(input, len, 9, manager, sizeof manager, NULL) ==
                               BHYT_OK &&
                           strcmp(manager, f[c_manager]) == 0,
                       "manager_code");
            }
            EXPECT(bhyt_qr_field_text(input, len, qr.field_count, buf, sizeof buf, NULL) ==
                       BHYT_INVALID_LENGTH,
                   "past the last field");
            /* Every raw field index reads as typed (the vectors list them). */
            while (strcmp(raw, "-") != 0 && *raw != '\0') {
                size_t index = (size_t)strtoul(raw, &raw, 10);
                EXPECT(bhyt_qr_field_text(input, len, index, buf, sizeof buf, NULL) == BHYT_OK,
                       "raw field");
                if (*raw == ',') {
                    raw++;
                }
            }
        } else {
            char *digits = identity.personal_id.digits;
            EXPECT(identity.kind == BHYT_IDENTITY_PERSONAL_ID_QR, "kind");
            EXPECT(strcmp(digits, f[c_card]) == 0, "personal_id");
            {
                char text[4096];
                size_t required = 0;
                EXPECT(bhyt_qr_field_text(input, len, 2, text, sizeof text, &required) ==
                           BHYT_OK,
                       "name");
                to_hex(text, required - 1, buf);
                EXPECT(strcmp(buf, f[c_name]) == 0, "name");
                EXPECT(bhyt_qr_field_text(input, len, 1, text, sizeof text, &required) ==
                           BHYT_OK,
                       "old_id");
                EXPECT(strcmp(required == 1 ? "-" : text, f[c_old]) == 0, "old_id");
            }
            {
                bhyt_card_qr qr;
                EXPECT(bhyt_read_card_qr(input, len, &qr, NULL) == BHYT_UNRECOGNIZED_QR,
                       "not a card QR");
            }
        }
    }
    CHECK(rows > 70);
    free(t.text);
    return 1;
}

static int gateway_file(const char *path) {
    tsv t;
    char *f[MAX_COLUMNS];
    size_t n;
    size_t c_input, c_known, c_class;
    if (!tsv_open(&t, path)) {
        return 0;
    }
    where_file = path;
    c_input = tsv_column(&t, "input");
    c_known = tsv_column(&t, "known");
    c_class = tsv_column(&t, "class");
    while (tsv_next(&t, f, &n)) {
        size_t len = 0;
        bhyt_gateway_result result;
        bhyt_result got;
        where_line = t.line;
        if (n != t.columns || !unescape_field(f[c_input], 0, 0, &len)) {
            EXPECT(0, "row shape");
            continue;
        }
        got = bhyt_gateway_lookup(f[c_input], len, &result);
        EXPECT((got == BHYT_OK) == (strcmp(f[c_known], "true") == 0), "known");
        if (got == BHYT_OK) {
            EXPECT(strcmp(result.class_name, f[c_class]) == 0, "class");
            EXPECT(strlen(result.message_vi) > 0 && strlen(result.message_en) > 0, "messages");
            EXPECT(result.result_class >= BHYT_GATEWAY_OK &&
                       result.result_class <= BHYT_GATEWAY_SERVICE_ERROR,
                   "class value");
        } else {
            EXPECT(got == BHYT_UNRECOGNIZED_INPUT, "unknown code");
        }
    }
    EXPECT(bhyt_gateway_lookup("000", 3, NULL) == BHYT_NULL_ARGUMENT, "NULL output");
    free(t.text);
    return 1;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: test_qr QR_TSV GATEWAY_TSV\n");
        return 2;
    }
    if (!qr_file(argv[1]) || !gateway_file(argv[2])) {
        return 2;
    }
    return finish("test_qr");
}
