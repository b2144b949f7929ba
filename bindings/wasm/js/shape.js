// The objects the Rust side of the package returns, built here from the pieces it passes:
// shapes only, no logic. Imported by the WebAssembly module (see src/lib.rs); wasm-bindgen
// copies this file into pkg/snippets/.

// The text the Rust side writes a piece at a time (messages, keys, grouped input).
let written = "";

export function reset() {
  written = "";
}

export function write(piece) {
  written += piece;
}

export function text() {
  const taken = written;
  written = "";
  return taken;
}

export function error(code, position) {
  return { code, position: position === undefined ? null : position, message: text() };
}

export function card(
  form,
  group,
  groupDescription,
  benefit,
  benefitMeaning,
  issuer,
  issuerName,
  province,
  socialInsuranceNumber,
  key,
  compact,
  grouped,
  masked,
) {
  return {
    form,
    groupCode: group === undefined ? null : { code: group, description: groupDescription },
    benefitLevel: benefit === undefined ? null : { level: benefit, meaning: benefitMeaning },
    issuer: issuer === undefined ? null : { id: issuer, name: issuerName },
    provinceCode: province === undefined ? null : province,
    socialInsuranceNumber,
    // The card's key (a number below 10^10) with 10 digits, as the core's CardKey displays it.
    key: String(key).padStart(10, "0"),
    compact,
    grouped,
    masked,
  };
}

export function accepted() {
  return { valid: true };
}

export function parsed(card) {
  return { valid: true, card };
}

export function rejected(error) {
  return { valid: false, error };
}

export function incomplete(form, missing) {
  return { state: "incomplete", form: form === undefined ? null : form, missing };
}

export function complete(form, card) {
  return { state: "complete", form, missing: 0, card };
}

export function invalid(at, error) {
  return { state: "invalid", at, error };
}

// The reception-desk module (src/reception.rs).

export function identifiedCard(card) {
  return { valid: true, kind: "card", card };
}

export function identifiedPerson(digits, masked, birthPlace, on2016List, sex, century, birthYear) {
  return {
    valid: true,
    kind: "personal_id",
    personalId: {
      digits,
      masked,
      birthPlace: { code: birthPlace, onProvinceList2016: on2016List },
      sex,
      century,
      birthYear,
    },
  };
}

export function identifiedCardQr(card, name, birthDate, sex, address, facilityCode, validFrom,
  validTo, issuedOn, managerCode, guardianName, fiveYearsOn, rawFields, layout, repaired, utf16) {
  return {
    valid: true,
    kind: "card_qr",
    card,
    name,
    birthDate,
    sex,
    address: orNull(address),
    facilityCode,
    validFrom,
    validTo: orNull(validTo),
    issuedOn,
    managerCode,
    guardianName: orNull(guardianName),
    fiveYearsOn: orNull(fiveYearsOn),
    rawFields,
    layout,
    repaired,
    utf16,
  };
}

export function identifiedPersonQr(person, oldId, name, birthDate, sex, address, issuedOn,
  rawFields) {
  return {
    valid: true,
    kind: "personal_id_qr",
    personalId: person.personalId,
    oldId: orNull(oldId),
    name: orNull(name),
    birthDate: orNull(birthDate),
    sex: orNull(sex),
    address: orNull(address),
    issuedOn: orNull(issuedOn),
    rawFields,
  };
}

export function gateway(code, cls, message) {
  return { code, class: cls, message };
}

export function rawField(index, value) {
  return { index, value };
}

export function unidentified(kind, error, field) {
  return { valid: false, kind: orNull(kind), error: { ...error, field: orNull(field) } };
}

function orNull(value) {
  return value === undefined ? null : value;
}

export function note(code, group, level, usualLevel, shortFormPasses, birthPlace) {
  return {
    code,
    message: text(),
    groupCode: orNull(group),
    benefitLevel: orNull(level),
    usualBenefitLevel: orNull(usualLevel),
    shortFormPasses: orNull(shortFormPasses),
    birthPlace: orNull(birthPlace),
  };
}

export function list() {
  return [];
}

export function push(array, value) {
  array.push(value);
}

export function item(index, start, end, verdict, advice) {
  return { index, start, end, ...verdict, advice };
}

export function field(valid, items) {
  return { valid, items };
}

export function facilityCode(code, province, facility) {
  return { valid: true, facilityCode: { code, province, facility } };
}

export function stayNote(code) {
  return { code, message: text() };
}
