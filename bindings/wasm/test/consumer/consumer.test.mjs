// The consumer test: test.sh packs the package with `npm pack`, installs the tarball into a
// fresh project next to this file (under build/), and runs this file there with Node, the
// way a user would: `import ... from "bhyt"`.

import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import test from "node:test";

import { checkPrefix, format, isValid, parse, validate, validateMany } from "bhyt";
import { advise, identify, parseMaTheBhyt } from "bhyt/reception";

const installed = new URL("./node_modules/bhyt/", import.meta.url);

test("bhyt resolves to the installed tarball, and the tarball holds only the package", () => {
  const entry = fileURLToPath(import.meta.resolve("bhyt"));
  assert.equal(entry, fileURLToPath(new URL("js/index.js", installed)));
  const manifest = JSON.parse(readFileSync(new URL("package.json", installed), "utf8"));
  assert.equal(manifest.name, "bhyt");
  assert.equal(manifest.type, "module");
  const packed = readFileSync(new URL("../../test/package-files.txt", import.meta.url), "utf8").trim().split("\n");
  for (const file of packed) {
    assert.ok(existsSync(new URL(file, installed)), `${file} is in the package`);
  }
  for (const file of ["src", "test", "demo", "scripts", "Cargo.toml", "test.sh", "node_modules", "build"]) {
    assert.ok(!existsSync(new URL(file, installed)), `${file} is not in the package`);
  }
});

test("a hospital form checks, decodes and formats numbers", () => {
  assert.deepEqual(validate("HS4010120878811"), { valid: true });
  assert.equal(isValid("hs 4 01 0120878811", { lenient: true }), true);
  const { error } = validate("HS6010120878811");
  assert.equal(error.code, "invalid_benefit_level");
  assert.equal(error.position, 2);
  assert.equal(error.message, "Mức hưởng (ký tự 3) phải là chữ số từ 1 đến 5");
  assert.equal(validate("HS6010120878811", { lang: "en" }).error.message, "the benefit level (character 3) must be a digit from 1 to 5");
  const parsed = parse("QN5970123456789", { issuer: "defence" });
  assert.equal(parsed.valid, true);
  assert.equal(parsed.card.issuer.id, "defence");
  assert.equal(parsed.card.groupCode.code, "QN");
  assert.equal(format("QN5970123456789", { style: "masked" }), "QN 5 97 ******6789");
  assert.equal(checkPrefix("QN50", { issuer: "police" }).state, "invalid");
  assert.deepEqual(
    validateMany(["0101010101", "0101"]).map((result) => result.valid),
    [true, false],
  );
});

test("a reception desk identifies what was typed, and checks a claims field", () => {
  assert.equal(
    fileURLToPath(import.meta.resolve("bhyt/reception")),
    fileURLToPath(new URL("js/reception/index.js", installed)),
  );
  const person = identify("079 195 001 234", { lenient: true });
  assert.equal(person.kind, "personal_id");
  assert.equal(person.personalId.birthYear, 1995);
  assert.equal(person.personalId.masked, "********1234");
  const card = identify("HS4010120878811");
  assert.equal(card.kind, "card");
  assert.deepEqual(card.card, parse("HS4010120878811").card);
  const field = parseMaTheBhyt("HS4010120878811;HS4010120878812");
  assert.equal(field.valid, true);
  assert.equal(field.items[1].start, 16);
  assert.equal(advise("ND4010120878811")[0].code, "issued_after_vneid_list");
});
