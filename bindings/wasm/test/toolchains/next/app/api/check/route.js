// A route handler, run on each request by `next start`.
import * as bhyt from "bhyt";
import * as reception from "bhyt/reception";
import { probe } from "../../../../probe.js";

export const dynamic = "force-dynamic";

export function GET() {
  return new Response(probe({ bhyt, reception }), { headers: { "content-type": "application/json" } });
}
