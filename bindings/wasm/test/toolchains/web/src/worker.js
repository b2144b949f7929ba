// A module worker (Vite builds it as iife by default): the package imported by name.
import * as bhyt from "bhyt";
import * as reception from "bhyt/reception";
import { probe } from "../../probe.js";

self.postMessage(probe({ bhyt, reception }));
