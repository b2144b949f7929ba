package bhyt

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// rows reads a TSV file of tests/vectors (format: tests/vectors/README.md).
func rows(t *testing.T, path string) []map[string]string {
	text, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var header []string
	var out []map[string]string
	for i, line := range strings.Split(string(text), "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		fields := strings.Split(line, "\t")
		if header == nil {
			header = fields
			continue
		}
		row := map[string]string{"_line": strconv.Itoa(i + 1)}
		for k, name := range header {
			row[name] = fields[k]
		}
		out = append(out, row)
	}
	return out
}

var unescaper = strings.NewReplacer(`\\`, `\`, `\t`, "\t", `\n`, "\n", `\r`, "\r")

var issuers = map[string]Issuer{"any": IssuerAny, "vss": IssuerVSS, "police": IssuerPolice, "defence": IssuerDefence}

// Every row of tests/vectors/cards.tsv: verdict, code, position, byte offset, decoded parts, and
// the detailed message in both languages against bindings/hosts/messages.tsv.
func TestVectors(t *testing.T) {
	messages := map[string][2]string{}
	for _, row := range rows(t, "../hosts/messages.tsv") {
		messages[row["line"]] = [2]string{row["vi"], row["en"]}
	}
	count := 0
	for _, row := range rows(t, "../../tests/vectors/cards.tsv") {
		count++
		where := "cards.tsv:" + row["_line"]
		input := unescaper.Replace(row["input"])
		lenient := row["mode"] == "lenient"
		issuer := issuers[row["issuer"]]
		card, err := Parse(input, issuer, lenient)
		if (err == nil) != (row["valid"] == "true") {
			t.Errorf("%s: verdict", where)
			continue
		}
		if err == nil {
			province := fmt.Sprintf("%02d", card.ProvinceCode)
			ok := strconv.Itoa(card.Form) == row["form"] && card.Compact == row["compact"] &&
				card.SocialInsuranceNumber == row["sin"]
			if card.Form == 15 {
				ok = ok && card.GroupCode == row["group"] && strconv.Itoa(card.BenefitLevel) == row["benefit"] &&
					province == row["province"] && card.Issuer == issuers[row["issuer_decoded"]] &&
					card.GroupDescriptionVi != ""
			}
			// Every fmt verb prints the card masked, as cards.tsv's masked column has it.
			printed := fmt.Sprintf("%v %+v %#v %s", *card, *card, *card, *card)
			ok = ok && strings.Contains(printed, row["masked"]) && !strings.Contains(printed, card.SocialInsuranceNumber)
			call := CallValidate
			if lenient {
				call = CallValidateLenient
			}
			if !ok || ErrorText(call, []byte(input), issuer, 0, LangVi) != "" {
				t.Errorf("%s: decoded parts", where)
			}
			continue
		}
		position := NoPosition
		if row["position"] != "-" {
			position, _ = strconv.Atoi(row["position"])
		}
		want := messages[row["_line"]]
		if err.Code.Name() != row["code"] || err.Position != position ||
			(err.ByteOffset == NoPosition) != (position == NoPosition) ||
			err.Message(LangVi) != want[0] || err.Message(LangEn) != want[1] {
			t.Errorf("%s: %s at %d (%q)", where, err.Code.Name(), err.Position, err.Message(LangEn))
		}
	}
	if count < 1000 {
		t.Fatalf("only %d rows", count)
	}
}

// Non-ASCII and invalid UTF-8 input, BHYT_NO_POSITION, the other entry points' messages.
func TestEdges(t *testing.T) {
	check := func(ok bool, what string) {
		if !ok {
			t.Error(what)
		}
	}
	_, err := Parse("\u0110N4010123456789", IssuerAny, false)
	check(err != nil && err.Code == InvalidCharacter && err.Position == 0 && err.ByteOffset == 0, "Đ")
	_, err = Parse("HS\u00a040101208788X1", IssuerAny, true)
	check(err != nil && err.Position == 14 && err.ByteOffset == 15, "a 2-byte separator before the error")
	_, err = ParseBytes([]byte("DN4\xff10123456789"), IssuerAny, false)
	check(err != nil && err.Code == InvalidCharacter && err.Position == 3 && err.ByteOffset == 3, "invalid UTF-8")
	check(utf8.ValidString(err.Message(LangVi)), "the message of invalid UTF-8 input is UTF-8")
	check(Validate("DN4010123456A89", IssuerAny, false).Message(LangVi) ==
		"Ký tự thứ 13 là một chữ cái in hoa, cần một chữ số (0-9)", "the issue's example")
	check(Validate("DN4010123456789", IssuerPolice, false).Message(LangVi) ==
		"Với Bảo hiểm xã hội Công an nhân dân, ký tự 4-5 phải là 98", "police")
	check(Validate("DN4010123456789", IssuerAny, false) == nil, "valid")
	err = Validate("0123", IssuerAny, false)
	check(err.Code == InvalidLength && err.Position == NoPosition && err.ByteOffset == NoPosition, "no position")
	check(strings.HasPrefix(ErrorText(CallIdentify, []byte("12345"), IssuerAny, 0, LangEn), "neither"), "identify")
	check(strings.HasPrefix(ErrorText(CallMaTheBhyt, []byte("HS4010120878811;HS401012087881X"), IssuerAny, 1, LangVi),
		"Ký tự thứ 31"), "ma_the item 1")
	check(InvalidArgument.Name() == "invalid_argument" && InvalidFacilityCode.Name() == "invalid_facility_code" &&
		InvalidDate.Name() == "invalid_date" && UnrecognizedQR.Name() == "unrecognized_qr", "constants")
	check(Version() != "", "version")
}

// byteOffset is the byte offset of character number position (a rune index) in input.
func byteOffset(input string, position int) int {
	if position == NoPosition {
		return NoPosition
	}
	k := 0
	for offset := range input {
		if k == position {
			return offset
		}
		k++
	}
	return len(input)
}

// Every row of tests/vectors/facility.tsv: verdict, code, position, byte offset, the parts.
func TestFacilityVectors(t *testing.T) {
	count := 0
	for _, row := range rows(t, "../../tests/vectors/facility.tsv") {
		count++
		where := "facility.tsv:" + row["_line"]
		input := unescaper.Replace(row["input"])
		code, err := ParseFacilityCode(input)
		if (err == nil) != (row["valid"] == "true") {
			t.Errorf("%s: verdict", where)
			continue
		}
		if err == nil {
			if code.Code != row["facility_code"] || code.Province != row["province"] || code.Facility != row["facility"] {
				t.Errorf("%s: %+v", where, *code)
			}
			continue
		}
		position := NoPosition
		if row["position"] != "-" {
			position, _ = strconv.Atoi(row["position"])
		}
		if err.Code != InvalidFacilityCode || err.Code.Name() != row["code"] || err.Position != position ||
			err.ByteOffset != byteOffset(input, position) ||
			!strings.HasPrefix(err.Message(LangEn), "a facility code is a 2-digit province") ||
			(len(input) > 3 && strings.Contains(fmt.Sprintf("%#v", err), input)) {
			t.Errorf("%s: %s at %d, byte %d (%q)", where, err.Code.Name(), err.Position, err.ByteOffset, err.Message(LangEn))
		}
	}
	if count < 15 {
		t.Fatalf("only %d rows", count)
	}
}

// date reads yyyy-mm-dd as the vectors write it; "-" is Date{} (no end date).
func date(t *testing.T, text string) Date {
	if text == "-" {
		return Date{}
	}
	var y, m, d uint16
	if _, err := fmt.Sscanf(text, "%4d-%2d-%2d", &y, &m, &d); err != nil {
		t.Fatalf("date %q: %v", text, err)
	}
	return Date{Year: y, Month: uint8(m), Day: uint8(d)}
}

// Every row of tests/vectors/validity.tsv (the validity on the date, the notes on the stay),
// and the date errors.
func TestValidityVectors(t *testing.T) {
	count := 0
	for _, row := range rows(t, "../../tests/vectors/validity.tsv") {
		count++
		where := "validity.tsv:" + row["_line"]
		validity, err := ValidityOn(date(t, row["valid_from"]), date(t, row["valid_to"]), date(t, row["date"]))
		if err != nil || validity.Name() != row["validity"] {
			t.Errorf("%s: %v %v", where, validity.Name(), err)
		}
		notes, err := StayNotes(date(t, row["valid_from"]), date(t, row["valid_to"]), date(t, row["admission"]),
			date(t, row["discharge"]))
		names := []string{}
		for _, note := range notes {
			names = append(names, note.Name())
			if note.Message(LangVi) == "" || note.Message(LangVi) == note.Message(LangEn) {
				t.Errorf("%s: the messages of %s", where, note.Name())
			}
		}
		if len(names) == 0 {
			names = []string{"-"}
		}
		if err != nil || strings.Join(names, ",") != row["notes"] {
			t.Errorf("%s: notes %v %v", where, names, err)
		}
	}
	if count < 10 {
		t.Fatalf("only %d rows", count)
	}
	from, to := Date{2025, 1, 1}, Date{2025, 12, 31}
	for _, bad := range [][3]Date{{from, to, {2025, 2, 30}}, {{1990, 0, 0}, to, from}, {from, {2025, 13, 1}, from}, {from, to, {}}} {
		validity, err := ValidityOn(bad[0], bad[1], bad[2])
		if err == nil || err.Code != InvalidDate || err.Code.Name() != "invalid_date" || validity != 0 ||
			err.Position != NoPosition || err.Message(LangVi) == "" {
			t.Errorf("%v: %v %v", bad, validity, err)
		}
	}
	if v, err := ValidityOn(from, Date{}, Date{2030, 1, 1}); err != nil || v != ValidityOpenEnded {
		t.Errorf("open ended: %v %v", v, err)
	}
	for _, bad := range [][4]Date{{from, to, from, {2025, 2, 30}}, {from, to, {}, to}, {{2025, 2, 29}, to, from, to}} {
		notes, err := StayNotes(bad[0], bad[1], bad[2], bad[3])
		if err == nil || err.Code != InvalidDate || notes != nil || err.Message(LangEn) == "" {
			t.Errorf("%v: %v %v", bad, notes, err)
		}
	}
	if notes, err := StayNotes(from, to, from, to); err != nil || len(notes) != 0 {
		t.Errorf("the whole stay covered: %v %v", notes, err)
	}
	if StayExpiredBeforeDischarge.Name() != "expired_before_discharge" || StayNote(3).Name() != "unknown" {
		t.Error("stay note names")
	}
	if ValidityExpired.Name() != "expired" || Validity(0).Name() != "unknown" {
		t.Error("validity names")
	}
}

// Every row of tests/vectors/identify.tsv: verdict, kind, the card or the decoded personal
// identification number, or the code, position, byte offset and message of the error.
func TestIdentifyVectors(t *testing.T) {
	count := 0
	for _, row := range rows(t, "../../tests/vectors/identify.tsv") {
		count++
		where := "identify.tsv:" + row["_line"]
		input := unescaper.Replace(row["input"])
		lenient := row["mode"] == "lenient"
		identity, err := Identify(input, lenient)
		if (err == nil) != (row["valid"] == "true") {
			t.Errorf("%s: verdict", where)
			continue
		}
		if err == nil {
			ok := false
			switch row["kind"] {
			case "card":
				ok = identity.Kind == IdentityCard && identity.PersonalID == nil && identity.Card.Compact == row["compact"]
			case "personal_id":
				id := identity.PersonalID
				ok = identity.Kind == IdentityPersonalID && identity.Card == nil && id.Digits == row["compact"] &&
					id.Masked == row["masked"] && fmt.Sprintf("%03d", id.BirthPlaceCode) == row["birth_place"] &&
					strconv.FormatBool(id.BirthPlaceOn2016List) == row["on_2016_list"] &&
					map[Sex]string{SexMale: "male", SexFemale: "female"}[id.Sex] == row["sex"] &&
					strconv.Itoa(id.Century) == row["century"] && strconv.Itoa(id.BirthYear) == row["birth_year"]
			}
			if !ok {
				t.Errorf("%s: %+v", where, identity)
			}
			continue
		}
		position := NoPosition
		if row["position"] != "-" {
			position, _ = strconv.Atoi(row["position"])
		}
		if err.Code.Name() != row["code"] || err.Position != position || err.ByteOffset != byteOffset(input, position) ||
			err.QRField != "" || err.Message(LangVi) == "" || err.Message(LangEn) == "" ||
			(len(input) >= 10 && strings.Contains(fmt.Sprintf("%#v", err), input)) {
			t.Errorf("%s: %s at %d (%q)", where, err.Code.Name(), err.Position, err.Message(LangEn))
		}
	}
	if count < 500 {
		t.Fatalf("only %d rows", count)
	}
}

// Every row of tests/vectors/qr.tsv through Identify: verdict, kind, the card or the CCCD's
// digits, or the code, position and the field an invalid_qr_field error names.
func TestQRVectors(t *testing.T) {
	count := 0
	for _, row := range rows(t, "../../tests/vectors/qr.tsv") {
		count++
		where := "qr.tsv:" + row["_line"]
		input := unescaper.Replace(row["input"])
		identity, err := Identify(input, false)
		if (err == nil) != (row["valid"] == "true") {
			t.Errorf("%s: verdict", where)
			continue
		}
		if err == nil {
			ok := false
			switch row["kind"] {
			case "card_qr":
				ok = identity.Kind == IdentityCardQR && identity.Card.Compact == row["card"]
			case "personal_id_qr":
				ok = identity.Kind == IdentityPersonalIDQR && identity.PersonalID.Digits == row["card"]
			}
			if !ok {
				t.Errorf("%s: kind %d", where, identity.Kind)
			}
			continue
		}
		position := NoPosition
		if row["position"] != "-" {
			position, _ = strconv.Atoi(row["position"])
		}
		field := err.QRField
		if err.Code != InvalidQRField {
			// The vectors write "card" for a card error in field 0, which keeps the card's code.
			field = map[bool]string{true: "card", false: "-"}[err.Code < 100]
			if err.QRField != "" {
				field = "?"
			}
		}
		_, lenient := Identify(input, true)
		if err.Code.Name() != row["code"] || err.Position != position || err.ByteOffset != byteOffset(input, position) ||
			field != row["field"] || lenient == nil || lenient.QRField != err.QRField || err.Message(LangVi) == "" ||
			strings.Contains(fmt.Sprintf("%#v", err), input) {
			t.Errorf("%s: %s at %d in %q (%q)", where, err.Code.Name(), err.Position, err.QRField, err.Message(LangEn))
		}
	}
	if count < 70 {
		t.Fatalf("only %d rows", count)
	}
}

// Every row of tests/vectors/ma_the.tsv through ParseMaTheBhyt: the count, each item's place,
// verdict, position and byte offset in the field, the card Parse gives on the item's text, and
// the item's messages (never the item's text).
func TestMaTheVectors(t *testing.T) {
	count, items := 0, 0
	issuers := map[string]Issuer{"any": IssuerAny, "vss": IssuerVSS, "police": IssuerPolice, "defence": IssuerDefence}
	for _, row := range rows(t, "../../tests/vectors/ma_the.tsv") {
		count++
		where := "ma_the.tsv:" + row["_line"]
		field := unescaper.Replace(row["input"])
		lenient := row["mode"] == "lenient"
		issuer := issuers[row["issuer"]]
		got, err := ParseMaTheBhyt(field, issuer, lenient)
		want := strings.Split(row["items"], "|")
		if err != nil || strconv.Itoa(len(got)) != row["count"] || len(got) != len(want) {
			t.Errorf("%s: %d items (%v)", where, len(got), err)
			continue
		}
		for i, text := range want {
			items++
			parts := strings.SplitN(text, ":", 5)
			item := got[i]
			if fmt.Sprintf("%d:%d:%d", item.Start, item.ByteStart, item.ByteLen) != strings.Join(parts[:3], ":") {
				t.Errorf("%s item %d: place %d:%d:%d", where, i, item.Start, item.ByteStart, item.ByteLen)
				continue
			}
			itemText := field[item.ByteStart : item.ByteStart+item.ByteLen]
			card, single := Parse(itemText, issuer, lenient)
			if parts[3] == "valid" {
				if item.Err != nil || single != nil || card.Compact != parts[4] || item.Form != len(parts[4]) ||
					item.Key != card.Key {
					t.Errorf("%s item %d: %v %v", where, i, item.Err, single)
				}
				continue
			}
			position := NoPosition
			if parts[4] != "-" {
				position, _ = strconv.Atoi(parts[4])
			}
			e := item.Err
			if e == nil || e.Code.Name() != parts[3] || e.Position != position ||
				e.ByteOffset != byteOffset(field, position) || single == nil || single.Code != e.Code ||
				item.Form != 0 || item.Key != 0 || e.Message(LangVi) == "" || e.Message(LangEn) == "" ||
				(len(itemText) >= 10 && strings.Contains(fmt.Sprintf("%#v", e), itemText)) {
				t.Errorf("%s item %d: %+v", where, i, item)
			}
		}
	}
	if count < 150 || items <= count {
		t.Fatalf("only %d rows, %d items", count, items)
	}
	if got, err := ParseMaTheBhyt("HS4010120878811", Issuer(9), false); got != nil || err == nil ||
		err.Code != InvalidIssuer || err.Message(LangEn) == "" {
		t.Errorf("an invalid issuer: %v %v", got, err)
	}
}

// Advise: the cases of the C and JavaScript tests (bindings/c/tests/test_api.c,
// bindings/wasm/test/reception.test.mjs), and every row of cards.tsv (known notes, at most
// AdviceMax, the verdict unchanged).
func TestAdvise(t *testing.T) {
	one := func(input string, lenient bool) Advice {
		notes, err := Advise(input, IssuerAny, lenient)
		if err != nil || len(notes) != 1 {
			t.Errorf("%d notes (%v)", len(notes), err)
			return Advice{}
		}
		return notes[0]
	}
	if notes, err := Advise("DN4010123456789", IssuerAny, false); err != nil || len(notes) != 0 {
		t.Errorf("no note: %v %v", notes, err)
	}
	if n := one("TE4010123456789", false); n != (Advice{Code: AdviceUnusualBenefitLevel, GroupCode: "TE", BenefitLevel: 4,
		UsualBenefitLevel: 1}) || n.Code.Name() != "unusual_benefit_level" {
		t.Errorf("unusual benefit level: %+v", n)
	}
	for _, late := range []string{"ND4010123456789", "ND4010120878811"} {
		if n := one(late, false); n.Code.Name() != "issued_after_vneid_list" || n.GroupCode != "ND" || !n.ShortFormPasses {
			t.Errorf("issued after the VNeID list: %+v", n)
		}
	}
	if err := Validate("ND4010123456789", IssuerAny, false); err == nil || err.Code != LateGroupCode {
		t.Error("advise never changes the verdict")
	}
	for _, c := range []struct {
		input   string
		lenient bool
	}{{" 003 095 001 234", true}, {"003095001234", false}} {
		if n := one(c.input, c.lenient); n != (Advice{Code: AdviceUnlistedBirthPlaceCode, BirthPlaceCode: 3}) {
			t.Errorf("unlisted birth place: %+v", n)
		}
	}
	for _, input := range []string{"079195001234", ""} {
		if notes, err := Advise(input, IssuerAny, false); err != nil || notes != nil {
			t.Errorf("none: %v %v", notes, err)
		}
	}
	if notes, err := Advise("TE4010123456789", Issuer(9), false); err == nil || err.Code != InvalidIssuer || notes != nil ||
		err.Message(LangEn) == "" {
		t.Errorf("invalid issuer: %v %v", notes, err)
	}
	if AdviceShortFormInClaims.Name() != "short_form_in_claims" || AdviceCode(0).Name() != "unknown" {
		t.Error("advice code names")
	}
	if AdviceUnusualBenefitLevel.Message(LangEn) != "the benefit level differs from the level usual for the group; "+
		"this is normal for a person who belongs to several groups (the best level applies)" ||
		AdviceIssuedAfterVneidList.Message(LangVi) == "" || AdviceCode(99).Message(LangEn) != "unknown advice code" {
		t.Error("advice messages")
	}
	issuers := map[string]Issuer{"any": IssuerAny, "vss": IssuerVSS, "police": IssuerPolice, "defence": IssuerDefence}
	noted := 0
	for _, row := range rows(t, "../../tests/vectors/cards.tsv") {
		input := unescaper.Replace(row["input"])
		lenient := row["mode"] == "lenient"
		issuer := issuers[row["issuer"]]
		notes, err := Advise(input, issuer, lenient)
		ok := err == nil && len(notes) <= AdviceMax
		for _, n := range notes {
			noted++
			ok = ok && n.Code.Name() != "unknown" && n.Code != AdviceShortFormInClaims
		}
		if !ok || (Validate(input, issuer, lenient) == nil) != (row["valid"] == "true") {
			t.Errorf("cards.tsv:%s: advise %v %v", row["_line"], notes, err)
		}
	}
	if noted == 0 {
		t.Error("no cards.tsv row has a note")
	}
}

func iso(d Date) string {
	switch {
	case d.Year == 0:
		return "-"
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// hexText is a field's text as the vectors write decoded texts: the hex of its UTF-8, "-"
// when empty.
func hexText(text string, err *Error) string {
	switch {
	case err != nil:
		return "?"
	case text == "":
		return "-"
	}
	return fmt.Sprintf("%x", text)
}

// Every row of tests/vectors/qr.tsv through ReadCardQR and QRFieldText: a card QR's fields,
// a CCCD QR's name and old number, and for input that is no card QR the error of Identify;
// no fmt verb prints the card or the name.
func TestReadCardQRVectors(t *testing.T) {
	layouts := map[QRLayout]string{QRLayout10Fields: "10_fields", QRLayout15Tokens: "15_tokens",
		QRLayout17Tokens: "17_tokens", QRLayoutOther: "other"}
	count := 0
	for _, row := range rows(t, "../../tests/vectors/qr.tsv") {
		count++
		where := "qr.tsv:" + row["_line"]
		input := unescaper.Replace(row["input"])
		qr, err := ReadCardQR(input)
		switch {
		case row["kind"] == "card_qr" && row["valid"] == "true":
			if err != nil || qr.Card.Compact != row["card"] {
				t.Errorf("%s: card (%v)", where, err)
				continue
			}
			sex := map[Sex]string{SexMale: "male", SexFemale: "female"}[qr.Sex]
			if iso(qr.BirthDate) != row["birth_date"] || sex != row["sex"] || qr.FacilityCode != row["facility_code"] ||
				iso(qr.ValidFrom) != row["valid_from"] || iso(qr.ValidTo) != row["valid_to"] ||
				iso(qr.IssuedOn) != row["issued_on"] || iso(qr.FiveYearsOn) != row["five_years_on"] ||
				layouts[qr.Layout] != row["layout"] || strconv.FormatBool(qr.Repaired) != row["repaired"] ||
				strconv.FormatBool(qr.UTF16) != row["utf16"] {
				t.Errorf("%s: fields %v", where, qr)
			}
			name, nameErr := QRFieldText(input, 1)
			address := hexText(QRFieldText(input, 4))
			manager, _ := QRFieldText(input, 9)
			if hexText(name, nameErr) != row["name_hex"] || address != row["address_hex"] || qr.HasAddress != (address != "-") ||
				manager != row["manager_code"] {
				t.Errorf("%s: texts", where)
			}
			if qr.FieldCount > 10 && hexText(QRFieldText(input, 10)) != row["guardian_hex"] {
				t.Errorf("%s: guardian", where)
			}
			if _, past := QRFieldText(input, qr.FieldCount); past == nil || past.Code != InvalidLength {
				t.Errorf("%s: past the last field", where)
			}
			if row["raw_fields"] != "-" {
				for _, index := range strings.Split(row["raw_fields"], ",") {
					i, _ := strconv.Atoi(index)
					if _, rawErr := QRFieldText(input, i); rawErr != nil {
						t.Errorf("%s: raw field %d", where, i)
					}
				}
			}
			for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
				text := fmt.Sprintf(verb, qr) + fmt.Sprintf(verb, *qr)
				if strings.Contains(text, row["card"]) || (name != "" && strings.Contains(text, name)) || !strings.Contains(text, "******") {
					t.Errorf("%s: %s shows personal data", where, verb)
				}
			}
		case row["valid"] == "true":
			name, nameErr := QRFieldText(input, 2)
			old, _ := QRFieldText(input, 1)
			if old == "" {
				old = "-"
			}
			if err == nil || err.Code != UnrecognizedQR || qr != nil || hexText(name, nameErr) != row["name_hex"] ||
				old != row["old_id"] {
				t.Errorf("%s: CCCD (%v)", where, err)
			}
		default:
			position := NoPosition
			if row["position"] != "-" {
				position, _ = strconv.Atoi(row["position"])
			}
			_, identifyErr := Identify(input, false)
			text, textErr := QRFieldText(input, 0)
			if err == nil || qr != nil || err.Code.Name() != row["code"] || err.Position != position ||
				identifyErr == nil || err.QRField != identifyErr.QRField || err.Message(LangVi) == "" ||
				textErr == nil || textErr.Code != err.Code || text != "" ||
				(len(input) >= 10 && strings.Contains(fmt.Sprintf("%#v", err), input)) {
				t.Errorf("%s: error %v", where, err)
			}
		}
	}
	if count < 70 {
		t.Fatalf("only %d rows", count)
	}
	if _, err := ReadCardQR("HS4010120878811"); err == nil || err.Code != UnrecognizedQR || err.Message(LangEn) == "" {
		t.Errorf("a typed number: %v", err)
	}
	if _, err := QRFieldText("HS4010120878811|-|1990|1|-|01028|01/01/2025|-|01/01/2025|79", -1); err == nil ||
		err.Code != InvalidLength {
		t.Errorf("a negative field index: %v", err)
	}
	if _, err := QRFieldText("HS4010120878811", 0); err == nil || err.Code != UnrecognizedQR {
		t.Errorf("a typed number's field: %v", err)
	}
}
