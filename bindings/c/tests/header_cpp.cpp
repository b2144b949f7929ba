// bhyt.h compiled as C++ (g++ -std=c++11 ... -Wall -Wextra -Werror -pedantic) and linked:
// the header is usable from C++ as it is, inside extern "C".
#include "bhyt.h"

#include <cstdio>
#include <cstring>

static_assert(BHYT_COMPACT_SIZE == 16, "compact size");
static_assert(sizeof(bhyt_card{}.compact) == BHYT_COMPACT_SIZE, "compact array");
static_assert(sizeof(bhyt_result) == 4, "bhyt_result is 32 bits");

int main() {
    const char number[] = "HS4010120878811";
    bhyt_card card;
    bhyt_error error;
    bhyt_result rc = bhyt_parse(number, sizeof number - 1, BHYT_ISSUER_ANY, &card, &error);
    if (rc != BHYT_OK || card.form != 15 || std::strcmp(card.group_code, "HS") != 0) {
        std::puts("header_cpp: parse failed");
        return 1;
    }
    rc = bhyt_validate(number, sizeof number - 1, BHYT_ISSUER_POLICE);
    if (rc != BHYT_INVALID_PROVINCE_CODE ||
        std::strcmp(bhyt_error_code_name(rc), "invalid_province_code") != 0) {
        std::puts("header_cpp: validate failed");
        return 1;
    }
    bhyt_prefix prefix;
    if (bhyt_check_prefix("HS4", 3, BHYT_ISSUER_ANY, &prefix) != BHYT_OK ||
        prefix.state != BHYT_PREFIX_INCOMPLETE) {
        std::puts("header_cpp: prefix failed");
        return 1;
    }
    std::printf("header_cpp: ok (bhyt %s)\n", bhyt_version());
    return 0;
}
