// @vitest-environment jsdom
import { expect, test } from "vitest";
import * as bhyt from "bhyt";
import * as reception from "bhyt/reception";
import { probe } from "../probe.js";
import expected from "../expected.json";

test("import 'bhyt' under Vitest's jsdom environment answers as in Node.js", () => {
  expect(typeof document).toBe("object");
  expect(JSON.parse(probe({ bhyt, reception }))).toEqual(expected.map(({ answer }) => answer));
});
