//! The core never allocates: every entry point runs under a counting global allocator
//! (validation, formatting and messages; identify, MA_THE_BHYT lists and advice).

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
