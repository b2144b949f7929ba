// The calls every toolchain case makes through the package it built or loaded: run.mjs makes
// the same calls in Node.js (`import "bhyt"`) and requires the answers to be equal. For the
// CommonJS cases (Jest), run.mjs writes the calls and answers to expected.json.

export const CALLS = [
  ["bhyt", "validate", ["HS4010120878811"]],
  ["bhyt", "validate", ["HS6010120878811", { lang: "en" }]],
  ["bhyt", "parse", ["QN5970123456789", { issuer: "defence" }]],
  ["bhyt", "format", ["hs 4 01 0120878811", { lenient: true }]],
  ["bhyt", "checkPrefix", ["HS40"]],
  ["bhyt", "formatTyped", ["hs401"]],
  ["reception", "identify", ["HS4010120878811"]],
  ["reception", "identify", ["0101010101"]],
];

/** The answers, as JSON text, of `CALLS` made on `libs` (`{ bhyt, reception }`). */
export function probe(libs) {
  return JSON.stringify(CALLS.map(([lib, name, args]) => libs[lib][name](...args)));
}

/** Writes `run()`'s answers (or its error) into the page's `#result`, where run.mjs reads them. */
export async function report(run) {
  const out = document.getElementById("result");
  try {
    out.textContent = await run();
  } catch (error) {
    out.textContent = `error: ${error?.stack ?? error}`;
  }
}
