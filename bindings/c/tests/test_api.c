/*
 * The C API's contract, call by call: NULL arguments, bad enum values, garbage and huge
 * inputs, "outputs only on success", the snprintf-like formatting, batches, lines, static
 * strings, the version. Compile with -DBHYT_EXPECTED_VERSION='"x.y.z"' (from Cargo.toml).
 */
#define _DEFAULT_SOURCE /* mmap, MAP_ANONYMOUS, sysconf */

#include <sys/mman.h>
#include <unistd.h>

#include "common.h"

#ifndef BHYT_EXPECTED_VERSION
#error "compile with -DBHYT_EXPECTED_VERSION='\"x.y.z\"' (the version in Cargo.toml)"
#endif

#define LEN(s) (sizeof(s) - 1)

static const bhyt_result ALL_CODES[] = {
    BHYT_OK, BHYT_INVALID_LENGTH, BHYT_INVALID_CHARACTER, BHYT_UNKNOWN_GROUP_CODE,
    BHYT_LATE_GROUP_CODE, BHYT_INVALID_BENEFIT_LEVEL, BHYT_INVALID_PROVINCE_CODE,
    BHYT_NULL_ARGUMENT, BHYT_BUFFER_TOO_SMALL, BHYT_INVALID_ISSUER, BHYT_INVALID_STYLE,
    BHYT_PANIC, BHYT_UNRECOGNIZED_INPUT, BHYT_INVALID_PERSONAL_ID, BHYT_INVALID_QR_FIELD,
    BHYT_UNRECOGNIZED_QR,
    BHYT_INVALID_ARGUMENT, BHYT_INVALID_FACILITY_CODE, BHYT_INVALID_DATE};
#define CODE_COUNT (sizeof ALL_CODES / sizeof ALL_CODES[0])

static int known_code(bhyt_result rc) {
    size_t i;
    for (i = 0; i < CODE_COUNT; i++) {
        if (ALL_CODES[i] == rc) {
            return 1;
        }
    }
    return 0;
}

static int same_bytes(const void *a, const void *b, size_t n) { return memcmp(a, b, n) == 0; }

static void test_version(void) {
    char text[64];
    CHECK(strcmp(BHYT_VERSION, BHYT_EXPECTED_VERSION) == 0);
    CHECK(strcmp(bhyt_version(), BHYT_VERSION) == 0);
    snprintf(text, sizeof text, "%d.%d.%d", BHYT_VERSION_MAJOR, BHYT_VERSION_MINOR,
             BHYT_VERSION_PATCH);
    CHECK(strcmp(text, BHYT_VERSION) == 0);
}

static void test_codes_and_messages(void) {
    static const char *const names[] = {
        "ok", "invalid_length", "invalid_character", "unknown_group_code", "late_group_code",
        "invalid_benefit_level", "invalid_province_code", "null_argument", "buffer_too_small",
        "invalid_issuer", "invalid_style", "panic", "unrecognized_input", "invalid_personal_id",
        "invalid_qr_field", "unrecognized_qr", "invalid_argument", "invalid_facility_code",
        "invalid_date"};
    size_t i;
    size_t j;
    CHECK(BHYT_OK == 0 && BHYT_INVALID_LENGTH == 1 && BHYT_INVALID_PROVINCE_CODE == 6);
    CHECK(BHYT_NULL_ARGUMENT == 100 && BHYT_PANIC == 104);
    CHECK(BHYT_UNRECOGNIZED_INPUT == 105 && BHYT_INVALID_PERSONAL_ID == 106);
    CHECK(BHYT_INVALID_QR_FIELD == 107 && BHYT_UNRECOGNIZED_QR == 108);
    CHECK(BHYT_INVALID_ARGUMENT == 109);
    CHECK(BHYT_INVALID_FACILITY_CODE == 110 && BHYT_INVALID_DATE == 111);
    for (i = 0; i < CODE_COUNT; i++) {
        CHECK(strcmp(bhyt_error_code_name(ALL_CODES[i]), names[i]) == 0);
        CHECK(bhyt_error_message(ALL_CODES[i], BHYT_LANG_VI) != NULL);
        CHECK(bhyt_error_message(ALL_CODES[i], BHYT_LANG_EN) != NULL);
        CHECK(strlen(bhyt_error_message(ALL_CODES[i], BHYT_LANG_VI)) > 0);
        CHECK(strcmp(bhyt_error_message(ALL_CODES[i], BHYT_LANG_VI),
                     bhyt_error_message(ALL_CODES[i], BHYT_LANG_EN)) != 0);
        /* Any other language value reads as English. */
        CHECK(bhyt_error_message(ALL_CODES[i], 7) == bhyt_error_message(ALL_CODES[i], BHYT_LANG_EN));
        for (j = 0; j < i; j++) {
            CHECK(ALL_CODES[i] != ALL_CODES[j]);
        }
    }
    CHECK(strcmp(bhyt_error_message(BHYT_INVALID_BENEFIT_LEVEL, BHYT_LANG_VI),
                 "M\xe1\xbb\xa9" "c h\xc6\xb0\xe1\xbb\x9fng (k\xc3\xbd t\xe1\xbb\xb1 3) ph\xe1\xba\xa3i "
                 "l\xc3\xa0 ch\xe1\xbb\xaf s\xe1\xbb\x91 t\xe1\xbb\xab 1 \xc4\x91\xe1\xba\xbfn 5") == 0);
    CHECK(strcmp(bhyt_error_message(BHYT_INVALID_BENEFIT_LEVEL, BHYT_LANG_EN),
                 "the benefit level (character 3) must be a digit from 1 to 5") == 0);
    CHECK(strcmp(bhyt_error_code_name(7), "unknown") == 0);
    CHECK(strcmp(bhyt_error_code_name(99), "unknown") == 0);
    CHECK(strcmp(bhyt_error_code_name(112), "unknown") == 0);
    CHECK(strcmp(bhyt_error_code_name(0xFFFFFFFFu), "unknown") == 0);
    CHECK(strcmp(bhyt_error_message(0xFFFFFFFFu, BHYT_LANG_EN), "unknown error code") == 0);
    /* Static strings: the same pointer every time. */
    CHECK(bhyt_error_code_name(3) == bhyt_error_code_name(3));
}

static void test_validate(void) {
    CHECK(bhyt_validate("0101010101", 10, BHYT_ISSUER_ANY) == BHYT_OK);
    CHECK(bhyt_validate("DN4010123456789", 15, BHYT_ISSUER_VSS) == BHYT_OK);
    CHECK(bhyt_validate("DN4010123456789", 15, BHYT_ISSUER_POLICE) == BHYT_INVALID_PROVINCE_CODE);
    CHECK(bhyt_validate("CA5980123456789", 15, BHYT_ISSUER_POLICE) == BHYT_OK);
    CHECK(bhyt_validate("QN5970123456789", 15, BHYT_ISSUER_DEFENCE) == BHYT_OK);
    CHECK(bhyt_validate("0101010101", 10, BHYT_ISSUER_DEFENCE) == BHYT_OK);
    CHECK(bhyt_validate("CD4010130480001", 15, BHYT_ISSUER_ANY) == BHYT_UNKNOWN_GROUP_CODE);
    CHECK(bhyt_validate("ND4010123456789", 15, BHYT_ISSUER_ANY) == BHYT_LATE_GROUP_CODE);
    CHECK(bhyt_validate("DN6010123456789", 15, BHYT_ISSUER_ANY) == BHYT_INVALID_BENEFIT_LEVEL);
    CHECK(bhyt_validate("DN4000123456789", 15, BHYT_ISSUER_ANY) == BHYT_INVALID_PROVINCE_CODE);
    CHECK(bhyt_validate("", 0, BHYT_ISSUER_ANY) == BHYT_INVALID_LENGTH);
    /* len, not NUL, ends the input: a longer string is cut, a NUL is a character. */
    CHECK(bhyt_validate("0101010101XYZ", 10, BHYT_ISSUER_ANY) == BHYT_OK);
    CHECK(bhyt_validate("0101\0" "10101", 10, BHYT_ISSUER_ANY) == BHYT_INVALID_CHARACTER);
    CHECK(bhyt_validate(" 0101010101", 11, BHYT_ISSUER_ANY) == BHYT_INVALID_LENGTH);
    CHECK(bhyt_validate_lenient(" 0101 010 101\n", 14, BHYT_ISSUER_ANY) == BHYT_OK);
    CHECK(bhyt_validate_lenient("hs-4-01-0120878811", 18, BHYT_ISSUER_VSS) == BHYT_OK);
    CHECK(bhyt_validate_lenient("HS 4 01 O120878811", 18, BHYT_ISSUER_ANY) == BHYT_INVALID_CHARACTER);
}

static void test_parse(void) {
    bhyt_card card;
    bhyt_card untouched;
    bhyt_error error;
    bhyt_error error_untouched;

    memset(&error, 0x5A, sizeof error);
    memcpy(&error_untouched, &error, sizeof error);
    CHECK(bhyt_parse("CA5980123456789", 15, BHYT_ISSUER_ANY, &card, &error) == BHYT_OK);
    CHECK(same_bytes(&error, &error_untouched, sizeof error)); /* not written on success */
    CHECK(card.form == 15);
    CHECK(strcmp(card.compact, "CA5980123456789") == 0);
    CHECK(strcmp(card.group_code, "CA") == 0);
    CHECK(card.benefit_level == 5 && card.province_code == 98);
    CHECK(card.issuer == BHYT_ISSUER_POLICE);
    CHECK(strcmp(card.social_insurance_number, "0123456789") == 0);
    CHECK(card.key == 123456789u);
    CHECK(strcmp(card.group_description_en, "police officers") == 0);
    CHECK(strcmp(card.group_description_vi,
                 "S\xc4\xa9 quan, h\xe1\xba\xa1 s\xc4\xa9 quan, chi\xe1\xba\xbfn s\xc4\xa9 c\xc3\xb4ng "
                 "an nh\xc3\xa2n d\xc3\xa2n") == 0);
    CHECK(strcmp(card.issuer_name_en, "Police social security") == 0);
    CHECK(strcmp(card.benefit_meaning_en,
                 "100% of costs, including those outside the BHYT scope, plus transport") == 0);

    CHECK(bhyt_parse("0120878811", 10, BHYT_ISSUER_DEFENCE, &card, NULL) == BHYT_OK);
    CHECK(card.form == 10 && card.benefit_level == 0 && card.province_code == 0);
    CHECK(card.issuer == BHYT_ISSUER_ANY);
    CHECK(strcmp(card.group_code, "") == 0 && strcmp(card.compact, "0120878811") == 0);
    CHECK(card.group_description_vi != NULL && card.group_description_vi[0] == '\0');
    CHECK(card.benefit_meaning_en != NULL && card.benefit_meaning_en[0] == '\0');
    CHECK(card.issuer_name_vi != NULL && card.issuer_name_vi[0] == '\0');

    /* The dedup key: a 15-character number and its 10-digit form. */
    {
        bhyt_card old_form;
        CHECK(bhyt_parse("HS4010120878811", 15, BHYT_ISSUER_ANY, &old_form, NULL) == BHYT_OK);
        CHECK(old_form.key == card.key && old_form.key == 120878811u);
    }

    /* Failure: the card is untouched, the error detail is written. */
    memset(&card, 0xA5, sizeof card);
    memcpy(&untouched, &card, sizeof card);
    CHECK(bhyt_parse("DN4010123456789", 15, BHYT_ISSUER_POLICE, &card, &error) ==
          BHYT_INVALID_PROVINCE_CODE);
    CHECK(same_bytes(&card, &untouched, sizeof card));
    CHECK(error.code == BHYT_INVALID_PROVINCE_CODE && error.position == 3 && error.byte_offset == 3);
    CHECK(bhyt_parse("0101010101x", 11, BHYT_ISSUER_ANY, &card, &error) == BHYT_INVALID_LENGTH);
    CHECK(error.position == BHYT_NO_POSITION && error.byte_offset == BHYT_NO_POSITION);
    CHECK(same_bytes(&card, &untouched, sizeof card));

    /* Positions are characters; byte_offset is bytes. "€" is 3 bytes, one character. */
    CHECK(bhyt_parse("01\xe2\x82\xac" "4567890", 12, BHYT_ISSUER_ANY, &card, &error) ==
          BHYT_INVALID_CHARACTER);
    CHECK(error.position == 2 && error.byte_offset == 2);
    CHECK(bhyt_parse_lenient("\xc2\xa0" "0123456\xe2\x82\xac" "89", 14, BHYT_ISSUER_ANY, &card,
                             &error) == BHYT_INVALID_CHARACTER);
    CHECK(error.position == 8 && error.byte_offset == 9);
    /* Invalid UTF-8: each bad sequence is one character. */
    CHECK(bhyt_parse("\xe1\x80" "123456789", 11, BHYT_ISSUER_ANY, &card, &error) ==
          BHYT_INVALID_CHARACTER);
    CHECK(error.position == 0 && error.byte_offset == 0);
    CHECK(bhyt_parse("12345\xff\xfe" "678", 10, BHYT_ISSUER_ANY, &card, &error) ==
          BHYT_INVALID_CHARACTER);
    CHECK(error.position == 5 && error.byte_offset == 5);
    CHECK(bhyt_parse("12345\xff\xfe" "6789", 11, BHYT_ISSUER_ANY, &card, &error) ==
          BHYT_INVALID_LENGTH);
    CHECK(same_bytes(&card, &untouched, sizeof card));
}

static void test_null_and_bad_values(void) {
    bhyt_card card;
    bhyt_card untouched;
    bhyt_error error;
    bhyt_prefix prefix;
    bhyt_prefix prefix_untouched;
    bhyt_verdict verdicts[2];
    bhyt_verdict verdicts_untouched[2];
    bhyt_input inputs[2];
    char buffer[BHYT_FORMAT_SIZE];
    size_t count = 77;
    size_t required = 77;

    memset(&card, 0xA5, sizeof card);
    memcpy(&untouched, &card, sizeof card);
    memset(&prefix, 0xA5, sizeof prefix);
    memcpy(&prefix_untouched, &prefix, sizeof prefix);
    memset(verdicts, 0xA5, sizeof verdicts);
    memcpy(verdicts_untouched, verdicts, sizeof verdicts);

    CHECK(bhyt_validate(NULL, 0, BHYT_ISSUER_ANY) == BHYT_NULL_ARGUMENT);
    CHECK(bhyt_validate(NULL, 10, BHYT_ISSUER_ANY) == BHYT_NULL_ARGUMENT);
    CHECK(bhyt_validate_lenient(NULL, 10, BHYT_ISSUER_ANY) == BHYT_NULL_ARGUMENT);
    CHECK(bhyt_parse(NULL, 10, BHYT_ISSUER_ANY, &card, &error) == BHYT_NULL_ARGUMENT);
    CHECK(error.code == BHYT_NULL_ARGUMENT && error.position == BHYT_NO_POSITION &&
          error.byte_offset == BHYT_NO_POSITION);
    CHECK(bhyt_parse("0101010101", 10, BHYT_ISSUER_ANY, NULL, &error) == BHYT_NULL_ARGUMENT);
    CHECK(bhyt_parse_lenient("0101010101", 10, BHYT_ISSUER_ANY, NULL, NULL) == BHYT_NULL_ARGUMENT);
    CHECK(bhyt_check_prefix(NULL, 0, BHYT_ISSUER_ANY, &prefix) == BHYT_NULL_ARGUMENT);
    CHECK(bhyt_check_prefix("01", 2, BHYT_ISSUER_ANY, NULL) == BHYT_NULL_ARGUMENT);
    CHECK(bhyt_check_prefix_lenient(NULL, 2, BHYT_ISSUER_ANY, &prefix) == BHYT_NULL_ARGUMENT);
    CHECK(same_bytes(&prefix, &prefix_untouched, sizeof prefix));
    CHECK(bhyt_format(NULL, BHYT_STYLE_COMPACT, buffer, sizeof buffer, &required) ==
          BHYT_NULL_ARGUMENT);
    CHECK(required == 77);
    CHECK(bhyt_parse("0101010101", 10, BHYT_ISSUER_ANY, &card, NULL) == BHYT_OK);
    CHECK(bhyt_format(&card, BHYT_STYLE_COMPACT, NULL, 5, &required) == BHYT_NULL_ARGUMENT);
    CHECK(required == 77);
    CHECK(bhyt_format(&card, BHYT_STYLE_COMPACT, buffer, sizeof buffer, NULL) == BHYT_OK);
    CHECK(bhyt_validate_batch(NULL, 1, BHYT_ISSUER_ANY, verdicts) == BHYT_NULL_ARGUMENT);
    inputs[0].data = "0101010101";
    inputs[0].len = 10;
    inputs[1].data = NULL;
    inputs[1].len = 10;
    CHECK(bhyt_validate_batch(inputs, 2, BHYT_ISSUER_ANY, NULL) == BHYT_NULL_ARGUMENT);
    CHECK(same_bytes(verdicts, verdicts_untouched, sizeof verdicts));
    CHECK(bhyt_validate_batch(NULL, 0, BHYT_ISSUER_ANY, NULL) == BHYT_OK);
    CHECK(bhyt_validate_batch(inputs, 2, BHYT_ISSUER_ANY, verdicts) == BHYT_OK);
    CHECK(verdicts[0].code == BHYT_OK && verdicts[0].form == 10 && verdicts[0].key == 101010101u);
    CHECK(verdicts[1].code == BHYT_NULL_ARGUMENT && verdicts[1].position == BHYT_NO_POSITION);
    CHECK(bhyt_validate_lines(NULL, 0, BHYT_ISSUER_ANY, verdicts, 2, &count) == BHYT_NULL_ARGUMENT);
    CHECK(bhyt_validate_lines("x", 1, BHYT_ISSUER_ANY, verdicts, 2, NULL) == BHYT_NULL_ARGUMENT);
    CHECK(bhyt_validate_lines("x", 1, BHYT_ISSUER_ANY, NULL, 2, &count) == BHYT_NULL_ARGUMENT);
    CHECK(bhyt_validate_lines_lenient(NULL, 1, BHYT_ISSUER_ANY, NULL, 0, &count) ==
          BHYT_NULL_ARGUMENT);
    CHECK(count == 77);

    /* Values that are not one of the constants. */
    memset(&card, 0xA5, sizeof card);
    CHECK(bhyt_validate("0101010101", 10, 4) == BHYT_INVALID_ISSUER);
    CHECK(bhyt_validate_lenient("0101010101", 10, 0xFFFFFFFFu) == BHYT_INVALID_ISSUER);
    CHECK(bhyt_parse("0101010101", 10, 4, &card, &error) == BHYT_INVALID_ISSUER);
    CHECK(error.code == BHYT_INVALID_ISSUER && error.position == BHYT_NO_POSITION);
    CHECK(same_bytes(&card, &untouched, sizeof card));
    CHECK(bhyt_check_prefix("01", 2, 99, &prefix) == BHYT_INVALID_ISSUER);
    CHECK(same_bytes(&prefix, &prefix_untouched, sizeof prefix));
    CHECK(bhyt_validate_batch(inputs, 2, 5, verdicts) == BHYT_INVALID_ISSUER);
    CHECK(bhyt_validate_lines("x", 1, 5, verdicts, 2, &count) == BHYT_INVALID_ISSUER);
    CHECK(bhyt_parse("0101010101", 10, BHYT_ISSUER_ANY, &card, NULL) == BHYT_OK);
    CHECK(bhyt_format(&card, 3, buffer, sizeof buffer, &required) == BHYT_INVALID_STYLE);
    CHECK(bhyt_format(&card, 0xFFFFFFFFu, buffer, sizeof buffer, &required) == BHYT_INVALID_STYLE);
}

static void test_format(void) {
    static const char *const expected[3] = {"HS4010120878811", "HS 4 01 0120878811",
                                            "HS 4 01 ******8811"};
    bhyt_card card;
    bhyt_style style;
    char buffer[BHYT_FORMAT_SIZE + 4];
    char sentinel[sizeof buffer];
    CHECK(bhyt_parse_lenient("hs 401 0120878811", 17, BHYT_ISSUER_ANY, &card, NULL) == BHYT_OK);
    for (style = BHYT_STYLE_COMPACT; style <= BHYT_STYLE_MASKED; style++) {
        size_t need = strlen(expected[style]) + 1;
        size_t size;
        CHECK(need <= BHYT_FORMAT_SIZE);
        for (size = 0; size <= need + 2; size++) {
            size_t required = 0;
            bhyt_result rc;
            memset(buffer, '#', sizeof buffer);
            memcpy(sentinel, buffer, sizeof buffer);
            rc = bhyt_format(&card, style, buffer, size, &required);
            CHECK(required == need);
            if (size < need) {
                /* Too small: nothing at all is written, not even a NUL. */
                CHECK(rc == BHYT_BUFFER_TOO_SMALL);
                CHECK(same_bytes(buffer, sentinel, sizeof buffer));
            } else {
                /* Exactly `need` bytes are written: the text and its NUL. */
                CHECK(rc == BHYT_OK);
                CHECK(strcmp(buffer, expected[style]) == 0);
                CHECK(same_bytes(buffer + need, sentinel + need, sizeof buffer - need));
            }
        }
    }
    CHECK(bhyt_parse("0120878811", 10, BHYT_ISSUER_ANY, &card, NULL) == BHYT_OK);
    CHECK(bhyt_format(&card, BHYT_STYLE_MASKED, buffer, sizeof buffer, NULL) == BHYT_OK);
    CHECK(strcmp(buffer, "******8811") == 0);
    CHECK(bhyt_format(&card, BHYT_STYLE_GROUPED, buffer, sizeof buffer, NULL) == BHYT_OK);
    CHECK(strcmp(buffer, "0120878811") == 0);

    /* A struct the caller altered is checked again, never trusted. */
    memset(card.compact, 'A', sizeof card.compact); /* no NUL at all */
    CHECK(bhyt_format(&card, BHYT_STYLE_COMPACT, buffer, sizeof buffer, NULL) == BHYT_INVALID_LENGTH);
    memcpy(card.compact, "DN4000123456789", 16);
    CHECK(bhyt_format(&card, BHYT_STYLE_COMPACT, buffer, sizeof buffer, NULL) ==
          BHYT_INVALID_PROVINCE_CODE);
}

static void test_prefix(void) {
    bhyt_prefix p;
    CHECK(bhyt_check_prefix("", 0, BHYT_ISSUER_ANY, &p) == BHYT_OK);
    CHECK(p.state == BHYT_PREFIX_INCOMPLETE && p.form == 0 && p.missing == 10);
    CHECK(bhyt_check_prefix("DN40", 4, BHYT_ISSUER_ANY, &p) == BHYT_OK);
    CHECK(p.state == BHYT_PREFIX_INCOMPLETE && p.form == 15 && p.missing == 11);
    CHECK(p.at == BHYT_NO_POSITION && p.error.code == BHYT_OK);
    CHECK(bhyt_check_prefix("DS", 2, BHYT_ISSUER_ANY, &p) == BHYT_OK);
    CHECK(p.state == BHYT_PREFIX_INVALID && p.at == 1 && p.at_byte_offset == 1);
    CHECK(p.error.code == BHYT_UNKNOWN_GROUP_CODE && p.error.position == 0);
    CHECK(bhyt_check_prefix("CA50", 4, BHYT_ISSUER_POLICE, &p) == BHYT_OK);
    CHECK(p.state == BHYT_PREFIX_INVALID && p.at == 3 && p.error.code == BHYT_INVALID_PROVINCE_CODE);
    CHECK(bhyt_check_prefix("01234567890", 11, BHYT_ISSUER_ANY, &p) == BHYT_OK);
    CHECK(p.state == BHYT_PREFIX_INVALID && p.at == 10 && p.error.code == BHYT_INVALID_LENGTH);
    CHECK(p.error.position == BHYT_NO_POSITION);
    CHECK(bhyt_check_prefix("0101010101", 10, BHYT_ISSUER_ANY, &p) == BHYT_OK);
    CHECK(p.state == BHYT_PREFIX_COMPLETE && p.form == 10 && p.missing == 0);
    CHECK(bhyt_check_prefix_lenient("hs 4 01 ", 8, BHYT_ISSUER_ANY, &p) == BHYT_OK);
    CHECK(p.state == BHYT_PREFIX_INCOMPLETE && p.form == 15 && p.missing == 10);
    CHECK(bhyt_check_prefix_lenient("HS 6", 4, BHYT_ISSUER_ANY, &p) == BHYT_OK);
    CHECK(p.state == BHYT_PREFIX_INVALID && p.at == 3 && p.error.code == BHYT_INVALID_BENEFIT_LEVEL);
    CHECK(bhyt_check_prefix_lenient("\xc2\xa0" "\xc4\x90", 4, BHYT_ISSUER_ANY, &p) == BHYT_OK);
    CHECK(p.state == BHYT_PREFIX_INVALID && p.at == 1 && p.at_byte_offset == 2);
}

static void test_lines(void) {
    static const char buffer[] = "0101010101\r\nDN4000123456789\n\n \xe2\x82\xac" "123456789\n";
    bhyt_verdict v[4];
    bhyt_verdict untouched[4];
    size_t count = 0;
    memset(v, 0xA5, sizeof v);
    memcpy(untouched, v, sizeof v);
    CHECK(bhyt_validate_lines(buffer, LEN(buffer), BHYT_ISSUER_ANY, v, 3, &count) ==
          BHYT_BUFFER_TOO_SMALL);
    CHECK(count == 4);
    CHECK(same_bytes(v, untouched, sizeof v));
    CHECK(bhyt_validate_lines(buffer, LEN(buffer), BHYT_ISSUER_ANY, NULL, 0, &count) ==
          BHYT_BUFFER_TOO_SMALL);
    CHECK(count == 4);
    CHECK(bhyt_validate_lines(buffer, LEN(buffer), BHYT_ISSUER_ANY, v, 4, &count) == BHYT_OK);
    CHECK(count == 4);
    CHECK(v[0].code == BHYT_OK && v[0].form == 10 && v[0].key == 101010101u);
    CHECK(v[0].position == BHYT_NO_POSITION);
    CHECK(v[1].code == BHYT_INVALID_PROVINCE_CODE && v[1].position == 3 && v[1].key == 0);
    CHECK(v[2].code == BHYT_INVALID_LENGTH && v[2].position == BHYT_NO_POSITION);
    CHECK(v[3].code == BHYT_INVALID_LENGTH);
    CHECK(bhyt_validate_lines_lenient(buffer, LEN(buffer), BHYT_ISSUER_ANY, v, 4, &count) == BHYT_OK);
    CHECK(v[3].code == BHYT_INVALID_CHARACTER && v[3].position == 1 && v[3].byte_offset == 1);
    CHECK(bhyt_validate_lines("", 0, BHYT_ISSUER_ANY, NULL, 0, &count) == BHYT_OK);
    CHECK(count == 0);
    CHECK(bhyt_validate_lines("0101010101", 10, BHYT_ISSUER_ANY, v, 4, &count) == BHYT_OK);
    CHECK(count == 1 && v[0].code == BHYT_OK);
}

static void test_identify(void) {
    bhyt_identity identity;
    bhyt_identity untouched;
    bhyt_error error;
    memset(&identity, 0xA5, sizeof identity);
    memcpy(&untouched, &identity, sizeof identity);
    CHECK(bhyt_identify("079195001234", 12, &identity, &error) == BHYT_OK);
    CHECK(identity.kind == BHYT_IDENTITY_PERSONAL_ID);
    CHECK(strcmp(identity.personal_id.digits, "079195001234") == 0);
    CHECK(strcmp(identity.personal_id.masked, "********1234") == 0);
    CHECK(identity.personal_id.birth_place_code == 79);
    CHECK(identity.personal_id.birth_place_on_2016_list == 1);
    CHECK(identity.personal_id.sex == BHYT_SEX_FEMALE);
    CHECK(identity.personal_id.century == 1900 && identity.personal_id.birth_year == 1995);
    CHECK(identity.card.form == 0 && identity.card.group_description_vi != NULL);
    CHECK(bhyt_identify("HS4010120878811", 15, &identity, NULL) == BHYT_OK);
    CHECK(identity.kind == BHYT_IDENTITY_CARD && identity.card.form == 15);
    CHECK(strcmp(identity.card.compact, "HS4010120878811") == 0);
    CHECK(identity.personal_id.digits[0] == '\0');
    CHECK(bhyt_identify_lenient(" 001 312 001 234 ", LEN(" 001 312 001 234 "), &identity, NULL) == BHYT_OK);
    CHECK(identity.kind == BHYT_IDENTITY_PERSONAL_ID && identity.personal_id.birth_year == 2012);
    CHECK(identity.personal_id.sex == BHYT_SEX_FEMALE);
    /* Errors leave the identity untouched and say why. */
    memcpy(&identity, &untouched, sizeof identity);
    CHECK(bhyt_identify("12345", 5, &identity, &error) == BHYT_UNRECOGNIZED_INPUT);
    CHECK(error.code == BHYT_UNRECOGNIZED_INPUT && error.position == BHYT_NO_POSITION);
    CHECK(same_bytes(&identity, &untouched, sizeof identity));
    CHECK(bhyt_identify("0790950\xc4\x90" "1234", 13, &identity, &error) == BHYT_INVALID_PERSONAL_ID);
    CHECK(error.position == 7 && error.byte_offset == 7);
    CHECK(bhyt_identify("DN4000123456789", 15, &identity, &error) == BHYT_INVALID_PROVINCE_CODE);
    CHECK(error.position == 3);
    CHECK(same_bytes(&identity, &untouched, sizeof identity));
    CHECK(bhyt_identify(NULL, 0, &identity, &error) == BHYT_NULL_ARGUMENT);
    CHECK(bhyt_identify("0101010101", 10, NULL, &error) == BHYT_NULL_ARGUMENT);
    CHECK(strcmp(bhyt_error_code_name(BHYT_INVALID_PERSONAL_ID), "invalid_personal_id") == 0);
}

static void test_ma_the(void) {
    static const char field[] = " HS4010120878811 ;SV4010120878811; DN4000123456789;";
    bhyt_ma_the_item items[4];
    bhyt_ma_the_item untouched[4];
    size_t count = 0;
    memset(items, 0xA5, sizeof items);
    memcpy(untouched, items, sizeof items);
    CHECK(bhyt_parse_ma_the_bhyt(field, LEN(field), BHYT_ISSUER_ANY, NULL, 0, &count) ==
          BHYT_BUFFER_TOO_SMALL);
    CHECK(count == 4);
    CHECK(bhyt_parse_ma_the_bhyt(field, LEN(field), BHYT_ISSUER_ANY, items, 3, &count) ==
          BHYT_BUFFER_TOO_SMALL);
    CHECK(same_bytes(items, untouched, sizeof items));
    CHECK(bhyt_parse_ma_the_bhyt(field, LEN(field), BHYT_ISSUER_ANY, items, 4, &count) == BHYT_OK);
    CHECK(count == 4);
    CHECK(items[0].verdict.code == BHYT_OK && items[0].verdict.form == 15);
    CHECK(items[0].start == 1 && items[0].byte_start == 1 && items[0].byte_len == 15);
    CHECK(memcmp(field + items[0].byte_start, "HS4010120878811", 15) == 0);
    CHECK(items[1].verdict.code == BHYT_OK && items[1].verdict.key == items[0].verdict.key);
    CHECK(items[2].verdict.code == BHYT_INVALID_PROVINCE_CODE);
    CHECK(items[2].start == 35 && items[2].verdict.position == 38);
    CHECK(items[3].verdict.code == BHYT_INVALID_LENGTH && items[3].byte_len == 0);
    CHECK(bhyt_parse_ma_the_bhyt("", 0, BHYT_ISSUER_ANY, items, 4, &count) == BHYT_OK);
    CHECK(count == 1 && items[0].verdict.code == BHYT_INVALID_LENGTH);
    CHECK(bhyt_parse_ma_the_bhyt_lenient("ca 5 98 0123456789", 18, BHYT_ISSUER_POLICE, items, 4,
                                         &count) == BHYT_OK);
    CHECK(count == 1 && items[0].verdict.code == BHYT_OK);
    CHECK(bhyt_parse_ma_the_bhyt(field, LEN(field), 9, items, 4, &count) == BHYT_INVALID_ISSUER);
    CHECK(bhyt_parse_ma_the_bhyt(field, LEN(field), BHYT_ISSUER_ANY, items, 4, NULL) ==
          BHYT_NULL_ARGUMENT);
    CHECK(bhyt_parse_ma_the_bhyt(NULL, 0, BHYT_ISSUER_ANY, items, 4, &count) == BHYT_NULL_ARGUMENT);
}

static void test_advice(void) {
    bhyt_advice notes[BHYT_ADVICE_MAX];
    size_t count = 9;
    CHECK(bhyt_advise("DN4010123456789", 15, BHYT_ISSUER_ANY, notes, BHYT_ADVICE_MAX, &count) == BHYT_OK);
    CHECK(count == 0);
    CHECK(bhyt_advise("TE4010123456789", 15, BHYT_ISSUER_ANY, notes, BHYT_ADVICE_MAX, &count) == BHYT_OK);
    CHECK(count == 1 && notes[0].code == BHYT_ADVICE_UNUSUAL_BENEFIT_LEVEL);
    CHECK(strcmp(notes[0].group_code, "TE") == 0);
    CHECK(notes[0].benefit_level == 4 && notes[0].usual_benefit_level == 1);
    CHECK(bhyt_advise("ND4010123456789", 15, BHYT_ISSUER_ANY, notes, BHYT_ADVICE_MAX, &count) == BHYT_OK);
    CHECK(count == 1 && notes[0].code == BHYT_ADVICE_ISSUED_AFTER_VNEID_LIST);
    CHECK(notes[0].short_form_passes == 1 && strcmp(notes[0].group_code, "ND") == 0);
    /* A note never changes the verdict. */
    CHECK(bhyt_validate("ND4010123456789", 15, BHYT_ISSUER_ANY) == BHYT_LATE_GROUP_CODE);
    CHECK(bhyt_advise_lenient(" 003 095 001 234", 16, BHYT_ISSUER_ANY, notes, 3, &count) == BHYT_OK);
    CHECK(count == 1 && notes[0].code == BHYT_ADVICE_UNLISTED_BIRTH_PLACE_CODE);
    CHECK(notes[0].birth_place_code == 3);
    CHECK(bhyt_advise("TE4010123456789", 15, BHYT_ISSUER_ANY, NULL, 0, &count) == BHYT_BUFFER_TOO_SMALL);
    CHECK(count == 1);
    CHECK(bhyt_advise("TE4010123456789", 15, 9, notes, 3, &count) == BHYT_INVALID_ISSUER);
    CHECK(strcmp(bhyt_advice_code_name(BHYT_ADVICE_SHORT_FORM_IN_CLAIMS), "short_form_in_claims") == 0);
    CHECK(strcmp(bhyt_advice_code_name(0), "unknown") == 0);
    CHECK(strcmp(bhyt_advice_message(BHYT_ADVICE_UNUSUAL_BENEFIT_LEVEL, BHYT_LANG_EN),
                 "the benefit level differs from the level usual for the group; this is normal for "
                 "a person who belongs to several groups (the best level applies)") == 0);
    CHECK(strlen(bhyt_advice_message(BHYT_ADVICE_ISSUED_AFTER_VNEID_LIST, BHYT_LANG_VI)) > 0);
    CHECK(strcmp(bhyt_advice_message(99, BHYT_LANG_EN), "unknown advice code") == 0);
}

/* Inputs placed at the very end of a readable page followed by an unreadable one: a read
 * past `len` crashes the test. */
static char *guard_page = NULL;
static size_t page_size = 0;

static int guard_setup(void) {
    void *pages;
    page_size = (size_t)sysconf(_SC_PAGESIZE);
    pages = mmap(NULL, 2 * page_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (pages == MAP_FAILED) {
        return 0;
    }
    guard_page = (char *)pages;
    return mprotect(guard_page + page_size, page_size, PROT_NONE) == 0;
}

static const char *at_guard(const char *input, size_t len) {
    char *place = guard_page + page_size - len;
    memcpy(place, input, len);
    return place;
}

/* A small deterministic generator (xorshift64*), so that failures reproduce. */
static uint64_t rng_state = 0x9E3779B97F4A7C15u;
static uint64_t next_random(void) {
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545F4914F6CDD1Du;
}

/* Garbage of every kind through every entry point: nothing crashes, every result is a known
 * code, every valid number round-trips. */
static void test_garbage(void) {
    static const char *const pieces[] = {
        "0", "1", "4", "9", "7", "8", "D", "N", "H", "S", "C", "A", "T", "G", "K", "d", "n",
        " ", ".", "-", "_", "\t", "\n", "\r", "\0", "\xc2\xa0", "\xe2\x80\x8b", "\xef\xbc\x91",
        "\xc4\x90", "\xff", "\xe1\x80", "\xf0\x9f\x98\x80", "\xed\xa0\x80", "\xc0\xaf"};
    const size_t piece_count = sizeof pieces / sizeof pieces[0];
    static const char *const bases[] = {"0120878811", "DN4010123456789", "CA5980123456789",
                                        "QN5970123456789", "hs 4 01 0120878811", "TE1790000000001"};
    const size_t base_count = sizeof bases / sizeof bases[0];
    char input[256];
    unsigned long round;
    unsigned long bad = 0;
    unsigned long valid = 0;
    if (!CHECK(guard_setup())) {
        return;
    }
    for (round = 0; round < 60000; round++) {
        size_t len = 0;
        size_t n = (size_t)(next_random() % 24);
        size_t i;
        bhyt_issuer issuer = (bhyt_issuer)(next_random() % 5); /* 4 is not an issuer */
        bhyt_card card;
        bhyt_error error;
        bhyt_prefix prefix;
        bhyt_result strict;
        bhyt_result lenient;
        const char *in;
        if (next_random() % 2 == 0) {
            /* A valid number with a few random pieces inserted or substituted. */
            const char *base = bases[next_random() % base_count];
            size_t edits = (size_t)(next_random() % 3);
            len = strlen(base);
            memcpy(input, base, len);
            for (i = 0; i < edits; i++) {
                const char *piece = pieces[next_random() % piece_count];
                size_t piece_len = piece[0] == '\0' ? 1 : strlen(piece);
                size_t at = (size_t)(next_random() % (len + 1));
                int replace = at < len && next_random() % 2 == 0;
                memmove(input + at + piece_len, input + at + (replace ? 1 : 0),
                        len - at - (replace ? 1 : 0));
                memcpy(input + at, piece, piece_len);
                len += piece_len - (replace ? 1 : 0);
            }
        } else {
            for (i = 0; i < n; i++) {
                if (next_random() % 4 == 0) {
                    input[len++] = (char)(next_random() & 0xFF);
                } else {
                    const char *piece = pieces[next_random() % piece_count];
                    size_t piece_len = piece[0] == '\0' ? 1 : strlen(piece);
                    memcpy(input + len, piece, piece_len);
                    len += piece_len;
                }
            }
        }
        in = at_guard(input, len);
        strict = bhyt_validate(in, len, issuer);
        lenient = bhyt_validate_lenient(in, len, issuer);
        if (!known_code(strict) || !known_code(lenient)) {
            bad++;
        }
        if (issuer == 4 && (strict != BHYT_INVALID_ISSUER || lenient != BHYT_INVALID_ISSUER)) {
            bad++;
        }
        if (bhyt_parse(in, len, issuer, &card, &error) != strict) {
            bad++;
        }
        if (bhyt_parse_lenient(in, len, issuer, &card, &error) != lenient) {
            bad++;
        } else if (lenient == BHYT_OK) {
            char text[BHYT_FORMAT_SIZE];
            size_t required = 0;
            valid++;
            if (bhyt_validate(card.compact, strlen(card.compact), issuer) != BHYT_OK ||
                bhyt_format(&card, BHYT_STYLE_MASKED, text, sizeof text, &required) != BHYT_OK ||
                required > BHYT_FORMAT_SIZE) {
                bad++;
            }
        } else if (error.code != lenient ||
                   (error.position != BHYT_NO_POSITION &&
                    (error.byte_offset >= len || error.position > error.byte_offset))) {
            bad++;
        }
        if (bhyt_check_prefix(in, len, issuer, &prefix) !=
            (issuer == 4 ? BHYT_INVALID_ISSUER : BHYT_OK)) {
            bad++;
        } else if (issuer != 4 && (prefix.state == BHYT_PREFIX_COMPLETE) != (strict == BHYT_OK)) {
            bad++;
        }
        {
            /* The reception-desk calls on the same garbage: known codes, consistent answers. */
            bhyt_identity identity;
            bhyt_advice notes[BHYT_ADVICE_MAX];
            bhyt_ma_the_item items[32];
            size_t count = 0;
            size_t note_count = 0;
            bhyt_result any = bhyt_validate(in, len, BHYT_ISSUER_ANY);
            bhyt_result id = bhyt_identify(in, len, &identity, &error);
            bhyt_result mt = bhyt_parse_ma_the_bhyt(in, len, issuer, items, 32, &count);
            if (!known_code(id)) {
                bad++;
            } else if (id == BHYT_OK) {
                int card = identity.kind == BHYT_IDENTITY_CARD && any == BHYT_OK;
                int person = identity.kind == BHYT_IDENTITY_PERSONAL_ID && len == 12;
                int qr = (identity.kind == BHYT_IDENTITY_CARD_QR ||
                          identity.kind == BHYT_IDENTITY_PERSONAL_ID_QR) &&
                         memchr(in, '|', len) != NULL;
                if (!card && !person && !qr) {
                    bad++;
                }
            } else if (any == BHYT_OK || error.code != id) {
                bad++;
            }
            if (bhyt_advise(in, len, issuer, notes, BHYT_ADVICE_MAX, &note_count) !=
                    (issuer == 4 ? BHYT_INVALID_ISSUER : BHYT_OK) ||
                note_count > BHYT_ADVICE_MAX) {
                bad++;
            }
            if (issuer == 4) {
                if (mt != BHYT_INVALID_ISSUER) {
                    bad++;
                }
            } else if (mt == BHYT_BUFFER_TOO_SMALL) {
                if (count <= 32) {
                    bad++;
                }
            } else if (mt != BHYT_OK || count == 0) {
                bad++;
            } else if (count == 1 && items[0].byte_len == len &&
                       (items[0].verdict.code == BHYT_OK) != (strict == BHYT_OK)) {
                /* One item without surrounding whitespace is the number itself. */
                bad++;
            }
        }
    }
    CHECK(bad == 0);
    CHECK(valid > 5000); /* the generator does reach valid numbers */
}

static void test_huge_input(void) {
    const size_t size = (size_t)4 << 20; /* 4 MiB */
    char *big = (char *)malloc(size);
    bhyt_error error;
    bhyt_card card;
    bhyt_prefix p;
    size_t count = 0;
    bhyt_verdict v[2];
    if (big == NULL) {
        CHECK(big != NULL);
        return;
    }
    memset(big, '0', size);
    CHECK(bhyt_validate(big, size, BHYT_ISSUER_ANY) == BHYT_INVALID_LENGTH);
    CHECK(bhyt_check_prefix(big, size, BHYT_ISSUER_ANY, &p) == BHYT_OK);
    CHECK(p.state == BHYT_PREFIX_INVALID && p.at == 10);
    /* Lenient: megabytes of spaces around one number. */
    memset(big, ' ', size);
    memcpy(big + size - 20, "0101010101", 10);
    CHECK(bhyt_parse_lenient(big, size, BHYT_ISSUER_ANY, &card, &error) == BHYT_OK);
    CHECK(strcmp(card.compact, "0101010101") == 0);
    big[size - 15] = 'x';
    CHECK(bhyt_parse_lenient(big, size, BHYT_ISSUER_ANY, &card, &error) == BHYT_INVALID_CHARACTER);
    CHECK(error.position == size - 15 && error.byte_offset == size - 15);
    memset(big, '\n', size);
    CHECK(bhyt_validate_lines(big, size, BHYT_ISSUER_ANY, v, 2, &count) == BHYT_BUFFER_TOO_SMALL);
    CHECK(count == size);
    /* A length no buffer can have is refused without reading. */
    CHECK(bhyt_validate(big, (size_t)-1, BHYT_ISSUER_ANY) == BHYT_INVALID_LENGTH);
    free(big);
}

int main(void) {
    test_version();
    test_codes_and_messages();
    test_validate();
    test_parse();
    test_null_and_bad_values();
    test_format();
    test_prefix();
    test_lines();
    test_identify();
    test_ma_the();
    test_advice();
    test_garbage();
    test_huge_input();
    return finish("test_api");
}
