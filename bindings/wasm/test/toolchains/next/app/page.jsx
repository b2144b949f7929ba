// A server component (prerendered by `next build`) and a client component on one page.
import * as bhyt from "bhyt";
import * as reception from "bhyt/reception";
import { probe } from "../../probe.js";
import Client from "./client.jsx";

export default function Page() {
  return (
    <main>
      <pre id="server">{probe({ bhyt, reception })}</pre>
      <Client />
    </main>
  );
}
