//! The result codes (`maKetQua`) of Vietnam Social Security's card-check service, the
//! gateway every hospital information system calls: one table, one row per code.

use core::fmt;

use crate::Lang;

/// What a gateway result means for the reception desk (this library's reading of the
/// codes, for routing the case; the message says exactly what the gateway answered).
///
/// ```
/// use bhyt::GatewayClass;
/// assert_eq!(GatewayClass::PersonInfoDiffers.as_str(), "person_info_differs");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GatewayClass {
    /// `ok`: the card information is correct (including a card managed by the Defence or
    /// Police social security).
    Ok,
    /// `card_info_differs`: the card number, its province or benefit code, or a newer card,
    /// differs from what was sent.
    CardInfoDiffers,
    /// `person_info_differs`: the name, date of birth or the child's card does not match.
    PersonInfoDiffers,
    /// `card_not_usable`: the card has expired, was withdrawn or reported as reduced, or has
    /// no information.
    CardNotUsable,
    /// `service_error`: the service, its parameters or the caller's credentials failed.
    ServiceError,
}

impl GatewayClass {
    /// The stable name.
    pub const fn as_str(self) -> &'static str {
        match self {
            GatewayClass::Ok => "ok",
            GatewayClass::CardInfoDiffers => "card_info_differs",
            GatewayClass::PersonInfoDiffers => "person_info_differs",
            GatewayClass::CardNotUsable => "card_not_usable",
            GatewayClass::ServiceError => "service_error",
        }
    }
}

impl fmt::Display for GatewayClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One result code of the card-check gateway ([`gateway_result`]).
///
/// ```
/// use bhyt::{gateway_result, GatewayClass, Lang};
/// let result = gateway_result("010").unwrap();
/// assert_eq!(result.code(), "010");
/// assert_eq!(result.class(), GatewayClass::CardNotUsable);
/// assert_eq!(result.message(Lang::En), "card expired");
/// assert_eq!(result.message(Lang::Vi), "Thẻ hết giá trị sử dụng");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct GatewayResult {
    code: &'static str,
    class: GatewayClass,
    vi: &'static str,
    en: &'static str,
}

impl GatewayResult {
    /// The three-digit code as the gateway sends it.
    pub const fn code(&self) -> &'static str {
        self.code
    }

    /// The class of the result.
    pub const fn class(&self) -> GatewayClass {
        self.class
    }

    /// The message in the given language.
    pub const fn message(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Vi => self.vi,
            Lang::En => self.en,
        }
    }
}

macro_rules! gateway_codes {
    ($($code:literal, $class:ident, $vi:literal / $en:literal;)+) => {
        /// Every gateway result code, in code order: the table.
        ///
        #[doc = "| code | class | Vietnamese | English |"]
        #[doc = "|---|---|---|---|"]
        $(#[doc = concat!("| ", $code, " | ", stringify!($class), " | ", $vi, " | ", $en, " |")])+
        ///
        /// ```
        /// assert_eq!(bhyt::GATEWAY_RESULTS[0].code(), "000");
        /// ```
        pub const GATEWAY_RESULTS: [GatewayResult; 0 $(+ { let _ = $code; 1 })+] = [
            $(GatewayResult { code: $code, class: GatewayClass::$class, vi: $vi, en: $en },)+
        ];
    };
}

gateway_codes! {
    "000", Ok, "Thông tin thẻ chính xác" / "card information correct";
    "001", Ok, "Thẻ do BHXH Bộ Quốc phòng quản lý" / "card managed by the social security of the Ministry of Defence";
    "002", Ok, "Thẻ do BHXH Bộ Công an quản lý" / "card managed by the social security of the Ministry of Public Security";
    "003", CardInfoDiffers, "Thẻ cũ hết giá trị sử dụng, đã được cấp thẻ mới" / "old card expired, a new card was issued";
    "004", CardInfoDiffers, "Thẻ cũ còn giá trị sử dụng, đã được cấp thẻ mới" / "old card still valid, a new card was issued";
    "010", CardNotUsable, "Thẻ hết giá trị sử dụng" / "card expired";
    "050", CardNotUsable, "Không có thông tin thẻ" / "no card information";
    "051", CardInfoDiffers, "Mã thẻ không đúng" / "wrong card code";
    "052", CardInfoDiffers, "Mã tỉnh cấp thẻ (ký tự thứ 4, 5 của mã thẻ) không đúng" / "wrong province code (characters 4-5 of the card)";
    "053", CardInfoDiffers, "Mã quyền lợi thẻ (ký tự thứ 3 của mã thẻ) không đúng" / "wrong benefit code (character 3 of the card)";
    "054", ServiceError, "CCCD của cán bộ tra cứu chưa được cơ sở KCB đăng ký" / "the checking officer's CCCD is not registered by the facility";
    "055", ServiceError, "Họ tên cán bộ tra cứu không khớp với CCCD" / "the checking officer's name does not match that CCCD";
    "060", PersonInfoDiffers, "Thẻ sai họ tên" / "wrong name";
    "061", PersonInfoDiffers, "Thẻ sai họ tên (đúng ký tự đầu)" / "wrong name (first letter right)";
    "070", PersonInfoDiffers, "Thẻ sai ngày sinh" / "wrong date of birth";
    "100", ServiceError, "Lỗi khi lấy dữ liệu số thẻ" / "error reading the card data";
    "101", ServiceError, "Lỗi server" / "server error";
    "110", CardNotUsable, "Thẻ đã thu hồi" / "card withdrawn";
    "120", CardNotUsable, "Thẻ đã báo giảm" / "card reported as reduced (báo giảm)";
    "121", CardNotUsable, "Thẻ đã báo giảm (lý do 121)" / "card reported as reduced (báo giảm), sub-reason 121";
    "122", CardNotUsable, "Thẻ đã báo giảm (lý do 122)" / "card reported as reduced (báo giảm), sub-reason 122";
    "123", CardNotUsable, "Thẻ đã báo giảm (lý do 123)" / "card reported as reduced (báo giảm), sub-reason 123";
    "124", CardNotUsable, "Thẻ đã báo giảm (lý do 124)" / "card reported as reduced (báo giảm), sub-reason 124";
    "130", PersonInfoDiffers, "Trẻ em không xuất trình thẻ" / "child did not present a card";
    "205", ServiceError, "Lỗi sai định dạng tham số" / "wrong parameter format";
    "401", ServiceError, "Lỗi xác thực tài khoản" / "authentication error";
    "500", ServiceError, "Lỗi server" / "server error";
}

/// The gateway result for a code as the gateway sends it (`"000"`; surrounding ASCII
/// whitespace is ignored); `None` for a code not in [`GATEWAY_RESULTS`].
///
/// ```
/// use bhyt::{gateway_result, GatewayClass};
/// assert_eq!(gateway_result(" 000 ").unwrap().class(), GatewayClass::Ok);
/// assert!(gateway_result("999").is_none());
/// ```
pub fn gateway_result(code: impl AsRef<[u8]>) -> Option<GatewayResult> {
    let code = code.as_ref().trim_ascii();
    GATEWAY_RESULTS
        .iter()
        .find(|result| result.code.as_bytes() == code)
        .copied()
}
