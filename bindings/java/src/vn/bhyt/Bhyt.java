package vn.bhyt;

import com.sun.jna.ptr.IntByReference;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

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

    /**
     * What {@link #identify} found in one search box, or why the input is none of the four
     * kinds. Positions are null for BHYT_NO_POSITION.
     */
    public static final class Identity {
        public final int code;
        public final String name;
        public final Long position;
        public final Long byteOffset;
        /** For an INVALID_QR_FIELD error, the QR field's stable name ("birth_date", ...); else null. */
        public final String qrField;
        /** On success, an IDENTITY_* value; else 0. */
        public final int kind;
        /** IDENTITY_CARD and IDENTITY_CARD_QR: the card, as parse gives it; else null. */
        public final BhytLibrary.bhyt_card card;
        /** IDENTITY_PERSONAL_ID and IDENTITY_PERSONAL_ID_QR: the decoded number; else null. */
        public final BhytLibrary.bhyt_personal_id personalId;

        Identity(int code, Long position, Long byteOffset, String qrField, int kind, BhytLibrary.bhyt_card card,
                BhytLibrary.bhyt_personal_id personalId) {
            this.code = code;
            this.name = LIB.bhyt_error_code_name(code);
            this.position = position;
            this.byteOffset = byteOffset;
            this.qrField = qrField;
            this.kind = kind;
            this.card = card;
            this.personalId = personalId;
        }

        public boolean valid() {
            return code == OK;
        }
    }

    /**
     * Says what was typed into one search box: a card number (10 or 15 characters, checked with
     * ISSUER_ANY), a 12-digit personal identification number, or a card's or a CCCD's QR code
     * (input with '|'). The message of the error: {@code errorText(CALL_IDENTIFY, ...)} (or
     * CALL_IDENTIFY_LENIENT).
     */
    public static Identity identify(String input, boolean lenient) {
        return identify(input.getBytes(StandardCharsets.UTF_8), lenient);
    }

    /** Any bytes (invalid UTF-8 is an ordinary invalid character). */
    public static Identity identify(byte[] input, boolean lenient) {
        BhytLibrary.bhyt_identity identity = new BhytLibrary.bhyt_identity();
        BhytLibrary.bhyt_error error = new BhytLibrary.bhyt_error();
        int code = lenient ? LIB.bhyt_identify_lenient(input, size(input.length), identity, error)
                : LIB.bhyt_identify(input, size(input.length), identity, error);
        if (code != OK) {
            String field = LIB.bhyt_qr_error_field(lenient ? CALL_IDENTIFY_LENIENT : CALL_IDENTIFY, input,
                    size(input.length));
            return new Identity(code, position(error.position), position(error.byte_offset),
                    field.isEmpty() ? null : field, 0, null, null);
        }
        boolean card = identity.kind == IDENTITY_CARD || identity.kind == IDENTITY_CARD_QR;
        return new Identity(code, null, null, null, identity.kind, card ? identity.card : null,
                card ? null : identity.personal_id);
    }

    /**
     * One item of a claims MA_THE_BHYT field: its verdict (positions in the whole field, null
     * when valid or for BHYT_NO_POSITION) and its place (its text is the field's bytes
     * {@code byteStart} to {@code byteStart + byteLen}).
     */
    public static final class MaTheItem {
        public final int code;
        public final String name;
        /** Valid: 10 or 15; otherwise 0. */
        public final int form;
        /** Valid: the card's key (for finding duplicates); otherwise 0. */
        public final long key;
        public final Long position;
        public final Long byteOffset;
        /** The character position where the item's text starts (whitespace dropped). */
        public final long start;
        public final long byteStart;
        /** The item's text length in bytes (0 for an empty item: INVALID_LENGTH). */
        public final long byteLen;

        MaTheItem(BhytLibrary.bhyt_ma_the_item item) {
            BhytLibrary.bhyt_verdict verdict = item.verdict;
            this.code = verdict.code;
            this.name = LIB.bhyt_error_code_name(verdict.code);
            this.form = verdict.form;
            this.key = verdict.key;
            this.position = position(verdict.position);
            this.byteOffset = position(verdict.byte_offset);
            this.start = item.start.longValue();
            this.byteStart = item.byte_start.longValue();
            this.byteLen = item.byte_len.longValue();
        }

        public boolean valid() {
            return code == OK;
        }
    }

    /** The items of {@link #parseMaTheBhyt}, or the call's error (INVALID_ISSUER). */
    public static final class MaThe {
        public final int code;
        public final String name;
        /** One per ';'-separated part (empty when code is not OK). */
        public final List<MaTheItem> items;

        MaThe(int code, List<MaTheItem> items) {
            this.code = code;
            this.name = LIB.bhyt_error_code_name(code);
            this.items = Collections.unmodifiableList(items);
        }

        public boolean ok() {
            return code == OK;
        }
    }

    /**
     * Splits a claims MA_THE_BHYT field (card codes joined with ';') and checks every item as
     * {@link #validate} would, with {@code issuer}. Every ';' separates two items; whitespace
     * around an item is dropped; an empty item is reported (INVALID_LENGTH), never skipped. The
     * message of item {@code i}: {@code errorText(CALL_MA_THE_BHYT, field, issuer, i, lang)} (or
     * CALL_MA_THE_BHYT_LENIENT).
     */
    public static MaThe parseMaTheBhyt(String field, int issuer, boolean lenient) {
        return parseMaTheBhyt(field.getBytes(StandardCharsets.UTF_8), issuer, lenient);
    }

    /** Any bytes (invalid UTF-8 is an ordinary invalid character). */
    public static MaThe parseMaTheBhyt(byte[] field, int issuer, boolean lenient) {
        BhytLibrary.SizeTByReference count = new BhytLibrary.SizeTByReference();
        int code = lenient ? LIB.bhyt_parse_ma_the_bhyt_lenient(field, size(field.length), issuer, null, size(0), count)
                : LIB.bhyt_parse_ma_the_bhyt(field, size(field.length), issuer, null, size(0), count);
        int n = (int) count.getValue();
        List<MaTheItem> out = new ArrayList<>();
        if (code != BUFFER_TOO_SMALL || n == 0) {
            return new MaThe(code, out);
        }
        BhytLibrary.bhyt_ma_the_item first = new BhytLibrary.bhyt_ma_the_item();
        BhytLibrary.bhyt_ma_the_item[] items = (BhytLibrary.bhyt_ma_the_item[]) first.toArray(n);
        code = lenient ? LIB.bhyt_parse_ma_the_bhyt_lenient(field, size(field.length), issuer, first, size(n), count)
                : LIB.bhyt_parse_ma_the_bhyt(field, size(field.length), issuer, first, size(n), count);
        for (int i = 0; code == OK && i < n; i++) {
            items[i].read();
            out.add(new MaTheItem(items[i]));
        }
        return new MaThe(code, out);
    }

    /** One advisory note: informative, never a verdict. Fields that do not apply to its code are "" or 0. */
    public static final class Advice {
        /** An ADVICE_* code. */
        public final int code;
        public final String name;
        /** Unusual benefit level, issued after the VNeID list: the group code. */
        public final String groupCode;
        /** Unusual benefit level: the card's level (1-5) and the level usual for the group. */
        public final int benefitLevel;
        public final int usualBenefitLevel;
        /** Issued after the VNeID list: the last 10 characters pass the VNeID rule. */
        public final boolean shortFormPasses;
        /** Unlisted birth-place code: digits 1-3 of the personal identification number (0-999). */
        public final int birthPlaceCode;

        Advice(BhytLibrary.bhyt_advice note) {
            this.code = note.code;
            this.name = LIB.bhyt_advice_code_name(note.code);
            this.groupCode = string(note.group_code);
            this.benefitLevel = note.benefit_level & 0xFF;
            this.usualBenefitLevel = note.usual_benefit_level & 0xFF;
            this.shortFormPasses = note.short_form_passes == 1;
            this.birthPlaceCode = note.birth_place_code & 0xFFFF;
        }

        /** The code's general message in {@code lang}. */
        public String message(int lang) {
            return LIB.bhyt_advice_message(code, lang);
        }
    }

    /** The notes of {@link #advise}, or the error (INVALID_ISSUER). */
    public static final class AdviceResult {
        public final int code;
        public final String name;
        /** The notes (empty: none; also empty when code is not OK). */
        public final List<Advice> notes;

        AdviceResult(int code, List<Advice> notes) {
            this.code = code;
            this.name = LIB.bhyt_error_code_name(code);
            this.notes = Collections.unmodifiableList(notes);
        }

        public boolean ok() {
            return code == OK;
        }
    }

    /**
     * The advisory notes on {@code input} (a card number, checked with {@code issuer}, or a
     * personal identification number, read as {@link #identify} reads them): informative, never
     * a verdict (a valid number stays valid, an invalid one invalid).
     */
    public static AdviceResult advise(String input, int issuer, boolean lenient) {
        return advise(input.getBytes(StandardCharsets.UTF_8), issuer, lenient);
    }

    /** Any bytes (invalid UTF-8 is an ordinary invalid character). */
    public static AdviceResult advise(byte[] input, int issuer, boolean lenient) {
        BhytLibrary.bhyt_advice first = new BhytLibrary.bhyt_advice();
        BhytLibrary.bhyt_advice[] notes = (BhytLibrary.bhyt_advice[]) first.toArray(ADVICE_MAX);
        BhytLibrary.SizeTByReference count = new BhytLibrary.SizeTByReference();
        int code = lenient ? LIB.bhyt_advise_lenient(input, size(input.length), issuer, first, size(ADVICE_MAX), count)
                : LIB.bhyt_advise(input, size(input.length), issuer, first, size(ADVICE_MAX), count);
        List<Advice> out = new ArrayList<>();
        for (int i = 0; code == OK && i < count.getValue(); i++) {
            notes[i].read();
            out.add(new Advice(notes[i]));
        }
        return new AdviceResult(code, out);
    }

    /** The stable name of an ADVICE_* code ("unusual_benefit_level", ...; "unknown" for any other value). */
    public static String adviceCodeName(int code) {
        return LIB.bhyt_advice_code_name(code);
    }

    /** The general message of an ADVICE_* code in {@code lang} (without a particular note's details). */
    public static String adviceMessage(int code, int lang) {
        return LIB.bhyt_advice_message(code, lang);
    }

    /**
     * A card's QR code read into its fields, or why the input is none (the error of
     * {@link #identify}; UNRECOGNIZED_QR too for something else than a card's QR code). Personal
     * data: {@link #toString} shows the card masked and no other field.
     */
    public static final class CardQr {
        public final int code;
        public final String name;
        public final Long position;
        public final Long byteOffset;
        /** For an INVALID_QR_FIELD error, the QR field's stable name ("birth_date", ...); else null. */
        public final String qrField;
        /** On success: the card, the dates (no end date, no five-year date: null), sex, facility code, layout, flags. */
        public final BhytLibrary.bhyt_card card;
        /** The date of birth, or the year alone (month and day 0). */
        public final BhytLibrary.bhyt_date birthDate;
        /** SEX_MALE or SEX_FEMALE. */
        public final int sex;
        public final boolean hasAddress;
        public final boolean hasGuardianName;
        /** Telex damage in a hex field was undone. */
        public final boolean repaired;
        /** A hex field's bytes were read as UTF-16LE. */
        public final boolean utf16;
        /** Field 5, normalised to its 5 characters ("01028"). */
        public final String facilityCode;
        public final BhytLibrary.bhyt_date validFrom;
        public final BhytLibrary.bhyt_date validTo;
        public final BhytLibrary.bhyt_date issuedOn;
        public final BhytLibrary.bhyt_date fiveYearsOn;
        /** A QR_LAYOUT_* value. */
        public final int layout;
        /** How many fields, not counting the closing '$'. */
        public final long fieldCount;

        CardQr(int code, BhytLibrary.bhyt_error error, String qrField, BhytLibrary.bhyt_card_qr qr) {
            this.code = code;
            this.name = LIB.bhyt_error_code_name(code);
            this.position = error == null ? null : position(error.position);
            this.byteOffset = error == null ? null : position(error.byte_offset);
            this.qrField = qrField;
            this.card = qr == null ? null : qr.card;
            this.birthDate = qr == null ? null : qr.birth_date;
            this.sex = qr == null ? 0 : qr.sex;
            this.hasAddress = qr != null && qr.has_address == 1;
            this.hasGuardianName = qr != null && qr.has_guardian_name == 1;
            this.repaired = qr != null && qr.repaired == 1;
            this.utf16 = qr != null && qr.utf16 == 1;
            this.facilityCode = qr == null ? null : string(qr.facility_code);
            this.validFrom = qr == null ? null : qr.valid_from;
            this.validTo = qr == null || qr.valid_to.year == 0 ? null : qr.valid_to;
            this.issuedOn = qr == null ? null : qr.issued_on;
            this.fiveYearsOn = qr == null || qr.five_years_on.year == 0 ? null : qr.five_years_on;
            this.layout = qr == null ? 0 : qr.layout;
            this.fieldCount = qr == null ? 0 : qr.field_count.longValue();
        }

        public boolean valid() {
            return code == OK;
        }

        /** The code, and on success the card masked (bhyt_format's STYLE_MASKED), layout and field count. */
        @Override
        public String toString() {
            if (card == null) {
                return "CardQr{" + name + "}";
            }
            return "CardQr{card=" + card + ", layout=" + layout + ", fields=" + fieldCount + "}";
        }
    }

    /**
     * Reads a BHYT card's QR code as a scanner types it (fields separated by '|'). The texts
     * (name, address, guardian): {@link #qrFieldText}; the error's message:
     * {@code errorText(CALL_IDENTIFY, ...)}.
     */
    public static CardQr readCardQr(String input) {
        return readCardQr(input.getBytes(StandardCharsets.UTF_8));
    }

    /** Any bytes (invalid UTF-8 is an ordinary invalid character). */
    public static CardQr readCardQr(byte[] input) {
        BhytLibrary.bhyt_card_qr qr = new BhytLibrary.bhyt_card_qr();
        BhytLibrary.bhyt_error error = new BhytLibrary.bhyt_error();
        int code = LIB.bhyt_read_card_qr(input, size(input.length), qr, error);
        if (code != OK) {
            String field = LIB.bhyt_qr_error_field(CALL_IDENTIFY, input, size(input.length));
            return new CardQr(code, error, field.isEmpty() ? null : field, null);
        }
        return new CardQr(code, null, null, qr);
    }

    /** The text of one QR field, or why there is none. Personal data: {@link #toString} hides it. */
    public static final class QrFieldText {
        public final int code;
        public final String name;
        /** On success, the field's text; else null. */
        public final String text;

        QrFieldText(int code, String text) {
            this.code = code;
            this.name = LIB.bhyt_error_code_name(code);
            this.text = text;
        }

        public boolean ok() {
            return code == OK;
        }

        @Override
        public String toString() {
            return "QrFieldText{" + name + (text == null ? "" : ", " + text.length() + " characters") + "}";
        }
    }

    /**
     * The text of field {@code index} of a QR payload (a card's or a CCCD's): for a card QR the
     * name (1), address (4, "" for '-') and guardian's name (10) decoded from hex, every other
     * field as typed. The error is INVALID_LENGTH for an index past the last field, or the
     * error of {@link #identify} for input that is no QR code.
     */
    public static QrFieldText qrFieldText(String input, long index) {
        return qrFieldText(input.getBytes(StandardCharsets.UTF_8), index);
    }

    /** Any bytes (invalid UTF-8 is an ordinary invalid character). */
    public static QrFieldText qrFieldText(byte[] input, long index) {
        if (index < 0) {
            throw new IllegalArgumentException("a field index is 0 or more");
        }
        BhytLibrary.SizeTByReference required = new BhytLibrary.SizeTByReference();
        int code = LIB.bhyt_qr_field_text(input, size(input.length), size(index), null, size(0), required);
        if (code != OK && code != BUFFER_TOO_SMALL) {
            return new QrFieldText(code, null);
        }
        byte[] buffer = new byte[(int) required.getValue()];
        code = LIB.bhyt_qr_field_text(input, size(input.length), size(index), buffer, size(buffer.length), required);
        return new QrFieldText(code, code == OK ? new String(buffer, 0, buffer.length - 1, StandardCharsets.UTF_8)
                : null);
    }

    /** The stable name of a code ("invalid_character", ...; "unknown" for no code). */
    public static String errorName(int code) {
        return LIB.bhyt_error_code_name(code);
    }

    /**
     * The general message of a code in {@code lang}, without the details of a particular error
     * (the message of a facility-code or date error: errorText explains the card calls).
     */
    public static String errorMessage(int code, int lang) {
        return LIB.bhyt_error_message(code, lang);
    }

    /** A facility code, normalised, or why the input is none. Positions are null for BHYT_NO_POSITION. */
    public static final class FacilityCode {
        public final int code;
        public final String name;
        public final Long position;
        public final Long byteOffset;
        /** On success: code ("01028"), province ("01"), facility ("028"); read with {@link Bhyt#string}. */
        public final BhytLibrary.bhyt_facility_code facilityCode;

        FacilityCode(int code, Long position, Long byteOffset, BhytLibrary.bhyt_facility_code facilityCode) {
            this.code = code;
            this.name = LIB.bhyt_error_code_name(code);
            this.position = position;
            this.byteOffset = byteOffset;
            this.facilityCode = facilityCode;
        }

        public boolean valid() {
            return code == OK;
        }
    }

    /**
     * Reads a facility code (mã cơ sở KCB) as it is written ("01 - 028", "01-028", "01028"); the
     * error is INVALID_FACILITY_CODE with the first character that does not fit (null: the
     * length is wrong).
     */
    public static FacilityCode parseFacilityCode(String input) {
        byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
        BhytLibrary.bhyt_facility_code code = new BhytLibrary.bhyt_facility_code();
        BhytLibrary.bhyt_error error = new BhytLibrary.bhyt_error();
        int result = LIB.bhyt_parse_facility_code(bytes, size(bytes.length), code, error);
        if (result == OK) {
            return new FacilityCode(result, null, null, code);
        }
        return new FacilityCode(result, position(error.position), position(error.byte_offset), null);
    }

    /** A card's validity on a date: a VALIDITY_* value, or the error (INVALID_DATE). */
    public static final class Validity {
        public final int code;
        public final String name;
        /** A VALIDITY_* value; 0 when code is not OK. */
        public final int validity;

        Validity(int code, int validity) {
            this.code = code;
            this.name = LIB.bhyt_error_code_name(code);
            this.validity = validity;
        }

        public boolean ok() {
            return code == OK;
        }

        /** The validity's stable name ("before_start", "expired", "valid", "open_ended"). */
        public String validityName() {
            return LIB.bhyt_validity_name(validity);
        }
    }

    /**
     * Whether a card valid from {@code validFrom} to {@code validTo} (both included; null: no
     * end date) is valid on {@code date}; INVALID_DATE when a date is no calendar date.
     */
    public static Validity validityOn(BhytLibrary.bhyt_date validFrom, BhytLibrary.bhyt_date validTo,
            BhytLibrary.bhyt_date date) {
        IntByReference out = new IntByReference();
        int code = LIB.bhyt_validity_on(validFrom, validTo == null ? new BhytLibrary.bhyt_date() : validTo, date, out);
        return new Validity(code, code == OK ? out.getValue() : 0);
    }

    /** The notes on a stay: STAY_* bits, or the error (INVALID_DATE). */
    public static final class StayNotes {
        public final int code;
        public final String name;
        /** The set of STAY_* bits (0: the card covers the whole stay; also 0 when code is not OK). */
        public final int notes;
        /** Each note's stable name, in the order of the bits; empty when code is not OK. */
        public final List<String> noteNames;

        StayNotes(int code, int notes) {
            this.code = code;
            this.name = LIB.bhyt_error_code_name(code);
            this.notes = notes;
            List<String> names = new ArrayList<>();
            for (int bit = 1; bit != 0; bit <<= 1) {
                if ((notes & bit) != 0) {
                    names.add(LIB.bhyt_stay_note_name(bit));
                }
            }
            this.noteNames = Collections.unmodifiableList(names);
        }

        public boolean ok() {
            return code == OK;
        }
    }

    /**
     * The notes on a stay from {@code admission} to {@code discharge} for a card valid from
     * {@code validFrom} to {@code validTo} (null: no end date); INVALID_DATE when a date is no
     * calendar date. Notes, not errors: a second card may cover the rest of the stay.
     */
    public static StayNotes stayNotes(BhytLibrary.bhyt_date validFrom, BhytLibrary.bhyt_date validTo,
            BhytLibrary.bhyt_date admission, BhytLibrary.bhyt_date discharge) {
        IntByReference out = new IntByReference();
        int code = LIB.bhyt_stay_notes(validFrom, validTo == null ? new BhytLibrary.bhyt_date() : validTo, admission,
                discharge, out);
        return new StayNotes(code, code == OK ? out.getValue() : 0);
    }

    /** The stable name of one STAY_* bit ("visit_before_start", ...; "unknown" for any other value). */
    public static String stayNoteName(int note) {
        return LIB.bhyt_stay_note_name(note);
    }

    /** The message of one STAY_* bit in {@code lang}. */
    public static String stayNoteMessage(int note, int lang) {
        return LIB.bhyt_stay_note_message(note, lang);
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
