package vn.bhyt;

import com.sun.jna.Structure;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Java (JNA) declarations on the shared vectors: every row of tests/vectors/cards.tsv
 * (verdict, code name, position, byte offset, decoded parts, the detailed message in Vietnamese
 * and English against bindings/hosts/messages.tsv), non-ASCII and invalid UTF-8 input,
 * BHYT_NO_POSITION, and the structs' layout against the C compiler's (bindings/hosts/layout.c);
 * every row of tests/vectors/facility.tsv (parseFacilityCode: verdict, code, position, byte
 * offset, the parts) and validity.tsv (validityOn, stayNotes), and the date errors; every row of
 * identify.tsv and qr.tsv (identify: verdict, kind, the card or the decoded personal
 * identification number, or the code, position, byte offset, the QR field and the message);
 * every row of ma_the.tsv (parseMaTheBhyt: the count, each item's place, verdict, position and
 * byte offset in the field, the card parse gives on the item's text, the item's message);
 * advise on the C and JavaScript tests' cases and on every row of cards.tsv; every row of
 * qr.tsv through readCardQr and qrFieldText (every field of a card QR, a CCCD QR's texts).
 *
 * usage: java vn.bhyt.VectorsTest CARDS_TSV MESSAGES_TSV LAYOUT_TXT
 */
public final class VectorsTest implements BhytConstants {
    private static int passed;
    private static int failed;

    private static void check(boolean ok, String what) {
        if (ok) {
            passed++;
        } else {
            failed++;
            if (failed <= 30) {
                System.err.println("check failed: " + what);
            }
        }
    }

    private static List<Map<String, String>> rows(String path) throws Exception {
        List<String> lines = Files.readAllLines(Paths.get(path), StandardCharsets.UTF_8);
        List<Map<String, String>> out = new ArrayList<>();
        String[] header = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (header == null) {
                header = fields;
                continue;
            }
            Map<String, String> row = new HashMap<>();
            for (int k = 0; k < header.length; k++) {
                row.put(header[k], fields[k]);
            }
            row.put("_line", Integer.toString(i + 1));
            out.add(row);
        }
        return out;
    }

    private static String unescape(String field) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char next = field.charAt(++i);
            out.append(next == 't' ? '\t' : next == 'n' ? '\n' : next == 'r' ? '\r' : next);
        }
        return out.toString();
    }

    private static int issuer(String name) {
        switch (name) {
            case "vss": return ISSUER_VSS;
            case "police": return ISSUER_POLICE;
            case "defence": return ISSUER_DEFENCE;
            default: return ISSUER_ANY;
        }
    }

    /** The byte offset of character number {@code position} (null: none) of {@code input}. */
    private static Long byteOffset(String input, Long position) {
        if (position == null) {
            return null;
        }
        int end = input.offsetByCodePoints(0, position.intValue());
        return (long) input.substring(0, end).getBytes(StandardCharsets.UTF_8).length;
    }

    private static void facility(String path) throws Exception {
        int count = 0;
        for (Map<String, String> row : rows(path)) {
            count++;
            String where = "facility.tsv:" + row.get("_line");
            String input = unescape(row.get("input"));
            Bhyt.FacilityCode got = Bhyt.parseFacilityCode(input);
            check(got.valid() == row.get("valid").equals("true"), where + " verdict");
            if (got.valid()) {
                check(Bhyt.string(got.facilityCode.code).equals(row.get("facility_code"))
                        && Bhyt.string(got.facilityCode.province).equals(row.get("province"))
                        && Bhyt.string(got.facilityCode.facility).equals(row.get("facility")), where + " parts");
            } else {
                Long position = row.get("position").equals("-") ? null : Long.valueOf(row.get("position"));
                check(got.code == INVALID_FACILITY_CODE && got.name.equals(row.get("code")), where + " code");
                check(position == null ? got.position == null : position.equals(got.position), where + " position");
                Long offset = byteOffset(input, position);
                check(offset == null ? got.byteOffset == null : offset.equals(got.byteOffset), where + " byte offset");
                check(got.facilityCode == null, where + " no parts");
                check(Bhyt.errorMessage(got.code, LANG_EN).startsWith("a facility code is a 2-digit province"),
                        where + " message");
            }
        }
        check(count >= 15, "every facility row read");
    }

    /** A bhyt_date of yyyy-mm-dd; null for "-" (no end date). */
    private static BhytLibrary.bhyt_date date(String text) {
        if (text.equals("-")) {
            return null;
        }
        String[] parts = text.split("-");
        return new BhytLibrary.bhyt_date(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                Integer.parseInt(parts[2]));
    }

    private static void validity(String path) throws Exception {
        int count = 0;
        for (Map<String, String> row : rows(path)) {
            count++;
            String where = "validity.tsv:" + row.get("_line");
            Bhyt.Validity got = Bhyt.validityOn(date(row.get("valid_from")), date(row.get("valid_to")),
                    date(row.get("date")));
            check(got.ok() && got.validityName().equals(row.get("validity")), where + " validity");
            Bhyt.StayNotes notes = Bhyt.stayNotes(date(row.get("valid_from")), date(row.get("valid_to")),
                    date(row.get("admission")), date(row.get("discharge")));
            check(notes.ok() && (notes.noteNames.isEmpty() ? "-" : String.join(",", notes.noteNames))
                    .equals(row.get("notes")), where + " notes");
            for (int bit = 1; bit <= 4; bit <<= 1) {
                if ((notes.notes & bit) != 0) {
                    String vi = Bhyt.stayNoteMessage(bit, LANG_VI);
                    check(!vi.isEmpty() && !vi.equals(Bhyt.stayNoteMessage(bit, LANG_EN)), where + " note messages");
                }
            }
        }
        check(count >= 10, "every validity row read");
        BhytLibrary.bhyt_date from = new BhytLibrary.bhyt_date(2025, 1, 1);
        BhytLibrary.bhyt_date to = new BhytLibrary.bhyt_date(2025, 12, 31);
        BhytLibrary.bhyt_date[][] bad = {
            {from, to, new BhytLibrary.bhyt_date(2025, 2, 30)},
            {new BhytLibrary.bhyt_date(1990, 0, 0), to, from},
            {from, new BhytLibrary.bhyt_date(2025, 13, 1), from},
            {from, null, new BhytLibrary.bhyt_date()},
        };
        for (BhytLibrary.bhyt_date[] dates : bad) {
            Bhyt.Validity got = Bhyt.validityOn(dates[0], dates[1], dates[2]);
            check(!got.ok() && got.code == INVALID_DATE && got.name.equals("invalid_date") && got.validity == 0,
                    "invalid date");
        }
        check(Bhyt.validityOn(from, null, new BhytLibrary.bhyt_date(2030, 1, 1)).validity == VALIDITY_OPEN_ENDED,
                "no end date");
        check(Bhyt.validityOn(null, to, from).code == NULL_ARGUMENT, "a null date");
        BhytLibrary.bhyt_date[][] badStays = {
            {from, to, from, new BhytLibrary.bhyt_date(2025, 2, 30)},
            {from, null, new BhytLibrary.bhyt_date(), to},
            {new BhytLibrary.bhyt_date(2025, 2, 29), null, from, to},
        };
        for (BhytLibrary.bhyt_date[] dates : badStays) {
            Bhyt.StayNotes got = Bhyt.stayNotes(dates[0], dates[1], dates[2], dates[3]);
            check(!got.ok() && got.code == INVALID_DATE && got.notes == 0 && got.noteNames.isEmpty(),
                    "stay notes: invalid date");
        }
        Bhyt.StayNotes covered = Bhyt.stayNotes(from, to, from, to);
        check(covered.ok() && covered.notes == 0 && covered.noteNames.isEmpty(), "the whole stay covered");
        check(Bhyt.stayNoteName(STAY_EXPIRED_BEFORE_DISCHARGE).equals("expired_before_discharge")
                && Bhyt.stayNoteName(3).equals("unknown"), "stay note names");
        check(new BhytLibrary.bhyt_date(65535, 255, 255).year == (short) 65535, "the largest date the struct holds");
        try {
            new BhytLibrary.bhyt_date(70000, 1, 1);
            check(false, "a year the struct cannot hold");
        } catch (IllegalArgumentException e) {
            check(!e.getMessage().contains("70000"), "a year the struct cannot hold");
        }
    }

    private static Long positionOf(Map<String, String> row) {
        return row.get("position").equals("-") ? null : Long.valueOf(row.get("position"));
    }

    private static boolean same(Long a, Long b) {
        return a == null ? b == null : a.equals(b);
    }

    private static void identify(String path) throws Exception {
        int count = 0;
        for (Map<String, String> row : rows(path)) {
            count++;
            String where = "identify.tsv:" + row.get("_line");
            String input = unescape(row.get("input"));
            boolean lenient = row.get("mode").equals("lenient");
            Bhyt.Identity got = Bhyt.identify(input, lenient);
            String message = Bhyt.errorText(lenient ? CALL_IDENTIFY_LENIENT : CALL_IDENTIFY,
                    input.getBytes(StandardCharsets.UTF_8), ISSUER_ANY, 0, LANG_VI);
            check(got.valid() == row.get("valid").equals("true"), where + " verdict");
            if (got.valid() && row.get("kind").equals("card")) {
                check(got.kind == IDENTITY_CARD && got.personalId == null
                        && Bhyt.string(got.card.compact).equals(row.get("compact")), where + " card");
                check(message.isEmpty(), where + " no message");
            } else if (got.valid()) {
                BhytLibrary.bhyt_personal_id id = got.personalId;
                check(got.kind == IDENTITY_PERSONAL_ID && got.card == null
                        && Bhyt.string(id.digits).equals(row.get("compact"))
                        && Bhyt.string(id.masked).equals(row.get("masked")), where + " digits");
                check(String.format("%03d", id.birth_place_code).equals(row.get("birth_place"))
                        && Boolean.toString(id.birth_place_on_2016_list == 1).equals(row.get("on_2016_list")),
                        where + " birth place");
                check((id.sex == SEX_MALE ? "male" : id.sex == SEX_FEMALE ? "female" : "?").equals(row.get("sex")),
                        where + " sex");
                check(Integer.toString(id.century).equals(row.get("century"))
                        && Integer.toString(id.birth_year).equals(row.get("birth_year")), where + " birth year");
                check(message.isEmpty(), where + " no message");
            } else {
                Long position = positionOf(row);
                check(got.name.equals(row.get("code")) && got.kind == 0 && got.qrField == null, where + " code");
                check(same(position, got.position) && same(byteOffset(input, position), got.byteOffset),
                        where + " position");
                check(!message.isEmpty() && (input.length() < 10 || !message.contains(input)), where + " message");
            }
        }
        check(count > 500, "every identify row read");
    }

    private static void qr(String path) throws Exception {
        int count = 0;
        for (Map<String, String> row : rows(path)) {
            count++;
            String where = "qr.tsv:" + row.get("_line");
            String input = unescape(row.get("input"));
            Bhyt.Identity got = Bhyt.identify(input, false);
            check(got.valid() == row.get("valid").equals("true"), where + " verdict");
            if (got.valid() && row.get("kind").equals("card_qr")) {
                check(got.kind == IDENTITY_CARD_QR && Bhyt.string(got.card.compact).equals(row.get("card")),
                        where + " card");
            } else if (got.valid()) {
                check(got.kind == IDENTITY_PERSONAL_ID_QR && Bhyt.string(got.personalId.digits).equals(row.get("card")),
                        where + " personal id");
            } else {
                Long position = positionOf(row);
                check(got.name.equals(row.get("code")), where + " code");
                check(same(position, got.position) && same(byteOffset(input, position), got.byteOffset),
                        where + " position");
                // The vectors write "card" for a card error in field 0, which keeps the card's code.
                String field = got.code == INVALID_QR_FIELD ? got.qrField
                        : got.qrField != null ? "?" : got.code < 100 ? "card" : "-";
                check(row.get("field").equals(field), where + " field");
                String lenientField = Bhyt.identify(input, true).qrField;
                check(lenientField == null ? got.qrField == null : lenientField.equals(got.qrField),
                        where + " lenient field");
                check(!Bhyt.errorText(CALL_IDENTIFY, input.getBytes(StandardCharsets.UTF_8), ISSUER_ANY, 0, LANG_EN)
                        .isEmpty(), where + " message");
            }
        }
        check(count > 70, "every qr row read");
    }

    private static void maThe(String path) throws Exception {
        int count = 0;
        int items = 0;
        for (Map<String, String> row : rows(path)) {
            count++;
            String where = "ma_the.tsv:" + row.get("_line");
            String input = unescape(row.get("input"));
            byte[] field = input.getBytes(StandardCharsets.UTF_8);
            boolean lenient = row.get("mode").equals("lenient");
            int issuer = issuer(row.get("issuer"));
            Bhyt.MaThe result = Bhyt.parseMaTheBhyt(input, issuer, lenient);
            check(result.ok() && result.name.equals("ok"), where + " call");
            List<Bhyt.MaTheItem> got = result.items;
            String[] want = row.get("items").split("\\|", -1);
            check(got.size() == Integer.parseInt(row.get("count")) && got.size() == want.length, where + " count");
            for (int i = 0; i < want.length && i < got.size(); i++) {
                items++;
                String at = where + " item " + i;
                String[] parts = want[i].split(":", 5);
                Bhyt.MaTheItem item = got.get(i);
                int byteStart = Integer.parseInt(parts[1]);
                int byteLen = Integer.parseInt(parts[2]);
                check(item.start == Long.parseLong(parts[0]) && item.byteStart == byteStart && item.byteLen == byteLen,
                        at + " place");
                byte[] text = java.util.Arrays.copyOfRange(field, byteStart, byteStart + byteLen);
                Bhyt.Result single = Bhyt.parse(text, issuer, lenient);
                String message = Bhyt.errorText(lenient ? CALL_MA_THE_BHYT_LENIENT : CALL_MA_THE_BHYT, field, issuer, i,
                        LANG_VI);
                if (parts[3].equals("valid")) {
                    check(item.valid() && item.position == null && item.byteOffset == null, at + " verdict");
                    check(single.valid() && Bhyt.string(single.card.compact).equals(parts[4])
                            && item.form == parts[4].length() && item.key == single.card.key, at + " card");
                    check(message.isEmpty(), at + " no message");
                } else {
                    Long position = parts[4].equals("-") ? null : Long.valueOf(parts[4]);
                    check(item.name.equals(parts[3]) && item.form == 0 && item.key == 0, at + " verdict");
                    check(same(position, item.position) && same(byteOffset(input, position), item.byteOffset),
                            at + " position");
                    check(single.code == item.code, at + " as parse");
                    String textString = new String(text, StandardCharsets.UTF_8);
                    check(!message.isEmpty() && (byteLen < 10 || !message.contains(textString)), at + " message");
                }
            }
        }
        check(count > 150 && items > count, "every ma_the row read");
        Bhyt.MaThe bad = Bhyt.parseMaTheBhyt("HS4010120878811", 9, false);
        check(bad.code == INVALID_ISSUER && bad.name.equals("invalid_issuer") && bad.items.isEmpty(),
                "ma_the: an invalid issuer");
    }

    /** The one note of {@code got}, or null. */
    private static Bhyt.Advice note(Bhyt.AdviceResult got) {
        return got.ok() && got.notes.size() == 1 ? got.notes.get(0) : null;
    }

    /**
     * advise: the cases of the C and JavaScript tests (bindings/c/tests/test_api.c,
     * bindings/wasm/test/reception.test.mjs), and every row of cards.tsv (known notes, at most
     * ADVICE_MAX, the verdict unchanged).
     */
    private static void advice(String cardsPath) throws Exception {
        check(Bhyt.advise("DN4010123456789", ISSUER_ANY, false).ok()
                && Bhyt.advise("DN4010123456789", ISSUER_ANY, false).notes.isEmpty(), "advise: no note");
        Bhyt.Advice n = note(Bhyt.advise("TE4010123456789", ISSUER_ANY, false));
        check(n != null && n.code == ADVICE_UNUSUAL_BENEFIT_LEVEL && n.name.equals("unusual_benefit_level")
                && n.groupCode.equals("TE") && n.benefitLevel == 4 && n.usualBenefitLevel == 1,
                "advise: unusual benefit level");
        for (String late : new String[] {"ND4010123456789", "ND4010120878811"}) {
            n = note(Bhyt.advise(late, ISSUER_ANY, false));
            check(n != null && n.name.equals("issued_after_vneid_list") && n.groupCode.equals("ND") && n.shortFormPasses,
                    "advise: issued after the VNeID list");
        }
        check(Bhyt.validate("ND4010123456789", ISSUER_ANY, false) == LATE_GROUP_CODE, "advise never changes the verdict");
        n = note(Bhyt.advise(" 003 095 001 234", ISSUER_ANY, true));
        check(n != null && n.code == ADVICE_UNLISTED_BIRTH_PLACE_CODE && n.birthPlaceCode == 3, "advise: lenient");
        n = note(Bhyt.advise("003095001234", ISSUER_ANY, false));
        check(n != null && n.code == ADVICE_UNLISTED_BIRTH_PLACE_CODE && n.birthPlaceCode == 3
                && n.message(LANG_VI).length() > 0, "advise: unlisted birth place");
        check(Bhyt.advise("079195001234", ISSUER_ANY, false).notes.isEmpty()
                && Bhyt.advise("", ISSUER_ANY, false).notes.isEmpty(), "advise: none");
        Bhyt.AdviceResult bad = Bhyt.advise("TE4010123456789", 9, false);
        check(bad.code == INVALID_ISSUER && bad.name.equals("invalid_issuer") && bad.notes.isEmpty(),
                "advise: invalid issuer");
        check(Bhyt.adviceCodeName(ADVICE_SHORT_FORM_IN_CLAIMS).equals("short_form_in_claims")
                && Bhyt.adviceCodeName(0).equals("unknown"), "advice code names");
        check(Bhyt.adviceMessage(ADVICE_UNUSUAL_BENEFIT_LEVEL, LANG_EN).equals("the benefit level differs from the "
                + "level usual for the group; this is normal for a person who belongs to several groups (the best "
                + "level applies)"), "advice message");
        check(!Bhyt.adviceMessage(ADVICE_ISSUED_AFTER_VNEID_LIST, LANG_VI).isEmpty()
                && Bhyt.adviceMessage(99, LANG_EN).equals("unknown advice code"), "advice messages");
        int noted = 0;
        for (Map<String, String> row : rows(cardsPath)) {
            String input = unescape(row.get("input"));
            boolean lenient = row.get("mode").equals("lenient");
            int issuer = issuer(row.get("issuer"));
            Bhyt.AdviceResult got = Bhyt.advise(input, issuer, lenient);
            boolean known = got.ok() && got.notes.size() <= ADVICE_MAX;
            for (Bhyt.Advice a : got.notes) {
                noted++;
                known = known && !a.name.equals("unknown") && a.code != ADVICE_SHORT_FORM_IN_CLAIMS;
            }
            check(known && (Bhyt.validate(input, issuer, lenient) == OK) == row.get("valid").equals("true"),
                    "cards.tsv:" + row.get("_line") + " advise");
        }
        check(noted > 0, "some cards.tsv rows have notes");
    }

    private static String iso(BhytLibrary.bhyt_date d) {
        if (d == null || d.year == 0) {
            return "-";
        }
        return d.month == 0 ? String.format("%04d", d.year & 0xFFFF)
                : String.format("%04d-%02d-%02d", d.year & 0xFFFF, d.month & 0xFF, d.day & 0xFF);
    }

    /** A field's text as the vectors write decoded texts: the hex of its UTF-8, "-" when empty. */
    private static String hex(Bhyt.QrFieldText t) {
        if (!t.ok()) {
            return "?";
        }
        StringBuilder out = new StringBuilder();
        for (byte b : t.text.getBytes(StandardCharsets.UTF_8)) {
            out.append(String.format("%02x", b & 0xFF));
        }
        return out.length() == 0 ? "-" : out.toString();
    }

    /** Every row of qr.tsv through readCardQr and qrFieldText. */
    private static void cardQr(String path) throws Exception {
        String[] layouts = {"?", "10_fields", "15_tokens", "17_tokens", "other"};
        int count = 0;
        for (Map<String, String> row : rows(path)) {
            count++;
            String where = "qr.tsv:" + row.get("_line");
            String input = unescape(row.get("input"));
            Bhyt.CardQr got = Bhyt.readCardQr(input);
            if (row.get("kind").equals("card_qr") && row.get("valid").equals("true")) {
                check(got.valid() && Bhyt.string(got.card.compact).equals(row.get("card")), where + " card");
                if (!got.valid()) {
                    continue;
                }
                check(iso(got.birthDate).equals(row.get("birth_date"))
                        && got.sex == (row.get("sex").equals("male") ? SEX_MALE : SEX_FEMALE), where + " birth date, sex");
                check(got.facilityCode.equals(row.get("facility_code")) && iso(got.validFrom).equals(row.get("valid_from"))
                        && iso(got.validTo).equals(row.get("valid_to")), where + " facility, validity");
                check(iso(got.issuedOn).equals(row.get("issued_on")) && iso(got.fiveYearsOn).equals(row.get("five_years_on")),
                        where + " issued, five years");
                check(got.layout >= 1 && got.layout <= 4 && layouts[got.layout].equals(row.get("layout"))
                        && got.repaired == row.get("repaired").equals("true") && got.utf16 == row.get("utf16").equals("true"),
                        where + " layout, flags");
                check(hex(Bhyt.qrFieldText(input, 1)).equals(row.get("name_hex")), where + " name");
                String address = hex(Bhyt.qrFieldText(input, 4));
                check(address.equals(row.get("address_hex")) && got.hasAddress == !address.equals("-"), where + " address");
                if (got.fieldCount > 10) {
                    check(hex(Bhyt.qrFieldText(input, 10)).equals(row.get("guardian_hex")), where + " guardian");
                }
                check(row.get("manager_code").equals(Bhyt.qrFieldText(input, 9).text), where + " manager code");
                check(Bhyt.qrFieldText(input, got.fieldCount).code == INVALID_LENGTH, where + " past the last field");
                if (!row.get("raw_fields").equals("-")) {
                    for (String index : row.get("raw_fields").split(",")) {
                        check(Bhyt.qrFieldText(input, Long.parseLong(index)).ok(), where + " raw field " + index);
                    }
                }
                // Personal data never in a repr: the card masked, no name.
                String repr = got.toString() + got.card.toString() + Bhyt.qrFieldText(input, 1);
                String key = Long.toHexString(got.card.key).toUpperCase(java.util.Locale.ROOT);
                check(!repr.contains(row.get("card")) && !repr.contains(Bhyt.qrFieldText(input, 1).text)
                        && !repr.toUpperCase(java.util.Locale.ROOT).contains(key)
                        && got.toString().contains("******"), where + " toString");
            } else if (row.get("valid").equals("true")) {
                check(got.code == UNRECOGNIZED_QR && got.card == null, where + " not a card QR");
                check(hex(Bhyt.qrFieldText(input, 2)).equals(row.get("name_hex")), where + " CCCD name");
                String old = Bhyt.qrFieldText(input, 1).text;
                check(row.get("old_id").equals(old != null && old.isEmpty() ? "-" : old), where + " old id");
            } else {
                Long position = positionOf(row);
                check(got.name.equals(row.get("code")) && got.card == null && same(position, got.position), where + " error");
                String field = Bhyt.identify(input, false).qrField;
                check(field == null ? got.qrField == null : field.equals(got.qrField), where + " error field");
                Bhyt.QrFieldText text = Bhyt.qrFieldText(input, 0);
                check(text.name.equals(row.get("code")) && text.text == null, where + " field text: the error of identify");
            }
        }
        check(count > 70, "every qr row read for readCardQr");
        try {
            Bhyt.qrFieldText("HS4010120878811|-|1990|1|-|01028|01/01/2025|-|01/01/2025|79", -1);
            check(false, "a negative field index");
        } catch (IllegalArgumentException e) {
            check(!e.getMessage().contains("HS4010120878811"), "a negative field index");
        }
        check(Bhyt.readCardQr("HS4010120878811").name.equals("unrecognized_qr")
                && Bhyt.qrFieldText("HS4010120878811", 0).name.equals("unrecognized_qr"), "a typed number is no QR code");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String[]> messages = new HashMap<>();
        for (Map<String, String> row : rows(args[1])) {
            messages.put(row.get("line"), new String[] {row.get("vi"), row.get("en")});
        }
        check(Bhyt.version().equals(VERSION), "the library is the version of the header");
        int count = 0;
        for (Map<String, String> row : rows(args[0])) {
            count++;
            String where = "cards.tsv:" + row.get("_line");
            String input = unescape(row.get("input"));
            boolean lenient = row.get("mode").equals("lenient");
            int issuer = issuer(row.get("issuer"));
            boolean valid = row.get("valid").equals("true");
            Bhyt.Result got = Bhyt.parse(input, issuer, lenient);
            check(got.valid() == valid, where + " verdict");
            check((Bhyt.validate(input, issuer, lenient) == OK) == valid, where + " validate");
            String vi = Bhyt.errorText(input, issuer, lenient, LANG_VI);
            String en = Bhyt.errorText(input, issuer, lenient, LANG_EN);
            if (valid) {
                BhytLibrary.bhyt_card card = got.card;
                check(card.form == Integer.parseInt(row.get("form")), where + " form");
                check(Bhyt.string(card.compact).equals(row.get("compact")), where + " compact");
                check(Bhyt.string(card.social_insurance_number).equals(row.get("sin")), where + " sin");
                if (card.form == 15) {
                    check(Bhyt.string(card.group_code).equals(row.get("group")), where + " group");
                    check(card.benefit_level == Integer.parseInt(row.get("benefit")), where + " benefit");
                    check(String.format("%02d", card.province_code).equals(row.get("province")), where + " province");
                    check(card.issuer == issuer(row.get("issuer_decoded")), where + " issuer");
                    check(!card.group_description_vi.getString(0, "UTF-8").isEmpty(), where + " description");
                }
                check(vi.isEmpty() && en.isEmpty() && got.position == null, where + " no error");
            } else {
                check(got.name.equals(row.get("code")), where + " code");
                Long position = row.get("position").equals("-") ? null : Long.valueOf(row.get("position"));
                check(position == null ? got.position == null : position.equals(got.position), where + " position");
                check((got.byteOffset == null) == (position == null), where + " byte offset");
                String[] want = messages.get(row.get("_line"));
                check(want != null && want[0].equals(vi) && want[1].equals(en), where + " message");
            }
        }
        check(count > 1000, "every row read");

        // Non-ASCII and invalid UTF-8: positions count characters, byte offsets bytes.
        Bhyt.Result got = Bhyt.parse("\u0110N4010123456789", ISSUER_ANY, false);
        check(got.name.equals("invalid_character") && got.position == 0 && got.byteOffset == 0, "Đ");
        got = Bhyt.parse("HS\u00a040101208788X1", ISSUER_ANY, true);
        check(got.position == 14 && got.byteOffset == 15, "a 2-byte separator before the error");
        byte[] bad = "DN4\u000010123456789".getBytes(StandardCharsets.UTF_8);
        bad[3] = (byte) 0xff;
        got = Bhyt.parse(bad, ISSUER_ANY, false);
        check(got.name.equals("invalid_character") && got.position == 3 && got.byteOffset == 3, "invalid UTF-8");
        check(Bhyt.errorText("DN4010123456A89", ISSUER_ANY, false, LANG_VI)
                .equals("Ký tự thứ 13 là một chữ cái in hoa, cần một chữ số (0-9)"), "the issue's example");
        check(Bhyt.errorText("DN4010123456789", ISSUER_POLICE, false, LANG_VI)
                .equals("Với Bảo hiểm xã hội Công an nhân dân, ký tự 4-5 phải là 98"), "police");
        check(Bhyt.errorText(CALL_MA_THE_BHYT, "HS4010120878811;HS401012087881X".getBytes(StandardCharsets.UTF_8),
                ISSUER_ANY, 1, LANG_VI).startsWith("Ký tự thứ 31"), "ma_the item 1");
        // BHYT_NO_POSITION.
        got = Bhyt.parse("0123", ISSUER_ANY, false);
        check(got.name.equals("invalid_length") && got.position == null, "no position is null");
        BhytLibrary.bhyt_error error = new BhytLibrary.bhyt_error();
        byte[] shortInput = "0123".getBytes(StandardCharsets.UTF_8);
        BhytLibrary.INSTANCE.bhyt_parse(shortInput, new BhytLibrary.SizeT(4), ISSUER_ANY, new BhytLibrary.bhyt_card(), error);
        check(error.position.longValue() == NO_POSITION, "BHYT_NO_POSITION reads as NO_POSITION (-1L)");
        BhytLibrary.bhyt_error_detail detail = new BhytLibrary.bhyt_error_detail();
        byte[] late = "ND4010120878811".getBytes(StandardCharsets.UTF_8);
        check(BhytLibrary.INSTANCE.bhyt_error_details(CALL_VALIDATE, late, new BhytLibrary.SizeT(15), ISSUER_ANY,
                new BhytLibrary.SizeT(0), detail) == LATE_GROUP_CODE && Bhyt.string(detail.group_code).equals("ND"),
                "details");
        check(BhytLibrary.INSTANCE.bhyt_error_code_name(INVALID_ARGUMENT).equals("invalid_argument"), "constants");

        String vectors = Paths.get(args[0]).getParent().toString();
        facility(Paths.get(vectors, "facility.tsv").toString());
        validity(Paths.get(vectors, "validity.tsv").toString());
        identify(Paths.get(vectors, "identify.tsv").toString());
        qr(Paths.get(vectors, "qr.tsv").toString());
        maThe(Paths.get(vectors, "ma_the.tsv").toString());
        advice(args[0]);
        cardQr(Paths.get(vectors, "qr.tsv").toString());

        // The layout JNA uses is the C compiler's.
        Map<String, Structure> structs = new HashMap<>();
        structs.put("bhyt_facility_code", new BhytLibrary.bhyt_facility_code());
        structs.put("bhyt_date", new BhytLibrary.bhyt_date());
        structs.put("bhyt_verdict", new BhytLibrary.bhyt_verdict());
        structs.put("bhyt_ma_the_item", new BhytLibrary.bhyt_ma_the_item());
        structs.put("bhyt_advice", new BhytLibrary.bhyt_advice());
        structs.put("bhyt_card_qr", new BhytLibrary.bhyt_card_qr());
        structs.put("bhyt_personal_id", new BhytLibrary.bhyt_personal_id());
        structs.put("bhyt_identity", new BhytLibrary.bhyt_identity());
        structs.put("bhyt_card", new BhytLibrary.bhyt_card());
        structs.put("bhyt_error", new BhytLibrary.bhyt_error());
        structs.put("bhyt_error_detail", new BhytLibrary.bhyt_error_detail());
        for (String line : Files.readAllLines(Paths.get(args[2]))) {
            String[] parts = line.split(" ");
            if (parts[1].equals("size")) {
                check(structs.get(parts[0]).size() == Integer.parseInt(parts[2]), "sizeof " + parts[0]);
            } else {
                String[] name = parts[0].split("\\.");
                Structure s = structs.get(name[0]);
                java.lang.reflect.Method fieldOffset = Structure.class.getDeclaredMethod("fieldOffset", String.class);
                fieldOffset.setAccessible(true);
                int offset = (int) fieldOffset.invoke(s, name[1]);
                check(offset == Integer.parseInt(parts[1]), "offsetof " + parts[0]);
            }
        }
        System.out.println("java (JNA " + com.sun.jna.Native.VERSION + ", Java " + System.getProperty("java.version")
                + "): " + passed + " passed, " + failed + " failed");
        System.exit(failed == 0 && passed > 0 ? 0 : 1);
    }
}
