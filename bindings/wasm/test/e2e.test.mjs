// The live form end to end: the demo page served from 127.0.0.1, driven in Debian's Chromium
// through playwright-core. It types valid and invalid numbers the way a user does and checks
// what the page shows, checks that nothing leaves the page, and saves screenshots under
// build/screenshots/ (desktop and phone).
//
// BHYT_PACKAGE_DIR names the package the page loads (test.sh: the tarball installed by the
// consumer test); by default this folder, after scripts/build.sh. BHYT_CHROMIUM overrides
// /usr/bin/chromium.

import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";

import { chromium } from "playwright-core";

import * as bhyt from "bhyt";

import { serve } from "../scripts/serve.mjs";

const HERE = fileURLToPath(new URL("..", import.meta.url));
const BUILD = join(HERE, "build");
const SHOTS = join(BUILD, "screenshots");
const CHROMIUM = process.env.BHYT_CHROMIUM ?? "/usr/bin/chromium";
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const DESKTOP = { viewport: { width: 1280, height: 900 } };
const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

let server;
let origin;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const started = await serve({ port: 0, packageDir: process.env.BHYT_PACKAGE_DIR ?? HERE });
  server = started.server;
  origin = started.url;
});

after(() => {
  server?.close();
});

/**
 * Opens the demo in a fresh Chromium profile and records every request and console message.
 */
async function open(device, path = "") {
  const profile = mkdtempSync(join(BUILD, "chromium-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    locale: "vi-VN",
    ...device,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const requests = [];
  const console = [];
  const errors = [];
  page.on("request", (request) => requests.push(request.url()));
  page.on("console", (message) => console.push(message.text()));
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(new URL(path, origin).href);
  await page.waitForFunction(() => document.documentElement.dataset.bhyt === "ready");
  return {
    page,
    requests,
    console,
    errors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Clears the card field and types `text` key by key. */
async function type(page, text) {
  const field = page.getByLabel("Số thẻ BHYT");
  await field.fill("");
  await field.pressSequentially(text);
}

async function shown(page) {
  return page.evaluate(() => {
    const text = (id) => document.getElementById(id).textContent;
    const visible = (id) => !document.getElementById(id).hidden;
    const parts = {};
    for (const dd of document.querySelectorAll("#details-list dd")) {
      parts[dd.dataset.part] = dd.textContent;
    }
    return {
      value: document.getElementById("card").value,
      invalid: document.getElementById("card").getAttribute("aria-invalid"),
      status: text("card-status"),
      count: text("card-count"),
      echo: visible("card-echo") ? text("card-echo") : null,
      mark: document.querySelector("#card-echo mark")?.textContent ?? null,
      details: visible("details") ? parts : null,
      result: text("result"),
    };
  });
}

/** The index of the marked character in the echo line (a JS string index). */
async function markedAt(page) {
  return page.evaluate(() => {
    const mark = document.querySelector("#card-echo mark");
    return mark?.previousSibling?.textContent.length ?? (mark ? 0 : null);
  });
}

describe("the demo form in Chromium", { timeout: 180_000 }, () => {
  test("desktop: labels, as-you-type grouping, errors, decoded parts, no network", async () => {
    const session = await open(DESKTOP);
    const { page } = session;
    try {
      assert.equal(await page.title(), "Nhập thông tin tích hợp: thẻ BHYT (bản minh hoạ)");
      await page.getByRole("heading", { name: "Nhập thông tin tích hợp" }).waitFor();
      const issuers = await page.getByLabel("Đơn vị cấp thẻ BHYT").locator("option").allTextContents();
      assert.deepEqual(issuers, [
        "Bảo hiểm xã hội Việt Nam",
        "Bảo hiểm xã hội Công an nhân dân",
        "Bảo hiểm xã hội Bộ Quốc phòng",
      ]);
      const requestsAtLoad = session.requests.length;

      // Typing a valid 15-character number: grouped as it goes, then decoded.
      await type(page, "hs40");
      let view = await shown(page);
      assert.equal(view.value, "HS 4 0");
      assert.equal(view.count, "Còn thiếu 11 ký tự.");
      assert.equal(view.invalid, "false");
      await page.getByLabel("Số thẻ BHYT").pressSequentially("10120878811");
      view = await shown(page);
      const card = bhyt.parse("HS4010120878811").card;
      assert.equal(view.value, "HS 4 01 0120878811");
      assert.equal(view.status, "Số thẻ hợp lệ.");
      assert.equal(view.echo, null);
      assert.deepEqual(view.details, {
        number: "HS 4 01 0120878811",
        group: `HS: ${card.groupCode.description}`,
        benefit: `4: ${card.benefitLevel.meaning}`,
        province: "01",
        issuer: "Bảo hiểm xã hội Việt Nam",
        sin: "0120878811",
      });
      await page.screenshot({ path: join(SHOTS, "desktop-valid.png"), fullPage: true });

      // A wrong benefit level: the third character is marked, the message is the core's.
      await type(page, "HS6");
      view = await shown(page);
      assert.equal(view.value, "HS 6");
      assert.equal(view.invalid, "true");
      assert.equal(view.mark, "6");
      assert.equal(await markedAt(page), 3);
      assert.equal(view.status, bhyt.checkPrefix("HS 6", { lenient: true }).error.message);
      assert.equal(view.status, "Mức hưởng (ký tự 3) phải là chữ số từ 1 đến 5");
      assert.equal(view.details, null);

      // An unknown group code: the second letter is what cannot fit.
      await type(page, "DS");
      view = await shown(page);
      assert.equal(view.mark, "S");
      assert.equal(view.status, bhyt.checkPrefix("DS").error.message);

      // A letter in the 10-digit form.
      await type(page, "01010A");
      view = await shown(page);
      assert.equal(view.mark, "A");
      assert.equal(view.status, "Ký tự thứ 6 là một chữ cái in hoa, cần một chữ số (0-9)");

      // Too long.
      await type(page, "01234567890");
      view = await shown(page);
      assert.equal(view.mark, "0");
      assert.equal(await markedAt(page), 10);

      // The issuing body decides characters 4-5.
      await page.getByLabel("Đơn vị cấp thẻ BHYT").selectOption("police");
      await type(page, "CA50");
      view = await shown(page);
      assert.equal(view.value, "CA 5 0");
      assert.equal(view.mark, "0");
      assert.equal(view.status, "Với Bảo hiểm xã hội Công an nhân dân, ký tự 4-5 phải là 98");
      await page.screenshot({ path: join(SHOTS, "desktop-invalid.png"), fullPage: true });
      await type(page, "CA5980123456789");
      view = await shown(page);
      assert.equal(view.value, "CA 5 98 0123456789");
      assert.equal(view.details.issuer, "Bảo hiểm xã hội Công an nhân dân");
      // Switching the drop-down re-checks what is there.
      await page.getByLabel("Đơn vị cấp thẻ BHYT").selectOption("defence");
      view = await shown(page);
      assert.equal(view.status, "Với Bảo hiểm xã hội Bộ Quốc phòng, ký tự 4-5 phải là 97");
      await page.getByLabel("Đơn vị cấp thẻ BHYT").selectOption("vss");

      // The 10-digit form.
      await type(page, "0101010101");
      view = await shown(page);
      assert.equal(view.status, "Số thẻ hợp lệ.");
      assert.deepEqual(Object.keys(view.details), ["number", "form", "sin"]);

      // Pasted text: lowercase, dashes, spaces.
      await page.getByLabel("Số thẻ BHYT").fill(" hs-4-01-0120878811 ");
      view = await shown(page);
      assert.equal(view.value, "HS 4 01 0120878811");
      assert.equal(view.status, "Số thẻ hợp lệ.");

      // Confirming an incomplete number gives the whole-number error; a valid one is never sent.
      await type(page, "HS401");
      await page.getByRole("button", { name: "Xác nhận" }).click();
      view = await shown(page);
      assert.equal(view.status, "Số thẻ BHYT phải gồm đúng 10 chữ số hoặc 15 ký tự; đã nhập 5 ký tự");
      await type(page, "HS4010120878811");
      await page.getByRole("button", { name: "Xác nhận" }).click();
      view = await shown(page);
      assert.match(view.result, /^Số thẻ HS 4 01 0120878811 hợp lệ/);
      assert.equal(page.url(), origin);

      // Nothing left the page after it loaded, nothing was logged, nothing failed.
      assert.deepEqual(session.requests.slice(requestsAtLoad), []);
      for (const url of session.requests) {
        assert.ok(url.startsWith(origin), `${url} is on the demo's own server`);
      }
      assert.deepEqual(session.console, []);
      assert.deepEqual(session.errors, []);
    } finally {
      await session.close();
    }
  });

  test("phone: fits the screen, usable by touch, screenshots", async () => {
    const session = await open(PHONE);
    const { page } = session;
    try {
      const fits = () =>
        page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
      assert.ok(await fits(), "no horizontal scrolling");
      const field = page.getByLabel("Số thẻ BHYT");
      const box = await field.boundingBox();
      assert.ok(box.height >= 44, `the field is ${box.height}px high: big enough to tap`);
      await field.tap();
      await field.pressSequentially("TE1790123456789");
      let view = await shown(page);
      assert.equal(view.value, "TE 1 79 0123456789");
      assert.equal(view.status, "Số thẻ hợp lệ.");
      assert.ok(await fits(), "no horizontal scrolling with the details shown");
      await page.screenshot({ path: join(SHOTS, "phone-valid.png"), fullPage: true });
      await type(page, "TE1790123O");
      view = await shown(page);
      assert.equal(view.mark, "O");
      assert.ok(await fits(), "no horizontal scrolling with an error shown");
      await page.screenshot({ path: join(SHOTS, "phone-invalid.png"), fullPage: true });
      assert.deepEqual(session.console, []);
      assert.deepEqual(session.errors, []);
    } finally {
      await session.close();
    }
  });

  test("reception page: a scanner types QR codes key by key, then Enter", async () => {
    const session = await open(DESKTOP, "reception.html");
    const { page } = session;
    const box = page.getByLabel("Số thẻ BHYT, số CCCD hoặc quét mã QR");
    const scan = async (payload) => {
      await box.pressSequentially(payload);
      await box.press("Enter");
      return page.evaluate(() => {
        const parts = {};
        for (const dd of document.querySelectorAll("#read-list dd")) {
          parts[dd.dataset.part] = dd.textContent;
        }
        return {
          status: document.getElementById("search-status").textContent,
          kind: document.getElementById("read").hidden ? null : document.getElementById("read").dataset.kind,
          parts,
          value: document.getElementById("search").value,
        };
      });
    };
    try {
      const paper = await scan(
        "HS4010120878811|4e677579e1bb856e2056c4836e2041|15/08/1990|1|-|01 - 028|01/01/2025|31/12/2025|01/01/2025|79|4e677579e1bb856e2056c4836e2042|4| 01/01/2030|4641c59ff02659c3-1202|$",
      );
      assert.equal(paper.kind, "card_qr");
      assert.equal(paper.value, "", "the box is emptied for the next scan");
      assert.equal(paper.parts.card, "HS 4 01 0120878811");
      assert.equal(paper.parts.name, "Nguyễn Văn A");
      assert.equal(paper.parts.birth_date, "1990-08-15");
      assert.equal(paper.parts.facility_code, "01028");
      assert.equal(paper.parts.valid_to, "2025-12-31");
      assert.equal(paper.parts.guardian_name, "Nguyễn Văn B");
      assert.equal(paper.parts.layout, "15 phần (thẻ giấy)");
      assert.equal(paper.parts.repaired, "không");
      // Typed through a Telex input method: `4e e1 ba af` became `4ê1bầ`, `e1 ba a4` `e1bâ4`.
      const telex = await scan(
        "0120878811|4ê1bầ6e6720e1bâ46d|1990|2|-|01028|01/01/2025|-|01/01/2025|79|$",
      );
      assert.equal(telex.kind, "card_qr");
      assert.equal(telex.parts.name, "Nắng Ấm");
      assert.equal(telex.parts.birth_date, "1990");
      assert.equal(telex.parts.valid_to, "không có");
      assert.equal(telex.parts.repaired, "có");
      const cccd = await scan("079095001234|123456789|Nguyễn Văn A|15081995|Nam|12 Lê Lợi, Huế|01012021");
      assert.equal(cccd.kind, "personal_id_qr");
      assert.equal(cccd.parts.personal_id, "079095001234");
      assert.equal(cccd.parts.old_id, "123456789");
      assert.equal(cccd.parts.name, "Nguyễn Văn A");
      assert.equal(cccd.parts.birth_date, "1995-08-15");
      assert.equal(cccd.parts.address, "12 Lê Lợi, Huế");
      const typed = await scan("0120878811");
      assert.equal(typed.kind, "card");
      const broken = await scan("0120878811|41|1990|3|-|01028|01/01/2025|-|01/01/2025|79|$");
      assert.equal(broken.kind, null);
      assert.match(broken.status, /giới tính/u);
      await page.screenshot({ path: join(SHOTS, "reception-desktop.png"), fullPage: true });
      assert.ok(session.requests.every((url) => url.startsWith(origin)), "nothing leaves the page");
      assert.deepEqual(session.errors, []);
    } finally {
      await session.close();
    }
  });

  test("bhyt/reception loads in the browser from the installed package (its own module)", async () => {
    const session = await open(DESKTOP);
    const { page } = session;
    try {
      const answers = await page.evaluate(async () => {
        const reception = await import("/bhyt/js/reception/index.js");
        return {
          person: reception.identify("079 195 001 234", { lenient: true }),
          card: reception.identify("HS4010120878811").kind,
          field: reception.parseMaTheBhyt("HS4010120878811;0120878811").items.map((item) => [
            item.start,
            item.end,
            item.valid,
          ]),
          advice: reception.advise("ND4010120878811").map((note) => note.code),
        };
      });
      assert.equal(answers.person.kind, "personal_id");
      assert.equal(answers.person.personalId.birthYear, 1995);
      assert.equal(answers.card, "card");
      assert.deepEqual(answers.field, [
        [0, 15, true],
        [16, 26, true],
      ]);
      assert.deepEqual(answers.advice, ["issued_after_vneid_list"]);
      assert.ok(
        session.requests.some((url) => url.endsWith("/bhyt/pkg/bhyt_reception_bytes.js")),
        "the reception module (its inlined bytes) is fetched",
      );
      assert.deepEqual(session.errors, []);
    } finally {
      await session.close();
    }
  });
});
