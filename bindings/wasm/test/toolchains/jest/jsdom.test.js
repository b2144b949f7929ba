/**
 * @jest-environment jsdom
 */
// Jest with its default configuration and the jsdom environment (browser export condition,
// no TextDecoder global).
const bhyt = require("bhyt");
const reception = require("bhyt/reception");
const expected = require("../expected.json");

test("require('bhyt') under jsdom answers as import does in Node.js", () => {
  expect(typeof document).toBe("object");
  for (const { lib, name, args, answer } of expected) {
    expect({ bhyt, reception }[lib][name](...args)).toEqual(answer);
  }
});
