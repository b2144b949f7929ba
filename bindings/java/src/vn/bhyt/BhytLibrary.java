package vn.bhyt;

import com.sun.jna.IntegerType;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;

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

    /** struct bhyt_card. */
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
}
