<?php

declare(strict_types=1);

namespace Bhyt;

use FFI;

/**
 * bhyt from PHP through FFI: validate, parse and explain BHYT card numbers with the C library
 * (libbhyt.so). The rules are the library's; this class only translates. Strings go in as
 * bytes (PHP strings are bytes: strlen() is the byte length the C API wants, whatever the
 * encoding) and come out as UTF-8.
 *
 *     $bhyt = new Bhyt\Bhyt();
 *     echo $bhyt->errorText('DN4010123456A89');   // Ký tự thứ 13 là một chữ cái in hoa, cần một chữ số (0-9)
 *
 * An instance holds no state besides the FFI handle: share it between requests and threads.
 */
final class Bhyt implements BhytConstants
{
    private FFI $ffi;

    /**
     * @param FFI|null $ffi the library; by default the preloaded scope "bhyt" (php-fpm or
     *                      php-cgi with ffi.preload=bhyt_ffi.h) or, failing that, bhyt_ffi.h
     *                      loaded now (php-cli; needs ffi.enable=true outside the CLI)
     */
    public function __construct(?FFI $ffi = null)
    {
        $this->ffi = $ffi ?? self::load();
    }

    /** The FFI handle: the preloaded scope if there is one, else bhyt_ffi.h loaded now. */
    public static function load(): FFI
    {
        try {
            return FFI::scope('bhyt');
        } catch (FFI\Exception $notPreloaded) {
            return FFI::load(__DIR__ . '/../bhyt_ffi.h');
        }
    }

    /** Whether ffi.preload loaded bhyt_ffi.h (the scope "bhyt" exists). */
    public static function preloaded(): bool
    {
        try {
            FFI::scope('bhyt');
            return true;
        } catch (FFI\Exception $notPreloaded) {
            return false;
        }
    }

    /** The library's version ("0.1.0"). */
    public function version(): string
    {
        return $this->ffi->bhyt_version();
    }

    /** BHYT_OK (0) if $input is a valid number, otherwise the error code (see errorName). */
    public function validate(string $input, int $issuer = self::ISSUER_ANY, bool $lenient = false): int
    {
        return $lenient
            ? $this->ffi->bhyt_validate_lenient($input, strlen($input), $issuer)
            : $this->ffi->bhyt_validate($input, strlen($input), $issuer);
    }

    /**
     * Validates and decodes. Returns ['code' => int, 'name' => string, 'position' => ?int,
     * 'byte_offset' => ?int, 'card' => ?array]: position and byte_offset are null where C
     * has BHYT_NO_POSITION; card (on success) has form, compact, group_code,
     * social_insurance_number, benefit_level, province_code, issuer, key and the six
     * descriptions.
     */
    public function parse(string $input, int $issuer = self::ISSUER_ANY, bool $lenient = false): array
    {
        $card = $this->ffi->new('bhyt_card');
        $error = $this->ffi->new('bhyt_error');
        $code = $lenient
            ? $this->ffi->bhyt_parse_lenient($input, strlen($input), $issuer, FFI::addr($card), FFI::addr($error))
            : $this->ffi->bhyt_parse($input, strlen($input), $issuer, FFI::addr($card), FFI::addr($error));
        $out = ['code' => $code, 'name' => $this->errorName($code), 'position' => null, 'byte_offset' => null, 'card' => null];
        if ($code !== self::OK) {
            $out['position'] = self::position($error->position);
            $out['byte_offset'] = self::position($error->byte_offset);
            return $out;
        }
        $out['card'] = self::card($card);
        return $out;
    }

    /**
     * Says what was typed into one search box: a card number (10 or 15 characters, checked with
     * ISSUER_ANY), a 12-digit personal identification number, or a card's or a CCCD's QR code
     * (input with '|'). Returns ['code' => int, 'name' => string, 'position' => ?int,
     * 'byte_offset' => ?int, 'qr_field' => ?string, 'kind' => ?int, 'card' => ?array,
     * 'personal_id' => ?array]: on success kind is an IDENTITY_* value, card (as parse gives
     * it) for IDENTITY_CARD and IDENTITY_CARD_QR, personal_id (digits, masked, sex,
     * birth_place_on_2016_list, birth_place_code, century, birth_year) for
     * IDENTITY_PERSONAL_ID and IDENTITY_PERSONAL_ID_QR; on an INVALID_QR_FIELD error qr_field
     * names the field ('birth_date', ...). The message: errorText($input, call: CALL_IDENTIFY
     * or CALL_IDENTIFY_LENIENT).
     */
    public function identify(string $input, bool $lenient = false): array
    {
        $identity = $this->ffi->new('bhyt_identity');
        $error = $this->ffi->new('bhyt_error');
        $code = $lenient
            ? $this->ffi->bhyt_identify_lenient($input, strlen($input), FFI::addr($identity), FFI::addr($error))
            : $this->ffi->bhyt_identify($input, strlen($input), FFI::addr($identity), FFI::addr($error));
        $out = ['code' => $code, 'name' => $this->errorName($code), 'position' => null, 'byte_offset' => null,
            'qr_field' => null, 'kind' => null, 'card' => null, 'personal_id' => null];
        if ($code !== self::OK) {
            $out['position'] = self::position($error->position);
            $out['byte_offset'] = self::position($error->byte_offset);
            $call = $lenient ? self::CALL_IDENTIFY_LENIENT : self::CALL_IDENTIFY;
            $field = $this->ffi->bhyt_qr_error_field($call, $input, strlen($input));
            $out['qr_field'] = $field === '' ? null : $field;
            return $out;
        }
        $out['kind'] = $identity->kind;
        if ($identity->kind === self::IDENTITY_CARD || $identity->kind === self::IDENTITY_CARD_QR) {
            $out['card'] = self::card($identity->card);
            return $out;
        }
        $id = $identity->personal_id;
        $out['personal_id'] = [
            'digits' => FFI::string($id->digits),
            'masked' => FFI::string($id->masked),
            'sex' => $id->sex,
            'birth_place_on_2016_list' => $id->birth_place_on_2016_list === 1,
            'birth_place_code' => $id->birth_place_code,
            'century' => $id->century,
            'birth_year' => $id->birth_year,
        ];
        return $out;
    }

    /**
     * Splits a claims MA_THE_BHYT field (card codes joined with ';') and checks every item as
     * validate would, with $issuer. Every ';' separates two items; whitespace around an item
     * is dropped; an empty item is reported (INVALID_LENGTH, byte_len 0), never skipped.
     * Returns ['code' => int, 'name' => string, 'items' => ?array]: code is the call's own
     * (OK, or INVALID_ISSUER with items null); items has one array per item: ['code' => int,
     * 'name' => string, 'form' => int (10 or 15; 0 when invalid), 'key' => int, 'position' =>
     * ?int, 'byte_offset' => ?int (in the whole field; null when valid or for
     * BHYT_NO_POSITION), 'start' => int, 'byte_start' => int, 'byte_len' => int] (the item's
     * text is substr($field, byte_start, byte_len)). The
     * message of item $i: errorText($field, call: CALL_MA_THE_BHYT or CALL_MA_THE_BHYT_LENIENT,
     * item: $i).
     */
    public function parseMaTheBhyt(string $field, int $issuer = self::ISSUER_ANY, bool $lenient = false): array
    {
        $count = $this->ffi->new('size_t');
        $call = $lenient ? 'bhyt_parse_ma_the_bhyt_lenient' : 'bhyt_parse_ma_the_bhyt';
        $code = $this->ffi->$call($field, strlen($field), $issuer, null, 0, FFI::addr($count));
        $n = $count->cdata;
        if ($code === self::BUFFER_TOO_SMALL && $n > 0) {
            $items = $this->ffi->new("bhyt_ma_the_item[$n]");
            $code = $this->ffi->$call($field, strlen($field), $issuer, $items, $n, FFI::addr($count));
        }
        $out = ['code' => $code, 'name' => $this->errorName($code), 'items' => null];
        if ($code !== self::OK) {
            return $out;
        }
        $out['items'] = [];
        for ($i = 0; $i < $n; $i++) {
            $item = $items[$i];
            $verdict = $item->verdict;
            $out['items'][] = [
                'code' => $verdict->code,
                'name' => $this->errorName($verdict->code),
                'form' => $verdict->form,
                'key' => $verdict->key,
                'position' => self::position($verdict->position),
                'byte_offset' => self::position($verdict->byte_offset),
                'start' => $item->start,
                'byte_start' => $item->byte_start,
                'byte_len' => $item->byte_len,
            ];
        }
        return $out;
    }

    /**
     * The advisory notes on $input (a card number, checked with $issuer, or a personal
     * identification number, read as identify reads them): informative, never a verdict (a
     * valid number stays valid, an invalid one invalid). Returns ['code' => int, 'name' =>
     * string, 'notes' => ?array]: notes (null when code is not OK: INVALID_ISSUER) has one
     * array per note, ['code' => int (an ADVICE_* value), 'name' => string, 'group_code' =>
     * string, 'benefit_level' => int, 'usual_benefit_level' => int, 'short_form_passes' =>
     * bool, 'birth_place_code' => int]; fields that do not apply to the code are '' or 0.
     */
    public function advise(string $input, int $issuer = self::ISSUER_ANY, bool $lenient = false): array
    {
        $notes = $this->ffi->new('bhyt_advice[' . self::ADVICE_MAX . ']');
        $count = $this->ffi->new('size_t');
        $call = $lenient ? 'bhyt_advise_lenient' : 'bhyt_advise';
        $code = $this->ffi->$call($input, strlen($input), $issuer, $notes, self::ADVICE_MAX, FFI::addr($count));
        $out = ['code' => $code, 'name' => $this->errorName($code), 'notes' => null];
        if ($code !== self::OK) {
            return $out;
        }
        $out['notes'] = [];
        for ($i = 0; $i < $count->cdata; $i++) {
            $note = $notes[$i];
            $out['notes'][] = [
                'code' => $note->code,
                'name' => $this->adviceCodeName($note->code),
                'group_code' => FFI::string($note->group_code),
                'benefit_level' => $note->benefit_level,
                'usual_benefit_level' => $note->usual_benefit_level,
                'short_form_passes' => $note->short_form_passes === 1,
                'birth_place_code' => $note->birth_place_code,
            ];
        }
        return $out;
    }

    /** The stable name of an ADVICE_* code ("unusual_benefit_level", ...; "unknown" for any other value). */
    public function adviceCodeName(int $code): string
    {
        return $this->ffi->bhyt_advice_code_name($code);
    }

    /** The general message of an ADVICE_* code in $lang (without a particular note's details). */
    public function adviceMessage(int $code, int $lang = self::LANG_VI): string
    {
        return $this->ffi->bhyt_advice_message($code, $lang);
    }

    /**
     * Reads a BHYT card's QR code as a scanner types it (fields separated by '|'). Returns
     * ['code' => int, 'name' => string, 'position' => ?int, 'byte_offset' => ?int, 'qr_field'
     * => ?string, 'qr' => ?array]: on an error, the error of identify (UNRECOGNIZED_QR too for
     * input that is something else than a card's QR code; the message: errorText($input,
     * call: CALL_IDENTIFY)); on success qr is ['card' => array (as parse gives it),
     * 'birth_date' => [year, month, day] (month and day 0 for a year alone), 'sex' => int,
     * 'has_address' => bool, 'has_guardian_name' => bool, 'repaired' => bool, 'utf16' => bool,
     * 'facility_code' => string, 'valid_from' => array, 'valid_to' => ?array (null: no end
     * date), 'issued_on' => array, 'five_years_on' => ?array, 'layout' => int (QR_LAYOUT_*),
     * 'field_count' => int]. The texts (name, address, guardian): qrFieldText. Personal data:
     * do not log it.
     */
    public function readCardQr(string $input): array
    {
        $qr = $this->ffi->new('bhyt_card_qr');
        $error = $this->ffi->new('bhyt_error');
        $code = $this->ffi->bhyt_read_card_qr($input, strlen($input), FFI::addr($qr), FFI::addr($error));
        $out = ['code' => $code, 'name' => $this->errorName($code), 'position' => null, 'byte_offset' => null,
            'qr_field' => null, 'qr' => null];
        if ($code !== self::OK) {
            $out['position'] = self::position($error->position);
            $out['byte_offset'] = self::position($error->byte_offset);
            $field = $this->ffi->bhyt_qr_error_field(self::CALL_IDENTIFY, $input, strlen($input));
            $out['qr_field'] = $field === '' ? null : $field;
            return $out;
        }
        $date = fn (FFI\CData $d): ?array => $d->year === 0 ? null : [$d->year, $d->month, $d->day];
        $out['qr'] = [
            'card' => self::card($qr->card),
            'birth_date' => $date($qr->birth_date),
            'sex' => $qr->sex,
            'has_address' => $qr->has_address === 1,
            'has_guardian_name' => $qr->has_guardian_name === 1,
            'repaired' => $qr->repaired === 1,
            'utf16' => $qr->utf16 === 1,
            'facility_code' => FFI::string($qr->facility_code),
            'valid_from' => $date($qr->valid_from),
            'valid_to' => $date($qr->valid_to),
            'issued_on' => $date($qr->issued_on),
            'five_years_on' => $date($qr->five_years_on),
            'layout' => $qr->layout,
            'field_count' => $qr->field_count,
        ];
        return $out;
    }

    /**
     * The text of field $index of a QR payload (a card's or a CCCD's): for a card QR the name
     * (1), address (4, '' for '-') and guardian's name (10) decoded from hex, every other field
     * as typed. Returns ['code' => int, 'name' => string, 'text' => ?string]: code is
     * INVALID_LENGTH for an index past the last field, or the error of identify for input that
     * is no QR code (text null). Personal data: do not log it.
     */
    public function qrFieldText(string $input, int $index): array
    {
        if ($index < 0) {
            throw new \ValueError('a field index is 0 or more');
        }
        $required = $this->ffi->new('size_t');
        $code = $this->ffi->bhyt_qr_field_text($input, strlen($input), $index, null, 0, FFI::addr($required));
        if ($code === self::BUFFER_TOO_SMALL || $code === self::OK) {
            $size = $required->cdata;
            $buffer = $this->ffi->new("char[$size]");
            $code = $this->ffi->bhyt_qr_field_text($input, strlen($input), $index, $buffer, $size, FFI::addr($required));
            if ($code === self::OK) {
                return ['code' => $code, 'name' => $this->errorName($code), 'text' => FFI::string($buffer, $size - 1)];
            }
        }
        return ['code' => $code, 'name' => $this->errorName($code), 'text' => null];
    }

    /** A bhyt_card as the array parse gives. */
    private static function card(FFI\CData $card): array
    {
        return [
            'form' => $card->form,
            'compact' => FFI::string($card->compact),
            'group_code' => FFI::string($card->group_code),
            'social_insurance_number' => FFI::string($card->social_insurance_number),
            'benefit_level' => $card->benefit_level,
            'province_code' => $card->province_code,
            'issuer' => $card->issuer,
            'key' => $card->key,
            'group_description_vi' => $card->group_description_vi,
            'group_description_en' => $card->group_description_en,
            'benefit_meaning_vi' => $card->benefit_meaning_vi,
            'benefit_meaning_en' => $card->benefit_meaning_en,
            'issuer_name_vi' => $card->issuer_name_vi,
            'issuer_name_en' => $card->issuer_name_en,
        ];
    }

    /**
     * The full message of the error the call $call (a CALL_* constant) reports for $input, in
     * $lang (LANG_VI or LANG_EN), as UTF-8: '' when there is none.
     */
    public function errorText(
        string $input,
        int $issuer = self::ISSUER_ANY,
        bool $lenient = false,
        int $lang = self::LANG_VI,
        ?int $call = null,
        int $item = 0
    ): string {
        $call ??= $lenient ? self::CALL_VALIDATE_LENIENT : self::CALL_VALIDATE;
        $needed = $this->ffi->bhyt_error_text($call, $input, strlen($input), $issuer, $item, $lang, null, 0);
        if ($needed === 0) {
            return '';
        }
        $buffer = $this->ffi->new('char[' . ($needed + 1) . ']');
        $this->ffi->bhyt_error_text($call, $input, strlen($input), $issuer, $item, $lang, $buffer, $needed + 1);
        return FFI::string($buffer, $needed);
    }

    /** The stable name of a code ("invalid_character", ...; "unknown" for no code). */
    public function errorName(int $code): string
    {
        return $this->ffi->bhyt_error_code_name($code);
    }

    /**
     * The general message of a code in $lang, without the details of a particular error (the
     * message of a facility-code or date error: errorText explains the card calls).
     */
    public function errorMessage(int $code, int $lang = self::LANG_VI): string
    {
        return $this->ffi->bhyt_error_message($code, $lang);
    }

    /**
     * Reads a facility code (mã cơ sở KCB) as it is written ('01 - 028', '01-028', '01028').
     * Returns ['code' => int, 'name' => string, 'position' => ?int, 'byte_offset' => ?int,
     * 'facility_code' => ?array]: on success facility_code is ['code' => '01028',
     * 'province' => '01', 'facility' => '028']; otherwise code is INVALID_FACILITY_CODE and
     * position the first character that does not fit (null when the length is wrong).
     */
    public function parseFacilityCode(string $input): array
    {
        $code = $this->ffi->new('bhyt_facility_code');
        $error = $this->ffi->new('bhyt_error');
        $result = $this->ffi->bhyt_parse_facility_code($input, strlen($input), FFI::addr($code), FFI::addr($error));
        $out = ['code' => $result, 'name' => $this->errorName($result), 'position' => null, 'byte_offset' => null, 'facility_code' => null];
        if ($result !== self::OK) {
            $out['position'] = self::position($error->position);
            $out['byte_offset'] = self::position($error->byte_offset);
            return $out;
        }
        $out['facility_code'] = [
            'code' => FFI::string($code->code),
            'province' => FFI::string($code->province),
            'facility' => FFI::string($code->facility),
        ];
        return $out;
    }

    /**
     * Whether a card valid from $validFrom to $validTo (both included; null: no end date) is
     * valid on $date. Dates are [year, month, day]. Returns ['code' => int, 'name' => string,
     * 'validity' => ?int]: validity is a VALIDITY_* value (see validityName), null when code
     * is INVALID_DATE (a date that is no calendar date).
     */
    public function validityOn(array $validFrom, ?array $validTo, array $date): array
    {
        $validity = $this->ffi->new('bhyt_validity');
        $result = $this->ffi->bhyt_validity_on(
            FFI::addr($this->date($validFrom)),
            FFI::addr($this->date($validTo)),
            FFI::addr($this->date($date)),
            FFI::addr($validity)
        );
        return ['code' => $result, 'name' => $this->errorName($result), 'validity' => $result === self::OK ? $validity->cdata : null];
    }

    /** The stable name of a validity ("before_start", "expired", "valid", "open_ended"). */
    public function validityName(int $validity): string
    {
        return $this->ffi->bhyt_validity_name($validity);
    }

    /**
     * The notes on a stay from $admission to $discharge for a card valid from $validFrom to
     * $validTo (null: no end date); dates are [year, month, day]. Returns ['code' => int,
     * 'name' => string, 'notes' => ?int, 'note_names' => ?array]: notes is the set of
     * STAY_* bits (0: the card covers the whole stay), note_names their stable names in the
     * order of the bits; both null when code is INVALID_DATE. Notes, not errors: a second card
     * may cover the rest of the stay.
     */
    public function stayNotes(array $validFrom, ?array $validTo, array $admission, array $discharge): array
    {
        $notes = $this->ffi->new('bhyt_stay_note');
        $result = $this->ffi->bhyt_stay_notes(
            FFI::addr($this->date($validFrom)),
            FFI::addr($this->date($validTo)),
            FFI::addr($this->date($admission)),
            FFI::addr($this->date($discharge)),
            FFI::addr($notes)
        );
        $out = ['code' => $result, 'name' => $this->errorName($result), 'notes' => null, 'note_names' => null];
        if ($result !== self::OK) {
            return $out;
        }
        $out['notes'] = $notes->cdata;
        $out['note_names'] = [];
        for ($bit = 1; $bit <= $out['notes'] && $bit <= 0x80000000; $bit <<= 1) {
            if (($out['notes'] & $bit) !== 0) {
                $out['note_names'][] = $this->stayNoteName($bit);
            }
        }
        return $out;
    }

    /** The stable name of one STAY_* bit ("visit_before_start", ...; "unknown" for any other value). */
    public function stayNoteName(int $note): string
    {
        return $this->ffi->bhyt_stay_note_name($note);
    }

    /** The message of one STAY_* bit in $lang. */
    public function stayNoteMessage(int $note, int $lang = self::LANG_VI): string
    {
        return $this->ffi->bhyt_stay_note_message($note, $lang);
    }

    /**
     * A bhyt_date of [year, month, day] (null: all 0, no date). A value the C field cannot
     * hold is a ValueError; whether the date exists is the library's to say.
     */
    private function date(?array $date): FFI\CData
    {
        $out = $this->ffi->new('bhyt_date');
        if ($date === null) {
            return $out;
        }
        [$year, $month, $day] = array_values($date) + [null, null, null];
        if (!is_int($year) || !is_int($month) || !is_int($day) || count($date) !== 3
            || $year < 0 || $year > 0xFFFF || $month < 0 || $month > 0xFF || $day < 0 || $day > 0xFF) {
            throw new \ValueError('a date is [year, month, day]: integers, year 0-65535, month and day 0-255');
        }
        $out->year = $year;
        $out->month = $month;
        $out->day = $day;
        return $out;
    }

    /** A position field: null for BHYT_NO_POSITION (which PHP's FFI hands over as -1). */
    private static function position(int $value): ?int
    {
        return $value === self::NO_POSITION ? null : $value;
    }
}
