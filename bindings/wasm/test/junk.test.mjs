// The shared junk-input suite (tests/junk/junk.tsv) through the JS API: every row rejected
// with a typed answer (the expected code, position and as-you-type state), never an
// exception, under every issuing body, and the package keeps working afterwards.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import test from "node:test";

import { checkPrefix, isValid, normalize, validate, validateLines } from "bhyt";
import {
  advise,
  identify,
  parseFacilityCode,
  parseMaTheBhyt,
  stayNotes,
  validityOn,
} from "bhyt/reception";

const ESCAPES = { "\\": "\\", t: "\t", n: "\n", r: "\r" };

/** `\\ \t \n \r`, `\xHH` (00-7F) and `\uHHHH` (lone surrogates), as tests/junk/README.md says. */
function unescapeJunk(field) {
  return field.replace(/\\(x[0-9A-F]{2}|u[0-9A-F]{4}|.)/gs, (_, escape) => {
    if (escape.length === 3 && escape[0] === "x") {
      return String.fromCharCode(parseInt(escape.slice(1), 16));
    }
    if (escape.length === 5 && escape[0] === "u") {
      return String.fromCharCode(parseInt(escape.slice(1), 16));
    }
    if (!Object.hasOwn(ESCAPES, escape)) {
      throw new Error(`bad escape \\${escape} in ${JSON.stringify(field)}`);
    }
    return ESCAPES[escape];
  });
}

function readJunk() {
  const text = readFileSync(new URL("../../../tests/junk/junk.tsv", import.meta.url), "utf8");
  const lines = text.split("\n").filter((line) => line !== "" && !line.startsWith("#"));
  const header = lines[0].split("\t");
  return lines.slice(1).map((line) => {
    const fields = line.split("\t");
    assert.equal(fields.length, header.length, line.slice(0, 40));
    return Object.fromEntries(header.map((column, i) => [column, fields[i]]));
  });
}

const position = (value) => (value === "-" ? null : Number(value));
const rows = readJunk().filter((row) => row.bytes_only !== "true");

test(`junk.tsv: every row is rejected with its typed answer (${rows.length} rows)`, () => {
  assert.ok(rows.length > 100);
  for (const row of rows) {
    const input = unescapeJunk(row.input).repeat(Number(row.repeat));
    const where = `junk.tsv ${row.name}`;
    const strict = validate(input);
    assert.equal(strict.valid, false, where);
    assert.equal(strict.error.code, row.strict_code, `${where}: strict code`);
    assert.equal(strict.error.position, position(row.strict_position), `${where}: strict position`);
    assert.equal(typeof strict.error.message, "string");
    const lenient = validate(input, { lenient: true });
    assert.equal(lenient.valid, false, where);
    assert.equal(lenient.error.code, row.lenient_code, `${where}: lenient code`);
    assert.equal(lenient.error.position, position(row.lenient_position), `${where}: lenient position`);
    for (const [typed, state, at, code] of [
      [checkPrefix(input), row.prefix_state, row.prefix_at, row.prefix_code],
      [checkPrefix(input, { lenient: true }), row.lenient_prefix_state, row.lenient_prefix_at, row.lenient_prefix_code],
    ]) {
      assert.equal(typed.state, state, `${where}: prefix state`);
      if (state === "invalid") {
        assert.equal(typed.at, Number(at), `${where}: prefix at`);
        assert.equal(typed.error.code, code, `${where}: prefix code`);
      }
    }
    assert.equal(normalize(input) === null, row.normalize === "invalid_length", `${where}: normalize`);
    for (const issuer of ["vss", "police", "defence"]) {
      assert.equal(isValid(input, { issuer }), false, `${where}: ${issuer}`);
      assert.equal(isValid(input, { issuer, lenient: true }), false, `${where}: ${issuer} lenient`);
    }
    // Between two valid numbers in one text (unless it holds a line break itself).
    if (!/[\n\r]/.test(input)) {
      const codes = Array.from(validateLines(`0101010101\n${input}\nHS4010120878811\n`));
      assert.deepEqual([codes[0], codes.at(-1), codes.length], [0, 0, 3], `${where}: batch`);
      assert.notEqual(codes[1], 0, `${where}: batch verdict`);
    }
    // And the package keeps working.
    assert.equal(isValid("HS4010120878811"), true, `${where}: afterwards`);
  }
});

test(`junk.tsv through bhyt/reception: typed answers, never an exception (${rows.length} rows)`, () => {
  const codes = new Set([
    "invalid_length",
    "invalid_character",
    "unknown_group_code",
    "late_group_code",
    "invalid_benefit_level",
    "invalid_province_code",
    "invalid_personal_id",
    "unrecognized_input",
  ]);
  for (const row of rows) {
    const input = unescapeJunk(row.input).repeat(Number(row.repeat));
    const where = `junk.tsv ${row.name}`;
    for (const lenient of [false, true]) {
      const found = identify(input, { lenient });
      assert.equal(found.valid, false, `${where}: identify (lenient: ${lenient})`);
      assert.ok(codes.has(found.error.code), `${where}: ${found.error.code}`);
      assert.ok([null, "card", "personal_id"].includes(found.kind), where);
      const position = found.error.position;
      assert.ok(position === null || (position >= 0 && position < input.length), where);
      const field = parseMaTheBhyt(input, { lenient });
      assert.equal(field.valid, false, `${where}: MA_THE_BHYT`);
      assert.ok(field.items.length >= 1, where);
      for (const item of field.items) {
        assert.ok(item.start <= item.end && item.end <= input.length, `${where}: item bounds`);
      }
      assert.ok(Array.isArray(advise(input, { lenient })), where);
    }
    // Facility codes and dates: a typed error or a RangeError, never a crash.
    const facility = parseFacilityCode(input);
    if (!facility.valid) {
      assert.equal(facility.error.code, "invalid_facility_code", where);
      const at = facility.error.position;
      assert.ok(at === null || (at >= 0 && at < input.length), `${where}: facility position`);
    }
    if (!/^\d{4}-\d\d-\d\d$/u.test(input)) {
      assert.throws(() => validityOn("2025-01-01", input, "2025-06-01"), RangeError, where);
      assert.throws(() => stayNotes(input, null, "2025-01-01", "2025-01-02"), RangeError, where);
    }
    // A card between junk and a valid card in one field.
    if (!input.includes(";")) {
      const field = parseMaTheBhyt(`HS4010120878811;${input};0120878811`);
      assert.equal(field.items[0].valid, true, `${where}: first item`);
      assert.equal(field.items.at(-1).valid, true, `${where}: last item`);
    }
    assert.equal(identify("079195001234").valid, true, `${where}: afterwards`);
  }
});
