//! NUL-terminated copies of the core's static texts, built at compile time.
//!
//! The core's descriptions and messages are Rust `&'static str` without a terminating NUL. The
//! C layer hands out `const char *`, so every text is copied, at compile time, into one static
//! byte table per kind, each followed by a NUL. The texts come from the core's own `const fn`
//! accessors (never typed again here), so the C strings cannot drift from the Rust ones.

use core::ffi::CStr;

/// Texts laid end to end, each followed by a NUL: `starts[i]` is where text `i` begins.
pub(crate) struct Table<const BYTES: usize, const COUNT: usize> {
    pub(crate) bytes: [u8; BYTES],
    pub(crate) starts: [usize; COUNT],
}

impl<const BYTES: usize, const COUNT: usize> Table<BYTES, COUNT> {
    /// Text `index` (the empty string for an index out of range).
    pub(crate) fn get(&'static self, index: usize) -> &'static CStr {
        self.starts
            .get(index)
            .and_then(|&start| self.bytes.get(start..))
            .and_then(|rest| CStr::from_bytes_until_nul(rest).ok())
            .unwrap_or(c"")
    }
}

/// `nul_table!(NAME: COUNT, |i| TEXT)` defines `static NAME`, a [`Table`] of the `COUNT`
/// texts `TEXT` for `i` in `0..COUNT`, where `TEXT` is a `&'static str` constant expression.
/// A text with an interior NUL fails the build.
macro_rules! nul_table {
    ($(#[$doc:meta])* $name:ident: $count:expr, |$i:ident| $text:expr) => {
        $(#[$doc])*
        static $name: $crate::strings::Table<{ nul_table!(@bytes $count, |$i| $text) }, { $count }> = {
            const BYTES: usize = nul_table!(@bytes $count, |$i| $text);
            let mut bytes = [0u8; BYTES];
            let mut starts = [0usize; $count];
            let mut at = 0;
            let mut $i = 0;
            while $i < $count {
                let text: &[u8] = $text.as_bytes();
                starts[$i] = at;
                let mut k = 0;
                while k < text.len() {
                    assert!(text[k] != 0, "a text for C has an interior NUL");
                    bytes[at + k] = text[k];
                    k += 1;
                }
                at += text.len() + 1;
                $i += 1;
            }
            $crate::strings::Table { bytes, starts }
        };
    };
    (@bytes $count:expr, |$i:ident| $text:expr) => {{
        let mut total = 0usize;
        let mut $i = 0usize;
        while $i < $count {
            total += $text.len() + 1;
            $i += 1;
        }
        total
    }};
}

pub(crate) use nul_table;
