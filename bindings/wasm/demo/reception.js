// The reception desk's search box: what a barcode scanner types (keystrokes, then Enter) or
// what a person types. Every answer comes from bhyt/reception (WebAssembly); this file only
// shows it. It never sends, stores or logs what was read.

import * as reception from "./bhyt/js/reception/index.js";

const form = document.getElementById("search-form");
const box = document.getElementById("search");
const status = document.getElementById("search-status");
const read = document.getElementById("read");
const list = document.getElementById("read-list");

const KINDS = {
  card: "Số thẻ BHYT",
  personal_id: "Số định danh cá nhân (CCCD)",
  card_qr: "Mã QR thẻ BHYT",
  personal_id_qr: "Mã QR CCCD",
};
const SEX = { male: "Nam", female: "Nữ" };
const LAYOUTS = {
  "10_fields": "10 trường",
  "15_tokens": "15 phần (thẻ giấy)",
  "17_tokens": "17 phần (VssID)",
  other: "khác",
};

function none(value) {
  return value === null || value === undefined || value === "" ? "không có" : value;
}

function rows(found) {
  switch (found.kind) {
    case "card":
      return [["card", "Số thẻ", found.card.grouped]];
    case "personal_id":
      return [
        ["personal_id", "Số định danh", found.personalId.digits],
        ["sex", "Giới tính", SEX[found.personalId.sex]],
        ["birth_year", "Năm sinh", String(found.personalId.birthYear)],
      ];
    case "card_qr":
      return [
        ["card", "Số thẻ", found.card.grouped],
        ["name", "Họ tên", found.name],
        ["birth_date", "Ngày sinh", found.birthDate],
        ["sex", "Giới tính", SEX[found.sex]],
        ["address", "Địa chỉ", none(found.address)],
        ["facility_code", "Nơi ĐKKCB ban đầu", found.facilityCode],
        ["valid_from", "Giá trị từ", found.validFrom],
        ["valid_to", "Giá trị đến", none(found.validTo)],
        ["issued_on", "Ngày cấp", found.issuedOn],
        ["manager_code", "Mã quản lý", found.managerCode],
        ["guardian_name", "Cha mẹ / người giám hộ", none(found.guardianName)],
        ["five_years_on", "Đủ 5 năm liên tục", none(found.fiveYearsOn)],
        ["layout", "Bố cục", LAYOUTS[found.layout]],
        ["repaired", "Đã sửa lỗi gõ Telex", found.repaired ? "có" : "không"],
      ];
    default:
      return [
        ["personal_id", "Số định danh", found.personalId.digits],
        ["old_id", "Số CMND cũ", none(found.oldId)],
        ["name", "Họ tên", none(found.name)],
        ["birth_date", "Ngày sinh", none(found.birthDate)],
        ["sex", "Giới tính", found.sex ? SEX[found.sex] : "không có"],
        ["address", "Địa chỉ", none(found.address)],
        ["issued_on", "Ngày cấp", none(found.issuedOn)],
      ];
  }
}

function show(value) {
  const found = reception.identify(value);
  if (!found.valid) {
    status.textContent = found.error.message;
    status.className = "status status-error";
    read.hidden = true;
    list.replaceChildren();
    read.dataset.kind = "";
    return;
  }
  status.textContent = `Đã đọc: ${KINDS[found.kind]}`;
  status.className = "status status-ok";
  list.replaceChildren(
    ...rows(found).flatMap(([part, term, description]) => {
      const dt = document.createElement("dt");
      dt.textContent = term;
      const dd = document.createElement("dd");
      dd.dataset.part = part;
      dd.textContent = description;
      return [dt, dd];
    }),
  );
  read.dataset.kind = found.kind;
  read.hidden = false;
}

// A scanner ends a payload with Enter (CR, LF or both): read what the box holds, then empty it
// for the next scan.
box.addEventListener("keydown", (event) => {
  if (event.key !== "Enter") {
    return;
  }
  event.preventDefault();
  const value = box.value;
  box.value = "";
  show(value);
});
form.addEventListener("submit", (event) => event.preventDefault());

document.getElementById("loading").hidden = true;
document.documentElement.dataset.bhyt = "ready";
