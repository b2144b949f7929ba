/*
 * The layout of the structs the host declarations (Java JNA, C# P/Invoke) re-declare, as the C
 * compiler lays them out: one line per struct ("NAME size N") and per field ("NAME.FIELD
 * OFFSET"). Each host's test prints the same lines from its own declarations, and
 * bindings/hosts/test.sh compares the two.
 */
#include <stddef.h>
#include <stdio.h>

#include <bhyt.h>

#define SIZE(s) printf(#s " size %zu\n", sizeof(s))
#define FIELD(s, f) printf(#s "." #f " %zu\n", offsetof(s, f))

int main(void) {
    SIZE(bhyt_card);
    FIELD(bhyt_card, form);
    FIELD(bhyt_card, benefit_level);
    FIELD(bhyt_card, province_code);
    FIELD(bhyt_card, issuer);
    FIELD(bhyt_card, compact);
    FIELD(bhyt_card, group_code);
    FIELD(bhyt_card, social_insurance_number);
    FIELD(bhyt_card, key);
    FIELD(bhyt_card, group_description_vi);
    FIELD(bhyt_card, group_description_en);
    FIELD(bhyt_card, benefit_meaning_vi);
    FIELD(bhyt_card, benefit_meaning_en);
    FIELD(bhyt_card, issuer_name_vi);
    FIELD(bhyt_card, issuer_name_en);
    SIZE(bhyt_error);
    FIELD(bhyt_error, code);
    FIELD(bhyt_error, position);
    FIELD(bhyt_error, byte_offset);
    SIZE(bhyt_error_detail);
    FIELD(bhyt_error_detail, code);
    FIELD(bhyt_error_detail, position);
    FIELD(bhyt_error_detail, byte_offset);
    FIELD(bhyt_error_detail, expected);
    FIELD(bhyt_error_detail, found);
    FIELD(bhyt_error_detail, issuer);
    FIELD(bhyt_error_detail, length);
    FIELD(bhyt_error_detail, group_code);
    SIZE(bhyt_personal_id);
    FIELD(bhyt_personal_id, digits);
    FIELD(bhyt_personal_id, masked);
    FIELD(bhyt_personal_id, sex);
    FIELD(bhyt_personal_id, birth_place_on_2016_list);
    FIELD(bhyt_personal_id, birth_place_code);
    FIELD(bhyt_personal_id, century);
    FIELD(bhyt_personal_id, birth_year);
    SIZE(bhyt_identity);
    FIELD(bhyt_identity, kind);
    FIELD(bhyt_identity, card);
    FIELD(bhyt_identity, personal_id);
    SIZE(bhyt_facility_code);
    FIELD(bhyt_facility_code, code);
    FIELD(bhyt_facility_code, province);
    FIELD(bhyt_facility_code, facility);
    SIZE(bhyt_date);
    FIELD(bhyt_date, year);
    FIELD(bhyt_date, month);
    FIELD(bhyt_date, day);
    SIZE(bhyt_verdict);
    FIELD(bhyt_verdict, code);
    FIELD(bhyt_verdict, form);
    FIELD(bhyt_verdict, position);
    FIELD(bhyt_verdict, byte_offset);
    FIELD(bhyt_verdict, key);
    SIZE(bhyt_ma_the_item);
    FIELD(bhyt_ma_the_item, verdict);
    FIELD(bhyt_ma_the_item, start);
    FIELD(bhyt_ma_the_item, byte_start);
    FIELD(bhyt_ma_the_item, byte_len);
    SIZE(bhyt_advice);
    FIELD(bhyt_advice, code);
    FIELD(bhyt_advice, group_code);
    FIELD(bhyt_advice, benefit_level);
    FIELD(bhyt_advice, usual_benefit_level);
    FIELD(bhyt_advice, short_form_passes);
    FIELD(bhyt_advice, birth_place_code);
    SIZE(bhyt_card_qr);
    FIELD(bhyt_card_qr, card);
    FIELD(bhyt_card_qr, birth_date);
    FIELD(bhyt_card_qr, sex);
    FIELD(bhyt_card_qr, has_address);
    FIELD(bhyt_card_qr, has_guardian_name);
    FIELD(bhyt_card_qr, repaired);
    FIELD(bhyt_card_qr, utf16);
    FIELD(bhyt_card_qr, facility_code);
    FIELD(bhyt_card_qr, valid_from);
    FIELD(bhyt_card_qr, valid_to);
    FIELD(bhyt_card_qr, issued_on);
    FIELD(bhyt_card_qr, five_years_on);
    FIELD(bhyt_card_qr, layout);
    FIELD(bhyt_card_qr, field_count);
    return 0;
}
