// bhyt from C# (P/Invoke): the declarations of bhyt.h and small UTF-8-safe wrappers. C# 7
// only (no nuint, no Span, no default interface members), so the same file compiles with
// Mono's mcs (-langversion:7) and with current .NET. The constants are BhytConstants.cs,
// generated from bhyt.h; the struct layouts are checked against the C compiler's by the tests.
using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;

namespace Bhyt
{
    /// <summary>struct bhyt_card: a decoded card number.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct BhytCard
    {
        public byte Form;
        public byte BenefitLevel;
        public byte ProvinceCode;
        public uint Issuer;
        [MarshalAs(UnmanagedType.ByValArray, SizeConst = (int)BhytConstants.CompactSize)]
        public byte[] Compact;
        [MarshalAs(UnmanagedType.ByValArray, SizeConst = 3)]
        public byte[] GroupCode;
        [MarshalAs(UnmanagedType.ByValArray, SizeConst = 11)]
        public byte[] SocialInsuranceNumber;
        public ulong Key;
        public IntPtr GroupDescriptionVi;
        public IntPtr GroupDescriptionEn;
        public IntPtr BenefitMeaningVi;
        public IntPtr BenefitMeaningEn;
        public IntPtr IssuerNameVi;
        public IntPtr IssuerNameEn;
    }

    /// <summary>struct bhyt_error: why a call failed, and where (size_t fields: UIntPtr).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct BhytError
    {
        public uint Code;
        public UIntPtr Position;
        public UIntPtr ByteOffset;
    }

    /// <summary>struct bhyt_error_detail: everything an error says, as plain fields.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct BhytErrorDetail
    {
        public uint Code;
        public UIntPtr Position;
        public UIntPtr ByteOffset;
        public uint Expected;
        public uint Found;
        public uint Issuer;
        public UIntPtr Length;
        [MarshalAs(UnmanagedType.ByValArray, SizeConst = 3)]
        public byte[] GroupCode;
    }

    /// <summary>struct bhyt_personal_id: a decoded 12-digit personal identification number (personal data: log Masked).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct BhytPersonalId
    {
        [MarshalAs(UnmanagedType.ByValArray, SizeConst = 13)]
        public byte[] Digits;
        [MarshalAs(UnmanagedType.ByValArray, SizeConst = 13)]
        public byte[] Masked;
        public byte Sex;
        public byte BirthPlaceOn2016List;
        public ushort BirthPlaceCode;
        public ushort Century;
        public ushort BirthYear;
    }

    /// <summary>struct bhyt_identity: what bhyt_identify found (the card and the number inline).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct BhytIdentity
    {
        public uint Kind;
        public BhytCard Card;
        public BhytPersonalId PersonalId;
    }

    /// <summary>struct bhyt_facility_code: a facility code (mã cơ sở KCB), normalised; NUL-terminated ASCII.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct BhytFacilityCode
    {
        [MarshalAs(UnmanagedType.ByValArray, SizeConst = 6)]
        public byte[] Code;
        [MarshalAs(UnmanagedType.ByValArray, SizeConst = 3)]
        public byte[] Province;
        [MarshalAs(UnmanagedType.ByValArray, SizeConst = 4)]
        public byte[] Facility;
    }

    /// <summary>struct bhyt_verdict: one item's verdict (a MA_THE_BHYT item; size_t fields: UIntPtr).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct BhytVerdict
    {
        public uint Code;
        public byte Form;
        public UIntPtr Position;
        public UIntPtr ByteOffset;
        public ulong Key;
    }

    /// <summary>struct bhyt_ma_the_item: one item of a claims MA_THE_BHYT field and its place in the field.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct BhytMaTheItem
    {
        public BhytVerdict Verdict;
        public UIntPtr Start;
        public UIntPtr ByteStart;
        public UIntPtr ByteLen;
    }

    /// <summary>struct bhyt_advice: one advisory note (fields that do not apply to its code are 0 or empty).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct BhytAdvice
    {
        public uint Code;
        [MarshalAs(UnmanagedType.ByValArray, SizeConst = 3)]
        public byte[] GroupCode;
        public byte BenefitLevel;
        public byte UsualBenefitLevel;
        public byte ShortFormPasses;
        public ushort BirthPlaceCode;
    }

    /// <summary>struct bhyt_date: a calendar date; all 0 (default) is no date. Whether it exists is the library's to say.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct BhytDate
    {
        public ushort Year;
        public byte Month;
        public byte Day;

        public BhytDate(ushort year, byte month, byte day)
        {
            Year = year;
            Month = month;
            Day = day;
        }
    }

    /// <summary>
    /// struct bhyt_card_qr: a card's QR code read into its fields (the texts through bhyt_qr_field_text).
    /// Personal data: its ToString names none of it.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct BhytCardQr
    {
        public BhytCard Card;
        public BhytDate BirthDate;
        public byte Sex;
        public byte HasAddress;
        public byte HasGuardianName;
        public byte Repaired;
        public byte Utf16;
        [MarshalAs(UnmanagedType.ByValArray, SizeConst = 6)]
        public byte[] FacilityCode;
        public BhytDate ValidFrom;
        public BhytDate ValidTo;
        public BhytDate IssuedOn;
        public BhytDate FiveYearsOn;
        public uint Layout;
        public UIntPtr FieldCount;

        public override string ToString()
        {
            return "BhytCardQr{Layout=" + Layout + ", FieldCount=" + FieldCount + "}";
        }
    }

    /// <summary>The C functions, loaded by the library's soname (libbhyt.so.0.MINOR).</summary>
    public static class Native
    {
        public const string Library = BhytConstants.Soname;

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern IntPtr bhyt_version();

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern uint bhyt_validate(byte[] input, UIntPtr len, uint issuer);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern uint bhyt_validate_lenient(byte[] input, UIntPtr len, uint issuer);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern uint bhyt_parse(byte[] input, UIntPtr len, uint issuer, out BhytCard card, out BhytError error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern uint bhyt_parse_lenient(byte[] input, UIntPtr len, uint issuer, out BhytCard card, out BhytError error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern IntPtr bhyt_error_code_name(uint code);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern IntPtr bhyt_error_message(uint code, uint lang);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern UIntPtr bhyt_error_text(uint call, byte[] input, UIntPtr len, uint issuer, UIntPtr item,
            uint lang, byte[] buffer, UIntPtr capacity);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern uint bhyt_error_details(uint call, byte[] input, UIntPtr len, uint issuer, UIntPtr item,
            out BhytErrorDetail detail);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern uint bhyt_identify(byte[] input, UIntPtr len, out BhytIdentity identity, out BhytError error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern uint bhyt_identify_lenient(byte[] input, UIntPtr len, out BhytIdentity identity, out BhytError error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern IntPtr bhyt_qr_error_field(uint call, byte[] input, UIntPtr len);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern uint bhyt_parse_facility_code(byte[] input, UIntPtr len, out BhytFacilityCode code, out BhytError error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern IntPtr bhyt_validity_name(uint validity);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern uint bhyt_validity_on(ref BhytDate validFrom, ref BhytDate validTo, ref BhytDate date, out uint validity);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern uint bhyt_stay_notes(ref BhytDate validFrom, ref BhytDate validTo, ref BhytDate admission,
            ref BhytDate discharge, out uint notes);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern uint bhyt_parse_ma_the_bhyt(byte[] field, UIntPtr len, uint issuer,
            [Out] BhytMaTheItem[] items, UIntPtr capacity, out UIntPtr count);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern uint bhyt_parse_ma_the_bhyt_lenient(byte[] field, UIntPtr len, uint issuer,
            [Out] BhytMaTheItem[] items, UIntPtr capacity, out UIntPtr count);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern uint bhyt_advise(byte[] input, UIntPtr len, uint issuer, [Out] BhytAdvice[] notes,
            UIntPtr capacity, out UIntPtr count);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern uint bhyt_advise_lenient(byte[] input, UIntPtr len, uint issuer, [Out] BhytAdvice[] notes,
            UIntPtr capacity, out UIntPtr count);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern IntPtr bhyt_advice_code_name(uint code);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern IntPtr bhyt_advice_message(uint code, uint lang);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern uint bhyt_format(ref BhytCard card, uint style, byte[] buffer, UIntPtr size, out UIntPtr required);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern uint bhyt_read_card_qr(byte[] input, UIntPtr len, out BhytCardQr qr, out BhytError error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern uint bhyt_qr_field_text(byte[] input, UIntPtr len, UIntPtr index, byte[] buffer, UIntPtr size,
            out UIntPtr required);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern IntPtr bhyt_stay_note_name(uint note);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern IntPtr bhyt_stay_note_message(uint note, uint lang);
    }

    /// <summary>A decoded card, or why the number is invalid (positions: null for BHYT_NO_POSITION).</summary>
    public sealed class BhytResult
    {
        public uint Code;
        public string Name;
        public ulong? Position;
        public ulong? ByteOffset;
        public BhytCard Card;

        public bool Valid { get { return Code == BhytConstants.Ok; } }
    }

    /// <summary>What Identify found in one search box, or why the input is none of the four kinds (positions: null for BHYT_NO_POSITION).</summary>
    public sealed class BhytIdentityResult
    {
        public uint Code;
        public string Name;
        public ulong? Position;
        public ulong? ByteOffset;
        /// <summary>For an InvalidQrField error, the QR field's stable name ("birth_date", ...); else null.</summary>
        public string QrField;
        /// <summary>On success, an Identity* value; else 0.</summary>
        public uint Kind;
        /// <summary>IdentityCard and IdentityCardQr: the card, as Parse gives it.</summary>
        public BhytCard Card;
        /// <summary>IdentityPersonalId and IdentityPersonalIdQr: the decoded number.</summary>
        public BhytPersonalId PersonalId;

        public bool Valid { get { return Code == BhytConstants.Ok; } }
    }

    /// <summary>
    /// One item of a claims MA_THE_BHYT field: its verdict (positions in the whole field; null when valid or for
    /// BHYT_NO_POSITION) and its place (its text is the field's bytes ByteStart to ByteStart + ByteLen).
    /// </summary>
    public sealed class BhytMaTheItemResult
    {
        public uint Code;
        public string Name;
        /// <summary>Valid: 10 or 15; otherwise 0.</summary>
        public int Form;
        /// <summary>Valid: the card's key (for finding duplicates); otherwise 0.</summary>
        public ulong Key;
        public ulong? Position;
        public ulong? ByteOffset;
        /// <summary>The character position where the item's text starts (whitespace dropped).</summary>
        public ulong Start;
        public ulong ByteStart;
        /// <summary>The item's text length in bytes (0 for an empty item: InvalidLength).</summary>
        public ulong ByteLen;

        public bool Valid { get { return Code == BhytConstants.Ok; } }
    }

    /// <summary>One advisory note: informative, never a verdict. Fields that do not apply to its code are "" or 0.</summary>
    public sealed class BhytAdviceNote
    {
        /// <summary>An Advice* code.</summary>
        public uint Code;
        public string Name;
        /// <summary>Unusual benefit level, issued after the VNeID list: the group code.</summary>
        public string GroupCode;
        /// <summary>Unusual benefit level: the card's level (1-5) and the level usual for the group.</summary>
        public int BenefitLevel;
        public int UsualBenefitLevel;
        /// <summary>Issued after the VNeID list: the last 10 characters pass the VNeID rule.</summary>
        public bool ShortFormPasses;
        /// <summary>Unlisted birth-place code: digits 1-3 of the personal identification number (0-999).</summary>
        public int BirthPlaceCode;
    }

    /// <summary>The notes of Advise, or the error (InvalidIssuer).</summary>
    public sealed class BhytAdviceResult
    {
        public uint Code;
        public string Name;
        /// <summary>The notes (empty: none); null when Code is not Ok.</summary>
        public BhytAdviceNote[] Notes;

        public bool Ok { get { return Code == BhytConstants.Ok; } }
    }

    /// <summary>
    /// A card's QR code read into its fields, or why the input is none (the error of Identify; UnrecognizedQr too
    /// for something else than a card's QR code). Personal data: ToString shows the card masked and no other field.
    /// </summary>
    public sealed class BhytCardQrResult
    {
        public uint Code;
        public string Name;
        public ulong? Position;
        public ulong? ByteOffset;
        /// <summary>For an InvalidQrField error, the QR field's stable name ("birth_date", ...); else null.</summary>
        public string QrField;
        /// <summary>On success, the fields that are not text (ValidTo and FiveYearsOn all 0 when absent); null otherwise.</summary>
        public BhytCardQr? Qr;

        public bool Valid { get { return Code == BhytConstants.Ok; } }

        /// <summary>The code, and on success the card masked (bhyt_format's StyleMasked), layout and field count.</summary>
        public override string ToString()
        {
            if (Qr == null)
            {
                return "BhytCardQrResult{" + Name + "}";
            }
            BhytCard card = Qr.Value.Card;
            byte[] masked = new byte[BhytConstants.FormatSize];
            UIntPtr required;
            uint formatted = Native.bhyt_format(ref card, BhytConstants.StyleMasked, masked, new UIntPtr(BhytConstants.FormatSize),
                out required);
            return "BhytCardQrResult{Card=" + (formatted == BhytConstants.Ok ? BhytApi.Utf8(masked) : "?") + ", Layout="
                + Qr.Value.Layout + ", FieldCount=" + Qr.Value.FieldCount + "}";
        }
    }

    /// <summary>The text of one QR field, or why there is none. Personal data: ToString hides it.</summary>
    public sealed class BhytQrFieldTextResult
    {
        public uint Code;
        public string Name;
        /// <summary>On success, the field's text; else null.</summary>
        public string Text;

        public bool Ok { get { return Code == BhytConstants.Ok; } }

        public override string ToString()
        {
            return "BhytQrFieldTextResult{" + Name + (Text == null ? "" : ", " + Text.Length + " characters") + "}";
        }
    }

    /// <summary>The items of ParseMaTheBhyt, or the call's error (InvalidIssuer).</summary>
    public sealed class BhytMaTheResult
    {
        public uint Code;
        public string Name;
        /// <summary>One per ';'-separated part; null when Code is not Ok.</summary>
        public BhytMaTheItemResult[] Items;

        public bool Ok { get { return Code == BhytConstants.Ok; } }
    }

    /// <summary>A facility code, normalised, or why the input is none (positions: null for BHYT_NO_POSITION).</summary>
    public sealed class BhytFacilityResult
    {
        public uint Code;
        public string Name;
        public ulong? Position;
        public ulong? ByteOffset;
        /// <summary>On success: "01028"; province "01" and facility "028" (null otherwise).</summary>
        public string FacilityCode;
        public string Province;
        public string Facility;

        public bool Valid { get { return Code == BhytConstants.Ok; } }
    }

    /// <summary>A card's validity on a date: a Validity* value, or the error (InvalidDate).</summary>
    public sealed class BhytValidityResult
    {
        public uint Code;
        public string Name;
        /// <summary>A Validity* value; 0 when Code is not Ok.</summary>
        public uint Validity;
        /// <summary>Its stable name ("before_start", "expired", "valid", "open_ended"); null when Code is not Ok.</summary>
        public string ValidityName;

        public bool Ok { get { return Code == BhytConstants.Ok; } }
    }

    /// <summary>The notes on a stay: Stay* bits, or the error (InvalidDate).</summary>
    public sealed class BhytStayNotesResult
    {
        public uint Code;
        public string Name;
        /// <summary>The set of Stay* bits (0: the card covers the whole stay; also 0 when Code is not Ok).</summary>
        public uint Notes;
        /// <summary>Each note's stable name, in the order of the bits; null when Code is not Ok.</summary>
        public string[] NoteNames;

        public bool Ok { get { return Code == BhytConstants.Ok; } }
    }

    /// <summary>
    /// Validate, parse and explain BHYT card numbers. Strings go in as their UTF-8 bytes (the
    /// byte length, never string.Length) and come out decoded as UTF-8. Thread-safe.
    /// <code>Bhyt.BhytApi.ErrorText("DN4010123456A89", BhytConstants.IssuerAny, false, BhytConstants.LangVi)</code>
    /// gives "Ký tự thứ 13 là một chữ cái in hoa, cần một chữ số (0-9)".
    /// </summary>
    public static class BhytApi
    {
        // A zero-length array might be passed as NULL: give the C side a real (empty) buffer.
        private static byte[] Bytes(byte[] input)
        {
            return input.Length == 0 ? new byte[1] : input;
        }

        /// <summary>A NUL-terminated UTF-8 string owned by the library (or a char array field).</summary>
        public static string Utf8(IntPtr text)
        {
            if (text == IntPtr.Zero)
            {
                return null;
            }
            int length = 0;
            while (Marshal.ReadByte(text, length) != 0)
            {
                length++;
            }
            byte[] bytes = new byte[length];
            Marshal.Copy(text, bytes, 0, length);
            return Encoding.UTF8.GetString(bytes);
        }

        public static string Utf8(byte[] field)
        {
            int length = Array.IndexOf(field, (byte)0);
            return Encoding.UTF8.GetString(field, 0, length < 0 ? field.Length : length);
        }

        private static ulong? Position(UIntPtr value)
        {
            return value.ToUInt64() == BhytConstants.NoPosition ? (ulong?)null : value.ToUInt64();
        }

        public static string Version()
        {
            return Utf8(Native.bhyt_version());
        }

        public static string CodeName(uint code)
        {
            return Utf8(Native.bhyt_error_code_name(code));
        }

        public static uint Validate(byte[] input, uint issuer, bool lenient)
        {
            UIntPtr len = new UIntPtr((uint)input.Length);
            return lenient ? Native.bhyt_validate_lenient(Bytes(input), len, issuer) : Native.bhyt_validate(Bytes(input), len, issuer);
        }

        public static uint Validate(string input, uint issuer, bool lenient)
        {
            return Validate(Encoding.UTF8.GetBytes(input), issuer, lenient);
        }

        public static BhytResult Parse(byte[] input, uint issuer, bool lenient)
        {
            BhytCard card;
            BhytError error;
            UIntPtr len = new UIntPtr((uint)input.Length);
            uint code = lenient
                ? Native.bhyt_parse_lenient(Bytes(input), len, issuer, out card, out error)
                : Native.bhyt_parse(Bytes(input), len, issuer, out card, out error);
            BhytResult result = new BhytResult { Code = code, Name = CodeName(code), Card = card };
            if (code != BhytConstants.Ok)
            {
                result.Position = Position(error.Position);
                result.ByteOffset = Position(error.ByteOffset);
            }
            return result;
        }

        public static BhytResult Parse(string input, uint issuer, bool lenient)
        {
            return Parse(Encoding.UTF8.GetBytes(input), issuer, lenient);
        }

        /// <summary>The full message of the error the call <paramref name="call"/> (a Call* constant) reports: "" when none.</summary>
        public static string ErrorText(uint call, byte[] input, uint issuer, ulong item, uint lang)
        {
            UIntPtr len = new UIntPtr((uint)input.Length);
            UIntPtr index = new UIntPtr(item);
            ulong needed = Native.bhyt_error_text(call, Bytes(input), len, issuer, index, lang, null, UIntPtr.Zero).ToUInt64();
            byte[] buffer = new byte[needed + 1];
            Native.bhyt_error_text(call, Bytes(input), len, issuer, index, lang, buffer, new UIntPtr((ulong)buffer.Length));
            return Encoding.UTF8.GetString(buffer, 0, (int)needed);
        }

        /// <summary>
        /// Says what was typed into one search box: a card number (10 or 15 characters, checked with IssuerAny),
        /// a 12-digit personal identification number, or a card's or a CCCD's QR code (input with '|'). The
        /// message of the error: ErrorText(CallIdentify, ...) (or CallIdentifyLenient).
        /// </summary>
        public static BhytIdentityResult Identify(byte[] input, bool lenient)
        {
            BhytIdentity identity;
            BhytError error;
            UIntPtr len = new UIntPtr((uint)input.Length);
            uint code = lenient
                ? Native.bhyt_identify_lenient(Bytes(input), len, out identity, out error)
                : Native.bhyt_identify(Bytes(input), len, out identity, out error);
            BhytIdentityResult result = new BhytIdentityResult { Code = code, Name = CodeName(code) };
            if (code != BhytConstants.Ok)
            {
                result.Position = Position(error.Position);
                result.ByteOffset = Position(error.ByteOffset);
                string field = Utf8(Native.bhyt_qr_error_field(
                    lenient ? BhytConstants.CallIdentifyLenient : BhytConstants.CallIdentify, Bytes(input), len));
                result.QrField = field.Length == 0 ? null : field;
                return result;
            }
            result.Kind = identity.Kind;
            result.Card = identity.Card;
            result.PersonalId = identity.PersonalId;
            return result;
        }

        public static BhytIdentityResult Identify(string input, bool lenient)
        {
            return Identify(Encoding.UTF8.GetBytes(input), lenient);
        }

        /// <summary>
        /// Splits a claims MA_THE_BHYT field (card codes joined with ';') and checks every item as Validate
        /// would, with <paramref name="issuer"/>. Every ';' separates two items; whitespace around an item is
        /// dropped; an empty item is reported (InvalidLength), never skipped. The message of item i:
        /// ErrorText(CallMaTheBhyt, field, issuer, i, lang) (or CallMaTheBhytLenient).
        /// </summary>
        public static BhytMaTheResult ParseMaTheBhyt(byte[] field, uint issuer, bool lenient)
        {
            UIntPtr len = new UIntPtr((uint)field.Length);
            UIntPtr count;
            uint code = lenient
                ? Native.bhyt_parse_ma_the_bhyt_lenient(Bytes(field), len, issuer, null, UIntPtr.Zero, out count)
                : Native.bhyt_parse_ma_the_bhyt(Bytes(field), len, issuer, null, UIntPtr.Zero, out count);
            int n = (int)count.ToUInt64();
            BhytMaTheItem[] items = new BhytMaTheItem[n];
            if (code == BhytConstants.BufferTooSmall && n > 0)
            {
                code = lenient
                    ? Native.bhyt_parse_ma_the_bhyt_lenient(Bytes(field), len, issuer, items, new UIntPtr((uint)n), out count)
                    : Native.bhyt_parse_ma_the_bhyt(Bytes(field), len, issuer, items, new UIntPtr((uint)n), out count);
            }
            BhytMaTheResult result = new BhytMaTheResult { Code = code, Name = CodeName(code) };
            if (code != BhytConstants.Ok)
            {
                return result;
            }
            result.Items = new BhytMaTheItemResult[n];
            for (int i = 0; i < n; i++)
            {
                BhytVerdict verdict = items[i].Verdict;
                result.Items[i] = new BhytMaTheItemResult
                {
                    Code = verdict.Code,
                    Name = CodeName(verdict.Code),
                    Form = verdict.Form,
                    Key = verdict.Key,
                    Position = Position(verdict.Position),
                    ByteOffset = Position(verdict.ByteOffset),
                    Start = items[i].Start.ToUInt64(),
                    ByteStart = items[i].ByteStart.ToUInt64(),
                    ByteLen = items[i].ByteLen.ToUInt64(),
                };
            }
            return result;
        }

        public static BhytMaTheResult ParseMaTheBhyt(string field, uint issuer, bool lenient)
        {
            return ParseMaTheBhyt(Encoding.UTF8.GetBytes(field), issuer, lenient);
        }

        /// <summary>
        /// The advisory notes on <paramref name="input"/> (a card number, checked with <paramref name="issuer"/>,
        /// or a personal identification number, read as Identify reads them): informative, never a verdict (a
        /// valid number stays valid, an invalid one invalid).
        /// </summary>
        public static BhytAdviceResult Advise(byte[] input, uint issuer, bool lenient)
        {
            BhytAdvice[] notes = new BhytAdvice[BhytConstants.AdviceMax];
            UIntPtr len = new UIntPtr((uint)input.Length);
            UIntPtr capacity = new UIntPtr(BhytConstants.AdviceMax);
            UIntPtr count;
            uint code = lenient
                ? Native.bhyt_advise_lenient(Bytes(input), len, issuer, notes, capacity, out count)
                : Native.bhyt_advise(Bytes(input), len, issuer, notes, capacity, out count);
            BhytAdviceResult result = new BhytAdviceResult { Code = code, Name = CodeName(code) };
            if (code != BhytConstants.Ok)
            {
                return result;
            }
            result.Notes = new BhytAdviceNote[(int)count.ToUInt64()];
            for (int i = 0; i < result.Notes.Length; i++)
            {
                BhytAdvice note = notes[i];
                result.Notes[i] = new BhytAdviceNote
                {
                    Code = note.Code,
                    Name = AdviceCodeName(note.Code),
                    GroupCode = Utf8(note.GroupCode),
                    BenefitLevel = note.BenefitLevel,
                    UsualBenefitLevel = note.UsualBenefitLevel,
                    ShortFormPasses = note.ShortFormPasses == 1,
                    BirthPlaceCode = note.BirthPlaceCode,
                };
            }
            return result;
        }

        public static BhytAdviceResult Advise(string input, uint issuer, bool lenient)
        {
            return Advise(Encoding.UTF8.GetBytes(input), issuer, lenient);
        }

        /// <summary>The stable name of an Advice* code ("unusual_benefit_level", ...; "unknown" for any other value).</summary>
        public static string AdviceCodeName(uint code)
        {
            return Utf8(Native.bhyt_advice_code_name(code));
        }

        /// <summary>The general message of an Advice* code in <paramref name="lang"/> (without a particular note's details).</summary>
        public static string AdviceMessage(uint code, uint lang)
        {
            return Utf8(Native.bhyt_advice_message(code, lang));
        }

        /// <summary>
        /// Reads a BHYT card's QR code as a scanner types it (fields separated by '|'). The texts (name,
        /// address, guardian): QrFieldText; the error's message: ErrorText(CallIdentify, ...).
        /// </summary>
        public static BhytCardQrResult ReadCardQr(byte[] input)
        {
            BhytCardQr qr;
            BhytError error;
            UIntPtr len = new UIntPtr((uint)input.Length);
            uint code = Native.bhyt_read_card_qr(Bytes(input), len, out qr, out error);
            BhytCardQrResult result = new BhytCardQrResult { Code = code, Name = CodeName(code) };
            if (code != BhytConstants.Ok)
            {
                result.Position = Position(error.Position);
                result.ByteOffset = Position(error.ByteOffset);
                string field = Utf8(Native.bhyt_qr_error_field(BhytConstants.CallIdentify, Bytes(input), len));
                result.QrField = field.Length == 0 ? null : field;
                return result;
            }
            result.Qr = qr;
            return result;
        }

        public static BhytCardQrResult ReadCardQr(string input)
        {
            return ReadCardQr(Encoding.UTF8.GetBytes(input));
        }

        /// <summary>
        /// The text of field <paramref name="index"/> of a QR payload (a card's or a CCCD's): for a card QR the
        /// name (1), address (4, "" for '-') and guardian's name (10) decoded from hex, every other field as
        /// typed. The error is InvalidLength for an index past the last field, or the error of Identify for
        /// input that is no QR code.
        /// </summary>
        public static BhytQrFieldTextResult QrFieldText(byte[] input, ulong index)
        {
            UIntPtr len = new UIntPtr((uint)input.Length);
            UIntPtr required;
            uint code = Native.bhyt_qr_field_text(Bytes(input), len, new UIntPtr(index), null, UIntPtr.Zero, out required);
            if (code == BhytConstants.Ok || code == BhytConstants.BufferTooSmall)
            {
                byte[] buffer = new byte[required.ToUInt64()];
                code = Native.bhyt_qr_field_text(Bytes(input), len, new UIntPtr(index), buffer, required, out required);
                if (code == BhytConstants.Ok)
                {
                    return new BhytQrFieldTextResult
                    {
                        Code = code,
                        Name = CodeName(code),
                        Text = Encoding.UTF8.GetString(buffer, 0, buffer.Length - 1),
                    };
                }
            }
            return new BhytQrFieldTextResult { Code = code, Name = CodeName(code) };
        }

        public static BhytQrFieldTextResult QrFieldText(string input, ulong index)
        {
            return QrFieldText(Encoding.UTF8.GetBytes(input), index);
        }

        /// <summary>
        /// The general message of a code in <paramref name="lang"/>, without the details of a particular error
        /// (the message of a facility-code or date error: ErrorText explains the card calls).
        /// </summary>
        public static string ErrorMessage(uint code, uint lang)
        {
            return Utf8(Native.bhyt_error_message(code, lang));
        }

        /// <summary>
        /// Reads a facility code (mã cơ sở KCB) as it is written ("01 - 028", "01-028", "01028"); the error
        /// is InvalidFacilityCode with the first character that does not fit (null: the length is wrong).
        /// </summary>
        public static BhytFacilityResult ParseFacilityCode(string input)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(input);
            BhytFacilityCode code;
            BhytError error;
            uint result = Native.bhyt_parse_facility_code(Bytes(bytes), new UIntPtr((uint)bytes.Length), out code, out error);
            BhytFacilityResult found = new BhytFacilityResult { Code = result, Name = CodeName(result) };
            if (result != BhytConstants.Ok)
            {
                found.Position = Position(error.Position);
                found.ByteOffset = Position(error.ByteOffset);
                return found;
            }
            found.FacilityCode = Utf8(code.Code);
            found.Province = Utf8(code.Province);
            found.Facility = Utf8(code.Facility);
            return found;
        }

        /// <summary>
        /// Whether a card valid from <paramref name="validFrom"/> to <paramref name="validTo"/> (both included;
        /// null: no end date) is valid on <paramref name="date"/>; InvalidDate when a date is no calendar date.
        /// </summary>
        public static BhytValidityResult ValidityOn(BhytDate validFrom, BhytDate? validTo, BhytDate date)
        {
            BhytDate to = validTo ?? new BhytDate();
            uint validity;
            uint code = Native.bhyt_validity_on(ref validFrom, ref to, ref date, out validity);
            BhytValidityResult result = new BhytValidityResult { Code = code, Name = CodeName(code) };
            if (code == BhytConstants.Ok)
            {
                result.Validity = validity;
                result.ValidityName = Utf8(Native.bhyt_validity_name(validity));
            }
            return result;
        }

        /// <summary>
        /// The notes on a stay from <paramref name="admission"/> to <paramref name="discharge"/> for a card valid
        /// from <paramref name="validFrom"/> to <paramref name="validTo"/> (null: no end date); InvalidDate when a
        /// date is no calendar date. Notes, not errors: a second card may cover the rest of the stay.
        /// </summary>
        public static BhytStayNotesResult StayNotes(BhytDate validFrom, BhytDate? validTo, BhytDate admission, BhytDate discharge)
        {
            BhytDate to = validTo ?? new BhytDate();
            uint notes;
            uint code = Native.bhyt_stay_notes(ref validFrom, ref to, ref admission, ref discharge, out notes);
            BhytStayNotesResult result = new BhytStayNotesResult { Code = code, Name = CodeName(code) };
            if (code == BhytConstants.Ok)
            {
                List<string> names = new List<string>();
                for (uint bit = 1; bit != 0; bit <<= 1)
                {
                    if ((notes & bit) != 0)
                    {
                        names.Add(StayNoteName(bit));
                    }
                }
                result.Notes = notes;
                result.NoteNames = names.ToArray();
            }
            return result;
        }

        /// <summary>The stable name of one Stay* bit ("visit_before_start", ...; "unknown" for any other value).</summary>
        public static string StayNoteName(uint note)
        {
            return Utf8(Native.bhyt_stay_note_name(note));
        }

        /// <summary>The message of one Stay* bit in <paramref name="lang"/>.</summary>
        public static string StayNoteMessage(uint note, uint lang)
        {
            return Utf8(Native.bhyt_stay_note_message(note, lang));
        }

        public static string ErrorText(string input, uint issuer, bool lenient, uint lang)
        {
            return ErrorText(lenient ? BhytConstants.CallValidateLenient : BhytConstants.CallValidate,
                Encoding.UTF8.GetBytes(input), issuer, 0, lang);
        }
    }
}
