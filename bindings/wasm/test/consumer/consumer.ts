// Type-checked by `tsc --noEmit` in the consumer project (test.sh): the declarations must let
// a user write this, and must reject what is marked @ts-expect-error.

import {
  checkPrefix,
  format,
  formatTyped,
  isValid,
  normalize,
  parse,
  validate,
  validateMany,
  type BhytError,
  type Card,
  type ErrorCode,
  type Options,
  type PrefixResult,
  type ValidationResult,
} from "bhyt";

// Only type-checked, never run: stands for whatever the user does with a value.
declare function use(...values: unknown[]): void;

const options: Options = { issuer: "police", lenient: true, lang: "en" };
const result: ValidationResult = validate("CA5980123456789", options);
if (!result.valid) {
  const error: BhytError = result.error;
  const code: ErrorCode = error.code;
  const position: number | null = error.position;
  use(code, position, error.message);
}

const parsed = parse("HS4010120878811");
if (parsed.valid) {
  const card: Card = parsed.card;
  const form: 10 | 15 = card.form;
  const group: string | undefined = card.groupCode?.description;
  const level: 1 | 2 | 3 | 4 | 5 | undefined = card.benefitLevel?.level;
  const issuer: "vss" | "police" | "defence" | undefined = card.issuer?.id;
  const province: string | null = card.provinceCode;
  use(form, group, level, issuer, province, card.key, card.socialInsuranceNumber);
} else {
  use(parsed.error.code);
}

const typed: PrefixResult = checkPrefix("HS40", { issuer: "vss" });
switch (typed.state) {
  case "incomplete":
    use(typed.missing, typed.form);
    break;
  case "complete":
    use(typed.card.grouped);
    break;
  case "invalid":
    use(typed.at, typed.error.message);
    break;
}

const grouped: string | null = format("HS4010120878811", { style: "masked" });
const normalized: string | null = normalize(" hs 4 01 ");
const shown: string = formatTyped("hs401");
const ok: boolean = isValid("0101010101");
const many: ValidationResult[] = validateMany(new Set(["0101010101"]), { issuer: "any" });
use(grouped, normalized, shown, ok, many.length);

// @ts-expect-error: the issuer is one of four names
validate("0101010101", { issuer: "army" });
// @ts-expect-error: the language is vi or en
validate("0101010101", { lang: "fr" });
// @ts-expect-error: input is a string (a number would lose its leading zero)
validate(101010101);
// @ts-expect-error: style is compact, grouped or masked
format("0101010101", { style: "spaced" });
// @ts-expect-error: a valid result has no error to read a code from
const never: ErrorCode = validate("0101010101").error.code;
use(never);

// bhyt/reception: what was typed into one box, claims fields, advice.
import {
  advise,
  gatewayResult,
  identify,
  parseFacilityCode,
  parseMaTheBhyt,
  stayNotes,
  validityOn,
  type Advice,
  type FacilityCodeResult,
  type GatewayResult,
  type IdentifyResult,
  type MaTheResult,
  type PersonalId,
  type QrField,
  type StayNote,
  type Validity,
} from "bhyt/reception";

const found: IdentifyResult = identify("079195001234", { lenient: true, lang: "en" });
if (found.valid && found.kind === "personal_id") {
  const person: PersonalId = found.personalId;
  const year: number = person.birthYear;
  const sex: "male" | "female" = person.sex;
  use(year, sex, person.birthPlace.code, person.birthPlace.onProvinceList2016);
} else if (found.valid && found.kind === "card_qr") {
  const card: Card = found.card;
  const birth: string = found.birthDate;
  const to: string | null = found.validTo;
  use(card.compact, found.name, birth, to, found.facilityCode, found.layout, found.repaired);
  use(found.rawFields.map((field) => [field.index, field.value]));
} else if (found.valid && found.kind === "personal_id_qr") {
  const old: string | null = found.oldId;
  use(found.personalId.digits, old, found.name, found.birthDate, found.issuedOn);
} else if (found.valid) {
  const card: Card = found.card;
  use(card.compact);
} else {
  const kind: "card" | "personal_id" | null = found.kind;
  const field: QrField | null = found.error.field;
  use(kind, found.error.code, found.error.position, field);
}
const facility: FacilityCodeResult = parseFacilityCode("01 - 028", { lang: "en" });
if (facility.valid) {
  use(facility.facilityCode.code, facility.facilityCode.province, facility.facilityCode.facility);
} else {
  const code: "invalid_facility_code" = facility.error.code;
  use(code, facility.error.position, facility.error.message);
}
const validity: Validity = validityOn("2025-01-01", null, "2025-06-01");
const stay: StayNote[] = stayNotes("2025-01-01", "2025-12-31", "2024-12-30", "2025-01-02", {
  lang: "vi",
});
use(validity, stay.map((note) => [note.code, note.message]));
const claims: MaTheResult = parseMaTheBhyt("HS4010120878811;0120878811", { issuer: "vss" });
for (const item of claims.items) {
  use(item.start, item.end, item.valid ? item.card.compact : item.error.code, item.advice.length);
}
const gateway: GatewayResult | null = gatewayResult("000", { lang: "vi" });
if (gateway !== null) {
  const cls: "ok" | "card_info_differs" | "person_info_differs" | "card_not_usable" | "service_error" =
    gateway.class;
  use(gateway.code, cls, gateway.message);
}
const notes: Advice[] = advise("ND4010120878811", { lenient: true });
use(notes.map((note) => [note.code, note.message, note.groupCode]));

// @ts-expect-error: a validity needs its end date, or null
validityOn("2025-01-01", "2025-06-01");
// @ts-expect-error: identify knows no issuing body
identify("079195001234", { issuer: "police" });
// @ts-expect-error: a personal id result has no card
use(identify("079195001234").card.compact);
