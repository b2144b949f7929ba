// Vitest with its default configuration.
import { expect, test } from "vitest";
import * as bhyt from "bhyt";
import * as reception from "bhyt/reception";
import { probe } from "../probe.js";
import expected from "../expected.json";

test("import 'bhyt' under Vitest answers as in Node.js", () => {
  expect(JSON.parse(probe({ bhyt, reception }))).toEqual(expected.map(({ answer }) => answer));
});
