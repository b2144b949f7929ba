//! The views' field lists (`CardView::FIELDS`, `ErrorView::FIELDS`, `AdviceView::FIELDS`)
//! are exactly the keys of their serialisation, in order: the JS package builds its objects
//! from these lists, the command line's JSON from the serialisation.
#![cfg(feature = "serde")]

use bhyt::{Advice, AdviceView, CardView, ErrorView, Lang, Message};

/// The keys of the JSON object `value` serialises to, in order.
fn keys(value: &impl serde::Serialize) -> Vec<String> {
    let json = serde_json::to_string(value).unwrap();
    // serde_json keeps the order of the fields (no `preserve_order` needed to read keys:
    // parse as a stream of key/value pairs with a map that keeps insertion order).
    let mut keys = Vec::new();
    let mut de = serde_json::Deserializer::from_str(&json);
    let visitor = KeysVisitor(&mut keys);
    serde::Deserializer::deserialize_map(&mut de, visitor).unwrap();
    keys
}

struct KeysVisitor<'a>(&'a mut Vec<String>);

impl<'de> serde::de::Visitor<'de> for KeysVisitor<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            let _: serde::de::IgnoredAny = map.next_value()?;
            self.0.push(key);
        }
        Ok(())
    }
}

#[test]
fn card_view_fields_are_its_serialisation() {
    for input in ["HS4010120878811", "0120878811"] {
        let view = bhyt::validate(input, None).unwrap().view(Lang::En);
        assert_eq!(keys(&view), CardView::FIELDS, "{input}");
    }
}

#[test]
fn error_view_fields_are_its_serialisation() {
    let view = bhyt::validate("DN4000123456789", None)
        .unwrap_err()
        .view(Lang::Vi);
    assert_eq!(keys(&view), ErrorView::<Message>::FIELDS);
    let view = bhyt::identify("12345").unwrap_err().view(Lang::En);
    assert_eq!(keys(&view), ErrorView::<Message>::FIELDS);
}

#[test]
fn advice_view_fields_are_its_serialisation() {
    let view = Advice::ShortFormInClaims.view(Lang::En);
    assert_eq!(keys(&view), AdviceView::FIELDS);
}
