//! The card fields of a claims XML1 record (QĐ 130 / QĐ 4750): `MA_THE_BHYT`, `MA_DKBD`,
//! `GT_THE_TU`, `GT_THE_DEN` are aligned `;`-separated lists, one item per card used during
//! the treatment; `NGAY_VAO` and `NGAY_RA` are the admission and discharge.

use core::fmt;

use crate::{stay_notes, Date, FacilityCode, FacilityCodeError, Lang, StayNote};

/// A card field of a claims XML1 record.
///
/// ```
/// assert_eq!(bhyt::ClaimsField::GtTheDen.as_str(), "GT_THE_DEN");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ClaimsField {
    /// `MA_THE_BHYT`: the card codes.
    MaTheBhyt,
    /// `MA_DKBD`: the initial registered facility of each card.
    MaDkbd,
    /// `GT_THE_TU`: each card's valid-from date, `yyyyMMdd`.
    GtTheTu,
    /// `GT_THE_DEN`: each card's valid-to date, `yyyyMMdd`.
    GtTheDen,
    /// `NGAY_VAO`: the admission, `yyyyMMddHHmm`.
    NgayVao,
    /// `NGAY_RA`: the discharge, `yyyyMMddHHmm`.
    NgayRa,
}

impl ClaimsField {
    /// The element's name.
    pub const fn as_str(self) -> &'static str {
        match self {
            ClaimsField::MaTheBhyt => "MA_THE_BHYT",
            ClaimsField::MaDkbd => "MA_DKBD",
            ClaimsField::GtTheTu => "GT_THE_TU",
            ClaimsField::GtTheDen => "GT_THE_DEN",
            ClaimsField::NgayVao => "NGAY_VAO",
            ClaimsField::NgayRa => "NGAY_RA",
        }
    }
}

impl fmt::Display for ClaimsField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The card fields of one record, as the XML gives them (`None`: the element is absent).
#[derive(Clone, Copy, Debug, Default)]
pub struct ClaimsCardFields<'a> {
    /// `MA_THE_BHYT`.
    pub ma_the_bhyt: &'a [u8],
    /// `MA_DKBD`.
    pub ma_dkbd: Option<&'a [u8]>,
    /// `GT_THE_TU`.
    pub gt_the_tu: Option<&'a [u8]>,
    /// `GT_THE_DEN`.
    pub gt_the_den: Option<&'a [u8]>,
    /// `NGAY_VAO`.
    pub ngay_vao: Option<&'a [u8]>,
    /// `NGAY_RA`.
    pub ngay_ra: Option<&'a [u8]>,
}

/// What [`check_claims_card_fields`] finds in one record. Items are 0-based indexes in the
/// `;`-separated lists. Errors (a rejection reason in public checkers) and notes (advisory).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ClaimsCardFinding {
    /// Error `list_count_mismatch`: a list has another number of items than `MA_THE_BHYT`.
    CountMismatch {
        /// The list.
        field: ClaimsField,
        /// How many items `MA_THE_BHYT` has.
        expected: usize,
        /// How many it has.
        found: usize,
    },
    /// Error `invalid_facility_code`: an `MA_DKBD` item is not a facility code.
    InvalidFacilityCode {
        /// The item.
        item: usize,
        /// Why.
        error: FacilityCodeError,
    },
    /// Error `invalid_date`: an item of `GT_THE_TU` or `GT_THE_DEN` is not a `yyyyMMdd`
    /// date, or `NGAY_VAO` / `NGAY_RA` is not a `yyyyMMddHHmm` time (item 0).
    InvalidDate {
        /// The field.
        field: ClaimsField,
        /// The item.
        item: usize,
    },
    /// Error `start_after_end`: an item's `GT_THE_TU` is after its `GT_THE_DEN`.
    StartAfterEnd {
        /// The item.
        item: usize,
    },
    /// A note on the stay against the cards' validity: for the start notes the card that
    /// starts first, for the expiry note the card that ends last.
    Stay {
        /// The item.
        item: usize,
        /// The note.
        note: StayNote,
    },
}

impl ClaimsCardFinding {
    /// The stable code: `list_count_mismatch`, `invalid_facility_code`, `invalid_date`,
    /// `start_after_end`, or the stay note's.
    pub const fn code(&self) -> &'static str {
        match self {
            ClaimsCardFinding::CountMismatch { .. } => "list_count_mismatch",
            ClaimsCardFinding::InvalidFacilityCode { .. } => "invalid_facility_code",
            ClaimsCardFinding::InvalidDate { .. } => "invalid_date",
            ClaimsCardFinding::StartAfterEnd { .. } => "start_after_end",
            ClaimsCardFinding::Stay { note, .. } => note.as_str(),
        }
    }

    /// Whether it is an error (a rejection reason), not a note.
    pub const fn is_error(&self) -> bool {
        !matches!(self, ClaimsCardFinding::Stay { .. })
    }

    /// The message in the given language.
    pub const fn message(&self, lang: Lang) -> ClaimsCardMessage {
        ClaimsCardMessage {
            finding: *self,
            lang,
        }
    }
}

/// A [`ClaimsCardFinding`]'s message.
#[derive(Clone, Copy, Debug)]
pub struct ClaimsCardMessage {
    finding: ClaimsCardFinding,
    lang: Lang,
}

impl fmt::Display for ClaimsCardMessage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ClaimsCardFinding as F;
        let vi = self.lang == Lang::Vi;
        match self.finding {
            F::CountMismatch {
                field,
                expected,
                found,
            } if vi => write!(
                f,
                "{field} có {found} mục, khác số thẻ trong MA_THE_BHYT ({expected})"
            ),
            F::CountMismatch {
                field,
                expected,
                found,
            } => write!(
                f,
                "{field} has {found} items, not the {expected} of MA_THE_BHYT"
            ),
            F::InvalidFacilityCode { item, error } => {
                write!(f, "MA_DKBD {}: {}", item + 1, error.message(self.lang))
            }
            F::InvalidDate { field, item } if vi => {
                write!(f, "{field} mục {}: không phải ngày hợp lệ", item + 1)
            }
            F::InvalidDate { field, item } => {
                write!(f, "{field} item {}: not a valid date", item + 1)
            }
            F::StartAfterEnd { item } if vi => {
                write!(f, "Thẻ {}: GT_THE_TU sau GT_THE_DEN", item + 1)
            }
            F::StartAfterEnd { item } => {
                write!(f, "card {}: GT_THE_TU is after GT_THE_DEN", item + 1)
            }
            F::Stay { item, note } if vi => {
                write!(f, "Thẻ {}: {}", item + 1, note.message(self.lang))
            }
            F::Stay { item, note } => write!(f, "card {}: {}", item + 1, note.message(self.lang)),
        }
    }
}

fn items(list: &[u8]) -> impl Iterator<Item = &[u8]> {
    list.split(|&b| b == b';').map(<[u8]>::trim_ascii)
}

/// Checks the card fields of one claims XML1 record, giving each finding to `found` in this
/// order: list counts, then per item the facility code, the dates and their order, then the
/// stay notes. An absent list is not checked; an empty `GT_THE_DEN` item is a card with no
/// end date. Allocates nothing.
///
/// ```
/// use bhyt::{check_claims_card_fields, ClaimsCardFields, ClaimsField, ClaimsCardFinding};
/// let fields = ClaimsCardFields {
///     ma_the_bhyt: b"HS4010120878811;HS4010120878811",
///     ma_dkbd: Some(b"01028"),
///     gt_the_tu: Some(b"20250101;20250201"),
///     gt_the_den: Some(b"20250131;20241231"),
///     ngay_vao: Some(b"202501300800"),
///     ngay_ra: Some(b"202502031000"),
/// };
/// let mut codes = Vec::new();
/// check_claims_card_fields(&fields, |finding| codes.push(finding.code()));
/// assert_eq!(codes, ["list_count_mismatch", "start_after_end", "expired_before_discharge"]);
/// ```
pub fn check_claims_card_fields(
    fields: &ClaimsCardFields<'_>,
    mut found: impl FnMut(ClaimsCardFinding),
) {
    let cards = items(fields.ma_the_bhyt).count();
    for (field, list) in [
        (ClaimsField::MaDkbd, fields.ma_dkbd),
        (ClaimsField::GtTheTu, fields.gt_the_tu),
        (ClaimsField::GtTheDen, fields.gt_the_den),
    ] {
        if let Some(list) = list {
            let count = items(list).count();
            if count != cards {
                found(ClaimsCardFinding::CountMismatch {
                    field,
                    expected: cards,
                    found: count,
                });
            }
        }
    }
    if let Some(list) = fields.ma_dkbd {
        for (item, text) in items(list).enumerate() {
            if let Err(error) = FacilityCode::parse(text) {
                found(ClaimsCardFinding::InvalidFacilityCode { item, error });
            }
        }
    }
    // The cards' validity: the earliest start and the latest end (None: open-ended).
    let mut first: Option<(usize, Date)> = None;
    let mut last: Option<(usize, Option<Date>)> = None;
    let mut all_dates = true;
    if let (Some(from), Some(to)) = (fields.gt_the_tu, fields.gt_the_den) {
        for (item, (from, to)) in items(from).zip(items(to)).enumerate() {
            let start = Date::parse_ymd(from);
            let end = if to.is_empty() {
                Some(None)
            } else {
                Date::parse_ymd(to).map(Some)
            };
            if start.is_none() {
                found(ClaimsCardFinding::InvalidDate {
                    field: ClaimsField::GtTheTu,
                    item,
                });
            }
            if end.is_none() {
                found(ClaimsCardFinding::InvalidDate {
                    field: ClaimsField::GtTheDen,
                    item,
                });
            }
            let (Some(start), Some(end)) = (start, end) else {
                all_dates = false;
                continue;
            };
            if matches!(end, Some(end) if start > end) {
                found(ClaimsCardFinding::StartAfterEnd { item });
            }
            if first.map_or(true, |(_, d)| start < d) {
                first = Some((item, start));
            }
            let later = match (last, end) {
                (None, _) => true,
                (Some((_, None)), _) => false,
                (Some((_, Some(_))), None) => true,
                (Some((_, Some(l))), Some(e)) => e > l,
            };
            if later {
                last = Some((item, end));
            }
        }
    } else {
        all_dates = false;
    }
    let stay = |text: Option<&[u8]>| text.map(|text| Date::parse_ymd_hm(text.trim_ascii()));
    let admission = stay(fields.ngay_vao);
    let discharge = stay(fields.ngay_ra);
    for (field, value) in [
        (ClaimsField::NgayVao, admission),
        (ClaimsField::NgayRa, discharge),
    ] {
        if value == Some(None) {
            found(ClaimsCardFinding::InvalidDate { field, item: 0 });
        }
    }
    if let (
        Some(Some(admission)),
        Some(Some(discharge)),
        Some((start_item, start)),
        Some((end_item, end)),
        true,
    ) = (admission, discharge, first, last, all_dates)
    {
        for note in stay_notes(start, end, admission, discharge).iter() {
            let item = match note {
                StayNote::ExpiredBeforeDischarge => end_item,
                _ => start_item,
            };
            found(ClaimsCardFinding::Stay { item, note });
        }
    }
}
