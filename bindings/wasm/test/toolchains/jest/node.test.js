// Jest with its default configuration: CommonJS, the node environment.
const bhyt = require("bhyt");
const reception = require("bhyt/reception");
const expected = require("../expected.json");

test("require('bhyt') answers as import does in Node.js", () => {
  for (const { lib, name, args, answer } of expected) {
    expect({ bhyt, reception }[lib][name](...args)).toEqual(answer);
  }
});
