// Per-number cost of the WebAssembly package against a JS RegExp of the same rule, in one
// Node run, on the corpus the Rust benchmarks use (benches/, generated from a committed seed).
//
//   npm run bench        (builds the corpus with cargo, then runs this file)
//   node bench/bench.mjs CORPUS.tsv [MIXED.tsv]
//
// MIXED.tsv (`cargo run -p bhyt-benches --example corpus mixed`, as benches/run.sh does) is
// issue 13's mixed corpus, used for the comparison with one RegExp for the whole rule; without
// it, that comparison takes the main corpus with the issuer ignored.
//
// The timings are in bench/run.mjs, which bench/chromium.mjs runs in headless Chromium. Before
// timing, the RegExp is checked to give bhyt's verdict on every corpus input.

import { readFileSync } from "node:fs";

import { isValid, validate, validateLines, validateMany } from "../js/index.js";
import { run } from "./run.mjs";

const path = process.argv[2];
if (!path) {
  console.error("usage: node bench/bench.mjs CORPUS.tsv [MIXED.tsv]  (or: npm run bench)");
  process.exit(2);
}
run(
  { isValid, validate, validateLines, validateMany },
  readFileSync(path, "utf8"),
  process.argv[3] ? readFileSync(process.argv[3], "utf8") : "",
  console.log,
  `Node ${process.version}`,
);
