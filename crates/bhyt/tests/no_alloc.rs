//! The core never allocates: every entry point runs under a counting global allocator.

use std::alloc::{GlobalAlloc, Layout, System};
use std::fmt::Write as _;
use std::sync::atomic::{AtomicUsize, Ordering};

use bhyt::{Issuer, Lang, Style};

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards to the system allocator unchanged; only counts calls.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::SeqCst);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// A `fmt::Write` sink on the stack, so that formatting itself cannot allocate.
struct Sink([u8; 512], usize);

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
    let mut sink = Sink([0; 512], 0);
    let before = ALLOCATIONS.load(Ordering::SeqCst);
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
    let after = ALLOCATIONS.load(Ordering::SeqCst);
    assert_eq!(after - before, 0, "allocations on core paths");
    assert_eq!((valid, lenient), (2, 2));
    assert!(sink.1 > 0);
}
