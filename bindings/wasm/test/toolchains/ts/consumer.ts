// Type-checked (tsc --noEmit) under moduleResolution node, node16 and bundler: every entry
// point's declarations are found and describe what the functions return.
import { format, parse, validate, type Card } from "bhyt";
import { identify } from "bhyt/reception";
import * as lazy from "bhyt/init";
import * as lazyReception from "bhyt/reception/init";

const checked: { valid: boolean } = validate("HS4010120878811");
const parsed = parse("HS4010120878811");
const card: Card | undefined = parsed.valid ? parsed.card : undefined;
const formatted: string | null = format("HS4010120878811", { style: "masked" });
const found = identify("HS4010120878811");

export async function later(bytes: Uint8Array): Promise<boolean> {
  await lazy.init(new URL("https://example.org/bhyt_wasm_bg.wasm"));
  await lazyReception.init(bytes);
  return lazy.isValid("HS4010120878811") && lazyReception.identify("x") !== undefined;
}

export { card, checked, formatted, found };
