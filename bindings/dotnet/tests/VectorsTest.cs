// The C# (P/Invoke) declarations on the shared vectors: every row of tests/vectors/cards.tsv
// (verdict, code name, position, byte offset, decoded parts, the detailed message in Vietnamese
// and English against bindings/hosts/messages.tsv), non-ASCII and invalid UTF-8 input,
// BHYT_NO_POSITION, and the structs' layout against the C compiler's (bindings/hosts/layout.c);
// every row of tests/vectors/facility.tsv (ParseFacilityCode: verdict, code, position, byte
// offset, the parts) and validity.tsv (ValidityOn, StayNotes), and the date errors; every row of
// identify.tsv and qr.tsv (Identify: verdict, kind, the card or the decoded personal
// identification number, or the code, position, byte offset, the QR field and the message);
// every row of ma_the.tsv (ParseMaTheBhyt: the count, each item's place, verdict, position and
// byte offset in the field, the card Parse gives on the item's text, the item's message);
// Advise on the C and JavaScript tests' cases and on every row of cards.tsv; every row of
// qr.tsv through ReadCardQr and QrFieldText (every field of a card QR, a CCCD QR's texts).
//
// usage: mono VectorsTest.exe CARDS_TSV MESSAGES_TSV LAYOUT_TXT
using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using Bhyt;

public static class VectorsTest
{
    private static int passed;
    private static int failed;

    private static void Check(bool ok, string what)
    {
        if (ok)
        {
            passed++;
            return;
        }
        failed++;
        if (failed <= 30)
        {
            Console.Error.WriteLine("check failed: " + what);
        }
    }

    private static List<Dictionary<string, string>> Rows(string path)
    {
        string[] lines = File.ReadAllText(path, Encoding.UTF8).Split('\n');
        List<Dictionary<string, string>> rows = new List<Dictionary<string, string>>();
        string[] header = null;
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0 || lines[i][0] == '#')
            {
                continue;
            }
            string[] fields = lines[i].Split('\t');
            if (header == null)
            {
                header = fields;
                continue;
            }
            Dictionary<string, string> row = new Dictionary<string, string>();
            for (int k = 0; k < header.Length; k++)
            {
                row[header[k]] = fields[k];
            }
            row["_line"] = (i + 1).ToString();
            rows.Add(row);
        }
        return rows;
    }

    private static string Unescape(string field)
    {
        StringBuilder output = new StringBuilder();
        for (int i = 0; i < field.Length; i++)
        {
            if (field[i] != '\\')
            {
                output.Append(field[i]);
                continue;
            }
            char next = field[++i];
            output.Append(next == 't' ? '\t' : next == 'n' ? '\n' : next == 'r' ? '\r' : next);
        }
        return output.ToString();
    }

    private static uint Issuer(string name)
    {
        switch (name)
        {
            case "vss": return BhytConstants.IssuerVss;
            case "police": return BhytConstants.IssuerPolice;
            case "defence": return BhytConstants.IssuerDefence;
            default: return BhytConstants.IssuerAny;
        }
    }

    private static string Pascal(string snake)
    {
        StringBuilder output = new StringBuilder();
        foreach (string part in snake.Split('_'))
        {
            output.Append(char.ToUpperInvariant(part[0])).Append(part.Substring(1));
        }
        return output.ToString();
    }

    // The byte offset of character number position (null: none) of input.
    private static ulong? ByteOffset(string input, ulong? position)
    {
        if (position == null)
        {
            return null;
        }
        int end = 0;
        for (ulong k = 0; k < position.Value; k++)
        {
            end += char.IsHighSurrogate(input[end]) ? 2 : 1;
        }
        return (ulong)Encoding.UTF8.GetByteCount(input.Substring(0, end));
    }

    private static void Facility(string path)
    {
        int count = 0;
        foreach (Dictionary<string, string> row in Rows(path))
        {
            count++;
            string where = "facility.tsv:" + row["_line"];
            string input = Unescape(row["input"]);
            BhytFacilityResult got = BhytApi.ParseFacilityCode(input);
            Check(got.Valid == (row["valid"] == "true"), where + " verdict");
            if (got.Valid)
            {
                Check(got.FacilityCode == row["facility_code"] && got.Province == row["province"]
                    && got.Facility == row["facility"], where + " parts");
            }
            else
            {
                ulong? position = row["position"] == "-" ? (ulong?)null : ulong.Parse(row["position"]);
                Check(got.Code == BhytConstants.InvalidFacilityCode && got.Name == row["code"], where + " code");
                Check(got.Position == position && got.ByteOffset == ByteOffset(input, position), where + " position");
                Check(got.FacilityCode == null, where + " no parts");
                Check(BhytApi.ErrorMessage(got.Code, BhytConstants.LangEn).StartsWith("a facility code is a 2-digit province",
                    StringComparison.Ordinal), where + " message");
            }
        }
        Check(count >= 15, "every facility row read");
    }

    // A BhytDate of yyyy-mm-dd; null for "-" (no end date).
    private static BhytDate? Date(string text)
    {
        if (text == "-")
        {
            return null;
        }
        string[] parts = text.Split('-');
        return new BhytDate(ushort.Parse(parts[0]), byte.Parse(parts[1]), byte.Parse(parts[2]));
    }

    private static void Validity(string path)
    {
        int count = 0;
        foreach (Dictionary<string, string> row in Rows(path))
        {
            count++;
            string where = "validity.tsv:" + row["_line"];
            BhytValidityResult got = BhytApi.ValidityOn(Date(row["valid_from"]).Value, Date(row["valid_to"]),
                Date(row["date"]).Value);
            Check(got.Ok && got.ValidityName == row["validity"], where + " validity");
            BhytStayNotesResult notes = BhytApi.StayNotes(Date(row["valid_from"]).Value, Date(row["valid_to"]),
                Date(row["admission"]).Value, Date(row["discharge"]).Value);
            Check(notes.Ok && (notes.NoteNames.Length == 0 ? "-" : string.Join(",", notes.NoteNames)) == row["notes"],
                where + " notes");
            for (uint bit = 1; bit <= 4; bit <<= 1)
            {
                if ((notes.Notes & bit) != 0)
                {
                    string vi = BhytApi.StayNoteMessage(bit, BhytConstants.LangVi);
                    Check(vi.Length > 0 && vi != BhytApi.StayNoteMessage(bit, BhytConstants.LangEn), where + " note messages");
                }
            }
        }
        Check(count >= 10, "every validity row read");
        BhytDate from = new BhytDate(2025, 1, 1), to = new BhytDate(2025, 12, 31);
        BhytDate?[][] bad =
        {
            new BhytDate?[] { from, to, new BhytDate(2025, 2, 30) },
            new BhytDate?[] { new BhytDate(1990, 0, 0), to, from },
            new BhytDate?[] { from, new BhytDate(2025, 13, 1), from },
            new BhytDate?[] { from, null, new BhytDate() },
        };
        foreach (BhytDate?[] dates in bad)
        {
            BhytValidityResult got = BhytApi.ValidityOn(dates[0].Value, dates[1], dates[2].Value);
            Check(!got.Ok && got.Code == BhytConstants.InvalidDate && got.Name == "invalid_date" && got.Validity == 0
                && got.ValidityName == null, "invalid date");
        }
        Check(BhytApi.ValidityOn(from, null, new BhytDate(2030, 1, 1)).Validity == BhytConstants.ValidityOpenEnded,
            "no end date");
        BhytDate?[][] badStays =
        {
            new BhytDate?[] { from, to, from, new BhytDate(2025, 2, 30) },
            new BhytDate?[] { from, null, new BhytDate(), to },
            new BhytDate?[] { new BhytDate(2025, 2, 29), null, from, to },
        };
        foreach (BhytDate?[] dates in badStays)
        {
            BhytStayNotesResult got = BhytApi.StayNotes(dates[0].Value, dates[1], dates[2].Value, dates[3].Value);
            Check(!got.Ok && got.Code == BhytConstants.InvalidDate && got.Notes == 0 && got.NoteNames == null,
                "stay notes: invalid date");
        }
        BhytStayNotesResult covered = BhytApi.StayNotes(from, to, from, to);
        Check(covered.Ok && covered.Notes == 0 && covered.NoteNames.Length == 0, "the whole stay covered");
        Check(BhytApi.StayNoteName(BhytConstants.StayExpiredBeforeDischarge) == "expired_before_discharge"
            && BhytApi.StayNoteName(3) == "unknown", "stay note names");
    }

    private static ulong? PositionOf(Dictionary<string, string> row)
    {
        return row["position"] == "-" ? (ulong?)null : ulong.Parse(row["position"]);
    }

    private static void Identify(string path)
    {
        int count = 0;
        foreach (Dictionary<string, string> row in Rows(path))
        {
            count++;
            string where = "identify.tsv:" + row["_line"];
            string input = Unescape(row["input"]);
            bool lenient = row["mode"] == "lenient";
            BhytIdentityResult got = BhytApi.Identify(input, lenient);
            string message = BhytApi.ErrorText(lenient ? BhytConstants.CallIdentifyLenient : BhytConstants.CallIdentify,
                Encoding.UTF8.GetBytes(input), BhytConstants.IssuerAny, 0, BhytConstants.LangVi);
            Check(got.Valid == (row["valid"] == "true"), where + " verdict");
            if (got.Valid && row["kind"] == "card")
            {
                Check(got.Kind == BhytConstants.IdentityCard && BhytApi.Utf8(got.Card.Compact) == row["compact"], where + " card");
                Check(message.Length == 0, where + " no message");
            }
            else if (got.Valid)
            {
                BhytPersonalId id = got.PersonalId;
                Check(got.Kind == BhytConstants.IdentityPersonalId && BhytApi.Utf8(id.Digits) == row["compact"]
                    && BhytApi.Utf8(id.Masked) == row["masked"], where + " digits");
                Check(id.BirthPlaceCode.ToString("D3") == row["birth_place"]
                    && (id.BirthPlaceOn2016List == 1 ? "true" : "false") == row["on_2016_list"], where + " birth place");
                Check((id.Sex == BhytConstants.SexMale ? "male" : id.Sex == BhytConstants.SexFemale ? "female" : "?") == row["sex"],
                    where + " sex");
                Check(id.Century.ToString() == row["century"] && id.BirthYear.ToString() == row["birth_year"], where + " birth year");
                Check(message.Length == 0, where + " no message");
            }
            else
            {
                ulong? position = PositionOf(row);
                Check(got.Name == row["code"] && got.Kind == 0 && got.QrField == null, where + " code");
                Check(got.Position == position && got.ByteOffset == ByteOffset(input, position), where + " position");
                Check(message.Length > 0 && (input.Length < 10 || !message.Contains(input)), where + " message");
            }
        }
        Check(count > 500, "every identify row read");
    }

    private static void Qr(string path)
    {
        int count = 0;
        foreach (Dictionary<string, string> row in Rows(path))
        {
            count++;
            string where = "qr.tsv:" + row["_line"];
            string input = Unescape(row["input"]);
            BhytIdentityResult got = BhytApi.Identify(input, false);
            Check(got.Valid == (row["valid"] == "true"), where + " verdict");
            if (got.Valid && row["kind"] == "card_qr")
            {
                Check(got.Kind == BhytConstants.IdentityCardQr && BhytApi.Utf8(got.Card.Compact) == row["card"], where + " card");
            }
            else if (got.Valid)
            {
                Check(got.Kind == BhytConstants.IdentityPersonalIdQr && BhytApi.Utf8(got.PersonalId.Digits) == row["card"],
                    where + " personal id");
            }
            else
            {
                ulong? position = PositionOf(row);
                Check(got.Name == row["code"], where + " code");
                Check(got.Position == position && got.ByteOffset == ByteOffset(input, position), where + " position");
                // The vectors write "card" for a card error in field 0, which keeps the card's code.
                string field = got.Code == BhytConstants.InvalidQrField ? got.QrField
                    : got.QrField != null ? "?" : got.Code < 100 ? "card" : "-";
                Check(field == row["field"], where + " field");
                Check(BhytApi.Identify(input, true).QrField == got.QrField, where + " lenient field");
                Check(BhytApi.ErrorText(BhytConstants.CallIdentify, Encoding.UTF8.GetBytes(input), BhytConstants.IssuerAny, 0,
                    BhytConstants.LangEn).Length > 0, where + " message");
            }
        }
        Check(count > 70, "every qr row read");
    }

    private static void MaThe(string path)
    {
        int count = 0;
        int items = 0;
        foreach (Dictionary<string, string> row in Rows(path))
        {
            count++;
            string where = "ma_the.tsv:" + row["_line"];
            string input = Unescape(row["input"]);
            byte[] field = Encoding.UTF8.GetBytes(input);
            bool lenient = row["mode"] == "lenient";
            uint issuer = Issuer(row["issuer"]);
            BhytMaTheResult result = BhytApi.ParseMaTheBhyt(input, issuer, lenient);
            Check(result.Ok && result.Name == "ok", where + " call");
            BhytMaTheItemResult[] got = result.Items ?? new BhytMaTheItemResult[0];
            string[] want = row["items"].Split('|');
            Check(got.Length == int.Parse(row["count"]) && got.Length == want.Length, where + " count");
            for (int i = 0; i < want.Length && i < got.Length; i++)
            {
                items++;
                string at = where + " item " + i;
                string[] parts = want[i].Split(new char[] { ':' }, 5);
                BhytMaTheItemResult item = got[i];
                int byteStart = int.Parse(parts[1]);
                int byteLen = int.Parse(parts[2]);
                Check(item.Start == ulong.Parse(parts[0]) && item.ByteStart == (ulong)byteStart && item.ByteLen == (ulong)byteLen,
                    at + " place");
                byte[] text = new byte[byteLen];
                Array.Copy(field, byteStart, text, 0, byteLen);
                BhytResult single = BhytApi.Parse(text, issuer, lenient);
                string message = BhytApi.ErrorText(lenient ? BhytConstants.CallMaTheBhytLenient : BhytConstants.CallMaTheBhyt,
                    field, issuer, (ulong)i, BhytConstants.LangVi);
                if (parts[3] == "valid")
                {
                    Check(item.Valid && item.Position == null && item.ByteOffset == null, at + " verdict");
                    Check(single.Valid && BhytApi.Utf8(single.Card.Compact) == parts[4] && item.Form == parts[4].Length
                        && item.Key == single.Card.Key, at + " card");
                    Check(message.Length == 0, at + " no message");
                }
                else
                {
                    ulong? position = parts[4] == "-" ? (ulong?)null : ulong.Parse(parts[4]);
                    Check(item.Name == parts[3] && item.Form == 0 && item.Key == 0, at + " verdict");
                    Check(item.Position == position && item.ByteOffset == ByteOffset(input, position), at + " position");
                    Check(single.Code == item.Code, at + " as parse");
                    Check(message.Length > 0 && (byteLen < 10 || !message.Contains(Encoding.UTF8.GetString(text))),
                        at + " message");
                }
            }
        }
        Check(count > 150 && items > count, "every ma_the row read");
        BhytMaTheResult bad = BhytApi.ParseMaTheBhyt("HS4010120878811", 9, false);
        Check(bad.Code == BhytConstants.InvalidIssuer && bad.Name == "invalid_issuer" && bad.Items == null, "ma_the: an invalid issuer");
    }

    private static BhytAdviceNote Note(BhytAdviceResult got)
    {
        return got.Ok && got.Notes.Length == 1 ? got.Notes[0] : null;
    }

    // Advise: the cases of the C and JavaScript tests (bindings/c/tests/test_api.c,
    // bindings/wasm/test/reception.test.mjs), and every row of cards.tsv (known notes, at most
    // AdviceMax, the verdict unchanged).
    private static void Advice(string cardsPath)
    {
        uint any = BhytConstants.IssuerAny;
        BhytAdviceResult none = BhytApi.Advise("DN4010123456789", any, false);
        Check(none.Ok && none.Notes.Length == 0, "advise: no note");
        BhytAdviceNote n = Note(BhytApi.Advise("TE4010123456789", any, false));
        Check(n != null && n.Code == BhytConstants.AdviceUnusualBenefitLevel && n.Name == "unusual_benefit_level"
            && n.GroupCode == "TE" && n.BenefitLevel == 4 && n.UsualBenefitLevel == 1, "advise: unusual benefit level");
        foreach (string late in new string[] { "ND4010123456789", "ND4010120878811" })
        {
            n = Note(BhytApi.Advise(late, any, false));
            Check(n != null && n.Name == "issued_after_vneid_list" && n.GroupCode == "ND" && n.ShortFormPasses,
                "advise: issued after the VNeID list");
        }
        Check(BhytApi.Validate("ND4010123456789", any, false) == BhytConstants.LateGroupCode, "advise never changes the verdict");
        n = Note(BhytApi.Advise(" 003 095 001 234", any, true));
        Check(n != null && n.Code == BhytConstants.AdviceUnlistedBirthPlaceCode && n.BirthPlaceCode == 3, "advise: lenient");
        n = Note(BhytApi.Advise("003095001234", any, false));
        Check(n != null && n.Code == BhytConstants.AdviceUnlistedBirthPlaceCode && n.BirthPlaceCode == 3, "advise: unlisted birth place");
        Check(BhytApi.Advise("079195001234", any, false).Notes.Length == 0 && BhytApi.Advise("", any, false).Notes.Length == 0,
            "advise: none");
        BhytAdviceResult bad = BhytApi.Advise("TE4010123456789", 9, false);
        Check(bad.Code == BhytConstants.InvalidIssuer && bad.Name == "invalid_issuer" && bad.Notes == null, "advise: invalid issuer");
        Check(BhytApi.AdviceCodeName(BhytConstants.AdviceShortFormInClaims) == "short_form_in_claims"
            && BhytApi.AdviceCodeName(0) == "unknown", "advice code names");
        Check(BhytApi.AdviceMessage(BhytConstants.AdviceUnusualBenefitLevel, BhytConstants.LangEn)
            == "the benefit level differs from the level usual for the group; this is normal for a person who belongs "
            + "to several groups (the best level applies)", "advice message");
        Check(BhytApi.AdviceMessage(BhytConstants.AdviceIssuedAfterVneidList, BhytConstants.LangVi).Length > 0
            && BhytApi.AdviceMessage(99, BhytConstants.LangEn) == "unknown advice code", "advice messages");
        int noted = 0;
        foreach (Dictionary<string, string> row in Rows(cardsPath))
        {
            string input = Unescape(row["input"]);
            bool lenient = row["mode"] == "lenient";
            uint issuer = Issuer(row["issuer"]);
            BhytAdviceResult got = BhytApi.Advise(input, issuer, lenient);
            bool known = got.Ok && got.Notes.Length <= BhytConstants.AdviceMax;
            foreach (BhytAdviceNote note in got.Notes ?? new BhytAdviceNote[0])
            {
                noted++;
                known = known && note.Name != "unknown" && note.Code != BhytConstants.AdviceShortFormInClaims;
            }
            Check(known && (BhytApi.Validate(input, issuer, lenient) == BhytConstants.Ok) == (row["valid"] == "true"),
                "cards.tsv:" + row["_line"] + " advise");
        }
        Check(noted > 0, "some cards.tsv rows have notes");
    }

    private static string Iso(BhytDate d)
    {
        if (d.Year == 0)
        {
            return "-";
        }
        return d.Month == 0 ? d.Year.ToString("D4") : d.Year.ToString("D4") + "-" + d.Month.ToString("D2") + "-" + d.Day.ToString("D2");
    }

    // A field's text as the vectors write decoded texts: the hex of its UTF-8, "-" when empty.
    private static string Hex(BhytQrFieldTextResult t)
    {
        if (!t.Ok)
        {
            return "?";
        }
        StringBuilder output = new StringBuilder();
        foreach (byte b in Encoding.UTF8.GetBytes(t.Text))
        {
            output.Append(b.ToString("x2"));
        }
        return output.Length == 0 ? "-" : output.ToString();
    }

    // Every row of qr.tsv through ReadCardQr and QrFieldText.
    private static void CardQr(string path)
    {
        string[] layouts = { "?", "10_fields", "15_tokens", "17_tokens", "other" };
        int count = 0;
        foreach (Dictionary<string, string> row in Rows(path))
        {
            count++;
            string where = "qr.tsv:" + row["_line"];
            string input = Unescape(row["input"]);
            BhytCardQrResult got = BhytApi.ReadCardQr(input);
            if (row["kind"] == "card_qr" && row["valid"] == "true")
            {
                Check(got.Valid && got.Qr != null && BhytApi.Utf8(got.Qr.Value.Card.Compact) == row["card"], where + " card");
                if (got.Qr == null)
                {
                    continue;
                }
                BhytCardQr qr = got.Qr.Value;
                Check(Iso(qr.BirthDate) == row["birth_date"]
                    && qr.Sex == (row["sex"] == "male" ? BhytConstants.SexMale : BhytConstants.SexFemale), where + " birth date, sex");
                Check(BhytApi.Utf8(qr.FacilityCode) == row["facility_code"] && Iso(qr.ValidFrom) == row["valid_from"]
                    && Iso(qr.ValidTo) == row["valid_to"], where + " facility, validity");
                Check(Iso(qr.IssuedOn) == row["issued_on"] && Iso(qr.FiveYearsOn) == row["five_years_on"], where + " issued, five years");
                Check(qr.Layout >= 1 && qr.Layout <= 4 && layouts[qr.Layout] == row["layout"]
                    && (qr.Repaired == 1) == (row["repaired"] == "true") && (qr.Utf16 == 1) == (row["utf16"] == "true"),
                    where + " layout, flags");
                Check(Hex(BhytApi.QrFieldText(input, 1)) == row["name_hex"], where + " name");
                string address = Hex(BhytApi.QrFieldText(input, 4));
                Check(address == row["address_hex"] && (qr.HasAddress == 1) == (address != "-"), where + " address");
                ulong fields = qr.FieldCount.ToUInt64();
                if (fields > 10)
                {
                    Check(Hex(BhytApi.QrFieldText(input, 10)) == row["guardian_hex"], where + " guardian");
                }
                Check(BhytApi.QrFieldText(input, 9).Text == row["manager_code"], where + " manager code");
                Check(BhytApi.QrFieldText(input, fields).Code == BhytConstants.InvalidLength, where + " past the last field");
                if (row["raw_fields"] != "-")
                {
                    foreach (string index in row["raw_fields"].Split(','))
                    {
                        Check(BhytApi.QrFieldText(input, ulong.Parse(index)).Ok, where + " raw field " + index);
                    }
                }
                // Personal data never in a repr: the card masked, no name.
                string repr = got.ToString() + qr.ToString() + BhytApi.QrFieldText(input, 1).ToString();
                Check(!repr.Contains(row["card"]) && !repr.Contains(BhytApi.QrFieldText(input, 1).Text)
                    && got.ToString().Contains("******"), where + " ToString");
            }
            else if (row["valid"] == "true")
            {
                Check(got.Code == BhytConstants.UnrecognizedQr && got.Qr == null, where + " not a card QR");
                Check(Hex(BhytApi.QrFieldText(input, 2)) == row["name_hex"], where + " CCCD name");
                string old = BhytApi.QrFieldText(input, 1).Text;
                Check(row["old_id"] == (old == "" ? "-" : old), where + " old id");
            }
            else
            {
                ulong? position = PositionOf(row);
                Check(got.Name == row["code"] && got.Qr == null && got.Position == position, where + " error");
                Check(got.QrField == BhytApi.Identify(input, false).QrField, where + " error field");
                BhytQrFieldTextResult text = BhytApi.QrFieldText(input, 0);
                Check(text.Name == row["code"] && text.Text == null, where + " field text: the error of Identify");
            }
        }
        Check(count > 70, "every qr row read for ReadCardQr");
        Check(BhytApi.ReadCardQr("HS4010120878811").Name == "unrecognized_qr"
            && BhytApi.QrFieldText("HS4010120878811", 0).Name == "unrecognized_qr", "a typed number is no QR code");
    }

    public static int Main(string[] args)
    {
        Dictionary<string, string[]> messages = new Dictionary<string, string[]>();
        foreach (Dictionary<string, string> row in Rows(args[1]))
        {
            messages[row["line"]] = new string[] { row["vi"], row["en"] };
        }
        Check(BhytApi.Version() == BhytConstants.Version, "the library is the version of the header");
        int count = 0;
        foreach (Dictionary<string, string> row in Rows(args[0]))
        {
            count++;
            string where = "cards.tsv:" + row["_line"];
            string input = Unescape(row["input"]);
            bool lenient = row["mode"] == "lenient";
            uint issuer = Issuer(row["issuer"]);
            bool valid = row["valid"] == "true";
            BhytResult got = BhytApi.Parse(input, issuer, lenient);
            Check(got.Valid == valid, where + " verdict");
            Check((BhytApi.Validate(input, issuer, lenient) == BhytConstants.Ok) == valid, where + " validate");
            string vi = BhytApi.ErrorText(input, issuer, lenient, BhytConstants.LangVi);
            string en = BhytApi.ErrorText(input, issuer, lenient, BhytConstants.LangEn);
            if (valid)
            {
                BhytCard card = got.Card;
                Check(card.Form.ToString() == row["form"], where + " form");
                Check(BhytApi.Utf8(card.Compact) == row["compact"], where + " compact");
                Check(BhytApi.Utf8(card.SocialInsuranceNumber) == row["sin"], where + " sin");
                if (card.Form == 15)
                {
                    Check(BhytApi.Utf8(card.GroupCode) == row["group"], where + " group");
                    Check(card.BenefitLevel.ToString() == row["benefit"], where + " benefit");
                    Check(card.ProvinceCode.ToString("D2") == row["province"], where + " province");
                    Check(card.Issuer == Issuer(row["issuer_decoded"]), where + " issuer");
                    Check(BhytApi.Utf8(card.GroupDescriptionVi).Length > 0, where + " description");
                }
                Check(vi.Length == 0 && en.Length == 0 && got.Position == null, where + " no error");
            }
            else
            {
                Check(got.Name == row["code"], where + " code");
                ulong? position = row["position"] == "-" ? (ulong?)null : ulong.Parse(row["position"]);
                Check(got.Position == position, where + " position");
                Check((got.ByteOffset == null) == (position == null), where + " byte offset");
                string[] want;
                Check(messages.TryGetValue(row["_line"], out want) && want[0] == vi && want[1] == en, where + " message");
            }
        }
        Check(count > 1000, "every row read");

        // Non-ASCII and invalid UTF-8: positions count characters, byte offsets bytes.
        BhytResult r = BhytApi.Parse("\u0110N4010123456789", BhytConstants.IssuerAny, false);
        Check(r.Name == "invalid_character" && r.Position == 0 && r.ByteOffset == 0, "Đ");
        r = BhytApi.Parse("HS\u00a040101208788X1", BhytConstants.IssuerAny, true);
        Check(r.Position == 14 && r.ByteOffset == 15, "a 2-byte separator before the error");
        byte[] bad = Encoding.ASCII.GetBytes("DN4x10123456789");
        bad[3] = 0xff;
        r = BhytApi.Parse(bad, BhytConstants.IssuerAny, false);
        Check(r.Name == "invalid_character" && r.Position == 3 && r.ByteOffset == 3, "invalid UTF-8");
        Check(BhytApi.ErrorText("DN4010123456A89", BhytConstants.IssuerAny, false, BhytConstants.LangVi)
            == "Ký tự thứ 13 là một chữ cái in hoa, cần một chữ số (0-9)", "the issue's example");
        Check(BhytApi.ErrorText("DN4010123456789", BhytConstants.IssuerPolice, false, BhytConstants.LangVi)
            == "Với Bảo hiểm xã hội Công an nhân dân, ký tự 4-5 phải là 98", "police");
        Check(BhytApi.ErrorText(BhytConstants.CallMaTheBhyt, Encoding.UTF8.GetBytes("HS4010120878811;HS401012087881X"),
            BhytConstants.IssuerAny, 1, BhytConstants.LangVi).StartsWith("Ký tự thứ 31", StringComparison.Ordinal), "ma_the item 1");
        // BHYT_NO_POSITION.
        r = BhytApi.Parse("0123", BhytConstants.IssuerAny, false);
        Check(r.Name == "invalid_length" && r.Position == null, "no position is null");
        BhytCard unused;
        BhytError error;
        Native.bhyt_parse(Encoding.ASCII.GetBytes("0123"), new UIntPtr(4), BhytConstants.IssuerAny, out unused, out error);
        Check(error.Position.ToUInt64() == BhytConstants.NoPosition, "BHYT_NO_POSITION is NoPosition");
        BhytErrorDetail detail;
        Check(Native.bhyt_error_details(BhytConstants.CallValidate, Encoding.ASCII.GetBytes("ND4010120878811"), new UIntPtr(15),
            BhytConstants.IssuerAny, UIntPtr.Zero, out detail) == BhytConstants.LateGroupCode
            && BhytApi.Utf8(detail.GroupCode) == "ND", "details");
        Check(BhytApi.CodeName(BhytConstants.InvalidArgument) == "invalid_argument", "constants");

        string vectors = Path.GetDirectoryName(Path.GetFullPath(args[0]));
        Facility(Path.Combine(vectors, "facility.tsv"));
        Validity(Path.Combine(vectors, "validity.tsv"));
        Identify(Path.Combine(vectors, "identify.tsv"));
        Qr(Path.Combine(vectors, "qr.tsv"));
        MaThe(Path.Combine(vectors, "ma_the.tsv"));
        Advice(args[0]);
        CardQr(Path.Combine(vectors, "qr.tsv"));

        // The layout the marshaller uses is the C compiler's.
        Dictionary<string, Type> types = new Dictionary<string, Type>
        {
            { "bhyt_facility_code", typeof(BhytFacilityCode) },
            { "bhyt_date", typeof(BhytDate) },
            { "bhyt_verdict", typeof(BhytVerdict) },
            { "bhyt_ma_the_item", typeof(BhytMaTheItem) },
            { "bhyt_advice", typeof(BhytAdvice) },
            { "bhyt_card_qr", typeof(BhytCardQr) },
            { "bhyt_personal_id", typeof(BhytPersonalId) },
            { "bhyt_identity", typeof(BhytIdentity) },
            { "bhyt_card", typeof(BhytCard) },
            { "bhyt_error", typeof(BhytError) },
            { "bhyt_error_detail", typeof(BhytErrorDetail) },
        };
        foreach (string line in File.ReadAllLines(args[2]))
        {
            string[] parts = line.Split(' ');
            if (parts[1] == "size")
            {
                Check(Marshal.SizeOf(types[parts[0]]) == int.Parse(parts[2]), "sizeof " + parts[0]);
            }
            else
            {
                string[] name = parts[0].Split('.');
                Check(Marshal.OffsetOf(types[name[0]], Pascal(name[1])).ToInt64() == long.Parse(parts[1]), "offsetof " + parts[0]);
            }
        }
        Console.WriteLine("csharp (" + Environment.Version + "): " + passed + " passed, " + failed + " failed");
        return failed == 0 && passed > 0 ? 0 : 1;
    }
}
