<?php
// The PHP binding on the shared vectors: every row of tests/vectors/cards.tsv through
// Bhyt\Bhyt (verdict, code name, position, byte offset, decoded parts, the detailed message in
// Vietnamese and English against bindings/hosts/messages.tsv), non-ASCII and invalid UTF-8
// input, BHYT_NO_POSITION as null, the constants against the library, and the struct layout
// FFI sees against the C compiler's (bindings/hosts/layout.c's output).
//
// Every row of tests/vectors/facility.tsv (parseFacilityCode: verdict, code, position, byte
// offset, the parts) and validity.tsv (validityOn, stayNotes), and the date errors; every row of
// identify.tsv and qr.tsv (identify: verdict, kind, the card or the decoded personal
// identification number, or the code, position, byte offset, the QR field and the message);
// every row of ma_the.tsv (parseMaTheBhyt: the count, each item's place, verdict, position and
// byte offset in the field, the card parse gives on the item's text, the item's message);
// advise on the C and JavaScript tests' cases and on every row of cards.tsv; every row of
// qr.tsv through readCardQr and qrFieldText (every field of a card QR, a CCCD QR's texts).
//
// usage: php vectors_test.php CARDS_TSV MESSAGES_TSV LAYOUT_TXT
//        (or, under php-cgi, the three paths in BHYT_CARDS, BHYT_MESSAGES, BHYT_LAYOUT; with
//        BHYT_EXPECT_SCOPE=1 the library must come from the preloaded scope: ffi.preload)
declare(strict_types=1);

// Under php-fpm/php-cgi the class is preloaded (bindings/php/preload.php).
if (!class_exists(Bhyt\Bhyt::class)) {
    require __DIR__ . '/../preload.php';
}

use Bhyt\Bhyt;

$passed = 0;
$failed = 0;
function check(bool $ok, string $what): void
{
    global $passed, $failed;
    if ($ok) {
        $passed++;
    } else {
        $failed++;
        if ($failed <= 30) {
            file_put_contents("php://stderr", "check failed: $what\n");
        }
    }
}

/** Whether $text is valid UTF-8 (without mbstring). */
function utf8_ok(string $text): bool
{
    return preg_match('//u', $text) === 1;
}

function rows(string $path): array
{
    $lines = explode("\n", file_get_contents($path));
    $header = null;
    $out = [];
    foreach ($lines as $i => $line) {
        if ($line === '' || $line[0] === '#') {
            continue;
        }
        $fields = explode("\t", $line);
        if ($header === null) {
            $header = $fields;
            continue;
        }
        $row = array_combine($header, $fields);
        $row['_line'] = $i + 1;
        $out[] = $row;
    }
    return $out;
}

function unescape(string $field): string
{
    return preg_replace_callback('/\\\\(.)/s', fn ($m) => ['\\' => '\\', 't' => "\t", 'n' => "\n", 'r' => "\r"][$m[1]], $field);
}

[$cardsPath, $messagesPath, $layoutPath] = PHP_SAPI === 'cli'
    ? array_slice($argv, 1, 3)
    : [getenv('BHYT_CARDS'), getenv('BHYT_MESSAGES'), getenv('BHYT_LAYOUT')];
// Outside the CLI (ffi.enable=preload), only preloaded code may use FFI: the class does, the
// checks of raw FFI below run in the CLI only.
$raw = PHP_SAPI === 'cli';
if (getenv('BHYT_EXPECT_SCOPE') === '1') {
    check(Bhyt::preloaded(), 'ffi.preload gave the scope "bhyt"');
}
$bhyt = new Bhyt();
$issuers = ['any' => Bhyt::ISSUER_ANY, 'vss' => Bhyt::ISSUER_VSS, 'police' => Bhyt::ISSUER_POLICE, 'defence' => Bhyt::ISSUER_DEFENCE];
$messages = [];
foreach (rows($messagesPath) as $row) {
    $messages[(int) $row['line']] = [$row['vi'], $row['en']];
}

check($bhyt->version() === Bhyt::VERSION, 'the library is the version of the header');
$rows = 0;
foreach (rows($cardsPath) as $row) {
    $rows++;
    $input = unescape($row['input']);
    $lenient = $row['mode'] === 'lenient';
    $issuer = $issuers[$row['issuer']];
    $where = "cards.tsv:{$row['_line']}";
    $got = $bhyt->parse($input, $issuer, $lenient);
    $valid = $row['valid'] === 'true';
    check(($got['code'] === Bhyt::OK) === $valid, "$where verdict");
    check(($bhyt->validate($input, $issuer, $lenient) === Bhyt::OK) === $valid, "$where validate");
    $vi = $bhyt->errorText($input, $issuer, $lenient, Bhyt::LANG_VI);
    $en = $bhyt->errorText($input, $issuer, $lenient, Bhyt::LANG_EN);
    if ($valid) {
        $card = $got['card'];
        check($card['form'] === (int) $row['form'], "$where form");
        check($card['compact'] === $row['compact'], "$where compact");
        check($card['social_insurance_number'] === $row['sin'], "$where sin");
        if ($row['form'] === '15') {
            check($card['group_code'] === $row['group'], "$where group");
            check($card['benefit_level'] === (int) $row['benefit'], "$where benefit");
            check(sprintf('%02d', $card['province_code']) === $row['province'], "$where province");
            check($card['issuer'] === $issuers[$row['issuer_decoded']], "$where issuer");
            check(utf8_ok($card['group_description_vi']), "$where description");
        }
        check($got['position'] === null && $vi === '' && $en === '', "$where no error");
    } else {
        check($got['name'] === $row['code'], "$where code");
        $position = $row['position'] === '-' ? null : (int) $row['position'];
        check($got['position'] === $position, "$where position");
        check(($got['byte_offset'] === null) === ($position === null), "$where byte offset");
        check([$vi, $en] === ($messages[$row['_line']] ?? null), "$where message");
    }
}
check($rows > 1000, 'every row read');

// Non-ASCII and invalid UTF-8: positions count characters, byte offsets bytes.
$got = $bhyt->parse("\u{0110}N4010123456789"); // Đ
check($got['name'] === 'invalid_character' && $got['position'] === 0 && $got['byte_offset'] === 0, 'Đ');
$got = $bhyt->parse("DN\u{FF14}010123456789"); // a full-width 4
check($got['position'] === 2 && $got['byte_offset'] === 2, 'full-width digit');
$got = $bhyt->parse("DN4\xff10123456789");
check($got['name'] === 'invalid_character' && $got['position'] === 3 && $got['byte_offset'] === 3, 'invalid UTF-8');
$got = $bhyt->parse("HS\u{00A0}40101208788X1", lenient: true); // a no-break space, dropped
check($got['position'] === 14 && $got['byte_offset'] === 15, 'a 2-byte separator before the error');
check(utf8_ok($bhyt->errorText("DN4\xff10123456789")), 'the message of invalid UTF-8 is UTF-8');
check($bhyt->errorText("DN4010123456A89") === 'Ký tự thứ 13 là một chữ cái in hoa, cần một chữ số (0-9)', 'the issue\'s example');
check($bhyt->errorText('DN4010123456789', Bhyt::ISSUER_POLICE) === 'Với Bảo hiểm xã hội Công an nhân dân, ký tự 4-5 phải là 98', 'police');
// BHYT_NO_POSITION: a length error has no position.
$got = $bhyt->parse('0123');
check($got['name'] === 'invalid_length' && $got['position'] === null, 'no position is null');
if ($raw) {
    $ffi = Bhyt::load();
    $error = $ffi->new('bhyt_error');
    $ffi->bhyt_parse('0123', 4, 0, FFI::addr($ffi->new('bhyt_card')), FFI::addr($error));
    check($error->position === Bhyt::NO_POSITION, 'BHYT_NO_POSITION arrives as Bhyt::NO_POSITION');
}
// The constants are the library's.
check($bhyt->errorName(Bhyt::INVALID_ARGUMENT) === 'invalid_argument', 'INVALID_ARGUMENT');
check($bhyt->errorName(Bhyt::INVALID_PROVINCE_CODE) === 'invalid_province_code', 'INVALID_PROVINCE_CODE');
// Identify and MA_THE_BHYT items through the same call.
check(str_starts_with($bhyt->errorText('12345', call: Bhyt::CALL_IDENTIFY, lang: Bhyt::LANG_EN), 'neither'), 'identify');
check($bhyt->errorText('HS4010120878811;HS401012087881X', call: Bhyt::CALL_MA_THE_BHYT, item: 0) === '', 'ma_the item 0');
check(str_starts_with($bhyt->errorText('HS4010120878811;HS401012087881X', call: Bhyt::CALL_MA_THE_BHYT, item: 1), 'Ký tự thứ 31'), 'ma_the item 1');

// facility.tsv and validity.tsv sit next to cards.tsv.
$vectors = dirname($cardsPath);
/** The byte offset of character number $position (null: none) of the UTF-8 text $input. */
function byte_offset(string $input, ?int $position): ?int
{
    return $position === null ? null : (preg_match('/^.{' . $position . '}/su', $input, $m) ? strlen($m[0]) : -1);
}
$rows = 0;
foreach (rows("$vectors/facility.tsv") as $row) {
    $rows++;
    $where = "facility.tsv:{$row['_line']}";
    $input = unescape($row['input']);
    $got = $bhyt->parseFacilityCode($input);
    check(($got['code'] === Bhyt::OK) === ($row['valid'] === 'true'), "$where verdict");
    if ($row['valid'] === 'true') {
        check($got['facility_code'] === ['code' => $row['facility_code'], 'province' => $row['province'], 'facility' => $row['facility']], "$where parts");
    } else {
        $position = $row['position'] === '-' ? null : (int) $row['position'];
        check($got['code'] === Bhyt::INVALID_FACILITY_CODE && $got['name'] === $row['code'], "$where code");
        check($got['position'] === $position && $got['byte_offset'] === byte_offset($input, $position), "$where position");
        check($got['facility_code'] === null, "$where no parts");
        check(str_starts_with($bhyt->errorMessage($got['code'], Bhyt::LANG_EN), 'a facility code is a 2-digit province'), "$where message");
    }
}
check($rows >= 15, 'every facility row read');
/** [year, month, day] of yyyy-mm-dd; null for '-' (no end date). */
function ymd(string $text): ?array
{
    return $text === '-' ? null : array_map('intval', explode('-', $text));
}
$rows = 0;
foreach (rows("$vectors/validity.tsv") as $row) {
    $rows++;
    $where = "validity.tsv:{$row['_line']}";
    $got = $bhyt->validityOn(ymd($row['valid_from']), ymd($row['valid_to']), ymd($row['date']));
    check($got['code'] === Bhyt::OK && $bhyt->validityName($got['validity']) === $row['validity'], "$where validity");
    $notes = $bhyt->stayNotes(ymd($row['valid_from']), ymd($row['valid_to']), ymd($row['admission']), ymd($row['discharge']));
    check($notes['code'] === Bhyt::OK && implode(',', $notes['note_names'] ?? ['?']) === ($row['notes'] === '-' ? '' : $row['notes']), "$where notes");
    for ($bit = 1; $bit <= 4; $bit <<= 1) {
        if ((($notes['notes'] ?? 0) & $bit) !== 0) {
            check($bhyt->stayNoteMessage($bit) !== '' && $bhyt->stayNoteMessage($bit) !== $bhyt->stayNoteMessage($bit, Bhyt::LANG_EN), "$where note messages");
        }
    }
}
check($rows >= 10, 'every validity row read');
foreach ([[[2025, 1, 1], [2025, 12, 31], [2025, 2, 30]], [[1990, 0, 0], null, [2025, 1, 1]], [[2025, 1, 1], [2025, 13, 1], [2025, 1, 1]], [[2025, 1, 1], null, [0, 0, 0]]] as $i => [$from, $to, $on]) {
    $got = $bhyt->validityOn($from, $to, $on);
    check($got['code'] === Bhyt::INVALID_DATE && $got['name'] === 'invalid_date' && $got['validity'] === null, "invalid date $i");
}
check($bhyt->validityOn([2025, 1, 1], null, [2030, 1, 1])['validity'] === Bhyt::VALIDITY_OPEN_ENDED, 'no end date');
check($bhyt->validityName(0) === 'unknown', 'validity name of no validity');
foreach ([[[2025, 1, 1], [2025, 12, 31], [2025, 1, 1], [2025, 2, 30]], [[2025, 1, 1], null, [0, 0, 0], [2025, 1, 1]], [[2025, 2, 29], null, [2025, 3, 1], [2025, 3, 2]]] as $i => [$from, $to, $in, $out]) {
    $got = $bhyt->stayNotes($from, $to, $in, $out);
    check($got['code'] === Bhyt::INVALID_DATE && $got['notes'] === null && $got['note_names'] === null, "stay notes: invalid date $i");
}
check($bhyt->stayNotes([2025, 1, 1], [2025, 12, 31], [2025, 1, 1], [2025, 12, 31]) === ['code' => 0, 'name' => 'ok', 'notes' => 0, 'note_names' => []], 'the whole stay covered');
check($bhyt->stayNoteName(Bhyt::STAY_EXPIRED_BEFORE_DISCHARGE) === 'expired_before_discharge' && $bhyt->stayNoteName(3) === 'unknown', 'stay note names');
foreach ([[70000, 1, 1], [2025, 1], [2025, 1, '1'], [2025, -1, 1]] as $i => $bad) {
    try {
        $bhyt->validityOn($bad, null, [2025, 1, 1]);
        check(false, "a date the C field cannot hold $i");
    } catch (ValueError $e) {
        check(!str_contains($e->getMessage(), '70000'), "a date the C field cannot hold $i");
    }
}

$rows = 0;
foreach (rows("$vectors/identify.tsv") as $row) {
    $rows++;
    $where = "identify.tsv:{$row['_line']}";
    $input = unescape($row['input']);
    $lenient = $row['mode'] === 'lenient';
    $got = $bhyt->identify($input, $lenient);
    $message = $bhyt->errorText($input, call: $lenient ? Bhyt::CALL_IDENTIFY_LENIENT : Bhyt::CALL_IDENTIFY);
    check(($got['code'] === Bhyt::OK) === ($row['valid'] === 'true'), "$where verdict");
    if ($got['code'] === Bhyt::OK && $row['kind'] === 'card') {
        check($got['kind'] === Bhyt::IDENTITY_CARD && $got['personal_id'] === null && $got['card']['compact'] === $row['compact'], "$where card");
        check($message === '', "$where no message");
    } elseif ($got['code'] === Bhyt::OK) {
        $id = $got['personal_id'];
        check($got['kind'] === Bhyt::IDENTITY_PERSONAL_ID && $got['card'] === null && $id['digits'] === $row['compact'] && $id['masked'] === $row['masked'], "$where digits");
        check(sprintf('%03d', $id['birth_place_code']) === $row['birth_place'] && ($id['birth_place_on_2016_list'] ? 'true' : 'false') === $row['on_2016_list'], "$where birth place");
        check([Bhyt::SEX_MALE => 'male', Bhyt::SEX_FEMALE => 'female'][$id['sex']] === $row['sex'], "$where sex");
        check((string) $id['century'] === $row['century'] && (string) $id['birth_year'] === $row['birth_year'], "$where birth year");
        check($message === '', "$where no message");
    } else {
        $position = $row['position'] === '-' ? null : (int) $row['position'];
        check($got['name'] === $row['code'] && $got['kind'] === null && $got['qr_field'] === null, "$where code");
        check($got['position'] === $position && $got['byte_offset'] === byte_offset($input, $position), "$where position");
        check($message !== '' && (strlen($input) < 10 || !str_contains($message, $input)), "$where message");
    }
}
check($rows > 500, 'every identify row read');
$rows = 0;
foreach (rows("$vectors/qr.tsv") as $row) {
    $rows++;
    $where = "qr.tsv:{$row['_line']}";
    $input = unescape($row['input']);
    $got = $bhyt->identify($input);
    check(($got['code'] === Bhyt::OK) === ($row['valid'] === 'true'), "$where verdict");
    if ($got['code'] === Bhyt::OK && $row['kind'] === 'card_qr') {
        check($got['kind'] === Bhyt::IDENTITY_CARD_QR && $got['card']['compact'] === $row['card'], "$where card");
    } elseif ($got['code'] === Bhyt::OK) {
        check($got['kind'] === Bhyt::IDENTITY_PERSONAL_ID_QR && $got['personal_id']['digits'] === $row['card'], "$where personal id");
    } else {
        $position = $row['position'] === '-' ? null : (int) $row['position'];
        check($got['name'] === $row['code'], "$where code");
        check($got['position'] === $position && $got['byte_offset'] === byte_offset($input, $position), "$where position");
        // The vectors write "card" for a card error in field 0, which keeps the card's code.
        $field = $got['code'] === Bhyt::INVALID_QR_FIELD ? $got['qr_field'] : ($got['qr_field'] === null ? ($got['code'] < 100 ? 'card' : '-') : '?');
        check($field === $row['field'], "$where field");
        check($bhyt->identify($input, true)['qr_field'] === $got['qr_field'], "$where lenient field");
        check($bhyt->errorText($input, call: Bhyt::CALL_IDENTIFY) !== '', "$where message");
    }
}
check($rows > 70, 'every qr row read');

// Every row of ma_the.tsv: the items' count, places and verdicts; a valid item's card is
// parse's on the item's text, an invalid item's message is errorText's for the item.
$rows = 0;
$items = 0;
foreach (rows("$vectors/ma_the.tsv") as $row) {
    $rows++;
    $where = "ma_the.tsv:{$row['_line']}";
    $field = unescape($row['input']);
    $lenient = $row['mode'] === 'lenient';
    $issuer = $issuers[$row['issuer']];
    $result = $bhyt->parseMaTheBhyt($field, $issuer, $lenient);
    check($result['code'] === Bhyt::OK && $result['name'] === 'ok', "$where call");
    $got = $result['items'] ?? [];
    $want = explode('|', $row['items']);
    check(count($got) === (int) $row['count'] && count($want) === count($got), "$where count");
    foreach ($want as $i => $text) {
        $item = $got[$i] ?? null;
        [$start, $byteStart, $byteLen, $verdict, $detail] = explode(':', $text, 5);
        if ($item === null) {
            check(false, "$where item $i");
            continue;
        }
        $items++;
        check([$item['start'], $item['byte_start'], $item['byte_len']] === [(int) $start, (int) $byteStart, (int) $byteLen], "$where item $i place");
        $itemText = substr($field, (int) $byteStart, (int) $byteLen);
        $single = $bhyt->parse($itemText, $issuer, $lenient);
        $message = $bhyt->errorText($field, $issuer, call: $lenient ? Bhyt::CALL_MA_THE_BHYT_LENIENT : Bhyt::CALL_MA_THE_BHYT, item: $i);
        if ($verdict === 'valid') {
            check($item['code'] === Bhyt::OK && $item['position'] === null && $item['byte_offset'] === null, "$where item $i verdict");
            check($single['card'] !== null && $single['card']['compact'] === $detail && $item['form'] === strlen($detail) && $item['key'] === $single['card']['key'], "$where item $i card");
            check($message === '', "$where item $i no message");
        } else {
            $position = $detail === '-' ? null : (int) $detail;
            check($item['name'] === $verdict && $item['form'] === 0 && $item['key'] === 0, "$where item $i verdict");
            check($item['position'] === $position && $item['byte_offset'] === byte_offset($field, $position), "$where item $i position");
            check($single['code'] === $item['code'], "$where item $i as parse");
            check($message !== '' && ($byteLen < 10 || !str_contains($message, $itemText)), "$where item $i message");
        }
    }
}
check($rows > 150 && $items > $rows, 'every ma_the row read');
check($bhyt->parseMaTheBhyt('HS4010120878811', 9) === ['code' => Bhyt::INVALID_ISSUER, 'name' => 'invalid_issuer', 'items' => null], 'ma_the: an invalid issuer');

// advise: the cases of the C and JavaScript tests (bindings/c/tests/test_api.c,
// bindings/wasm/test/reception.test.mjs), and every row of cards.tsv (known notes, at most
// ADVICE_MAX, the verdict unchanged).
$note = fn (array $got): ?array => $got['code'] === Bhyt::OK && count($got['notes']) === 1 ? $got['notes'][0] : null;
check($bhyt->advise('DN4010123456789') === ['code' => 0, 'name' => 'ok', 'notes' => []], 'advise: no note');
$n = $note($bhyt->advise('TE4010123456789'));
check($n !== null && $n['code'] === Bhyt::ADVICE_UNUSUAL_BENEFIT_LEVEL && $n['name'] === 'unusual_benefit_level' && $n['group_code'] === 'TE' && $n['benefit_level'] === 4 && $n['usual_benefit_level'] === 1, 'advise: unusual benefit level');
foreach (['ND4010123456789', 'ND4010120878811'] as $late) {
    $n = $note($bhyt->advise($late));
    check($n !== null && $n['name'] === 'issued_after_vneid_list' && $n['group_code'] === 'ND' && $n['short_form_passes'] === true, 'advise: issued after the VNeID list');
}
check($bhyt->validate('ND4010123456789') === Bhyt::LATE_GROUP_CODE, 'advise never changes the verdict');
foreach ([[' 003 095 001 234', true], ['003095001234', false]] as [$input, $lenient]) {
    $n = $note($bhyt->advise($input, Bhyt::ISSUER_ANY, $lenient));
    check($n !== null && $n['code'] === Bhyt::ADVICE_UNLISTED_BIRTH_PLACE_CODE && $n['birth_place_code'] === 3, 'advise: unlisted birth place');
}
check($bhyt->advise('079195001234')['notes'] === [] && $bhyt->advise('')['notes'] === [], 'advise: none');
check($bhyt->advise('TE4010123456789', 9) === ['code' => Bhyt::INVALID_ISSUER, 'name' => 'invalid_issuer', 'notes' => null], 'advise: invalid issuer');
check($bhyt->adviceCodeName(Bhyt::ADVICE_SHORT_FORM_IN_CLAIMS) === 'short_form_in_claims' && $bhyt->adviceCodeName(0) === 'unknown', 'advice code names');
check($bhyt->adviceMessage(Bhyt::ADVICE_UNUSUAL_BENEFIT_LEVEL, Bhyt::LANG_EN) === 'the benefit level differs from the level usual for the group; this is normal for a person who belongs to several groups (the best level applies)', 'advice message');
check($bhyt->adviceMessage(Bhyt::ADVICE_ISSUED_AFTER_VNEID_LIST) !== '' && $bhyt->adviceMessage(99, Bhyt::LANG_EN) === 'unknown advice code', 'advice messages');
$noted = 0;
foreach (rows($cardsPath) as $row) {
    $input = unescape($row['input']);
    $lenient = $row['mode'] === 'lenient';
    $got = $bhyt->advise($input, $issuers[$row['issuer']], $lenient);
    $known = $got['code'] === Bhyt::OK && count($got['notes']) <= Bhyt::ADVICE_MAX;
    foreach ($got['notes'] ?? [] as $n) {
        $noted++;
        $known = $known && $n['name'] !== 'unknown' && $n['code'] !== Bhyt::ADVICE_SHORT_FORM_IN_CLAIMS;
    }
    check($known && ($bhyt->validate($input, $issuers[$row['issuer']], $lenient) === Bhyt::OK) === ($row['valid'] === 'true'), "cards.tsv:{$row['_line']} advise");
}
check($noted > 0, 'some cards.tsv rows have notes');

// Every row of qr.tsv through readCardQr and qrFieldText: a card QR's fields (the decoded
// texts as the hex of their UTF-8, '-' when empty), a CCCD QR's name and old number, and for
// input that is no card QR the error of identify.
$iso = fn (?array $d): string => $d === null ? '-' : ($d[1] === 0 ? sprintf('%04d', $d[0]) : sprintf('%04d-%02d-%02d', ...$d));
$hex = fn (array $t): string => $t['code'] !== Bhyt::OK ? '?' : ($t['text'] === '' ? '-' : bin2hex($t['text']));
$layouts = [Bhyt::QR_LAYOUT_10_FIELDS => '10_fields', Bhyt::QR_LAYOUT_15_TOKENS => '15_tokens', Bhyt::QR_LAYOUT_17_TOKENS => '17_tokens', Bhyt::QR_LAYOUT_OTHER => 'other'];
$rows = 0;
foreach (rows("$vectors/qr.tsv") as $row) {
    $rows++;
    $where = "qr.tsv:{$row['_line']}";
    $input = unescape($row['input']);
    $got = $bhyt->readCardQr($input);
    if ($row['kind'] === 'card_qr' && $row['valid'] === 'true') {
        $qr = $got['qr'];
        check($got['code'] === Bhyt::OK && $qr !== null && $qr['card']['compact'] === $row['card'], "$where card");
        if ($qr === null) {
            continue;
        }
        check($iso($qr['birth_date']) === $row['birth_date'] && $qr['sex'] === ($row['sex'] === 'male' ? Bhyt::SEX_MALE : Bhyt::SEX_FEMALE), "$where birth date, sex");
        check($qr['facility_code'] === $row['facility_code'] && $iso($qr['valid_from']) === $row['valid_from'] && $iso($qr['valid_to']) === $row['valid_to'], "$where facility, validity");
        check($iso($qr['issued_on']) === $row['issued_on'] && $iso($qr['five_years_on']) === $row['five_years_on'], "$where issued, five years");
        check(($layouts[$qr['layout']] ?? '?') === $row['layout'] && $qr['repaired'] === ($row['repaired'] === 'true') && $qr['utf16'] === ($row['utf16'] === 'true'), "$where layout, flags");
        check($hex($bhyt->qrFieldText($input, 1)) === $row['name_hex'], "$where name");
        $address = $hex($bhyt->qrFieldText($input, 4));
        check($address === $row['address_hex'] && $qr['has_address'] === ($address !== '-'), "$where address");
        if ($qr['field_count'] > 10) {
            check($hex($bhyt->qrFieldText($input, 10)) === $row['guardian_hex'], "$where guardian");
        }
        check($bhyt->qrFieldText($input, 9)['text'] === $row['manager_code'], "$where manager code");
        check($bhyt->qrFieldText($input, $qr['field_count'])['code'] === Bhyt::INVALID_LENGTH, "$where past the last field");
        foreach ($row['raw_fields'] === '-' ? [] : explode(',', $row['raw_fields']) as $index) {
            check($bhyt->qrFieldText($input, (int) $index)['code'] === Bhyt::OK, "$where raw field $index");
        }
    } elseif ($row['valid'] === 'true') {
        check($got['code'] === Bhyt::UNRECOGNIZED_QR && $got['qr'] === null, "$where not a card QR");
        check($hex($bhyt->qrFieldText($input, 2)) === $row['name_hex'], "$where CCCD name");
        $old = $bhyt->qrFieldText($input, 1)['text'];
        check(($old === '' ? '-' : $old) === $row['old_id'], "$where old id");
    } else {
        $position = $row['position'] === '-' ? null : (int) $row['position'];
        check($got['name'] === $row['code'] && $got['qr'] === null && $got['position'] === $position, "$where error");
        check($got['qr_field'] === $bhyt->identify($input)['qr_field'], "$where error field");
        $text = $bhyt->qrFieldText($input, 0);
        check($text['name'] === $row['code'] && $text['text'] === null, "$where field text: the error of identify");
    }
}
check($rows > 70, 'every qr row read for readCardQr');
try {
    $bhyt->qrFieldText('HS4010120878811|-|1990|1|-|01028|01/01/2025|-|01/01/2025|79', -1);
    check(false, 'a negative field index');
} catch (ValueError $e) {
    check(!str_contains($e->getMessage(), 'HS4010120878811'), 'a negative field index');
}
check($bhyt->readCardQr('HS4010120878811')['name'] === 'unrecognized_qr' && $bhyt->qrFieldText('HS4010120878811', 0)['name'] === 'unrecognized_qr', 'a typed number is no QR code');

// The layout FFI uses is the C compiler's.
foreach ($raw ? file($layoutPath, FILE_IGNORE_NEW_LINES) : [] as $line) {
    [$name, $a, $b] = array_pad(explode(' ', $line), 3, null);
    if ($a === 'size') {
        check(FFI::sizeof($ffi->type($name)) === (int) $b, "sizeof $name");
    } else {
        [$struct, $field] = explode('.', $name);
        $value = $ffi->new($struct);
        $offset = FFI::cast('uintptr_t', FFI::addr($value->$field))->cdata - FFI::cast('uintptr_t', FFI::addr($value))->cdata;
        check($offset === (int) $a, "offsetof $name");
    }
}

printf("php (%s): %d passed, %d failed\n", PHP_SAPI, $passed, $failed);
exit($failed === 0 && $passed > 0 ? 0 : 1);
