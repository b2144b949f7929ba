/*
 * Every row of the shared QR and gateway vectors (tests/vectors/qr.tsv, gateway.tsv) through
 * the C API: bhyt_identify's kind or error (code by name, position); for a card's QR code
 * bhyt_read_card_qr's card, dates, sex, facility code, layout and flags, and every text field
 * through bhyt_qr_field_text (the decoded name, address and guardian as the hex of their UTF-8,
 * the raw fields as typed; a buffer one byte too small gets BHYT_BUFFER_TOO_SMALL); for a
 * CCCD's, the digits and its text fields; the field an invalid_qr_field error names
 * (bhyt_qr_error_field); bhyt_gateway_lookup's class for every code; every row of the facility
 * and validity vectors (facility.tsv, validity.tsv): bhyt_parse_facility_code's verdict, code,
 * position and normalised code, bhyt_validity_on's answer and bhyt_stay_notes' notes.
 *
 * usage: test_qr QR_TSV GATEWAY_TSV FACILITY_TSV VALIDITY_TSV
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
    size_t c_input, c_kind, c_valid, c_code, c_field, c_position, c_card, c_name, c_birth, c_sex,
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
    c_field = tsv_column(&t, "field");
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
            const char *field = bhyt_qr_error_field(BHYT_CALL_IDENTIFY, input, len);
            EXPECT(strcmp(bhyt_error_code_name((uint32_t)got), f[c_code]) == 0, "code");
            EXPECT(error.position == position_value(f[c_position]), "position");
            /* The field an invalid_qr_field error names; the vectors write "card" for a card
             * error in field 0, which keeps the card's code. */
            if (got == BHYT_INVALID_QR_FIELD) {
                EXPECT(strcmp(field, f[c_field]) == 0, "field");
            } else {
                EXPECT(strcmp(field, "") == 0, "no field");
                EXPECT(strcmp(f[c_field], (got < 100) ? "card" : "-") == 0, "field");
            }
            EXPECT(bhyt_qr_error_field(BHYT_CALL_IDENTIFY_LENIENT, input, len) == field ||
                       strcmp(bhyt_qr_error_field(BHYT_CALL_IDENTIFY_LENIENT, input, len),
                              field) == 0,
                   "lenient field");
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

static int facility_file(const char *path) {
    tsv t;
    char *f[MAX_COLUMNS];
    size_t n;
    unsigned long rows = 0;
    size_t c_input, c_valid, c_code, c_position, c_facility_code, c_province, c_facility;
    if (!tsv_open(&t, path)) {
        return 0;
    }
    where_file = path;
    c_input = tsv_column(&t, "input");
    c_valid = tsv_column(&t, "valid");
    c_code = tsv_column(&t, "code");
    c_position = tsv_column(&t, "position");
    c_facility_code = tsv_column(&t, "facility_code");
    c_province = tsv_column(&t, "province");
    c_facility = tsv_column(&t, "facility");
    while (tsv_next(&t, f, &n)) {
        size_t len = 0;
        bhyt_facility_code code;
        bhyt_facility_code untouched;
        bhyt_error error;
        bhyt_result got;
        where_line = t.line;
        rows++;
        if (n != t.columns || !unescape_field(f[c_input], 0, 0, &len)) {
            EXPECT(0, "row shape");
            continue;
        }
        memset(&code, 0x5a, sizeof code);
        untouched = code;
        got = bhyt_parse_facility_code(f[c_input], len, &code, &error);
        EXPECT((got == BHYT_OK) == (strcmp(f[c_valid], "true") == 0), "valid");
        if (got == BHYT_OK) {
            EXPECT(strcmp(code.code, f[c_facility_code]) == 0, "facility_code");
            EXPECT(strcmp(code.province, f[c_province]) == 0, "province");
            EXPECT(strcmp(code.facility, f[c_facility]) == 0, "facility");
            /* The error detail is optional. */
            EXPECT(bhyt_parse_facility_code(f[c_input], len, &code, NULL) == BHYT_OK, "NULL error");
        } else {
            EXPECT(got == BHYT_INVALID_FACILITY_CODE, "code value");
            EXPECT(strcmp(bhyt_error_code_name((uint32_t)got), f[c_code]) == 0, "code");
            EXPECT(error.code == got, "error.code");
            EXPECT(error.position == position_value(f[c_position]), "position");
            EXPECT(offset_matches(f[c_input], len, error.position, error.byte_offset),
                   "byte_offset");
            EXPECT(memcmp(&code, &untouched, sizeof code) == 0, "output untouched on failure");
        }
        EXPECT(bhyt_parse_facility_code(f[c_input], len, NULL, &error) == BHYT_NULL_ARGUMENT &&
                   error.code == BHYT_NULL_ARGUMENT,
               "NULL output");
    }
    CHECK(rows >= 15);
    EXPECT(bhyt_parse_facility_code(NULL, 5, &(bhyt_facility_code){{0}, {0}, {0}}, NULL) ==
               BHYT_NULL_ARGUMENT,
           "NULL input");
    free(t.text);
    return 1;
}

/* yyyy-mm-dd into a bhyt_date; "-" is all 0 (no end date). */
static int parse_date(const char *text, bhyt_date *out) {
    unsigned y, m, d;
    out->year = 0;
    out->month = 0;
    out->day = 0;
    if (strcmp(text, "-") == 0) {
        return 1;
    }
    if (sscanf(text, "%4u-%2u-%2u", &y, &m, &d) != 3) {
        return 0;
    }
    out->year = (uint16_t)y;
    out->month = (uint8_t)m;
    out->day = (uint8_t)d;
    return 1;
}

static const char *const STAY_BITS_ORDER = "visit_before_start,became_valid_during_stay,"
                                           "expired_before_discharge";

static int validity_file(const char *path) {
    tsv t;
    char *f[MAX_COLUMNS];
    size_t n;
    unsigned long rows = 0;
    size_t c_from, c_to, c_date, c_admission, c_discharge, c_validity, c_notes;
    if (!tsv_open(&t, path)) {
        return 0;
    }
    where_file = path;
    c_from = tsv_column(&t, "valid_from");
    c_to = tsv_column(&t, "valid_to");
    c_date = tsv_column(&t, "date");
    c_admission = tsv_column(&t, "admission");
    c_discharge = tsv_column(&t, "discharge");
    c_validity = tsv_column(&t, "validity");
    c_notes = tsv_column(&t, "notes");
    while (tsv_next(&t, f, &n)) {
        bhyt_date from, to, date, admission, discharge;
        bhyt_validity validity = 0;
        bhyt_stay_note notes = 0;
        char names[256] = "";
        uint32_t bit;
        where_line = t.line;
        rows++;
        if (n != t.columns || !parse_date(f[c_from], &from) || !parse_date(f[c_to], &to) ||
            !parse_date(f[c_date], &date) || !parse_date(f[c_admission], &admission) ||
            !parse_date(f[c_discharge], &discharge)) {
            EXPECT(0, "row shape");
            continue;
        }
        EXPECT(bhyt_validity_on(&from, &to, &date, &validity) == BHYT_OK, "validity_on");
        EXPECT(strcmp(bhyt_validity_name(validity), f[c_validity]) == 0, "validity");
        EXPECT(bhyt_stay_notes(&from, &to, &admission, &discharge, &notes) == BHYT_OK,
               "stay_notes");
        EXPECT((notes & ~7u) == 0, "only the three bits");
        /* The bits in their order, named as the vectors name them. */
        for (bit = 1; bit <= 4; bit <<= 1) {
            if (notes & bit) {
                if (names[0] != '\0') {
                    strcat(names, ",");
                }
                strcat(names, bhyt_stay_note_name(bit));
                EXPECT(strstr(STAY_BITS_ORDER, bhyt_stay_note_name(bit)) != NULL, "note name");
                EXPECT(strlen(bhyt_stay_note_message(bit, BHYT_LANG_VI)) > 0 &&
                           strcmp(bhyt_stay_note_message(bit, BHYT_LANG_VI),
                                  bhyt_stay_note_message(bit, BHYT_LANG_EN)) != 0,
                       "note messages");
            }
        }
        EXPECT(strcmp(names[0] ? names : "-", f[c_notes]) == 0, "notes");
    }
    CHECK(rows >= 10);
    free(t.text);
    return 1;
}

/* The argument checks of the date calls: NULL pointers, dates that do not exist, outputs
 * untouched on failure. */
static void date_arguments(void) {
    bhyt_date from = {2025, 1, 1}, to = {2025, 12, 31}, none = {0, 0, 0};
    bhyt_date feb30 = {2025, 2, 30}, year_only = {1990, 0, 0}, month13 = {2025, 13, 1};
    bhyt_validity validity = 77;
    bhyt_stay_note notes = 77;
    CHECK(bhyt_validity_on(&from, &none, &to, &validity) == BHYT_OK &&
          validity == BHYT_VALIDITY_OPEN_ENDED);
    CHECK(bhyt_validity_on(&from, &to, &from, &validity) == BHYT_OK &&
          validity == BHYT_VALIDITY_VALID);
    validity = 77;
    CHECK(bhyt_validity_on(&from, &to, &feb30, &validity) == BHYT_INVALID_DATE && validity == 77);
    CHECK(bhyt_validity_on(&year_only, &to, &from, &validity) == BHYT_INVALID_DATE);
    CHECK(bhyt_validity_on(&from, &month13, &from, &validity) == BHYT_INVALID_DATE);
    CHECK(bhyt_validity_on(NULL, &to, &from, &validity) == BHYT_NULL_ARGUMENT);
    CHECK(bhyt_validity_on(&from, NULL, &from, &validity) == BHYT_NULL_ARGUMENT);
    CHECK(bhyt_validity_on(&from, &to, NULL, &validity) == BHYT_NULL_ARGUMENT);
    CHECK(bhyt_validity_on(&from, &to, &from, NULL) == BHYT_NULL_ARGUMENT);
    CHECK(validity == 77);
    CHECK(bhyt_stay_notes(&from, &to, &from, &to, &notes) == BHYT_OK && notes == 0);
    notes = 77;
    CHECK(bhyt_stay_notes(&from, &to, &from, &feb30, &notes) == BHYT_INVALID_DATE && notes == 77);
    CHECK(bhyt_stay_notes(&from, &to, &none, &to, &notes) == BHYT_INVALID_DATE);
    CHECK(bhyt_stay_notes(&from, &to, &from, NULL, &notes) == BHYT_NULL_ARGUMENT);
    CHECK(bhyt_stay_notes(&from, &to, &from, &to, NULL) == BHYT_NULL_ARGUMENT);
    CHECK(notes == 77);
    CHECK(strcmp(bhyt_validity_name(BHYT_VALIDITY_BEFORE_START), "before_start") == 0);
    CHECK(strcmp(bhyt_validity_name(BHYT_VALIDITY_EXPIRED), "expired") == 0);
    CHECK(strcmp(bhyt_validity_name(0), "unknown") == 0);
    CHECK(strcmp(bhyt_validity_name(5), "unknown") == 0);
    CHECK(strcmp(bhyt_stay_note_name(BHYT_STAY_EXPIRED_BEFORE_DISCHARGE),
                 "expired_before_discharge") == 0);
    CHECK(strcmp(bhyt_stay_note_name(3), "unknown") == 0);
    CHECK(strcmp(bhyt_stay_note_name(0), "unknown") == 0);
    CHECK(strlen(bhyt_stay_note_message(8, BHYT_LANG_EN)) > 0);
    CHECK(strcmp(bhyt_error_code_name(BHYT_INVALID_DATE), "invalid_date") == 0);
    CHECK(strcmp(bhyt_error_code_name(BHYT_INVALID_FACILITY_CODE), "invalid_facility_code") == 0);
    CHECK(strcmp(bhyt_error_message(BHYT_INVALID_FACILITY_CODE, BHYT_LANG_EN),
                 "a facility code is a 2-digit province and 3 characters (e.g. 01 - 028)") == 0);
    /* The QR field of an error: only for the identify calls. */
    CHECK(strcmp(bhyt_qr_error_field(BHYT_CALL_VALIDATE, "a|b", 3), "") == 0);
    CHECK(strcmp(bhyt_qr_error_field(BHYT_CALL_IDENTIFY, NULL, 3), "") == 0);
    CHECK(strcmp(bhyt_qr_error_field(BHYT_CALL_IDENTIFY, "0120878811", 10), "") == 0);
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: test_qr QR_TSV GATEWAY_TSV FACILITY_TSV VALIDITY_TSV\n");
        return 2;
    }
    if (!qr_file(argv[1]) || !gateway_file(argv[2]) || !facility_file(argv[3]) ||
        !validity_file(argv[4])) {
        return 2;
    }
    date_arguments();
    return finish("test_qr");
}
