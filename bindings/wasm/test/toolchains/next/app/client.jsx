"use client";
// A client component: the package is imported while the page is prerendered on the server and
// again in the browser, where the answers are computed after hydration.
import { useEffect, useState } from "react";
import * as bhyt from "bhyt";
import * as reception from "bhyt/reception";
import { probe } from "../../probe.js";

export default function Client() {
  const [result, setResult] = useState("");
  useEffect(() => setResult(probe({ bhyt, reception })), []);
  return <pre id="result">{result}</pre>;
}
