// The demo form: every answer comes from the bhyt package (WebAssembly); this file only
// shows them. It never sends, stores or logs the number.

import * as bhyt from "./bhyt/js/index.js";

const form = document.getElementById("form");
const issuer = document.getElementById("issuer");
const field = document.getElementById("card");
const echo = document.getElementById("card-echo");
const count = document.getElementById("card-count");
const status = document.getElementById("card-status");
const details = document.getElementById("details");
const detailsList = document.getElementById("details-list");
const result = document.getElementById("result");

// Characters that would not show in the echo line are drawn as an open box.
const INVISIBLE = /^[\p{C}\p{Z}]$/u;

function options() {
  return { issuer: issuer.value, lenient: true };
}

function setStatus(text, kind) {
  status.textContent = text;
  status.className = kind ? `status status-${kind}` : "status";
}

/** Shows the typed text with the character at JS index `at` marked, or hides the line. */
function showEcho(value, at) {
  if (at === null) {
    echo.hidden = true;
    echo.replaceChildren();
    return;
  }
  const width = (value.codePointAt(at) ?? 0) > 0xffff ? 2 : 1;
  const bad = value.slice(at, at + width);
  const mark = document.createElement("mark");
  mark.textContent = INVISIBLE.test(bad) ? "␣" : bad;
  echo.replaceChildren(value.slice(0, at), mark, value.slice(at + width));
  echo.hidden = false;
}

function showCard(card) {
  if (card === null) {
    details.hidden = true;
    detailsList.replaceChildren();
    return;
  }
  const rows =
    card.form === 15
      ? [
          ["number", "Số thẻ", card.grouped],
          ["group", "Mã đối tượng (ký tự 1-2)", `${card.groupCode.code}: ${card.groupCode.description}`],
          ["benefit", "Mức hưởng (ký tự 3)", `${card.benefitLevel.level}: ${card.benefitLevel.meaning}`],
          ["province", "Mã nơi cấp (ký tự 4-5)", card.provinceCode],
          ["issuer", "Đơn vị cấp thẻ", card.issuer.name],
          ["sin", "Mã số BHXH (10 ký tự cuối)", card.socialInsuranceNumber],
        ]
      : [
          ["number", "Số thẻ", card.compact],
          ["form", "Mẫu thẻ", "Thẻ mẫu mới: 10 chữ số là mã số BHXH"],
          ["sin", "Mã số BHXH", card.socialInsuranceNumber],
        ];
  detailsList.replaceChildren(
    ...rows.flatMap(([part, term, description]) => {
      const dt = document.createElement("dt");
      dt.textContent = term;
      const dd = document.createElement("dd");
      dd.dataset.part = part;
      dd.textContent = description;
      return [dt, dd];
    }),
  );
  details.hidden = false;
}

function showInvalid(value, at, error) {
  field.setAttribute("aria-invalid", "true");
  field.classList.remove("is-valid");
  showEcho(value, at);
  count.textContent = "";
  setStatus(error.message, "error");
  showCard(null);
}

/** The as-you-type check of what the field holds now. */
function render() {
  const value = field.value;
  result.textContent = "";
  if (value === "") {
    field.setAttribute("aria-invalid", "false");
    field.classList.remove("is-valid");
    showEcho(value, null);
    count.textContent = "";
    setStatus("", null);
    showCard(null);
    return;
  }
  const check = bhyt.checkPrefix(value, options());
  if (check.state === "invalid") {
    showInvalid(value, check.at, check.error);
    return;
  }
  field.setAttribute("aria-invalid", "false");
  showEcho(value, null);
  if (check.state === "complete") {
    field.classList.add("is-valid");
    count.textContent = "";
    setStatus("Số thẻ hợp lệ.", "ok");
    showCard(check.card);
    return;
  }
  field.classList.remove("is-valid");
  const unit = check.form === 10 ? "chữ số" : "ký tự";
  count.textContent = `Còn thiếu ${check.missing} ${unit}.`;
  setStatus("", null);
  showCard(null);
}

/** Rewrites the field in groups (`HS 4 01 0120878811`), keeping the caret in place. */
function regroup() {
  const value = field.value;
  const grouped = bhyt.formatTyped(value);
  if (grouped !== value) {
    const caret = field.selectionStart ?? value.length;
    const position = bhyt.formatTyped(value.slice(0, caret)).length;
    field.value = grouped;
    field.setSelectionRange(position, position);
  }
}

field.addEventListener("input", (event) => {
  // Vietnamese keyboards (Telex, VNI) compose letters: regroup once the letter is final.
  if (!event.isComposing) {
    regroup();
  }
  render();
});
field.addEventListener("compositionend", () => {
  regroup();
  render();
});
issuer.addEventListener("change", render);

form.addEventListener("submit", (event) => {
  // Nothing is ever submitted: the page only checks.
  event.preventDefault();
  const value = field.value;
  const parsed = bhyt.parse(value, options());
  if (!parsed.valid) {
    showInvalid(value, parsed.error.position, parsed.error);
    result.textContent = "";
    field.focus();
    return;
  }
  render();
  result.textContent = `Số thẻ ${parsed.card.grouped} hợp lệ theo quy định của VNeID. Đây là bản minh hoạ: số thẻ không được gửi đi.`;
});

document.getElementById("loading").hidden = true;
render();
document.documentElement.dataset.bhyt = "ready";
