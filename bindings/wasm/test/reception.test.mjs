// `bhyt/reception` (the reception-desk module): every row of the shared reception vectors
// (tests/vectors/identify.tsv, ma_the.tsv, qr.tsv, gateway.tsv, facility.tsv, validity.tsv),
// the shapes the declarations promise, and the option checks. Positions in the vectors count characters; JS positions count UTF-16 units.

import assert from "node:assert/strict";
import test from "node:test";

import {
  advise,
  gatewayResult,
  identify,
  parseFacilityCode,
  parseMaTheBhyt,
  stayNotes,
  validityOn,
} from "bhyt/reception";
import { parse } from "bhyt";

import { jsIndex, readVectors, value } from "./tsv.mjs";

const identifyRows = readVectors("identify.tsv");
const maTheRows = readVectors("ma_the.tsv");
const qrRows = readVectors("qr.tsv");
const gatewayRows = readVectors("gateway.tsv");
const facilityRows = readVectors("facility.tsv");
const validityRows = readVectors("validity.tsv");

function utf8Hex(text) {
  return text === null || text === "" ? "-" : Buffer.from(text, "utf8").toString("hex");
}

test(`qr.tsv: every row (${qrRows.length})`, () => {
  assert.ok(qrRows.length > 70);
  for (const row of qrRows) {
    const where = `qr.tsv:${row.line}`;
    const found = identify(row.input);
    assert.equal(found.valid, row.valid === "true", `${where}: valid`);
    if (!found.valid) {
      assert.equal(found.error.code, row.code, `${where}: code`);
      const position = value(row.position);
      assert.equal(
        found.error.position,
        position === null ? null : jsIndex(row.input, Number(position)),
        `${where}: position`,
      );
      // `field` names the field of an invalid_qr_field error; the vectors write "card" for a
      // card error in field 0, which keeps the card's code (and kind "card").
      if (row.code === "invalid_qr_field") {
        assert.equal(found.error.field, row.field, `${where}: field`);
      } else {
        assert.equal(found.error.field, null, `${where}: no field`);
        assert.equal(row.field, found.kind === "card" ? "card" : "-", `${where}: field`);
      }
      assert.equal(identify(row.input, { lenient: true }).error?.field, found.error.field, where);
      continue;
    }
    assert.equal(found.kind, row.kind, `${where}: kind`);
    const raw = found.rawFields.map((f) => f.index).join(",") || "-";
    assert.equal(raw, row.raw_fields, `${where}: raw fields`);
    const fields = row.input.replace(/[\r\n]+$/u, "").split("|");
    for (const field of found.rawFields) {
      assert.equal(field.value, fields[field.index], `${where}: raw ${field.index}`);
    }
    if (found.kind === "card_qr") {
      assert.equal(found.card.compact, row.card, `${where}: card`);
      assert.equal(utf8Hex(found.name), row.name_hex, `${where}: name`);
      assert.equal(found.birthDate, row.birth_date, `${where}: birth date`);
      assert.equal(found.sex, row.sex, `${where}: sex`);
      assert.equal(utf8Hex(found.address), row.address_hex, `${where}: address`);
      assert.equal(found.facilityCode, row.facility_code, `${where}: facility`);
      assert.equal(found.validFrom, row.valid_from, where);
      assert.equal(found.validTo, value(row.valid_to), where);
      assert.equal(found.issuedOn, row.issued_on, where);
      assert.equal(found.managerCode, row.manager_code, where);
      assert.equal(utf8Hex(found.guardianName), row.guardian_hex, `${where}: guardian`);
      assert.equal(found.fiveYearsOn, value(row.five_years_on), where);
      assert.equal(found.layout, row.layout, `${where}: layout`);
      assert.equal(String(found.repaired), row.repaired, `${where}: repaired`);
      assert.equal(String(found.utf16), row.utf16, `${where}: utf16`);
    } else {
      assert.equal(found.personalId.digits, row.card, `${where}: digits`);
      assert.equal(found.oldId, value(row.old_id), `${where}: old id`);
      assert.equal(utf8Hex(found.name), row.name_hex, `${where}: name`);
      assert.equal(found.birthDate, value(row.birth_date), where);
      assert.equal(found.sex, value(row.sex), where);
      assert.equal(utf8Hex(found.address), row.address_hex, `${where}: address`);
      assert.equal(found.issuedOn, value(row.issued_on), where);
    }
  }
});

test(`facility.tsv: every row (${facilityRows.length})`, () => {
  assert.ok(facilityRows.length >= 15);
  for (const row of facilityRows) {
    const where = `facility.tsv:${row.line}`;
    const found = parseFacilityCode(row.input, { lang: "en" });
    assert.equal(found.valid, row.valid === "true", `${where}: valid`);
    if (found.valid) {
      assert.deepEqual(
        found.facilityCode,
        { code: row.facility_code, province: row.province, facility: row.facility },
        where,
      );
    } else {
      assert.equal(found.error.code, row.code, `${where}: code`);
      const position = value(row.position);
      assert.equal(
        found.error.position,
        position === null ? null : jsIndex(row.input, Number(position)),
        `${where}: position`,
      );
      assert.match(found.error.message, /^a facility code is a 2-digit province/u, where);
      assert.match(parseFacilityCode(row.input).error.message, /^Mã cơ sở KCB/u, where);
    }
  }
});

test(`validity.tsv: every row (${validityRows.length})`, () => {
  assert.ok(validityRows.length >= 10);
  for (const row of validityRows) {
    const where = `validity.tsv:${row.line}`;
    const to = value(row.valid_to);
    assert.equal(validityOn(row.valid_from, to, row.date), row.validity, `${where}: validity`);
    const notes = stayNotes(row.valid_from, to, row.admission, row.discharge, { lang: "en" });
    assert.equal(notes.map((note) => note.code).join(",") || "-", row.notes, `${where}: notes`);
    for (const note of notes) {
      assert.ok(note.message.length > 0, where);
    }
  }
});

test("validityOn and stayNotes: dates yyyy-mm-dd, null for no end date, RangeError otherwise", () => {
  assert.equal(validityOn("2025-01-01", null, "2030-01-01"), "open_ended");
  assert.equal(validityOn("2025-01-01", undefined, "2024-12-31"), "before_start");
  assert.deepEqual(stayNotes("2025-01-01", "2025-12-31", "2025-03-01", "2025-03-09"), []);
  const [note] = stayNotes("2025-01-10", null, "2025-01-05", "2025-01-20");
  assert.equal(note.code, "became_valid_during_stay");
  assert.match(note.message, /^Thẻ bắt đầu có giá trị/u);
  for (const [call, name] of [
    [() => validityOn("2025-02-30", null, "2025-01-01"), "validFrom"],
    [() => validityOn("2025-01-01", "31/12/2025", "2025-01-01"), "validTo"],
    [() => validityOn("2025-01-01", "", "2025-01-01"), "validTo"],
    [() => validityOn("2025-01-01", null, "2025-1-1"), "date"],
    [() => stayNotes("2025-01-01", null, "2025-01-01", "2025-13-01"), "discharge"],
    [() => stayNotes("2025-01-01", null, "20250101", "2025-01-02"), "admission"],
  ]) {
    assert.throws(call, (error) => error instanceof RangeError && error.message.includes(name));
  }
  for (const call of [
    () => validityOn(20250101, null, "2025-01-01"),
    () => validityOn("2025-01-01", null, new Date()),
    () => stayNotes("2025-01-01", null, "2025-01-01", "2025-01-02", { lang: "fr" }),
    () => parseFacilityCode(1028),
  ]) {
    assert.throws(call, TypeError);
  }
});

test("a QR field error names its field", () => {
  const payload =
    "HS4010120878811|4e|15/08/1990|1|-|01 - 028|01/01/2025|-|01/01/2025|79|zz|4| 01/01/2030|x|$";
  const { valid, kind, error } = identify(payload, { lang: "en" });
  assert.equal(valid, false);
  assert.equal(kind, null);
  assert.equal(error.code, "invalid_qr_field");
  assert.equal(error.field, "guardian_name");
  assert.equal(error.position, payload.indexOf("zz"));
  assert.match(error.message, /parent or guardian/u);
  assert.equal(identify("12345").error.field, null);
});

test(`gateway.tsv: every row (${gatewayRows.length})`, () => {
  for (const row of gatewayRows) {
    const where = `gateway.tsv:${row.line}`;
    const found = gatewayResult(row.input, { lang: "en" });
    assert.equal(found !== null, row.known === "true", where);
    if (found !== null) {
      assert.equal(found.class, row.class, where);
      assert.ok(found.message.length > 0, where);
      assert.ok(gatewayResult(row.input, { lang: "vi" }).message.length > 0, where);
    }
  }
});

test(`identify.tsv: every row (${identifyRows.length})`, () => {
  assert.ok(identifyRows.length > 500);
  for (const row of identifyRows) {
    const where = `identify.tsv:${row.line}`;
    const found = identify(row.input, { lenient: row.mode === "lenient" });
    assert.equal(found.valid, row.valid === "true", `${where}: valid`);
    assert.equal(found.kind, value(row.kind), `${where}: kind`);
    if (!found.valid) {
      assert.equal(found.error.code, row.code, `${where}: code`);
      const position = value(row.position);
      assert.equal(
        found.error.position,
        position === null ? null : jsIndex(row.input, Number(position)),
        `${where}: position`,
      );
      assert.equal(typeof found.error.message, "string");
      assert.ok(found.error.message.length > 0);
      continue;
    }
    if (found.kind === "card") {
      assert.equal(found.card.compact, row.compact, `${where}: compact`);
      assert.equal(found.card.masked, row.masked, `${where}: masked`);
      // The same card object as the main module's.
      assert.deepEqual(found.card, parse(row.compact).card, `${where}: card`);
    } else {
      const person = found.personalId;
      assert.equal(person.digits, row.compact, `${where}: digits`);
      assert.equal(person.masked, row.masked, `${where}: masked`);
      assert.equal(person.birthPlace.code, row.birth_place, `${where}: birth place`);
      assert.equal(String(person.birthPlace.onProvinceList2016), row.on_2016_list, where);
      assert.equal(person.sex, row.sex, `${where}: sex`);
      assert.equal(person.century, Number(row.century), `${where}: century`);
      assert.equal(person.birthYear, Number(row.birth_year), `${where}: birth year`);
    }
  }
});

test(`ma_the.tsv: every row (${maTheRows.length})`, () => {
  assert.ok(maTheRows.length > 100);
  for (const row of maTheRows) {
    const where = `ma_the.tsv:${row.line}`;
    const field = parseMaTheBhyt(row.input, {
      issuer: row.issuer,
      lenient: row.mode === "lenient",
    });
    const expected = row.items.split("|").map((item) => item.split(":"));
    assert.equal(field.items.length, Number(row.count), `${where}: count`);
    assert.equal(expected.length, Number(row.count), `${where}: the row itself`);
    assert.equal(field.valid, expected.every(([, , , verdict]) => verdict === "valid"), where);
    field.items.forEach((item, index) => {
      const [start, , , verdict, detail] = expected[index];
      const at = `${where} item ${index}`;
      assert.equal(item.index, index, at);
      assert.equal(item.start, jsIndex(row.input, Number(start)), `${at}: start`);
      assert.ok(item.end >= item.start, `${at}: end`);
      if (verdict === "valid") {
        assert.equal(item.valid, true, `${at}: valid`);
        assert.equal(item.card.compact, detail, `${at}: compact`);
      } else {
        assert.equal(item.valid, false, `${at}: valid`);
        assert.equal(item.error.code, verdict, `${at}: code`);
        assert.equal(
          item.error.position,
          detail === "-" ? null : jsIndex(row.input, Number(detail)),
          `${at}: position`,
        );
      }
      assert.ok(Array.isArray(item.advice), at);
    });
  }
});

test("an item's start and end frame its text in the field", () => {
  const field = "HS4010120878811; \u{1F600}DN4000123456789 ;0120878811";
  const { valid, items } = parseMaTheBhyt(field);
  assert.equal(valid, false);
  assert.deepEqual(
    items.map(({ start, end }) => field.slice(start, end)),
    ["HS4010120878811", "\u{1F600}DN4000123456789", "0120878811"],
  );
  assert.equal(items[1].error.code, "invalid_length");
  assert.deepEqual(
    items[2].advice.map((note) => note.code),
    ["short_form_in_claims"],
  );
  const empty = parseMaTheBhyt("");
  assert.equal(empty.valid, false);
  assert.equal(empty.items.length, 1);
  assert.equal(empty.items[0].error.code, "invalid_length");
});

test("identify: kinds, decoded parts and messages in both languages", () => {
  assert.deepEqual(identify("079195001234"), {
    valid: true,
    kind: "personal_id",
    personalId: {
      digits: "079195001234",
      masked: "********1234",
      birthPlace: { code: "079", onProvinceList2016: true },
      sex: "female",
      century: 1900,
      birthYear: 1995,
    },
  });
  const spaced = identify("079 195 001 234", { lenient: true });
  assert.equal(spaced.kind, "personal_id");
  const strict = identify("079 195 001 234");
  assert.equal(strict.valid, false);
  assert.equal(strict.kind, "card");
  const letter = identify("07919500123A", { lang: "en" });
  assert.deepEqual(
    { ...letter.error, message: typeof letter.error.message },
    { code: "invalid_personal_id", position: 11, message: "string", field: null },
  );
  assert.match(letter.error.message, /12 digits/);
  assert.doesNotMatch(letter.error.message, /079195/, "the message never repeats the input");
  const short = identify("12345");
  assert.equal(short.kind, null);
  assert.equal(short.error.code, "unrecognized_input");
  assert.equal(short.error.position, null);
  assert.equal(identify("0120878811").card.form, 10);
});

test("advise: notes with their details, never a verdict", () => {
  const late = advise("ND4010120878811", { lang: "en" });
  assert.equal(late.length, 1);
  assert.equal(late[0].code, "issued_after_vneid_list");
  assert.equal(late[0].groupCode, "ND");
  assert.equal(late[0].shortFormPasses, true);
  assert.match(late[0].message, /ND/);
  const unlisted = advise("003095001234");
  assert.deepEqual(
    unlisted.map(({ code, birthPlace }) => [code, birthPlace]),
    [["unlisted_birth_place_code", "003"]],
  );
  assert.deepEqual(advise("079195001234"), []);
  assert.deepEqual(advise(""), []);
});

test("bad arguments throw a TypeError naming what is wrong", () => {
  for (const call of [
    () => identify(42),
    () => identify("079195001234", { issuer: "police" }),
    () => identify("079195001234", { lang: "fr" }),
    () => parseMaTheBhyt(null),
    () => parseMaTheBhyt("x", { lenient: "yes" }),
    () => advise(undefined),
    () => advise("x", "strict"),
  ]) {
    assert.throws(call, TypeError);
  }
});
