//! The set of cards seen so far, for finding duplicates by card identity (the last 10
//! characters, `CardKey`): memory grows with the number of distinct cards, not with rows.
//!
//! An open-addressing table of `u64` slots, each packing a key (below 10^10, so 34 bits, stored
//! plus one so that 0 marks an empty slot), a "seen again" flag and the row where the card was
//! first seen (29 bits; larger row numbers are not kept). The table doubles when three
//! quarters full, so a distinct card costs 8 to 16 bytes (about 11 on average; briefly 50%
//! more while doubling): 16 MB for a million distinct cards.

const ROW_BITS: u32 = 29;
const ROW_MASK: u64 = (1 << ROW_BITS) - 1;
const AGAIN: u64 = 1 << ROW_BITS;
const KEY_SHIFT: u32 = ROW_BITS + 1;

pub struct KeySet {
    slots: Vec<u64>,
    len: usize,
    shift: u32,
}

/// What inserting a key found.
#[derive(Debug, PartialEq, Eq)]
pub enum Seen {
    /// The first time.
    New,
    /// Seen before, at `first_row` (`None` when that row number was too large to keep);
    /// `first_repeat` is true the first time the card repeats.
    Again {
        first_row: Option<u64>,
        first_repeat: bool,
    },
}

impl KeySet {
    pub fn new() -> KeySet {
        KeySet {
            slots: vec![0; 1 << 10],
            len: 0,
            shift: 64 - 10,
        }
    }

    fn home(&self, key: u64) -> usize {
        (key.wrapping_add(1).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// Notes `key` (below 2^34) seen at `row`.
    pub fn insert(&mut self, key: u64, row: u64) -> Seen {
        debug_assert!(key < 1 << 34);
        let tag = (key + 1) << KEY_SHIFT;
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        loop {
            let slot = self.slots[i];
            if slot == 0 {
                break;
            }
            if slot >> KEY_SHIFT == key + 1 {
                let stored = slot & ROW_MASK;
                let first_row = (stored != ROW_MASK).then_some(stored);
                let first_repeat = slot & AGAIN == 0;
                self.slots[i] = slot | AGAIN;
                return Seen::Again {
                    first_row,
                    first_repeat,
                };
            }
            i = (i + 1) & mask;
        }
        self.slots[i] = tag | row.min(ROW_MASK);
        self.len += 1;
        if self.len * 4 > self.slots.len() * 3 {
            self.grow();
        }
        Seen::New
    }

    fn grow(&mut self) {
        let old = std::mem::replace(&mut self.slots, vec![0; 0]);
        self.slots = vec![0; old.len() * 2];
        self.shift -= 1;
        let mask = self.slots.len() - 1;
        for slot in old.into_iter().filter(|&slot| slot != 0) {
            let mut i = self.home((slot >> KEY_SHIFT) - 1);
            while self.slots[i] != 0 {
                i = (i + 1) & mask;
            }
            self.slots[i] = slot;
        }
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.len
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn agrees_with_a_hash_map() {
        let mut set = KeySet::new();
        let mut reference: HashMap<u64, (u64, bool)> = HashMap::new();
        let mut x: u64 = 12345;
        for row in 1..200_000u64 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let key = (x >> 20) % 50_000 * 199_999 % 9_999_999_999;
            let got = set.insert(key, row);
            let expected = match reference.get_mut(&key) {
                None => {
                    reference.insert(key, (row, false));
                    Seen::New
                }
                Some((first, again)) => {
                    let first_repeat = !*again;
                    *again = true;
                    Seen::Again {
                        first_row: Some(*first),
                        first_repeat,
                    }
                }
            };
            assert_eq!(got, expected);
        }
        assert_eq!(set.len(), reference.len());
        assert!(set.slots.len() <= reference.len() * 8 / 3 + 1024);
    }

    #[test]
    fn extreme_keys_and_rows() {
        let mut set = KeySet::new();
        assert_eq!(set.insert(0, 1), Seen::New);
        assert_eq!(set.insert(9_999_999_999, u64::MAX), Seen::New);
        assert_eq!(
            set.insert(9_999_999_999, 3),
            Seen::Again {
                first_row: None,
                first_repeat: true
            }
        );
        assert_eq!(
            set.insert(0, 5),
            Seen::Again {
                first_row: Some(1),
                first_repeat: true
            }
        );
        assert_eq!(
            set.insert(0, 6),
            Seen::Again {
                first_row: Some(1),
                first_repeat: false
            }
        );
    }
}
