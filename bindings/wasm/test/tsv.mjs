// Reads the shared test vectors (tests/vectors/*.tsv) as their README specifies: UTF-8, lines
// split on LF only, `#` comment lines skipped, a header row, one TAB between fields, `-` for
// an empty value except in `input`, and the escapes \\ \t \n \r in `input` only.

import { readFileSync } from "node:fs";

const VECTORS = new URL("../../../tests/vectors/", import.meta.url);

const ESCAPES = { "\\": "\\", t: "\t", n: "\n", r: "\r" };

export function unescapeInput(field) {
  return field.replace(/\\(.?)/gsu, (_, next) => {
    if (!Object.hasOwn(ESCAPES, next)) {
      throw new Error(`bad escape \\${next} in ${JSON.stringify(field)}`);
    }
    return ESCAPES[next];
  });
}

/** The rows of `name` as objects keyed by the header, each with its 1-based `line`. */
export function readVectors(name) {
  const text = readFileSync(new URL(name, VECTORS), "utf8");
  let header = null;
  const rows = [];
  text.split("\n").forEach((raw, index) => {
    if (raw === "" && index === text.split("\n").length - 1) {
      return; // the final LF
    }
    if (raw.startsWith("#")) {
      return;
    }
    const fields = raw.split("\t");
    if (header === null) {
      header = fields;
      return;
    }
    if (fields.length !== header.length) {
      throw new Error(`${name}:${index + 1}: ${fields.length} fields, header has ${header.length}`);
    }
    const row = { line: index + 1 };
    header.forEach((column, i) => {
      row[column] = column === "input" ? unescapeInput(fields[i]) : fields[i];
    });
    rows.push(row);
  });
  if (header === null) {
    throw new Error(`${name}: no header row`);
  }
  return rows;
}

/** `-` is an empty value (never in `input`). */
export function value(field) {
  return field === "-" ? null : field;
}

/** The JS string index (UTF-16 code units) of the character at `chars` (scalar values). */
export function jsIndex(input, chars) {
  let units = 0;
  let seen = 0;
  for (const character of input) {
    if (seen === chars) {
      return units;
    }
    units += character.length;
    seen += 1;
  }
  return units + (chars - seen);
}
