// Every case of the shared vectors (tests/vectors/) through the JS API, imported by the
// package's own name: verdicts, error codes, positions (as JS string indices), decoded parts
// and display forms in cards.tsv; the as-you-type check in prefixes.tsv.

import assert from "node:assert/strict";
import test from "node:test";

import {
  checkPrefix,
  format,
  isValid,
  parse,
  validate,
  validateMany,
} from "bhyt";

import { jsIndex, readVectors, value } from "./tsv.mjs";

const cards = readVectors("cards.tsv");
const prefixes = readVectors("prefixes.tsv");

function optionsOf(row) {
  return { issuer: row.issuer, lenient: row.mode === "lenient" };
}

function where(file, row) {
  return `${file}:${row.line} ${row.mode} ${row.issuer} ${JSON.stringify(row.input)}`;
}

/** Runs `check` on every row, collecting the failures so that one run reports them all. */
function checkAll(file, rows, check) {
  const failures = [];
  for (const row of rows) {
    try {
      check(row);
    } catch (error) {
      failures.push(`${where(file, row)}: ${error.message.split("\n")[0]}`);
    }
  }
  assert.deepEqual(failures.slice(0, 25), [], `${failures.length} of ${rows.length} rows fail`);
}

function expectedPosition(row) {
  const position = value(row.position);
  return position === null ? null : jsIndex(row.input, Number(position));
}

function checkError(row, error, lang) {
  assert.equal(error.code, row.code, "code");
  assert.equal(error.position, expectedPosition(row), "position");
  assert.equal(typeof error.message, "string", `${lang} message`);
  assert.ok(error.message.length > 0, `${lang} message is empty`);
}

test("the vectors are there and cover both modes, every issuer and both verdicts", () => {
  assert.ok(cards.length > 100, `cards.tsv has only ${cards.length} rows`);
  assert.ok(prefixes.length > 100, `prefixes.tsv has only ${prefixes.length} rows`);
  for (const rows of [cards, prefixes]) {
    assert.deepEqual(new Set(rows.map((row) => row.mode)), new Set(["strict", "lenient"]));
    assert.deepEqual(
      new Set(rows.map((row) => row.issuer)),
      new Set(["any", "vss", "police", "defence"]),
    );
  }
  assert.ok(cards.some((row) => row.valid === "true") && cards.some((row) => row.valid === "false"));
});

test(`cards.tsv: validate and isValid give the verdict, code and position (${cards.length} rows)`, () => {
  checkAll("cards.tsv", cards, (row) => {
    const options = optionsOf(row);
    const valid = row.valid === "true";
    const result = validate(row.input, options);
    assert.equal(result.valid, valid, "valid");
    assert.equal(isValid(row.input, options), valid, "isValid");
    if (valid) {
      assert.equal(result.error, undefined, "no error when valid");
    } else {
      checkError(row, result.error, "vi");
      checkError(row, validate(row.input, { ...options, lang: "en" }).error, "en");
    }
  });
});

test("cards.tsv: validate's error equals the string crossing's, message included (the message cache)", () => {
  // validate keeps one message per error key (js/fast.js); parse answers every call through
  // the string crossing. Both orders, so that messages come from the cache for other inputs.
  const invalid = cards.filter((row) => row.valid === "false");
  for (const rows of [invalid, [...invalid].reverse()]) {
    checkAll("cards.tsv", rows, (row) => {
      for (const lang of ["vi", "en"]) {
        const options = { ...optionsOf(row), lang };
        assert.deepEqual(validate(row.input, options), parse(row.input, options), lang);
      }
    });
  }
});

test(`cards.tsv: parse decodes every valid card and format writes it (${cards.length} rows)`, () => {
  checkAll("cards.tsv", cards, (row) => {
    const options = optionsOf(row);
    const result = parse(row.input, options);
    assert.equal(result.valid, row.valid === "true", "valid");
    if (!result.valid) {
      checkError(row, result.error, "vi");
      assert.equal(result.card, undefined, "no card when invalid");
      assert.equal(format(row.input, options), null, "format of an invalid number");
      return;
    }
    const { card } = result;
    assert.equal(card.form, Number(row.form), "form");
    assert.equal(card.groupCode?.code ?? null, value(row.group), "group");
    assert.equal(card.benefitLevel?.level ?? null, value(row.benefit) && Number(row.benefit), "benefit");
    assert.equal(card.issuer?.id ?? null, value(row.issuer_decoded), "issuer_decoded");
    assert.equal(card.provinceCode, value(row.province), "province");
    assert.equal(card.socialInsuranceNumber, row.sin, "sin");
    assert.equal(card.key, row.sin, "key: the last 10 characters");
    assert.equal(card.compact, row.compact, "compact");
    assert.equal(card.grouped, row.grouped, "grouped");
    assert.equal(card.masked, row.masked, "masked");
    for (const style of ["compact", "grouped", "masked"]) {
      assert.equal(format(row.input, { ...options, style }), row[style], `format ${style}`);
    }
    if (card.form === 15) {
      for (const part of [card.groupCode.description, card.benefitLevel.meaning, card.issuer.name]) {
        assert.ok(typeof part === "string" && part.length > 0, "descriptions are filled");
      }
    } else {
      assert.deepEqual(
        [card.groupCode, card.benefitLevel, card.issuer, card.provinceCode],
        [null, null, null, null],
        "the 10-digit form has no prefix parts",
      );
    }
  });
});

test("cards.tsv: validateMany agrees with validate, one call per mode and issuer", () => {
  const groups = Map.groupBy
    ? Map.groupBy(cards, (row) => `${row.mode} ${row.issuer}`)
    : cards.reduce((map, row) => {
        const key = `${row.mode} ${row.issuer}`;
        map.set(key, [...(map.get(key) ?? []), row]);
        return map;
      }, new Map());
  assert.equal(groups.size, 8);
  for (const rows of groups.values()) {
    const options = optionsOf(rows[0]);
    const results = validateMany(
      rows.map((row) => row.input),
      options,
    );
    assert.equal(results.length, rows.length);
    results.forEach((result, index) => {
      assert.deepEqual(result, validate(rows[index].input, options), where("cards.tsv", rows[index]));
    });
  }
});

test(`prefixes.tsv: checkPrefix gives the state, at, code and position (${prefixes.length} rows)`, () => {
  checkAll("prefixes.tsv", prefixes, (row) => {
    const result = checkPrefix(row.input, optionsOf(row));
    assert.equal(result.state, row.state, "state");
    switch (row.state) {
      case "invalid":
        assert.equal(result.at, jsIndex(row.input, Number(row.at)), "at");
        checkError(row, result.error, "vi");
        break;
      case "complete":
        assert.equal(result.missing, 0);
        assert.ok(result.form === 10 || result.form === 15, "form");
        assert.equal(result.card.form, result.form);
        assert.equal(validate(row.input, optionsOf(row)).valid, true, "a complete prefix is valid");
        break;
      case "incomplete":
        assert.ok(result.missing > 0, "missing");
        assert.ok([null, 10, 15].includes(result.form), "form");
        break;
      default:
        assert.fail(`unknown state ${row.state}`);
    }
  });
});
