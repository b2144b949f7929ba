package vn.bhyt;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * bhyt from Java (JNA): validate, parse and explain BHYT card numbers with the C library. The
 * rules are the library's; this class only translates. Every call is thread-safe (the library
 * has no state).
 *
 * <pre>
 *   String text = Bhyt.errorText("DN4010123456A89", BhytConstants.ISSUER_ANY, false, BhytConstants.LANG_VI);
 *   // "Ký tự thứ 13 là một chữ cái in hoa, cần một chữ số (0-9)"
 * </pre>
 */
public final class Bhyt implements BhytConstants {
    private static final BhytLibrary LIB = BhytLibrary.INSTANCE;

    private Bhyt() {
    }

    /** A decoded card, or why the number is invalid. Positions are null for BHYT_NO_POSITION. */
    public static final class Result {
        public final int code;
        public final String name;
        public final Long position;
        public final Long byteOffset;
        public final BhytLibrary.bhyt_card card;

        Result(int code, Long position, Long byteOffset, BhytLibrary.bhyt_card card) {
            this.code = code;
            this.name = LIB.bhyt_error_code_name(code);
            this.position = position;
            this.byteOffset = byteOffset;
            this.card = card;
        }

        public boolean valid() {
            return code == OK;
        }
    }

    private static BhytLibrary.SizeT size(long value) {
        return new BhytLibrary.SizeT(value);
    }

    private static Long position(BhytLibrary.SizeT value) {
        long v = value.longValue();
        return v == NO_POSITION ? null : v;
    }

    public static String version() {
        return LIB.bhyt_version();
    }

    public static int validate(String input, int issuer, boolean lenient) {
        return validate(input.getBytes(StandardCharsets.UTF_8), issuer, lenient);
    }

    /** Any bytes (invalid UTF-8 is an ordinary invalid character). */
    public static int validate(byte[] input, int issuer, boolean lenient) {
        return lenient ? LIB.bhyt_validate_lenient(input, size(input.length), issuer)
                : LIB.bhyt_validate(input, size(input.length), issuer);
    }

    public static Result parse(String input, int issuer, boolean lenient) {
        return parse(input.getBytes(StandardCharsets.UTF_8), issuer, lenient);
    }

    public static Result parse(byte[] input, int issuer, boolean lenient) {
        BhytLibrary.bhyt_card card = new BhytLibrary.bhyt_card();
        BhytLibrary.bhyt_error error = new BhytLibrary.bhyt_error();
        int code = lenient ? LIB.bhyt_parse_lenient(input, size(input.length), issuer, card, error)
                : LIB.bhyt_parse(input, size(input.length), issuer, card, error);
        if (code == OK) {
            return new Result(code, null, null, card);
        }
        return new Result(code, position(error.position), position(error.byte_offset), null);
    }

    /** The full message of the error of bhyt_validate(_lenient): "" when there is none. */
    public static String errorText(String input, int issuer, boolean lenient, int lang) {
        return errorText(lenient ? CALL_VALIDATE_LENIENT : CALL_VALIDATE, input.getBytes(StandardCharsets.UTF_8),
                issuer, 0, lang);
    }

    /** The full message of the error the call {@code call} (a CALL_* constant) reports for {@code input}. */
    public static String errorText(int call, byte[] input, int issuer, long item, int lang) {
        long needed = LIB.bhyt_error_text(call, input, size(input.length), issuer, size(item), lang, null, size(0))
                .longValue();
        byte[] buffer = new byte[(int) needed + 1];
        LIB.bhyt_error_text(call, input, size(input.length), issuer, size(item), lang, buffer, size(buffer.length));
        return new String(buffer, 0, (int) needed, StandardCharsets.UTF_8);
    }

    /** A NUL-terminated char array field, as a String. */
    public static String string(byte[] field) {
        int end = 0;
        while (end < field.length && field[end] != 0) {
            end++;
        }
        return new String(Arrays.copyOf(field, end), StandardCharsets.UTF_8);
    }
}
