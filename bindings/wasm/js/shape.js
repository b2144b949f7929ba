// The objects the Rust side of the package returns, built here from the pieces it passes:
// shapes only, no logic; the core's views through one rename rule (`view`). Imported by the
// WebAssembly module (see src/lib.rs); wasm-bindgen copies this file into pkg/snippets/.

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

// The field names of the core's views, in field order: CardView::FIELDS, ErrorView::FIELDS
// and AdviceView::FIELDS of crates/bhyt/src/view.rs, written into the copy of this file in
// pkg/ by scripts/build.sh (so they are stated once, in the core). The Rust side passes a
// view's values in this order, and `view` names them.
const FIELDS = { card: [], error: [], advice: [] }; // @view-fields

// The one rename rule from a view to a JS object: each field under its camelCase name, an
// absent value (undefined) as null. A field `<stem>_<word>` that follows a field named
// `<stem>` or `<stem>_...` describes it (group_code, group_description): the two become one
// object under the first one's name, `{ <its last word, or "id">: value, <word>: value }`,
// or null when the first is absent. `names` and `values` are in field order.
export function view(names, values) {
  const out = {};
  let last; // The name of the last field written, and its key in `out`.
  names.forEach((name, i) => {
    const value = values[i] === undefined ? null : values[i];
    const cut = name.lastIndexOf("_");
    const stem = name.slice(0, cut);
    if (cut > 0 && last !== undefined && (last.name === stem || last.name.startsWith(stem + "_"))) {
      const described = out[last.key];
      if (described !== null) {
        if (typeof described !== "object") {
          const own = last.name.lastIndexOf("_");
          out[last.key] = { [own < 0 ? "id" : last.name.slice(own + 1)]: described };
        }
        out[last.key][name.slice(cut + 1)] = value;
      }
      return;
    }
    last = { name, key: name.replace(/_(.)/g, (_, letter) => letter.toUpperCase()) };
    out[last.key] = value;
  });
  return out;
}

// `{ code, position, message }`, the message being the text written so far.
export function error(code, position) {
  return view(FIELDS.error, [code, position, text()]);
}

// A card's view.
export function card(...values) {
  return view(FIELDS.card, values);
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

// An advisory note: its view (AdviceView: code, message), then the details of its kind.
export function note(code, group, level, usualLevel, shortFormPasses, birthPlace) {
  return {
    ...view(FIELDS.advice, [code, text()]),
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
