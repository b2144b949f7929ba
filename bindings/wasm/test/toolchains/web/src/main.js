// A page's script, bundled by esbuild, Rollup or Vite: the package imported by name.
import * as bhyt from "bhyt";
import * as reception from "bhyt/reception";
import { probe, report } from "../../probe.js";

report(() => probe({ bhyt, reception }));
