// `bhyt/init` given the URL of the .wasm files, which run.mjs copies next to the page.
import * as bhyt from "bhyt/init";
import * as reception from "bhyt/reception/init";
import { probe, report } from "../../probe.js";

report(async () => {
  await bhyt.init(new URL("bhyt_wasm_bg.wasm", location.href));
  await reception.init(fetch(new URL("bhyt_reception_bg.wasm", location.href)));
  return probe({ bhyt, reception });
});
