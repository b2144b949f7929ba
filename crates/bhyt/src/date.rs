//! Calendar dates as the reception desk and the claims files write them, a card's validity
//! on a date, and the claims notes on a stay.

use core::fmt;

use crate::Lang;

/// A calendar date (proleptic Gregorian), checked: the month is 1-12 and the day exists in
/// that month. Ordered by time. `Display` is ISO 8601, `yyyy-mm-dd`.
///
/// ```
/// use bhyt::Date;
/// let date = Date::new(2024, 2, 29).unwrap();
/// assert_eq!(date.to_string(), "2024-02-29");
/// assert!(Date::new(2023, 2, 29).is_none());
/// assert_eq!(Date::parse_dmy_slashed(b"01/01/2025"), Date::new(2025, 1, 1));
/// assert_eq!(Date::parse_dmy(b"01012025"), Date::new(2025, 1, 1));
/// assert_eq!(Date::parse_ymd(b"20250101"), Date::new(2025, 1, 1));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

const fn is_leap(year: u16) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

const fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// The number written by `digits`, if they are all ASCII digits (at most 4 of them).
pub(crate) fn number(digits: &[u8]) -> Option<u16> {
    if digits.is_empty() || digits.len() > 4 {
        return None;
    }
    digits.iter().try_fold(0u16, |n, &b| {
        b.is_ascii_digit().then(|| n * 10 + u16::from(b - b'0'))
    })
}

impl Date {
    /// The date, if it exists (year 1-9999).
    ///
    /// ```
    /// assert!(bhyt::Date::new(2025, 4, 31).is_none());
    /// ```
    pub const fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        if year == 0 || year > 9999 || day == 0 || day > days_in_month(year, month) {
            None
        } else {
            Some(Date { year, month, day })
        }
    }

    /// The year.
    ///
    /// ```
    /// assert_eq!(bhyt::Date::new(2025, 4, 30).unwrap().year(), 2025);
    /// ```
    pub const fn year(self) -> u16 {
        self.year
    }

    /// The month, 1-12.
    ///
    /// ```
    /// assert_eq!(bhyt::Date::new(2025, 4, 30).unwrap().month(), 4);
    /// ```
    pub const fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1-31.
    ///
    /// ```
    /// assert_eq!(bhyt::Date::new(2025, 4, 30).unwrap().day(), 30);
    /// ```
    pub const fn day(self) -> u8 {
        self.day
    }

    fn from_parts(year: &[u8], month: &[u8], day: &[u8]) -> Option<Date> {
        let (year, month, day) = (number(year)?, number(month)?, number(day)?);
        Date::new(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
    }

    /// `dd/MM/yyyy`, as on the BHYT card's QR code.
    ///
    /// ```
    /// assert!(bhyt::Date::parse_dmy_slashed(b"31/12/2025").is_some());
    /// assert!(bhyt::Date::parse_dmy_slashed(b"31-12-2025").is_none());
    /// ```
    pub fn parse_dmy_slashed(text: &[u8]) -> Option<Date> {
        match text {
            [d0, d1, b'/', m0, m1, b'/', y0, y1, y2, y3] => {
                Date::from_parts(&[*y0, *y1, *y2, *y3], &[*m0, *m1], &[*d0, *d1])
            }
            _ => None,
        }
    }

    /// `ddMMyyyy`, as on the CCCD's QR code.
    ///
    /// ```
    /// assert!(bhyt::Date::parse_dmy(b"15081990").is_some());
    /// ```
    pub fn parse_dmy(text: &[u8]) -> Option<Date> {
        match text {
            [d0, d1, m0, m1, y0, y1, y2, y3] => {
                Date::from_parts(&[*y0, *y1, *y2, *y3], &[*m0, *m1], &[*d0, *d1])
            }
            _ => None,
        }
    }

    /// `yyyyMMdd`, as in the claims files (`GT_THE_TU`, `GT_THE_DEN`). The claims files'
    /// `yyyyMMddHHmm` times are read by their first 8 characters with
    /// [`parse_ymd_hm`](Self::parse_ymd_hm).
    ///
    /// ```
    /// assert!(bhyt::Date::parse_ymd(b"20250101").is_some());
    /// ```
    pub fn parse_ymd(text: &[u8]) -> Option<Date> {
        match text {
            [y0, y1, y2, y3, m0, m1, d0, d1] => {
                Date::from_parts(&[*y0, *y1, *y2, *y3], &[*m0, *m1], &[*d0, *d1])
            }
            _ => None,
        }
    }

    /// `yyyy-mm-dd` (ISO 8601), as [`iso`](Self::iso) and `Display` write it.
    ///
    /// ```
    /// assert_eq!(bhyt::Date::parse_iso(b"2024-02-29"), bhyt::Date::new(2024, 2, 29));
    /// assert!(bhyt::Date::parse_iso(b"2023-02-29").is_none());
    /// assert!(bhyt::Date::parse_iso(b"2024-2-29").is_none());
    /// ```
    pub fn parse_iso(text: &[u8]) -> Option<Date> {
        match text {
            [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] => {
                Date::from_parts(&[*y0, *y1, *y2, *y3], &[*m0, *m1], &[*d0, *d1])
            }
            _ => None,
        }
    }

    /// The date of a `yyyyMMddHHmm` time (`NGAY_VAO`, `NGAY_RA`); the hour and minute are
    /// checked (00-23, 00-59) and dropped.
    ///
    /// ```
    /// assert_eq!(bhyt::Date::parse_ymd_hm(b"202501010830"), bhyt::Date::new(2025, 1, 1));
    /// assert!(bhyt::Date::parse_ymd_hm(b"202501012460").is_none());
    /// ```
    pub fn parse_ymd_hm(text: &[u8]) -> Option<Date> {
        match text {
            [date @ .., h0, h1, n0, n1] if date.len() == 8 => {
                let hour = number(&[*h0, *h1])?;
                let minute = number(&[*n0, *n1])?;
                (hour < 24 && minute < 60).then_some(())?;
                Date::parse_ymd(date)
            }
            _ => None,
        }
    }

    /// The date as ISO 8601 text, `yyyy-mm-dd`, without allocating.
    ///
    /// ```
    /// assert_eq!(&bhyt::Date::new(2025, 1, 2).unwrap().iso(), b"2025-01-02");
    /// ```
    pub const fn iso(self) -> [u8; 10] {
        let y = self.year;
        [
            b'0' + (y / 1000 % 10) as u8,
            b'0' + (y / 100 % 10) as u8,
            b'0' + (y / 10 % 10) as u8,
            b'0' + (y % 10) as u8,
            b'-',
            b'0' + self.month / 10,
            b'0' + self.month % 10,
            b'-',
            b'0' + self.day / 10,
            b'0' + self.day % 10,
        ]
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A date of birth as the card's QR code gives it: a full date, or the year alone.
/// `Display` is `yyyy-mm-dd` or `yyyy`.
///
/// ```
/// use bhyt::{BirthDate, Date};
/// assert_eq!(BirthDate::Year(1990).to_string(), "1990");
/// assert_eq!(BirthDate::Date(Date::new(1990, 8, 15).unwrap()).to_string(), "1990-08-15");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BirthDate {
    /// The full date.
    Date(Date),
    /// The year alone.
    Year(u16),
}

impl BirthDate {
    /// The year of birth.
    ///
    /// ```
    /// assert_eq!(bhyt::BirthDate::Year(1990).year(), 1990);
    /// ```
    pub const fn year(self) -> u16 {
        match self {
            BirthDate::Date(date) => date.year,
            BirthDate::Year(year) => year,
        }
    }
}

impl fmt::Display for BirthDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BirthDate::Date(date) => fmt::Display::fmt(date, f),
            BirthDate::Year(year) => write!(f, "{year:04}"),
        }
    }
}

/// Whether a card is valid on a date ([`validity_on`]).
///
/// ```
/// use bhyt::{validity_on, Date, Validity};
/// let from = Date::new(2025, 1, 1).unwrap();
/// let to = Date::new(2025, 12, 31);
/// assert_eq!(validity_on(from, to, Date::new(2024, 12, 31).unwrap()), Validity::BeforeStart);
/// assert_eq!(validity_on(from, to, Date::new(2025, 6, 1).unwrap()), Validity::Valid);
/// assert_eq!(validity_on(from, to, Date::new(2026, 1, 1).unwrap()), Validity::Expired);
/// assert_eq!(validity_on(from, None, Date::new(2030, 1, 1).unwrap()), Validity::OpenEnded);
/// assert_eq!(Validity::Expired.as_str(), "expired");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Validity {
    /// The date is before the card's valid-from date.
    BeforeStart,
    /// The date is after the card's valid-to date.
    Expired,
    /// The date is within the card's validity (both ends included).
    Valid,
    /// The date is on or after the valid-from date and the card has no end date.
    OpenEnded,
}

impl Validity {
    /// Every validity, in declaration order.
    ///
    /// ```
    /// assert_eq!(bhyt::Validity::ALL.map(bhyt::Validity::as_str), ["before_start", "expired", "valid", "open_ended"]);
    /// ```
    pub const ALL: [Validity; 4] = [
        Validity::BeforeStart,
        Validity::Expired,
        Validity::Valid,
        Validity::OpenEnded,
    ];

    /// The stable name: `before_start`, `expired`, `valid` or `open_ended`.
    ///
    /// ```
    /// assert_eq!(bhyt::Validity::OpenEnded.as_str(), "open_ended");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Validity::BeforeStart => "before_start",
            Validity::Expired => "expired",
            Validity::Valid => "valid",
            Validity::OpenEnded => "open_ended",
        }
    }

    /// Whether the card can be used on the date (valid or open-ended).
    ///
    /// ```
    /// assert!(bhyt::Validity::OpenEnded.is_usable());
    /// assert!(!bhyt::Validity::Expired.is_usable());
    /// ```
    pub const fn is_usable(self) -> bool {
        matches!(self, Validity::Valid | Validity::OpenEnded)
    }
}

/// Whether a card valid from `from` to `to` (both included; `None`: no end date) is valid
/// on `date`.
///
/// ```
/// use bhyt::{validity_on, Date, Validity};
/// let day = Date::new(2025, 1, 1).unwrap();
/// assert_eq!(validity_on(day, Some(day), day), Validity::Valid);
/// ```
pub fn validity_on(from: Date, to: Option<Date>, date: Date) -> Validity {
    if date < from {
        Validity::BeforeStart
    } else {
        match to {
            Some(to) if date > to => Validity::Expired,
            Some(_) => Validity::Valid,
            None => Validity::OpenEnded,
        }
    }
}

/// An advisory note on a stay (admission to discharge) against a card's validity: the three
/// cases public claims checkers flag. Notes, not errors: the claim may still be right (a
/// second card may cover the rest of the stay).
///
/// ```
/// use bhyt::{stay_notes, Date, Lang, StayNote};
/// let d = |y, m, day| Date::new(y, m, day).unwrap();
/// let notes = stay_notes(d(2025, 1, 10), Some(d(2025, 1, 31)), d(2025, 1, 5), d(2025, 2, 3));
/// assert_eq!(notes, [StayNote::BecameValidDuringStay, StayNote::ExpiredBeforeDischarge]);
/// assert_eq!(StayNote::ExpiredBeforeDischarge.as_str(), "expired_before_discharge");
/// assert_eq!(StayNote::VisitBeforeStart.message(Lang::En), "the whole visit is before the card's valid-from date");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StayNote {
    /// `visit_before_start`: the discharge is before the card's valid-from date.
    VisitBeforeStart,
    /// `became_valid_during_stay`: admitted before the valid-from date, discharged on or
    /// after it.
    BecameValidDuringStay,
    /// `expired_before_discharge`: the card's valid-to date is before the discharge.
    ExpiredBeforeDischarge,
}

impl StayNote {
    /// Every note.
    ///
    /// ```
    /// assert_eq!(bhyt::StayNote::ALL.len(), 3);
    /// ```
    pub const ALL: [StayNote; 3] = [
        StayNote::VisitBeforeStart,
        StayNote::BecameValidDuringStay,
        StayNote::ExpiredBeforeDischarge,
    ];

    /// The stable name.
    ///
    /// ```
    /// assert_eq!(bhyt::StayNote::VisitBeforeStart.as_str(), "visit_before_start");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            StayNote::VisitBeforeStart => "visit_before_start",
            StayNote::BecameValidDuringStay => "became_valid_during_stay",
            StayNote::ExpiredBeforeDischarge => "expired_before_discharge",
        }
    }

    /// The message in the given language.
    ///
    /// ```
    /// use bhyt::{Lang, StayNote};
    /// assert_eq!(StayNote::BecameValidDuringStay.message(Lang::Vi), "Thẻ bắt đầu có giá trị trong thời gian điều trị (vào viện trước ngày thẻ có giá trị)");
    /// ```
    pub const fn message(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (StayNote::VisitBeforeStart, Lang::En) => {
                "the whole visit is before the card's valid-from date"
            }
            (StayNote::VisitBeforeStart, Lang::Vi) => {
                "Toàn bộ đợt khám chữa bệnh trước ngày thẻ có giá trị"
            }
            (StayNote::BecameValidDuringStay, Lang::En) => {
                "the card became valid during the stay (admitted before its valid-from date)"
            }
            (StayNote::BecameValidDuringStay, Lang::Vi) => {
                "Thẻ bắt đầu có giá trị trong thời gian điều trị (vào viện trước ngày thẻ có giá trị)"
            }
            (StayNote::ExpiredBeforeDischarge, Lang::En) => {
                "the card expired before the discharge"
            }
            (StayNote::ExpiredBeforeDischarge, Lang::Vi) => "Thẻ hết hạn trước ngày ra viện",
        }
    }
}

impl fmt::Display for StayNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The notes on a stay from `admission` to `discharge` (dates; a discharge before the
/// admission is read as the same day) for a card valid from `from` to `to` (`None`: no end
/// date), in [`StayNote::ALL`] order; none when the card covers the whole stay.
///
/// ```
/// use bhyt::{stay_notes, Date};
/// let d = |y, m, day| Date::new(y, m, day).unwrap();
/// assert!(stay_notes(d(2025, 1, 1), None, d(2025, 3, 1), d(2025, 3, 9)).is_empty());
/// ```
pub fn stay_notes(from: Date, to: Option<Date>, admission: Date, discharge: Date) -> StayNotes {
    let discharge = discharge.max(admission);
    let mut notes = StayNotes { notes: [None; 3] };
    if discharge < from {
        notes.notes[0] = Some(StayNote::VisitBeforeStart);
    } else if admission < from {
        notes.notes[1] = Some(StayNote::BecameValidDuringStay);
    }
    if matches!(to, Some(to) if to < discharge) {
        notes.notes[2] = Some(StayNote::ExpiredBeforeDischarge);
    }
    notes
}

/// The notes [`stay_notes`] found (at most the three kinds, each once), without allocating.
///
/// ```
/// use bhyt::{stay_notes, Date, StayNote};
/// let d = |y, m, day| Date::new(y, m, day).unwrap();
/// let notes = stay_notes(d(2025, 2, 1), None, d(2025, 1, 1), d(2025, 1, 2));
/// assert_eq!(notes.iter().collect::<Vec<_>>(), [StayNote::VisitBeforeStart]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct StayNotes {
    notes: [Option<StayNote>; 3],
}

impl StayNotes {
    /// The notes, in [`StayNote::ALL`] order.
    pub fn iter(&self) -> impl Iterator<Item = StayNote> + '_ {
        self.notes.iter().flatten().copied()
    }

    /// Whether there is no note.
    pub fn is_empty(&self) -> bool {
        self.notes.iter().all(Option::is_none)
    }
}

impl<const N: usize> PartialEq<[StayNote; N]> for StayNotes {
    fn eq(&self, other: &[StayNote; N]) -> bool {
        self.iter().eq(other.iter().copied())
    }
}
