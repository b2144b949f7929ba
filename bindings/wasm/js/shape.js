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

// The field names of the core's views, in field order: the FIELDS of CardView, ErrorView,
// AdviceView, IdentityView, PersonalIdView, CardQrView, PersonalIdQrView, RawFieldView and
// MaTheItemView in crates/bhyt/src/view.rs, written into the copy of this file in pkg/ by
// scripts/build.sh (so they are stated once, in the core). The Rust side passes a view's values in this order, and
// `view` names them.
const FIELDS = { card: [], error: [], advice: [], identity: [], personalId: [], cardQr: [], personalIdQr: [], rawField: [], item: [] }; // @view-fields

// camelCase.
function camel(name) {
  return name.replace(/_(.)/g, (_, letter) => letter.toUpperCase());
}

// The one rename rule from a view to a JS object: each field under its camelCase name, an
// absent value (undefined) as null. A field that describes the field before it is folded
// into it: after a field `<stem>`, `<stem>_code` or `<stem>_level`, a field `<stem>_<rest>`
// (group_code, group_description; issuer, issuer_name) makes the two one object under the
// first one's name, `{ <its last word, or "id">: value, <camelCase rest>: value }`, or null
// when the first is absent. Only a code, a level or a bare name is described: valid_from and
// valid_to stay two fields. `names` and `values` are in field order.
export function view(names, values) {
  const out = {};
  let last; // The top-level field last written: its stem and its key in `out`.
  names.forEach((name, i) => {
    const value = values[i] === undefined ? null : values[i];
    if (last !== undefined && name.startsWith(last.stem + "_")) {
      const described = out[last.key];
      if (described !== null) {
        if (typeof described !== "object") {
          out[last.key] = { [last.word]: described };
        }
        out[last.key][camel(name.slice(last.stem.length + 1))] = value;
      }
      return;
    }
    const own = /^(.*)_(code|level)$/.exec(name);
    last = own === null ? { stem: name, word: "id" } : { stem: own[1], word: own[2] };
    last.key = camel(name);
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

// `{ valid: true, kind, <kind>: value }`: a card or a personal identification number (the
// identity's view, IdentityView: its kind, then the kind's own field).
export function identified(kind, value) {
  return { valid: true, ...view(FIELDS.identity, [kind]), ...view([kind], [value]) };
}

// A personal identification number's view. One pair keeps the JS API's names, which the
// rename rule does not give: birth_place_code and birth_place_on_2016_province_list become
// `birthPlace: { code, onProvinceList2016 }` (the rule: `birthPlaceCode: { code,
// on2016ProvinceList }`), in the same place.
export function personalId(...values) {
  const out = {};
  for (const [key, value] of Object.entries(view(FIELDS.personalId, values))) {
    if (key === "birthPlaceCode") {
      out.birthPlace = { code: value.code, onProvinceList2016: value.on2016ProvinceList };
    } else {
      out[key] = value;
    }
  }
  return out;
}

// `{ valid: true, kind, ... }`: a QR code (its kind, then the values of its view).
export function identifiedQr(kind, ...values) {
  const names = kind === "card_qr" ? FIELDS.cardQr : FIELDS.personalIdQr;
  return { valid: true, ...view(FIELDS.identity, [kind]), ...view(names, values) };
}

export function gateway(code, cls, message) {
  return { code, class: cls, message };
}

// A QR field kept raw: its view.
export function rawField(...values) {
  return view(FIELDS.rawField, values);
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

// One item of a MA_THE_BHYT field: its view (MaTheItemView), of `card` and `error` only the
// one its verdict has.
export function item(...values) {
  const out = view(FIELDS.item, values);
  delete out[out.valid ? "error" : "card"];
  return out;
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
