// The timings of the package benchmark, shared by the Node run (bench.mjs) and the Chromium
// run (chromium.mjs): the same corpus, the same calls, the same RegExp baselines.
//
// Before timing, the RegExp is checked to give bhyt's verdict on every corpus input.

const GROUPS =
  "DN HX CH NN TK HC XK HT TB NO CT XB TN CS QN CA CY XN MS CC CK CB KC HD TE BT HN DT DK XD TS TC TQ TA TY HG LS PV CN HS SV GB GD".split(
    " ",
  );
const PROVINCE = {
  any: "(?:0[1-9]|[1-9][0-9])",
  vss: "(?:0[1-9]|[1-8][0-9]|9[0-6]|99)",
  police: "98",
  defence: "97",
};
// The rule as a developer would write it, one compiled RegExp per issuing body.
const REGEXPS = Object.fromEntries(
  Object.entries(PROVINCE).map(([issuer, province]) => [
    issuer,
    new RegExp(`^(?:[0-9]{10}|(?:${GROUPS.join("|")})[1-5]${province}[0-9]{10})$`),
  ]),
);

function unescape(field) {
  return field.replace(/\\(.)/g, (_, c) => ({ t: "\t", n: "\n", r: "\r", "\\": "\\" })[c]);
}

/**
 * Times the package's calls against the RegExp baselines and reports each line through `log`.
 * `bhyt` is the package's API (isValid, validate, validateLines, validateMany); `corpusText`
 * the main corpus (TSV: issuer, input), `mixedText` issue 13's mixed corpus or "" (then the
 * whole-rule comparison takes the main corpus with the issuer ignored); `engine` names the
 * JavaScript engine in the first line.
 */
export function run({ isValid, validate, validateLines, validateMany }, corpusText, mixedText, log, engine) {
  const corpus = corpusText
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => {
      const tab = line.indexOf("\t");
      return { issuer: line.slice(0, tab), input: unescape(line.slice(tab + 1)) };
    });

  let valid = 0;
  for (const { issuer, input } of corpus) {
    const expected = isValid(input, { issuer });
    if (REGEXPS[issuer].test(input) !== expected) {
      throw new Error(`the RegExp disagrees with bhyt on a corpus input (issuer ${issuer})`);
    }
    valid += expected ? 1 : 0;
  }

  // The batch call takes one text per issuing body, as a file of numbers would come.
  const byIssuer = new Map();
  for (const entry of corpus) {
    byIssuer.set(entry.issuer, [...(byIssuer.get(entry.issuer) ?? []), entry.input]);
  }
  const texts = [...byIssuer].map(([issuer, inputs]) => ({
    issuer,
    inputs,
    text: inputs.join("\n") + "\n",
  }));
  for (const { issuer, inputs, text } of texts) {
    const codes = validateLines(text, { issuer });
    inputs.forEach((input, i) => {
      if ((codes[i] === 0) !== isValid(input, { issuer })) {
        throw new Error("validateLines disagrees with isValid");
      }
    });
  }

  // Times every entry of `entries` ({ name, body }) over `count` numbers: all warmed up, then
  // rounds in turn (one round of each entry, then the next round), the best round of each
  // kept, so that a burst of load on the shared machine reaches every entry alike.
  function timeAll(entries, count = corpus.length) {
    for (const { body } of entries) for (let i = 0; i < 5; i++) body();
    const best = entries.map(() => Infinity);
    for (let round = 0; round < 20; round++) {
      entries.forEach(({ body }, i) => {
        const start = performance.now();
        body();
        best[i] = Math.min(best[i], performance.now() - start);
      });
    }
    return entries.map(({ name }, i) => ({ name, ns: (best[i] * 1e6) / count }));
  }

  let sink = 0;
  const results = timeAll([
    {
      name: "JS RegExp.test, per number",
      body: () => {
        for (const { issuer, input } of corpus) sink += REGEXPS[issuer].test(input) ? 1 : 0;
      },
    },
    {
      name: "bhyt isValid (WASM), one call per number",
      body: () => {
        for (const { issuer, input } of corpus) sink += isValid(input, { issuer }) ? 1 : 0;
      },
    },
    {
      name: "bhyt validate (WASM), one call per number",
      body: () => {
        for (const { issuer, input } of corpus) sink += validate(input, { issuer }).valid ? 1 : 0;
      },
    },
    {
      name: "bhyt validateLines (WASM), one call per text",
      body: () => {
        for (const { issuer, text } of texts) sink += validateLines(text, { issuer }).length;
      },
    },
    {
      name: "bhyt validateMany (WASM), one call per array",
      body: () => {
        for (const { issuer, inputs } of texts) sink += validateMany(inputs, { issuer }).length;
      },
    },
  ]);

  const regexp = results[0].ns;
  log(`corpus: ${corpus.length} inputs, ${valid} valid; ${engine}`);
  for (const { name, ns } of results) {
    log(`${name.padEnd(48)} ${ns.toFixed(1).padStart(7)} ns/number   ${(regexp / ns).toFixed(2)}x the RegExp`);
  }

  // Issue 13's comparison: the corpus as one list (issuer any) against ONE anchored RegExp for
  // the whole rule, compiled once, `re.test(s)` per number: the fastest a developer would write.
  const WHOLE = REGEXPS.any;
  const inputs = mixedText
    ? mixedText
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => unescape(line.slice(line.indexOf("\t") + 1)))
    : corpus.map(({ input }) => input);
  const wholeText = inputs.join("\n") + "\n";
  for (const input of inputs) {
    if (WHOLE.test(input) !== isValid(input)) throw new Error("the whole-rule RegExp disagrees");
    const checked = validate(input);
    if (!checked.valid && typeof checked.error.message !== "string") throw new Error("no message");
  }
  const whole = timeAll(
    [
      {
        name: "JS RegExp.test, one pattern for the whole rule",
        body: () => {
          for (const input of inputs) sink += WHOLE.test(input) ? 1 : 0;
        },
      },
      {
        // The least any crossing that copies the string in JS must do: read each code unit.
        name: "floor: read every code unit (charCodeAt)",
        body: () => {
          for (const input of inputs) {
            let units = 0;
            for (let i = 0; i < input.length; i++) units |= input.charCodeAt(i);
            sink += units & 1;
          }
        },
      },
      {
        name: "bhyt isValid, one call per number",
        body: () => {
          for (const input of inputs) sink += isValid(input) ? 1 : 0;
        },
      },
      {
        name: "bhyt validate (error object), one call per number",
        body: () => {
          for (const input of inputs) {
            const checked = validate(input);
            sink += checked.valid ? 1 : checked.error.position ?? 0;
          }
        },
      },
      {
        name: "bhyt validate + every error message read",
        body: () => {
          for (const input of inputs) {
            const checked = validate(input);
            sink += checked.valid ? 1 : checked.error.message.length;
          }
        },
      },
      {
        name: "bhyt validateLines, one call for the text",
        body: () => {
          sink += validateLines(wholeText).length;
        },
      },
    ],
    inputs.length,
  );
  log("\nissuer any, against one anchored RegExp for the whole rule:");
  for (const { name, ns } of whole) {
    log(`${name.padEnd(48)} ${ns.toFixed(1).padStart(7)} ns/number   ${(whole[0].ns / ns).toFixed(2)}x the RegExp`);
  }
  return sink;
}
