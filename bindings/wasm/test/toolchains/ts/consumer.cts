// A CommonJS TypeScript file (node16): `import` compiles to `require`, typed by dist/*.d.cts.
import { validate } from "bhyt";
import { identify } from "bhyt/reception";
import lazy = require("bhyt/init");

export const checked: boolean = validate("HS4010120878811").valid;
export const found = identify("HS4010120878811");
export const ready: Promise<void> = lazy.init();
