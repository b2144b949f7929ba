//! Optional `serde` support (feature `serde`): a card is its compact text, validated
//! strictly when read; codes and names are their stable strings.

use core::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};

use crate::{CardNumber, ErrorCode, Issuer, Style};

impl Serialize for CardNumber {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.format(Style::Compact).as_str())
    }
}

struct CardVisitor;

impl Visitor<'_> for CardVisitor {
    type Value = CardNumber;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a BHYT card number (10 digits or 15 characters)")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<CardNumber, E> {
        crate::validate(text, None).map_err(E::custom)
    }

    fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<CardNumber, E> {
        crate::validate(bytes, None).map_err(E::custom)
    }
}

impl<'de> Deserialize<'de> for CardNumber {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(CardVisitor)
    }
}

impl Serialize for ErrorCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl Serialize for Issuer {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}
