// The JS API beyond the vectors: defaults, options, messages, argument checks, JS string
// indices, and a robustness list of junk inputs that every entry point must survive.

import assert from "node:assert/strict";
import test from "node:test";

import * as bhyt from "bhyt";

const FUNCTIONS = [
  "checkPrefix",
  "format",
  "formatTyped",
  "isValid",
  "normalize",
  "parse",
  "validate",
  "validateLines",
  "validateMany",
];

test("the package exports exactly the documented functions", () => {
  assert.deepEqual(Object.keys(bhyt).sort(), [...FUNCTIONS, "ERROR_CODES"].sort());
  for (const name of FUNCTIONS) {
    assert.equal(typeof bhyt[name], "function", name);
  }
});

test("validate: valid, invalid, defaults to any issuer and Vietnamese", () => {
  assert.deepEqual(bhyt.validate("HS4010120878811"), { valid: true });
  assert.deepEqual(bhyt.validate("0101010101", { issuer: "police" }), { valid: true });
  assert.deepEqual(bhyt.validate("DN4010123456789", { issuer: "police" }), {
    valid: false,
    error: {
      code: "invalid_province_code",
      position: 3,
      message: "Với Bảo hiểm xã hội Công an nhân dân, ký tự 4-5 phải là 98",
    },
  });
  assert.deepEqual(bhyt.validate("DN4010123456789", { issuer: "police", lang: "en" }).error, {
    code: "invalid_province_code",
    position: 3,
    message: "for Police social security, characters 4-5 must be 98",
  });
  assert.deepEqual(bhyt.validate("0101010101x").error, {
    code: "invalid_length",
    position: null,
    message: "Số thẻ BHYT phải gồm đúng 10 chữ số hoặc 15 ký tự; đã nhập 11 ký tự",
  });
  // Strict by default: pasted text needs { lenient: true }.
  assert.equal(bhyt.isValid(" hs 4 01 0120878811 "), false);
  assert.equal(bhyt.isValid(" hs 4 01 0120878811 ", { lenient: true }), true);
  // Explicit defaults give the same answers as none.
  assert.deepEqual(
    bhyt.validate("DX4010123456789", { issuer: "any", lang: "vi", lenient: false }),
    bhyt.validate("DX4010123456789"),
  );
  assert.deepEqual(bhyt.validate("DX4010123456789", null), bhyt.validate("DX4010123456789"));
});

test("parse: decoded parts in Vietnamese by default, English on request", () => {
  const vi = bhyt.parse("CA5980123456789");
  assert.equal(vi.valid, true);
  assert.deepEqual(vi.card, {
    form: 15,
    groupCode: { code: "CA", description: "Sĩ quan, hạ sĩ quan, chiến sĩ công an nhân dân" },
    benefitLevel: { level: 5, meaning: vi.card.benefitLevel.meaning },
    issuer: { id: "police", name: "Bảo hiểm xã hội Công an nhân dân" },
    provinceCode: "98",
    socialInsuranceNumber: "0123456789",
    key: "0123456789",
    compact: "CA5980123456789",
    grouped: "CA 5 98 0123456789",
    masked: "CA 5 98 ******6789",
  });
  const en = bhyt.parse("HS4010120878811", { lang: "en" }).card;
  assert.equal(en.groupCode.description, "pupils");
  assert.equal(en.benefitLevel.meaning, "80% of in-scope costs");
  assert.equal(en.issuer.name, "Vietnam Social Security");
  const short = bhyt.parse("0120878811").card;
  assert.equal(short.form, 10);
  assert.equal(short.key, en.key, "the 10-digit form is the same card");
  assert.equal(short.masked, "******8811");
  assert.equal(bhyt.parse("HS60").valid, false);
});

test("objects keep their property order: a card, a 10-digit card, an error", () => {
  // JSON.stringify compares the order too (deepEqual does not).
  const same = (actual, expected) => assert.equal(JSON.stringify(actual), JSON.stringify(expected));
  same(bhyt.parse("HS4010120878811", { lang: "en" }).card, {
    form: 15,
    groupCode: { code: "HS", description: "pupils" },
    benefitLevel: { level: 4, meaning: "80% of in-scope costs" },
    issuer: { id: "vss", name: "Vietnam Social Security" },
    provinceCode: "01",
    socialInsuranceNumber: "0120878811",
    key: "0120878811",
    compact: "HS4010120878811",
    grouped: "HS 4 01 0120878811",
    masked: "HS 4 01 ******8811",
  });
  same(bhyt.parse("0000000042").card, {
    form: 10,
    groupCode: null,
    benefitLevel: null,
    issuer: null,
    provinceCode: null,
    socialInsuranceNumber: "0000000042",
    key: "0000000042",
    compact: "0000000042",
    grouped: "0000000042",
    masked: "******0042",
  });
  for (const verdict of [bhyt.validate("12345", { lang: "en" }), bhyt.parse("DN4000123456789")]) {
    assert.deepEqual(Object.keys(verdict), ["valid", "error"]);
    assert.deepEqual(Object.keys(verdict.error), ["code", "position", "message"]);
  }
  assert.equal(bhyt.validate("12345").error.position, null);
});

test("format: grouped by default, every style, null when invalid", () => {
  assert.equal(bhyt.format("HS4010120878811"), "HS 4 01 0120878811");
  assert.equal(bhyt.format("HS4010120878811", { style: "compact" }), "HS4010120878811");
  assert.equal(bhyt.format("HS4010120878811", { style: "masked" }), "HS 4 01 ******8811");
  assert.equal(bhyt.format("hs-4-01-012.087.8811", { lenient: true, style: "compact" }), "HS4010120878811");
  assert.equal(bhyt.format("HS4970120878811", { issuer: "vss" }), null);
});

test("checkPrefix: incomplete, complete, invalid with at and the error's own position", () => {
  assert.deepEqual(bhyt.checkPrefix(""), { state: "incomplete", form: null, missing: 10 });
  assert.deepEqual(bhyt.checkPrefix("DN40"), { state: "incomplete", form: 15, missing: 11 });
  assert.deepEqual(bhyt.checkPrefix("0101"), { state: "incomplete", form: 10, missing: 6 });
  const complete = bhyt.checkPrefix("DN4010123456789");
  assert.equal(complete.state, "complete");
  assert.equal(complete.form, 15);
  assert.equal(complete.missing, 0);
  assert.equal(complete.card.compact, "DN4010123456789");
  const ds = bhyt.checkPrefix("DS");
  assert.equal(ds.state, "invalid");
  assert.equal(ds.at, 1);
  assert.equal(ds.error.code, "unknown_group_code");
  assert.equal(ds.error.position, 0);
  assert.equal(bhyt.checkPrefix("CA50", { issuer: "police" }).at, 3);
  assert.equal(bhyt.checkPrefix("HS 6", { lenient: true }).at, 3);
  assert.equal(bhyt.checkPrefix("HS 4 0 1 ", { lenient: true }).state, "incomplete");
});

test("positions are JS string indices, also after characters outside the BMP", () => {
  const astral = "\u{1D7CE}"; // MATHEMATICAL BOLD DIGIT ZERO: two UTF-16 code units
  assert.deepEqual(bhyt.checkPrefix(astral).at, 0);
  assert.equal(bhyt.validate(`012345678${astral}`).error.position, 9);
  assert.equal(bhyt.validate(`${astral}123456789`).error.position, 0);
  // A lone surrogate is one character, like its U+FFFD replacement.
  assert.equal(bhyt.validate("01234\uD800789").error.code, "invalid_length");
  assert.equal(bhyt.validate("01234\uD8006789").error.position, 5);
  // Non-ASCII whitespace dropped in lenient mode still counts in positions.
  assert.equal(bhyt.validate("\u00a0\u3000HS6010120878811", { lenient: true }).error.position, 4);
});

test("normalize and formatTyped", () => {
  assert.equal(bhyt.normalize("4.01.01.013.048.0001"), "401010130480001");
  assert.equal(bhyt.normalize(" hs 4 01 "), "HS401");
  assert.equal(bhyt.normalize("1234567890123456"), null);
  assert.equal(bhyt.formatTyped("hs4010"), "HS 4 01 0");
  assert.equal(bhyt.formatTyped("HS 4 01 0120878811"), "HS 4 01 0120878811");
  assert.equal(bhyt.formatTyped("0120 878 811"), "0120878811");
  assert.equal(bhyt.formatTyped(""), "");
  // More than 15 characters: left as typed, for the check to point at the 16th.
  assert.equal(bhyt.formatTyped("HS 4 01 01208788112"), "HS 4 01 01208788112");
});

test("validateMany takes arrays and other iterables, in order", () => {
  const inputs = ["0101010101", "DN4000123456789", "", "CA5980123456789"];
  const results = bhyt.validateMany(inputs, { issuer: "police" });
  assert.deepEqual(
    results.map((result) => result.valid),
    [true, false, false, true],
  );
  assert.deepEqual(results, inputs.map((input) => bhyt.validate(input, { issuer: "police" })));
  assert.deepEqual(bhyt.validateMany(new Set(["0101010101"])), [{ valid: true }]);
  assert.deepEqual(bhyt.validateMany([]), []);
});

test("bad arguments throw a TypeError instead of being coerced", () => {
  const bad = [
    () => bhyt.validate(101010101),
    () => bhyt.validate(undefined),
    () => bhyt.parse(null),
    () => bhyt.checkPrefix(["0101"]),
    () => bhyt.normalize(1),
    () => bhyt.formatTyped({}),
    () => bhyt.validate("0101010101", "police"),
    () => bhyt.validate("0101010101", { issuer: "army" }),
    () => bhyt.validate("0101010101", { issuer: "toString" }),
    () => bhyt.validate("0101010101", { lang: "fr" }),
    () => bhyt.validate("0101010101", { lenient: "yes" }),
    () => bhyt.format("0101010101", { style: "spaced" }),
    () => bhyt.validateMany("0101010101"),
    () => bhyt.validateMany(null),
    () => bhyt.validateMany(["0101010101", 101010101]),
  ];
  for (const call of bad) {
    assert.throws(call, TypeError, call.toString());
  }
});

test("junk inputs never crash any entry point", () => {
  const junk = [
    "",
    " ",
    "\0",
    "\uFEFF0101010101",
    "０１０１０１０１０１",
    "٠١٠١٠١٠١٠١",
    "3²01010101",
    "ⅷ",
    "⑱",
    "᭓",
    "ĐN4010120878811",
    "\uD800",
    "\uDFFF\uD800",
    "HS4010120878811".repeat(1000),
    "\u{10FFFF}".repeat(20),
    "-".repeat(100),
    "\u200B".repeat(16),
  ];
  for (const input of junk) {
    for (const lenient of [false, true]) {
      for (const issuer of ["any", "vss", "police", "defence"]) {
        const options = { lenient, issuer };
        const verdict = bhyt.validate(input, options);
        assert.equal(typeof verdict.valid, "boolean");
        assert.equal(bhyt.parse(input, options).valid, verdict.valid);
        assert.ok(["incomplete", "complete", "invalid"].includes(bhyt.checkPrefix(input, options).state));
        if (!verdict.valid && verdict.error.position !== null) {
          assert.ok(verdict.error.position < input.length, JSON.stringify(input));
        }
      }
    }
    bhyt.normalize(input);
    bhyt.formatTyped(input);
  }
  assert.equal(bhyt.isValid("０１０１０１０１０１", { lenient: true }), false, "full-width digits are not digits");
});

test("errors never contain the number", () => {
  for (const input of ["HS6010120878811", "0120878811x", "DX4010120878811", "CA5010120878811"]) {
    for (const lang of ["vi", "en"]) {
      const { error } = bhyt.validate(input, { lang, issuer: "police" });
      assert.ok(!JSON.stringify(error).includes("0120878811"), `${lang}: ${error.message}`);
    }
  }
});

test("validateLines: one verdict per line, LF or CRLF, in one call", () => {
  const codes = bhyt.validateLines("0101010101\r\nDN4000123456789\n\nhs4010120878811\n");
  assert.deepEqual(Array.from(codes), [0, 6, 1, 2]);
  assert.deepEqual(
    Array.from(codes, (code) => bhyt.ERROR_CODES[code]),
    ["ok", "invalid_province_code", "invalid_length", "invalid_character"],
  );
  assert.deepEqual(Array.from(bhyt.validateLines("hs4010120878811", { lenient: true })), [0]);
  assert.deepEqual(Array.from(bhyt.validateLines("")), []);
  assert.deepEqual(
    Array.from(bhyt.validateLines("CA5980123456789\nDN4010123456789", { issuer: "police" })),
    [0, 6],
  );
  assert.throws(() => bhyt.validateLines(42), TypeError);
});

test("validateMany handles empty strings and line breaks inside inputs", () => {
  const inputs = ["", "0101010101", "0101010101\n", "a\rb", ""];
  assert.deepEqual(
    bhyt.validateMany(inputs),
    inputs.map((input) => bhyt.validate(input)),
  );
});
