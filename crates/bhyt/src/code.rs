//! What the error table (`error.rs`) and the advice table (`advice.rs`) have in common: a
//! stable code enum generated from the rows, and a message written from English and
//! Vietnamese templates side by side.

/// `code_enum! { docs pub enum Code { Variant = number, "name", "summary", "en" / "vi"; ... }
/// examples }` defines the code enum (numbered, non-exhaustive, its doc table generated from
/// the rows) with `ALL`, `as_str`, `number`, `from_number`, `summary`, `message` (the general
/// message) and `Display`.
macro_rules! code_enum {
    (
        $(#[$doc:meta])*
        pub enum $code:ident {
            $( $variant:ident = $number:literal, $name:literal, $summary:literal,
               $general_en:literal / $general_vi:literal; )+
        }
        $(#[$example:meta])*
    ) => {
        $(#[$doc])*
        ///
        /// | number | code | meaning |
        /// |---|---|---|
        $(#[doc = concat!("| ", stringify!($number), " | `", $name, "` | ", $summary, " |")])+
        ///
        /// Numbers and names are never reused or renumbered; new codes get new numbers.
        ///
        $(#[$example])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[repr(u32)]
        #[non_exhaustive]
        pub enum $code {
            $(
                #[doc = concat!("`", $name, "` (", stringify!($number), "): ", $summary, ".")]
                $variant = $number,
            )+
        }

        impl $code {
            /// Every code, in number order.
            ///
            /// ```
            #[doc = concat!("let all = bhyt::", stringify!($code), "::ALL;")]
            /// assert!(all.iter().enumerate().all(|(i, code)| code.number() as usize == i + 1));
            /// ```
            pub const ALL: [$code; 0 $(+ { let _ = $number; 1 })+] = [$($code::$variant),+];

            /// The code's name: lowercase ASCII with underscores.
            ///
            /// ```
            #[doc = concat!("for code in bhyt::", stringify!($code), "::ALL {")]
            ///     assert!(code.as_str().bytes().all(|b| b.is_ascii_lowercase() || b == b'_'));
            /// }
            /// ```
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($code::$variant => $name,)+
                }
            }

            /// The code's number (from 1; 0 is success in the C layer).
            ///
            /// ```
            #[doc = concat!("assert_eq!(bhyt::", stringify!($code), "::ALL[0].number(), 1);")]
            /// ```
            pub const fn number(self) -> u32 {
                self as u32
            }

            /// The code with this number, if any.
            ///
            /// ```
            #[doc = concat!("use bhyt::", stringify!($code), ";")]
            #[doc = concat!("assert_eq!(", stringify!($code), "::from_number(0), None);")]
            #[doc = concat!("assert_eq!(", stringify!($code), "::from_number(1), Some(", stringify!($code), "::ALL[0]));")]
            /// ```
            pub const fn from_number(number: u32) -> Option<$code> {
                match number {
                    $($number => Some($code::$variant),)+
                    _ => None,
                }
            }

            /// A one-line summary of when the code is given, in English (the table above,
            /// and the READMEs' tables, which a test compares with it).
            ///
            /// ```
            #[doc = concat!("assert!(!bhyt::", stringify!($code), "::ALL[0].summary().is_empty());")]
            /// ```
            pub const fn summary(self) -> &'static str {
                match self {
                    $($code::$variant => $summary,)+
                }
            }

            /// A general message for the code, without the details of a particular error or
            /// note: for callers that kept only the code (the C layer's static strings).
            ///
            /// ```
            #[doc = concat!("let code = bhyt::", stringify!($code), "::ALL[0];")]
            /// assert_ne!(code.message(bhyt::Lang::Vi), code.message(bhyt::Lang::En));
            /// ```
            pub const fn message(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $(
                        ($code::$variant, Lang::En) => $general_en,
                        ($code::$variant, Lang::Vi) => $general_vi,
                    )+
                }
            }
        }

        impl fmt::Display for $code {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

/// `write_message!(f, lang, code)` writes the general message of `code`;
/// `write_message!(f, lang, code, name, "en", "vi", args...)` writes the English or the
/// Vietnamese template with the arguments, evaluated with `name` bound to the language.
macro_rules! write_message {
    ($f:ident, $lang_value:expr, $code:expr) => {
        $f.write_str($code.message($lang_value))
    };
    ($f:ident, $lang_value:expr, $code:expr, $lang:ident, $en:literal, $vi:literal $(, $arg:expr)*) => {{
        let $lang = $lang_value;
        match $lang {
            Lang::En => write!($f, $en $(, $arg)*),
            Lang::Vi => write!($f, $vi $(, $arg)*),
        }
    }};
}

pub(crate) use code_enum;
pub(crate) use write_message;
