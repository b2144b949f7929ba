//! The core never allocates: every entry point runs under a counting global allocator
//! (validation, formatting and messages; identify, MA_THE_BHYT lists and advice; QR codes,
//! facility codes, dates, validity, stay notes, gateway codes, claims card fields).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::fmt::Write as _;

use bhyt::{Identity, Issuer, Lang, Style};

struct Counting;

thread_local! {
    /// Allocations made by this thread: the tests of this file run on several threads at
    /// once, and each counts only its own.
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn allocations() -> usize {
    ALLOCATIONS.with(Cell::get)
}

// SAFETY: forwards to the system allocator unchanged; only counts calls.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|count| count.set(count.get() + 1));
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// A `fmt::Write` sink on the stack, so that formatting itself cannot allocate.
struct Sink([u8; 2048], usize);

impl std::fmt::Write for Sink {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        for &byte in s.as_bytes() {
            if self.1 < self.0.len() {
                self.0[self.1] = byte;
                self.1 += 1;
            }
        }
        Ok(())
    }
}

#[test]
fn no_core_path_allocates() {
    let inputs: [&[u8]; 8] = [
        b"HS4010120878811",
        b"0101010101",
        b" hs 4 01 0120878811 ",
        "ĐN4010123456789".as_bytes(),
        b"DN4970123456789",
        b"\xff\xfe garbage",
        b"ND4010123456789",
        b"",
    ];
    let batch = b"0101010101\r\nDN4000123456789\nHS4010120878811\n";
    let mut sink = Sink([0; 2048], 0);
    let before = allocations();
    for input in inputs {
        for issuer in [
            None,
            Some(Issuer::VietnamSocialSecurity),
            Some(Issuer::Police),
        ] {
            for verdict in [
                bhyt::validate(input, issuer),
                bhyt::validate_lenient(input, issuer),
            ] {
                match verdict {
                    Ok(card) => {
                        for style in Style::ALL {
                            let _ = write!(sink, "{}", card.format(style));
                        }
                        let _ = write!(sink, "{card} {card:?} {}", card.key());
                    }
                    Err(error) => {
                        let _ = write!(sink, "{error} {}", error.message(Lang::Vi));
                    }
                }
            }
            let _ = bhyt::check_prefix(input, issuer);
            let _ = bhyt::check_prefix_lenient(input, issuer);
        }
        let _ = bhyt::normalize(input);
    }
    let valid = bhyt::validate_lines(batch, None)
        .filter(|line| line.result().is_ok())
        .count();
    let lenient = bhyt::validate_lines_lenient(batch, None)
        .filter(|line| line.result().is_ok())
        .count();
    let after = allocations();
    assert_eq!(after - before, 0, "allocations on core paths");
    assert_eq!((valid, lenient), (2, 2));
    assert!(sink.1 > 0);
}

#[test]
fn the_new_entry_points_never_allocate() {
    let inputs: [&[u8]; 8] = [
        b"HS1010120878811",
        b"0101010101",
        b"079195001234",
        b"003095001234",
        b" 079 195 001 234 ",
        b"ND4010123456789",
        b"\xff\xfe junk",
        b"",
    ];
    let field = b" HS4010120878811 ; 0120878811;;ND4010123456789";
    let mut sink = Sink([0; 2048], 0);
    let before = allocations();
    for input in inputs {
        for result in [bhyt::identify(input), bhyt::identify_lenient(input)] {
            match result {
                Ok(Identity::Card(card)) => {
                    let _ = write!(sink, "{card:?}");
                }
                Ok(Identity::PersonalId(id)) => {
                    let _ = write!(sink, "{id} {id:?} {} {}", id.masked(), id.birth_place());
                }
                Ok(other) => {
                    let _ = write!(sink, "{other:?}");
                }
                Err(error) => {
                    let _ = write!(sink, "{error} {}", error.message(Lang::Vi));
                }
            }
        }
        for advice in bhyt::advise(input, None).chain(bhyt::advise_lenient(input, None)) {
            let _ = write!(
                sink,
                "{} {}",
                advice.message(Lang::Vi),
                advice.message(Lang::En)
            );
        }
    }
    let mut valid = 0;
    for item in
        bhyt::parse_ma_the_bhyt(field, None).chain(bhyt::parse_ma_the_bhyt_lenient(field, None))
    {
        valid += usize::from(item.is_valid());
        for advice in item.advice() {
            let _ = write!(sink, "{}", advice.message(Lang::En));
        }
        let _ = write!(sink, "{item:?}");
    }
    let after = allocations();
    assert_eq!(after - before, 0, "allocations on the new core paths");
    assert_eq!(valid, 4);
    assert!(sink.1 > 0);
}

#[test]
fn reading_qr_codes_never_allocates() {
    let payloads: [&[u8]; 8] = [
        "HS4010120878811|4e677579e1bb856e2056c4836e2041|15/08/1990|1|-|01 - 028|01/01/2025|31/12/2025|01/01/2025|79|4e677579e1bb856e2056c4836e2042|4| 01/01/2030|4641c59ff02659c3-1202|$\r\n".as_bytes(),
        "0120878811|4ê1bầ6e6720e1bâ46d|1990|2|41|01028|01/01/2025|-|01/01/2025|79|-|4|-|ab|x|y|$".as_bytes(),
        b"0120878811|4c00ea00|1990|2|-|01028|01/01/2025|-|01/01/2025|79|$",
        "079095001234|123456789|Nguyễn Văn A|15081995|Nam|12 Lê Lợi, Huế|01012021".as_bytes(),
        "001195001234||Trần Thị B|01012001|Nữ|Hà Nội|".as_bytes(),
        b"0120878811|41|1990|3|-|01028|01/01/2025|-|01/01/2025|79|$",
        b"a|b|c",
        b"DN4000123456789|41|1990|2|-|01028|01/01/2025|-|01/01/2025|79|$",
    ];
    let mut sink = Sink([0; 2048], 0);
    let mut buf = [0u8; 512];
    let mut decoded = 0;
    let before = allocations();
    for payload in payloads {
        match bhyt::identify(payload) {
            Ok(Identity::CardQr(qr)) => {
                decoded += usize::from(qr.name(payload, &mut buf).is_ok());
                let _ = qr.address(payload, &mut buf);
                let _ = qr.guardian_name(payload, &mut buf);
                let _ = write!(
                    sink,
                    "{qr:?} {} {} {} {:?} {}",
                    qr.birth_date(),
                    qr.facility_code(),
                    qr.valid_from(),
                    qr.valid_to(),
                    qr.manager_code(payload)
                );
                for index in qr.raw_field_indexes() {
                    let _ = write!(sink, "{:?}", qr.raw_field(payload, index));
                }
                let text = qr
                    .name(payload, &mut buf)
                    .unwrap_or_default()
                    .to_owned_len();
                let mut masked = [0u8; 512];
                let _ = bhyt::mask_text(
                    core::str::from_utf8(&buf[..text]).unwrap_or(""),
                    &mut masked,
                );
            }
            Ok(Identity::PersonalIdQr(qr)) => {
                decoded += 1;
                let _ = write!(
                    sink,
                    "{qr:?} {:?} {:?} {:?} {:?}",
                    qr.name(payload),
                    qr.birth_date(),
                    qr.old_id(payload),
                    qr.address(payload)
                );
            }
            Ok(other) => {
                let _ = write!(sink, "{other:?}");
            }
            Err(error) => {
                let _ = write!(sink, "{error} {}", error.message(Lang::Vi));
            }
        }
    }
    for code in ["000", "010", "999"] {
        if let Some(result) = bhyt::gateway_result(code) {
            let _ = write!(sink, "{} {}", result.message(Lang::Vi), result.class());
        }
    }
    let facility = bhyt::FacilityCode::parse("01 - 028");
    let _ = write!(sink, "{facility:?} {:?}", bhyt::FacilityCode::parse("0A"));
    let after = allocations();
    assert_eq!(after - before, 0, "allocations reading QR codes");
    assert_eq!(decoded, 5);
    assert!(sink.1 > 0);
}

/// The length of a decoded text, kept past the borrow of the buffer.
trait Len {
    fn to_owned_len(&self) -> usize;
}

impl Len for &str {
    fn to_owned_len(&self) -> usize {
        self.len()
    }
}

#[test]
fn facility_codes_dates_validity_and_claims_card_fields_never_allocate() {
    let d = |y, m, day| bhyt::Date::new(y, m, day).unwrap();
    let records = [
        bhyt::ClaimsCardFields {
            ma_the_bhyt: b"HS4010120878811;DN4010120878811",
            ma_dkbd: Some(b"01028;01 - 02"),
            gt_the_tu: Some(b"20250101;20250201"),
            gt_the_den: Some(b"20250131"),
            ngay_vao: Some(b"202412300800"),
            ngay_ra: Some(b"202502031000"),
        },
        bhyt::ClaimsCardFields {
            ma_the_bhyt: b"HS4010120878811",
            ma_dkbd: None,
            gt_the_tu: Some(b"2025-01-01"),
            gt_the_den: None,
            ngay_vao: Some(b"202501012460"),
            ngay_ra: None,
        },
    ];
    let mut sink = Sink([0; 2048], 0);
    let mut findings = 0;
    let before = allocations();
    for text in ["01 - 028", "0A028", "01 - 0Đ8", "0102"] {
        match bhyt::FacilityCode::parse(text) {
            Ok(code) => {
                let _ = write!(sink, "{code} {} {}", code.province(), code.facility());
            }
            Err(error) => {
                let _ = write!(
                    sink,
                    "{error} {} {:?}",
                    error.message(Lang::Vi),
                    error.position()
                );
            }
        }
    }
    for text in [
        &b"2025-01-01"[..],
        b"01/01/2025",
        b"01012025",
        b"20250101",
        b"202501010830",
    ] {
        let dates = [
            bhyt::Date::parse_iso(text),
            bhyt::Date::parse_dmy_slashed(text),
            bhyt::Date::parse_dmy(text),
            bhyt::Date::parse_ymd(text),
            bhyt::Date::parse_ymd_hm(text),
        ];
        let _ = write!(sink, "{dates:?}");
    }
    let (from, to) = (d(2025, 1, 1), Some(d(2025, 12, 31)));
    for day in [d(2024, 12, 31), d(2025, 6, 1), d(2026, 1, 1)] {
        let _ = write!(
            sink,
            "{} {}",
            bhyt::validity_on(from, to, day).as_str(),
            bhyt::validity_on(from, None, day).as_str()
        );
        for note in bhyt::stay_notes(from, to, d(2024, 12, 1), day).iter() {
            let _ = write!(sink, "{note} {}", note.message(Lang::En));
        }
    }
    for record in &records {
        bhyt::check_claims_card_fields(record, |finding| {
            findings += 1;
            let _ = write!(
                sink,
                "{} {} {}",
                finding.code(),
                finding.message(Lang::Vi),
                finding.message(Lang::En)
            );
        });
    }
    let qr = "HS4010120878811|4e|15/08/1990|1|-|01 - 028|01/01/2025|-|01/01/2025|79|zz|4| 01/01/2030|x|$";
    let field = bhyt::identify(qr).err().and_then(|error| error.qr_field());
    let after = allocations();
    assert_eq!(
        after - before,
        0,
        "allocations on facility codes, dates, claims fields"
    );
    assert!(findings >= 3, "{findings} findings");
    assert_eq!(field, Some(bhyt::QrField::GuardianName));
    assert!(sink.1 > 0);
}
