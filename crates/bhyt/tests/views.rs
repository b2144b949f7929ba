//! The views' field lists (`CardView::FIELDS`, `ErrorView::FIELDS`, `AdviceView::FIELDS`, and
//! those of the identity's views) are exactly the keys of their serialisation, in order: the
//! JS package builds its objects from these lists, the command line's JSON from the
//! serialisation. Their `Debug` shows no personal data.
#![cfg(feature = "serde")]

use bhyt::{
    Advice, AdviceView, CardQrView, CardView, ErrorView, IdentityView, Lang, Message,
    PersonalIdQrView, PersonalIdView, RawFieldView,
};

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

const CARD_QR: &str = "HS4010120878811|4e677579e1bb856e2056c4836e2041|15/08/1990|1|3132204cc3aa204ce1bba3692c204875e1babf|01 - 028|01/01/2025|31/12/2025|01/01/2025|79|4e677579e1bb856e2056c4836e2042|4|01/01/2030|4641c59ff02659c3-1202|$";
const PERSON_QR: &str = "079095001234|123456789|Nguyễn Văn A|15081995|Nam|12 Lê Lợi, Huế|01012021";

/// The identity's view of `input`, serialised, and its `Debug`.
fn identity(input: &str) -> (serde_json::Value, Vec<String>, String) {
    let found = bhyt::identify(input).unwrap();
    let mut buf = vec![0u8; 3 * input.len()];
    let view = found.view(input.as_bytes(), Lang::En, &mut buf).unwrap();
    let json = serde_json::to_value(view).unwrap();
    (json, keys(&view), format!("{view:?}"))
}

#[test]
fn identity_views_fields_are_their_serialisation() {
    let (json, keys_found, _) = identity("HS4010120878811");
    assert_eq!(keys_found, ["kind", "card"]);
    assert_eq!(json["kind"], "card");
    let (json, keys_found, _) = identity("079095001234");
    assert_eq!(keys_found, ["kind", "personal_id"]);
    assert_eq!(
        keys(
            &bhyt::identify("079095001234")
                .unwrap()
                .personal_id()
                .unwrap()
                .view()
        ),
        PersonalIdView::FIELDS
    );
    assert_eq!(json["personal_id"]["birth_place_code"], "079");
    let (json, keys_found, _) = identity(CARD_QR);
    let mut expected = IdentityView::FIELDS.to_vec();
    expected.extend(CardQrView::FIELDS);
    assert_eq!(keys_found, expected);
    assert_eq!(json["name"], "Nguyễn Văn A");
    assert_eq!(json["birth_date"], "1990-08-15");
    assert_eq!(json["raw_fields"][0]["index"], 11);
    let raw = json["raw_fields"][0].as_object().unwrap();
    assert_eq!(raw.keys().collect::<Vec<_>>(), RawFieldView::FIELDS);
    let (json, keys_found, _) = identity(PERSON_QR);
    let mut expected = IdentityView::FIELDS.to_vec();
    expected.extend(PersonalIdQrView::FIELDS);
    assert_eq!(keys_found, expected);
    assert_eq!(json["old_id"], "123456789");
    assert_eq!(json["personal_id"]["digits"], "079095001234");
}

#[test]
fn identity_views_debug_shows_no_personal_data() {
    for input in ["079095001234", CARD_QR, PERSON_QR] {
        let (_, _, debug) = identity(input);
        for personal in [
            "079095001234",
            "0120878811",
            "Nguyễn",
            "1990",
            "1995",
            "Lê Lợi",
            "123456789",
            "12 L",
        ] {
            assert!(!debug.contains(personal), "{debug} shows {personal}");
        }
    }
    let found = bhyt::identify(CARD_QR).unwrap().card_qr().unwrap();
    let mut buf = [0u8; 512];
    let view = found.view(CARD_QR.as_bytes(), Lang::Vi, &mut buf).unwrap();
    assert_eq!(format!("{:?}", view.raw_fields), "[11, 13]");
    let raw = view.raw_fields.iter().next().unwrap();
    assert_eq!(format!("{raw:?}"), "RawFieldView(11)");
}

#[test]
fn a_card_qr_view_needs_room_for_its_texts() {
    let found = bhyt::identify(CARD_QR).unwrap().card_qr().unwrap();
    let error = found
        .view(CARD_QR.as_bytes(), Lang::En, &mut [0u8; 8])
        .unwrap_err();
    assert!(error.needed > 8);
}

#[test]
fn ma_the_item_view_fields_are_its_serialisation_with_card_or_error() {
    let field = "HS4010120878811; DN4000123456789;0120878811";
    let items: Vec<_> = bhyt::parse_ma_the_bhyt(field.as_bytes(), None).collect();
    let all = bhyt::MaTheItemView::FIELDS;
    let without = |gone: &str| {
        all.iter()
            .filter(|&&f| f != gone)
            .copied()
            .collect::<Vec<_>>()
    };
    let view = items[0].view(Lang::En);
    assert_eq!(keys(&view), without("error"));
    let view = items[1].view(Lang::En);
    assert_eq!(keys(&view), without("card"));
    let json = serde_json::to_value(view).unwrap();
    assert_eq!(
        (json["start"].as_u64(), json["end"].as_u64()),
        (Some(17), Some(32))
    );
    assert_eq!(json["error"]["code"], "invalid_province_code");
    let json = serde_json::to_value(items[2].view(Lang::En)).unwrap();
    assert_eq!(json["advice"][0]["code"], "short_form_in_claims");
    for item in &items {
        let debug = format!("{:?}", item.view(Lang::Vi));
        for personal in ["0120878811", "0123456789"] {
            assert!(!debug.contains(personal), "{debug} shows {personal}");
        }
    }
}
