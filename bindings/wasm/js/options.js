// The options every function of the package takes, checked and packed into the one number the
// WebAssembly modules unpack (src/lib.rs, `Settings`). Shared by js/api.js (the main module)
// and js/reception/api.js (the reception-desk module).

// The option names, packed into the flags src/lib.rs unpacks: bits 0-1 the issuing body,
// bit 2 English, bit 3 lenient; bit 4 asks `check` for the decoded card.
export const ISSUERS = { any: 0, vss: 1, police: 2, defence: 3 };
export const LANGS = { vi: 0, en: 4 };
export const LENIENT = 8;
export const DECODE = 16;
export const STYLES = { compact: true, grouped: true, masked: true };

export function has(table, name) {
  return typeof name === "string" && Object.prototype.hasOwnProperty.call(table, name);
}

export function string(value, name) {
  if (typeof value !== "string") {
    throw new TypeError(`bhyt: ${name} must be a string`);
  }
  return value;
}

// The same tables as Maps: a lookup that is cheap on every call (flags runs once per call).
const ISSUER_FLAGS = new Map(Object.entries(ISSUERS));
const LANG_FLAGS = new Map(Object.entries(LANGS));

export function flags(options) {
  if (options === undefined || options === null) {
    return 0;
  }
  if (typeof options !== "object") {
    throw new TypeError("bhyt: options must be an object");
  }
  const { issuer, lang, lenient } = options;
  const issuerFlag = issuer === undefined ? 0 : ISSUER_FLAGS.get(issuer);
  if (issuerFlag === undefined) {
    throw new TypeError('bhyt: options.issuer must be "any", "vss", "police" or "defence"');
  }
  const langFlag = lang === undefined ? 0 : LANG_FLAGS.get(lang);
  if (langFlag === undefined) {
    throw new TypeError('bhyt: options.lang must be "vi" or "en"');
  }
  if (lenient !== undefined && typeof lenient !== "boolean") {
    throw new TypeError("bhyt: options.lenient must be a boolean");
  }
  return issuerFlag | langFlag | (lenient ? LENIENT : 0);
}
