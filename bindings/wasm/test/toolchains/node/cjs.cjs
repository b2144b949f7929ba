// Node.js, CommonJS: prints the answers (the calls from expected.json).
const libs = { bhyt: require("bhyt"), reception: require("bhyt/reception") };
const calls = require("../expected.json");

console.log(JSON.stringify(calls.map(({ lib, name, args }) => libs[lib][name](...args))));
