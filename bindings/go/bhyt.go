// Package bhyt is the Go binding of bhyt, the reference library for Vietnamese
// health-insurance (BHYT) card numbers: cgo over the C library (libbhyt), found through
// pkg-config (bhyt.pc: the shared library, loaded by its soname libbhyt.so.0.MINOR; with the
// build tag bhyt_static, bhyt-static.pc: the static archive, nothing to ship). The rules are
// the library's; this package only translates. Every function is safe for concurrent use.
//
//	err := bhyt.Validate("DN4010123456A89", bhyt.IssuerAny, false)
//	fmt.Println(err.Message(bhyt.LangVi)) // Ký tự thứ 13 là một chữ cái in hoa, cần một chữ số (0-9)
package bhyt

/*
#cgo !bhyt_static pkg-config: bhyt
#cgo bhyt_static pkg-config: bhyt-static
#include <bhyt.h>
*/
import "C"

import (
	"fmt"
	"unsafe"
)

// Issuer is an issuing body chosen in a form (BHYT_ISSUER_*).
type Issuer uint32

// Lang is the language of a message (BHYT_LANG_*).
type Lang uint32

// Call names the entry point whose error a message explains (BHYT_CALL_*).
type Call uint32

// Code is a result code (bhyt_result): OK or an error code.
type Code uint32

// Validity is whether a card is valid on a date (BHYT_VALIDITY_*).
type Validity uint32

// StayNote is one note on a stay (a BHYT_STAY_* bit).
type StayNote uint32

// AdviceCode is the code of an advisory note (BHYT_ADVICE_*).
type AdviceCode uint32

// QRLayout is a card QR's layout (BHYT_QR_LAYOUT_*).
type QRLayout uint32

// IdentityKind is what Identify found (BHYT_IDENTITY_*).
type IdentityKind uint32

// Sex is the sex a personal identification number encodes (BHYT_SEX_*).
type Sex uint8

// The constants (OK, InvalidLength, ..., IssuerAny, ..., ValidityValid, ...) are in
// constants.go, generated from bhyt.h by bindings/hosts/generate.py; cgo reads their values
// from bhyt.h.

// NoPosition is Error.Position and Error.ByteOffset when there is none (C's
// BHYT_NO_POSITION, SIZE_MAX, is translated to -1).
const NoPosition = -1

// Name is the code's stable name ("invalid_character", ...).
func (c Code) Name() string {
	return C.GoString(C.bhyt_error_code_name(C.uint32_t(c)))
}

// Card is a decoded card number. Personal data: every fmt verb prints it masked
// (bhyt_format's masked style), never Compact, SocialInsuranceNumber or Key.
type Card struct {
	Form                  int
	Compact               string
	GroupCode             string
	SocialInsuranceNumber string
	BenefitLevel          int
	ProvinceCode          int
	Issuer                Issuer
	Key                   uint64
	GroupDescriptionVi    string
	GroupDescriptionEn    string
	BenefitMeaningVi      string
	IssuerNameVi          string
	masked                string
}

// Format prints the card masked ("HS 4 01 ******8811"), whatever the verb.
func (c Card) Format(f fmt.State, verb rune) {
	fmt.Fprintf(f, "bhyt.Card{%s}", c.masked)
}

// Error says why a number is invalid and where; Message gives the core's full text. An Error
// keeps its messages, never the input (personal data).
type Error struct {
	Code       Code
	Position   int // 0-based character index, or NoPosition
	ByteOffset int // where that character starts in the input's bytes, or NoPosition
	// QRField is, for an InvalidQRField error of Identify, the stable name of the QR field
	// ("birth_date", "valid_to", ...); "" for any other error.
	QRField string
	text    [2]string // the message in Vietnamese and in English
}

func (e *Error) Error() string { return e.Message(LangEn) }

// Message is the full message of the error, as the core writes it (LangVi, or English).
func (e *Error) Message(lang Lang) string {
	if lang == LangVi {
		return e.text[0]
	}
	return e.text[1]
}

// callError is the error the entry point call reports for input, with the core's messages.
func callError(code C.bhyt_result, cerr *C.bhyt_error, call Call, input []byte, issuer Issuer, item int) *Error {
	return &Error{Code: Code(code), Position: position(cerr.position), ByteOffset: position(cerr.byte_offset),
		text: [2]string{ErrorText(call, input, issuer, item, LangVi), ErrorText(call, input, issuer, item, LangEn)}}
}

// codeError is an error of a call that bhyt_error_text does not explain (a facility code, a
// date): its messages are the code's general ones.
func codeError(code C.bhyt_result, position, byteOffset int) *Error {
	return &Error{Code: Code(code), Position: position, ByteOffset: byteOffset,
		text: [2]string{Code(code).Message(LangVi), Code(code).Message(LangEn)}}
}

// Message is the code's general message in lang (bhyt_error_message), without the details of
// a particular error.
func (c Code) Message(lang Lang) string {
	return C.GoString(C.bhyt_error_message(C.uint32_t(c), C.bhyt_lang(lang)))
}

// bytes gives C a pointer to the input's bytes (a real, empty buffer for an empty input).
func bytes(input []byte) (*C.char, C.size_t) {
	if len(input) == 0 {
		var empty [1]byte
		return (*C.char)(unsafe.Pointer(&empty[0])), 0
	}
	return (*C.char)(unsafe.Pointer(&input[0])), C.size_t(len(input))
}

func position(value C.size_t) int {
	if value == C.BHYT_NO_POSITION {
		return NoPosition
	}
	return int(value)
}

// Version is the library's version.
func Version() string { return C.GoString(C.bhyt_version()) }

// Validate checks a number (any bytes: invalid UTF-8 is an invalid character); nil if valid.
func Validate(input string, issuer Issuer, lenient bool) *Error {
	_, err := ParseBytes([]byte(input), issuer, lenient)
	return err
}

// Parse validates and decodes a number.
func Parse(input string, issuer Issuer, lenient bool) (*Card, *Error) {
	return ParseBytes([]byte(input), issuer, lenient)
}

// ParseBytes is Parse on bytes.
func ParseBytes(input []byte, issuer Issuer, lenient bool) (*Card, *Error) {
	var card C.bhyt_card
	var cerr C.bhyt_error
	data, n := bytes(input)
	call := CallValidate
	var code C.bhyt_result
	if lenient {
		call = CallValidateLenient
		code = C.bhyt_parse_lenient(data, n, C.bhyt_issuer(issuer), &card, &cerr)
	} else {
		code = C.bhyt_parse(data, n, C.bhyt_issuer(issuer), &card, &cerr)
	}
	if code != C.BHYT_OK {
		return nil, callError(code, &cerr, call, input, issuer, 0)
	}
	return goCard(&card), nil
}

// goCard is a bhyt_card as a Card.
func goCard(card *C.bhyt_card) *Card {
	var masked [C.BHYT_FORMAT_SIZE]C.char
	C.bhyt_format(card, C.BHYT_STYLE_MASKED, &masked[0], C.BHYT_FORMAT_SIZE, nil)
	return &Card{
		masked:                C.GoString(&masked[0]),
		Form:                  int(card.form),
		Compact:               C.GoString(&card.compact[0]),
		GroupCode:             C.GoString(&card.group_code[0]),
		SocialInsuranceNumber: C.GoString(&card.social_insurance_number[0]),
		BenefitLevel:          int(card.benefit_level),
		ProvinceCode:          int(card.province_code),
		Issuer:                Issuer(card.issuer),
		Key:                   uint64(card.key),
		GroupDescriptionVi:    C.GoString(card.group_description_vi),
		GroupDescriptionEn:    C.GoString(card.group_description_en),
		BenefitMeaningVi:      C.GoString(card.benefit_meaning_vi),
		IssuerNameVi:          C.GoString(card.issuer_name_vi),
	}
}

// ErrorText is the full message of the error the entry point call reports for input (item:
// the MA_THE_BHYT item's number, else 0); "" when there is none.
func ErrorText(call Call, input []byte, issuer Issuer, item int, lang Lang) string {
	data, n := bytes(input)
	needed := C.bhyt_error_text(C.bhyt_call(call), data, n, C.bhyt_issuer(issuer), C.size_t(item), C.bhyt_lang(lang), nil, 0)
	if needed == 0 {
		return ""
	}
	buffer := make([]byte, int(needed)+1)
	C.bhyt_error_text(C.bhyt_call(call), data, n, C.bhyt_issuer(issuer), C.size_t(item), C.bhyt_lang(lang),
		(*C.char)(unsafe.Pointer(&buffer[0])), C.size_t(len(buffer)))
	return string(buffer[:needed])
}

// FacilityCode is a facility code (mã cơ sở KCB), normalised: Code "01028", Province "01",
// Facility "028".
type FacilityCode struct {
	Code     string
	Province string
	Facility string
}

// ParseFacilityCode reads a facility code as it is written ("01 - 028", "01-028", "01028").
// The error is InvalidFacilityCode, with the position of the first character that does not
// fit (NoPosition when the number of characters is wrong).
func ParseFacilityCode(input string) (*FacilityCode, *Error) {
	var code C.bhyt_facility_code
	var cerr C.bhyt_error
	data, n := bytes([]byte(input))
	if rc := C.bhyt_parse_facility_code(data, n, &code, &cerr); rc != C.BHYT_OK {
		return nil, codeError(rc, position(cerr.position), position(cerr.byte_offset))
	}
	return &FacilityCode{
		Code:     C.GoString(&code.code[0]),
		Province: C.GoString(&code.province[0]),
		Facility: C.GoString(&code.facility[0]),
	}, nil
}

// Date is a calendar date as C's bhyt_date holds it; the zero Date is "no date" (a valid-to
// of Date{} is a card without an end date).
type Date struct {
	Year  uint16
	Month uint8
	Day   uint8
}

func (d Date) c() C.bhyt_date {
	return C.bhyt_date{year: C.uint16_t(d.Year), month: C.uint8_t(d.Month), day: C.uint8_t(d.Day)}
}

// Name is the validity's stable name ("before_start", "expired", "valid", "open_ended").
func (v Validity) Name() string {
	return C.GoString(C.bhyt_validity_name(C.bhyt_validity(v)))
}

// ValidityOn says whether a card valid from validFrom to validTo (both included; Date{}: no
// end date) is valid on date. The error is InvalidDate when a date is no calendar date.
func ValidityOn(validFrom, validTo, date Date) (Validity, *Error) {
	from, to, on := validFrom.c(), validTo.c(), date.c()
	var out C.bhyt_validity
	if rc := C.bhyt_validity_on(&from, &to, &on, &out); rc != C.BHYT_OK {
		return 0, codeError(rc, NoPosition, NoPosition)
	}
	return Validity(out), nil
}

// PersonalID is a decoded 12-digit personal identification number (số định danh cá nhân).
// Personal data, like a card number: log Masked, never Digits.
type PersonalID struct {
	Digits               string // the 12 digits
	Masked               string // the first 8 replaced by '*': "********1234"
	Sex                  Sex
	BirthPlaceOn2016List bool // BirthPlaceCode is on the 2016 list of the 63 provinces' codes
	BirthPlaceCode       int  // digits 1-3, 0 to 999
	Century              int  // the first year of the birth century (1900, 2000, ...)
	BirthYear            int
}

// Identity is what Identify found in one search box: Card for IdentityCard and
// IdentityCardQR, PersonalID for IdentityPersonalID and IdentityPersonalIDQR (the other nil).
type Identity struct {
	Kind       IdentityKind
	Card       *Card
	PersonalID *PersonalID
}

// Identify says what was typed into one search box: a card number (10 or 15 characters,
// checked with IssuerAny), a 12-digit personal identification number, or a card's or a CCCD's
// QR code (input with '|'). The error's Message is the core's; for InvalidQRField, QRField
// names the field.
func Identify(input string, lenient bool) (*Identity, *Error) {
	return IdentifyBytes([]byte(input), lenient)
}

// IdentifyBytes is Identify on bytes.
func IdentifyBytes(input []byte, lenient bool) (*Identity, *Error) {
	var identity C.bhyt_identity
	var cerr C.bhyt_error
	data, n := bytes(input)
	call := CallIdentify
	var code C.bhyt_result
	if lenient {
		call = CallIdentifyLenient
		code = C.bhyt_identify_lenient(data, n, &identity, &cerr)
	} else {
		code = C.bhyt_identify(data, n, &identity, &cerr)
	}
	if code != C.BHYT_OK {
		err := callError(code, &cerr, call, input, IssuerAny, 0)
		err.QRField = C.GoString(C.bhyt_qr_error_field(C.bhyt_call(call), data, n))
		return nil, err
	}
	out := &Identity{Kind: IdentityKind(identity.kind)}
	switch out.Kind {
	case IdentityCard, IdentityCardQR:
		out.Card = goCard(&identity.card)
	default:
		id := &identity.personal_id
		out.PersonalID = &PersonalID{
			Digits:               C.GoString(&id.digits[0]),
			Masked:               C.GoString(&id.masked[0]),
			Sex:                  Sex(id.sex),
			BirthPlaceOn2016List: id.birth_place_on_2016_list == 1,
			BirthPlaceCode:       int(id.birth_place_code),
			Century:              int(id.century),
			BirthYear:            int(id.birth_year),
		}
	}
	return out, nil
}

// Name is the note's stable name ("visit_before_start", "became_valid_during_stay",
// "expired_before_discharge").
func (n StayNote) Name() string {
	return C.GoString(C.bhyt_stay_note_name(C.bhyt_stay_note(n)))
}

// Message is the note's message in lang.
func (n StayNote) Message(lang Lang) string {
	return C.GoString(C.bhyt_stay_note_message(C.bhyt_stay_note(n), C.bhyt_lang(lang)))
}

// StayNotes gives the notes on a stay from admission to discharge for a card valid from
// validFrom to validTo (Date{}: no end date), one StayNote per note in the order of their
// bits; none when the card covers the whole stay. Notes, not errors: a second card may cover
// the rest. The error is InvalidDate when a date is no calendar date.
func StayNotes(validFrom, validTo, admission, discharge Date) ([]StayNote, *Error) {
	from, to, in, out := validFrom.c(), validTo.c(), admission.c(), discharge.c()
	var bits C.bhyt_stay_note
	if rc := C.bhyt_stay_notes(&from, &to, &in, &out, &bits); rc != C.BHYT_OK {
		return nil, codeError(rc, NoPosition, NoPosition)
	}
	var notes []StayNote
	for bit := StayNote(1); bit != 0 && bit <= StayNote(bits); bit <<= 1 {
		if StayNote(bits)&bit != 0 {
			notes = append(notes, bit)
		}
	}
	return notes, nil
}

// MaTheItem is one item of a claims MA_THE_BHYT field: its place in the field (its text is
// field[ByteStart:ByteStart+ByteLen], surrounding whitespace dropped) and its verdict: Form
// and Key for a valid card number, else Err (positions in the whole field, the core's message
// for the item).
type MaTheItem struct {
	Start     int // the character position where the item's text starts
	ByteStart int // the byte offset of the same place
	ByteLen   int // the item's text length in bytes (0 for an empty item: InvalidLength)
	Form      int // valid: 10 or 15; otherwise 0
	Key       uint64
	Err       *Error
}

// ParseMaTheBhyt splits a claims MA_THE_BHYT field (card codes joined with ';') and checks
// every item as Validate would, with issuer. Every ';' separates two items; whitespace around
// an item is dropped; an empty item is reported (InvalidLength), never skipped. The error is
// the call's own, InvalidIssuer (never an item's: those are in the items).
func ParseMaTheBhyt(field string, issuer Issuer, lenient bool) ([]MaTheItem, *Error) {
	return ParseMaTheBhytBytes([]byte(field), issuer, lenient)
}

// ParseMaTheBhytBytes is ParseMaTheBhyt on bytes.
func ParseMaTheBhytBytes(field []byte, issuer Issuer, lenient bool) ([]MaTheItem, *Error) {
	data, n := bytes(field)
	call := CallMaTheBhyt
	parse := func(items *C.bhyt_ma_the_item, capacity C.size_t, count *C.size_t) C.bhyt_result {
		if lenient {
			return C.bhyt_parse_ma_the_bhyt_lenient(data, n, C.bhyt_issuer(issuer), items, capacity, count)
		}
		return C.bhyt_parse_ma_the_bhyt(data, n, C.bhyt_issuer(issuer), items, capacity, count)
	}
	if lenient {
		call = CallMaTheBhytLenient
	}
	var count C.size_t
	if rc := parse(nil, 0, &count); (rc != C.BHYT_OK && rc != C.BHYT_BUFFER_TOO_SMALL) || count == 0 {
		return nil, codeError(rc, NoPosition, NoPosition)
	}
	items := make([]C.bhyt_ma_the_item, int(count))
	if rc := parse(&items[0], count, &count); rc != C.BHYT_OK {
		return nil, codeError(rc, NoPosition, NoPosition)
	}
	out := make([]MaTheItem, len(items))
	for i := range items {
		item := &items[i]
		v := &item.verdict
		out[i] = MaTheItem{Start: int(item.start), ByteStart: int(item.byte_start), ByteLen: int(item.byte_len),
			Form: int(v.form), Key: uint64(v.key)}
		if v.code != C.BHYT_OK {
			out[i].Err = &Error{Code: Code(v.code), Position: position(v.position), ByteOffset: position(v.byte_offset),
				text: [2]string{ErrorText(call, field, issuer, i, LangVi), ErrorText(call, field, issuer, i, LangEn)}}
		}
	}
	return out, nil
}

// Name is the advice code's stable name ("unusual_benefit_level", ...; "unknown" for any
// other value).
func (a AdviceCode) Name() string {
	return C.GoString(C.bhyt_advice_code_name(C.bhyt_advice_code(a)))
}

// Message is the advice code's general message in lang (without a particular note's details).
func (a AdviceCode) Message(lang Lang) string {
	return C.GoString(C.bhyt_advice_message(C.bhyt_advice_code(a), C.bhyt_lang(lang)))
}

// Advice is one advisory note: informative, never a verdict. Fields that do not apply to its
// code are "" or 0.
type Advice struct {
	Code              AdviceCode
	GroupCode         string // unusual benefit level, issued after the VNeID list: the group code
	BenefitLevel      int    // unusual benefit level: the card's level (1-5)
	UsualBenefitLevel int    // unusual benefit level: the level usual for the group (1-5)
	ShortFormPasses   bool   // issued after the VNeID list: the last 10 characters pass the VNeID rule
	BirthPlaceCode    int    // unlisted birth-place code: digits 1-3 of the number (0-999)
}

// AdviceMax is the most notes Advise gives for one input (BHYT_ADVICE_MAX).
const AdviceMax = C.BHYT_ADVICE_MAX

// Advise gives the advisory notes on input (a card number, checked with issuer, or a personal
// identification number, read as Identify reads them): informative, never a verdict (a valid
// number stays valid, an invalid one invalid). None: nil. The error is InvalidIssuer.
func Advise(input string, issuer Issuer, lenient bool) ([]Advice, *Error) {
	return AdviseBytes([]byte(input), issuer, lenient)
}

// AdviseBytes is Advise on bytes.
func AdviseBytes(input []byte, issuer Issuer, lenient bool) ([]Advice, *Error) {
	var notes [C.BHYT_ADVICE_MAX]C.bhyt_advice
	var count C.size_t
	data, n := bytes(input)
	var code C.bhyt_result
	if lenient {
		code = C.bhyt_advise_lenient(data, n, C.bhyt_issuer(issuer), &notes[0], C.BHYT_ADVICE_MAX, &count)
	} else {
		code = C.bhyt_advise(data, n, C.bhyt_issuer(issuer), &notes[0], C.BHYT_ADVICE_MAX, &count)
	}
	if code != C.BHYT_OK {
		return nil, codeError(code, NoPosition, NoPosition)
	}
	var out []Advice
	for i := 0; i < int(count); i++ {
		note := &notes[i]
		out = append(out, Advice{
			Code:              AdviceCode(note.code),
			GroupCode:         C.GoString(&note.group_code[0]),
			BenefitLevel:      int(note.benefit_level),
			UsualBenefitLevel: int(note.usual_benefit_level),
			ShortFormPasses:   note.short_form_passes == 1,
			BirthPlaceCode:    int(note.birth_place_code),
		})
	}
	return out, nil
}

// CardQR is a BHYT card's QR code (paper card, VssID) read into the fields that are not text;
// the texts (name, address, guardian) are read with QRFieldText. Personal data: every fmt
// verb prints the card masked and no other personal field.
type CardQR struct {
	Card            *Card
	BirthDate       Date // the date of birth, or the year alone (Month and Day 0)
	Sex             Sex
	HasAddress      bool // field 4 (address) is not "-"
	HasGuardianName bool // field 10 (parent or guardian's name) is present and not "-"
	Repaired        bool // Telex damage in a hex field was undone
	UTF16           bool // a hex field's bytes were read as UTF-16LE
	FacilityCode    string
	ValidFrom       Date
	ValidTo         Date // Date{}: no end date
	IssuedOn        Date
	FiveYearsOn     Date // Date{} when absent
	Layout          QRLayout
	FieldCount      int // how many fields, not counting the closing '$'
}

// Format prints the card masked (as Card prints it), the layout and the field count, whatever
// the verb.
func (q CardQR) Format(f fmt.State, verb rune) {
	masked := ""
	if q.Card != nil {
		masked = q.Card.masked
	}
	fmt.Fprintf(f, "bhyt.CardQR{Card: %s, Layout: %d, FieldCount: %d}", masked, q.Layout, q.FieldCount)
}

// ReadCardQR reads a BHYT card's QR code as a scanner types it (fields separated by '|').
// The error is Identify's (its Message the core's; for InvalidQRField, QRField names the
// field), and UnrecognizedQR for input that is something else than a card's QR code.
func ReadCardQR(input string) (*CardQR, *Error) {
	return ReadCardQRBytes([]byte(input))
}

// ReadCardQRBytes is ReadCardQR on bytes.
func ReadCardQRBytes(input []byte) (*CardQR, *Error) {
	var qr C.bhyt_card_qr
	var cerr C.bhyt_error
	data, n := bytes(input)
	if code := C.bhyt_read_card_qr(data, n, &qr, &cerr); code != C.BHYT_OK {
		err := callError(code, &cerr, CallIdentify, input, IssuerAny, 0)
		if err.text[0] == "" {
			// Input that bhyt_identify reads as something else: the code's general messages.
			err = codeError(code, err.Position, err.ByteOffset)
		}
		err.QRField = C.GoString(C.bhyt_qr_error_field(C.bhyt_call(CallIdentify), data, n))
		return nil, err
	}
	date := func(d C.bhyt_date) Date { return Date{Year: uint16(d.year), Month: uint8(d.month), Day: uint8(d.day)} }
	return &CardQR{
		Card:            goCard(&qr.card),
		BirthDate:       date(qr.birth_date),
		Sex:             Sex(qr.sex),
		HasAddress:      qr.has_address == 1,
		HasGuardianName: qr.has_guardian_name == 1,
		Repaired:        qr.repaired == 1,
		UTF16:           qr.utf16 == 1,
		FacilityCode:    C.GoString(&qr.facility_code[0]),
		ValidFrom:       date(qr.valid_from),
		ValidTo:         date(qr.valid_to),
		IssuedOn:        date(qr.issued_on),
		FiveYearsOn:     date(qr.five_years_on),
		Layout:          QRLayout(qr.layout),
		FieldCount:      int(qr.field_count),
	}, nil
}

// QRFieldText is the text of field index of a QR payload (a card's or a CCCD's): for a card
// QR the name (1), address (4, "" for "-") and guardian's name (10) decoded from hex, every
// other field as typed. Personal data: do not log it. The error is InvalidLength for an index
// past the last field (or a negative one), or Identify's code for input that is no QR code.
func QRFieldText(input string, index int) (string, *Error) {
	if index < 0 {
		return "", codeError(C.BHYT_INVALID_LENGTH, NoPosition, NoPosition)
	}
	raw := []byte(input)
	data, n := bytes(raw)
	var required C.size_t
	code := C.bhyt_qr_field_text(data, n, C.size_t(index), nil, 0, &required)
	if code == C.BHYT_OK || code == C.BHYT_BUFFER_TOO_SMALL {
		buffer := make([]byte, int(required))
		code = C.bhyt_qr_field_text(data, n, C.size_t(index), (*C.char)(unsafe.Pointer(&buffer[0])), required, &required)
		if code == C.BHYT_OK {
			return string(buffer[:len(buffer)-1]), nil
		}
	}
	return "", codeError(code, NoPosition, NoPosition)
}
