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
        $out['card'] = [
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
        return $out;
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

    /** A position field: null for BHYT_NO_POSITION (which PHP's FFI hands over as -1). */
    private static function position(int $value): ?int
    {
        return $value === self::NO_POSITION ? null : $value;
    }
}
