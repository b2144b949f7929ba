package vn.bhyt;

import com.sun.jna.IntegerType;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.ByReference;
import com.sun.jna.ptr.IntByReference;

import java.util.Collections;

/**
 * The JNA declarations of bhyt.h (the calls and structs {@link Bhyt} uses). Inputs are byte
 * arrays with their length in bytes (a String's UTF-8 bytes: never {@code String.length()}),
 * and the library is loaded with UTF-8 as its string encoding, whatever the JVM's default
 * (with {@code LANG=C} JNA would otherwise decode the returned messages as US-ASCII). The
 * layout of each struct is checked against the C compiler's by the tests.
 */
public interface BhytLibrary extends Library {
    /**
     * The library, loaded by its soname (libbhyt.so.0.MINOR), as a deployed system links it:
     * found on {@code jna.library.path}, {@code LD_LIBRARY_PATH} or the loader's cache.
     */
    BhytLibrary INSTANCE = Native.load(BhytConstants.SONAME, BhytLibrary.class,
            Collections.singletonMap(Library.OPTION_STRING_ENCODING, "UTF-8"));

    /** C's size_t, unsigned, of the platform's size ({@code BHYT_NO_POSITION} reads as -1L). */
    final class SizeT extends IntegerType {
        private static final long serialVersionUID = 1L;

        public SizeT() {
            this(0);
        }

        public SizeT(long value) {
            super(Native.SIZE_T_SIZE, value, true);
        }
    }

    /** A {@code size_t *} out parameter. */
    final class SizeTByReference extends ByReference {
        public SizeTByReference() {
            super(Native.SIZE_T_SIZE);
            if (Native.SIZE_T_SIZE == 8) {
                getPointer().setLong(0, 0);
            } else {
                getPointer().setInt(0, 0);
            }
        }

        /** The size_t written by the call. */
        public long getValue() {
            return Native.SIZE_T_SIZE == 8 ? getPointer().getLong(0) : getPointer().getInt(0) & 0xFFFFFFFFL;
        }
    }

    /** struct bhyt_card (its toString masks the card). */
    @Structure.FieldOrder({"form", "benefit_level", "province_code", "issuer", "compact", "group_code",
            "social_insurance_number", "key", "group_description_vi", "group_description_en",
            "benefit_meaning_vi", "benefit_meaning_en", "issuer_name_vi", "issuer_name_en"})
    class bhyt_card extends Structure {
        public byte form;
        public byte benefit_level;
        public byte province_code;
        public int issuer;
        public byte[] compact = new byte[BhytConstants.COMPACT_SIZE];
        public byte[] group_code = new byte[3];
        public byte[] social_insurance_number = new byte[11];
        public long key;
        public Pointer group_description_vi;
        public Pointer group_description_en;
        public Pointer benefit_meaning_vi;
        public Pointer benefit_meaning_en;
        public Pointer issuer_name_vi;
        public Pointer issuer_name_en;

        /** The card masked (bhyt_format's STYLE_MASKED): a card number is personal data. */
        @Override
        public String toString() {
            byte[] masked = new byte[BhytConstants.FORMAT_SIZE];
            int rc = INSTANCE.bhyt_format(this, BhytConstants.STYLE_MASKED, masked, new SizeT(masked.length), null);
            return "bhyt_card{" + (rc == BhytConstants.OK ? Bhyt.string(masked) : "no card") + "}";
        }
    }

    /** struct bhyt_error. */
    @Structure.FieldOrder({"code", "position", "byte_offset"})
    class bhyt_error extends Structure {
        public int code;
        public SizeT position;
        public SizeT byte_offset;
    }

    /** struct bhyt_error_detail. */
    @Structure.FieldOrder({"code", "position", "byte_offset", "expected", "found", "issuer", "length",
            "group_code"})
    class bhyt_error_detail extends Structure {
        public int code;
        public SizeT position;
        public SizeT byte_offset;
        public int expected;
        public int found;
        public int issuer;
        public SizeT length;
        public byte[] group_code = new byte[3];
    }

    /** struct bhyt_personal_id: a decoded 12-digit personal identification number. */
    @Structure.FieldOrder({"digits", "masked", "sex", "birth_place_on_2016_list", "birth_place_code", "century",
            "birth_year"})
    class bhyt_personal_id extends Structure {
        public byte[] digits = new byte[13];
        public byte[] masked = new byte[13];
        public byte sex;
        public byte birth_place_on_2016_list;
        public short birth_place_code;
        public short century;
        public short birth_year;
    }

    /** struct bhyt_identity: what bhyt_identify found (the card and the number inline). */
    @Structure.FieldOrder({"kind", "card", "personal_id"})
    class bhyt_identity extends Structure {
        public int kind;
        public bhyt_card card;
        public bhyt_personal_id personal_id;
    }

    /** struct bhyt_facility_code. */
    @Structure.FieldOrder({"code", "province", "facility"})
    class bhyt_facility_code extends Structure {
        public byte[] code = new byte[6];
        public byte[] province = new byte[3];
        public byte[] facility = new byte[4];
    }

    /** struct bhyt_verdict: one item's verdict (a MA_THE_BHYT item). */
    @Structure.FieldOrder({"code", "form", "position", "byte_offset", "key"})
    class bhyt_verdict extends Structure {
        public int code;
        public byte form;
        public SizeT position;
        public SizeT byte_offset;
        public long key;
    }

    /** struct bhyt_ma_the_item: one item of a claims MA_THE_BHYT field and its place in the field. */
    @Structure.FieldOrder({"verdict", "start", "byte_start", "byte_len"})
    class bhyt_ma_the_item extends Structure {
        public bhyt_verdict verdict;
        public SizeT start;
        public SizeT byte_start;
        public SizeT byte_len;
    }

    /** struct bhyt_advice: one advisory note (fields that do not apply to its code are 0 or empty). */
    @Structure.FieldOrder({"code", "group_code", "benefit_level", "usual_benefit_level", "short_form_passes",
            "birth_place_code"})
    class bhyt_advice extends Structure {
        public int code;
        public byte[] group_code = new byte[3];
        public byte benefit_level;
        public byte usual_benefit_level;
        public byte short_form_passes;
        public short birth_place_code;
    }

    /** struct bhyt_date: all 0 is no date. */
    @Structure.FieldOrder({"year", "month", "day"})
    class bhyt_date extends Structure {
        public short year;
        public byte month;
        public byte day;

        /** No date (a valid-to without an end date). */
        public bhyt_date() {
        }

        /**
         * A date; whether it exists is the library's to say. A value the C field cannot hold
         * (year 0-65535, month and day 0-255) is an IllegalArgumentException.
         */
        public bhyt_date(int year, int month, int day) {
            if (year < 0 || year > 0xFFFF || month < 0 || month > 0xFF || day < 0 || day > 0xFF) {
                throw new IllegalArgumentException("a date is year 0-65535, month and day 0-255");
            }
            this.year = (short) year;
            this.month = (byte) month;
            this.day = (byte) day;
        }
    }

    /**
     * struct bhyt_card_qr: a card's QR code read into its fields (the texts through
     * bhyt_qr_field_text). Personal data: its toString names none of it.
     */
    @Structure.FieldOrder({"card", "birth_date", "sex", "has_address", "has_guardian_name", "repaired", "utf16",
            "facility_code", "valid_from", "valid_to", "issued_on", "five_years_on", "layout", "field_count"})
    class bhyt_card_qr extends Structure {
        public bhyt_card card;
        public bhyt_date birth_date;
        public byte sex;
        public byte has_address;
        public byte has_guardian_name;
        public byte repaired;
        public byte utf16;
        public byte[] facility_code = new byte[6];
        public bhyt_date valid_from;
        public bhyt_date valid_to;
        public bhyt_date issued_on;
        public bhyt_date five_years_on;
        public int layout;
        public SizeT field_count;

        @Override
        public String toString() {
            return "bhyt_card_qr{layout=" + layout + ", field_count=" + field_count + "}";
        }
    }

    String bhyt_version();

    int bhyt_validate(byte[] input, SizeT len, int issuer);

    int bhyt_validate_lenient(byte[] input, SizeT len, int issuer);

    int bhyt_parse(byte[] input, SizeT len, int issuer, bhyt_card outCard, bhyt_error outError);

    int bhyt_parse_lenient(byte[] input, SizeT len, int issuer, bhyt_card outCard, bhyt_error outError);

    String bhyt_error_code_name(int code);

    String bhyt_error_message(int code, int lang);

    SizeT bhyt_error_text(int call, byte[] input, SizeT len, int issuer, SizeT item, int lang, byte[] buffer,
            SizeT capacity);

    int bhyt_error_details(int call, byte[] input, SizeT len, int issuer, SizeT item, bhyt_error_detail outDetail);

    int bhyt_identify(byte[] input, SizeT len, bhyt_identity outIdentity, bhyt_error outError);

    int bhyt_identify_lenient(byte[] input, SizeT len, bhyt_identity outIdentity, bhyt_error outError);

    String bhyt_qr_error_field(int call, byte[] input, SizeT len);

    int bhyt_parse_facility_code(byte[] input, SizeT len, bhyt_facility_code outCode, bhyt_error outError);

    String bhyt_validity_name(int validity);

    int bhyt_validity_on(bhyt_date validFrom, bhyt_date validTo, bhyt_date date, IntByReference outValidity);

    int bhyt_stay_notes(bhyt_date validFrom, bhyt_date validTo, bhyt_date admission, bhyt_date discharge,
            IntByReference outNotes);

    int bhyt_parse_ma_the_bhyt(byte[] field, SizeT len, int issuer, bhyt_ma_the_item outItems, SizeT capacity,
            SizeTByReference outCount);

    int bhyt_parse_ma_the_bhyt_lenient(byte[] field, SizeT len, int issuer, bhyt_ma_the_item outItems,
            SizeT capacity, SizeTByReference outCount);

    int bhyt_advise(byte[] input, SizeT len, int issuer, bhyt_advice outAdvice, SizeT capacity,
            SizeTByReference outCount);

    int bhyt_advise_lenient(byte[] input, SizeT len, int issuer, bhyt_advice outAdvice, SizeT capacity,
            SizeTByReference outCount);

    String bhyt_advice_code_name(int code);

    String bhyt_advice_message(int code, int lang);

    int bhyt_format(bhyt_card card, int style, byte[] buffer, SizeT size, SizeTByReference outRequired);

    int bhyt_read_card_qr(byte[] input, SizeT len, bhyt_card_qr outQr, bhyt_error outError);

    int bhyt_qr_field_text(byte[] input, SizeT len, SizeT index, byte[] buffer, SizeT size,
            SizeTByReference outRequired);

    String bhyt_stay_note_name(int note);

    String bhyt_stay_note_message(int note, int lang);
}
