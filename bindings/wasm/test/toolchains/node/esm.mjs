// Node.js, ES module: prints the answers.
import * as bhyt from "bhyt";
import * as reception from "bhyt/reception";
import { probe } from "../probe.js";

console.log(probe({ bhyt, reception }));
