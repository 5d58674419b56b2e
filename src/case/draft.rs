//! What the user typed, before it becomes an event: one place where every input path (the
//! command line, the wizard's forms) is sanitised and validated the same way.

use std::collections::BTreeSet;

use jiff::ZonedDateTime;

use super::error::{CaseError, Label};
use super::event::{EvidenceFields, EvidenceKind, EvidencePatch, Fen, Knew, ProfilePatch, Transfer};
use super::when::{parse_date, parse_when};
use crate::moment::Moment;
use crate::text::halfwidth::{number_forms, to_halfwidth};
use crate::text::{MAX_LINE_CHARS, MAX_TEXT_CHARS, clean_line, clean_text};

/// A new evidence entry as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EvidenceDraft {
    /// The kind.
    pub kind: Option<EvidenceKind>,
    /// When it happened, as typed; empty means "now" (the moment given to `validate`).
    pub at: String,
    /// The other side.
    pub counterpart: String,
    /// Which of mine it reached.
    pub to_mine: String,
    /// What they said.
    pub summary: String,
    /// What they knew.
    pub knew: BTreeSet<Knew>,
    /// Money lost, as typed (yuan).
    pub lost: String,
    /// Where the money went, as typed.
    pub transfer: TransferDraft,
    /// What was read from a saved email (`log email --eml`).
    pub email: Option<Box<crate::evidence::email::EmailFacts>>,
    /// Where the original is kept (原件所在), as typed.
    pub kept_at: String,
}

/// Transfer details as typed; empty parts are unknown (or, in a correction, unchanged).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TransferDraft {
    /// The receiving account or card number.
    pub account: String,
    /// The name on it.
    pub name: String,
    /// The receiving bank or platform.
    pub bank: String,
    /// When the money was sent, as typed (like `--at`).
    pub paid_at: String,
    /// The transaction number.
    pub txn: String,
    /// How it was sent.
    pub method: String,
    /// The victim's paying account or card number.
    pub from_account: String,
    /// The paying bank or platform.
    pub from_bank: String,
    /// The bill's row, for a transfer read from a bill.
    pub bill_row: String,
}

impl TransferDraft {
    /// Sanitises and checks the parts; `None` when nothing was typed.
    pub fn validate(&self, now: &ZonedDateTime) -> Result<Option<Transfer>, CaseError> {
        let paid_at = self.paid_at.trim();
        let t = Transfer {
            account: number_field(("收款账户", "receiving account"), &self.account)?,
            name: line_field(("收款人", "account name"), &self.name)?,
            bank: line_field(("收款银行", "receiving bank"), &self.bank)?,
            paid_at: if paid_at.is_empty() {
                None
            } else {
                Some(parse_when(paid_at, now)?)
            },
            txn: number_field(("交易流水号", "transaction number"), &self.txn)?,
            method: line_field(("转账方式", "how it was paid"), &self.method)?,
            from_account: number_field(("付款账户", "paying account"), &self.from_account)?,
            from_bank: line_field(("付款银行", "paying bank"), &self.from_bank)?,
            bill_row: line_field(("账单原文", "bill row"), &self.bill_row)?,
        };
        Ok((!t.is_empty()).then_some(t))
    }
}

/// Cleans a free-text field, naming the field when it is refused.
pub(crate) fn text_field(field: Label, s: &str) -> Result<String, CaseError> {
    clean_text(s, MAX_TEXT_CHARS).map_err(|err| CaseError::Text { field, err })
}

/// Cleans a one-line field, naming the field when it is refused.
pub(crate) fn line_field(field: Label, s: &str) -> Result<String, CaseError> {
    clean_line(s, MAX_LINE_CHARS).map_err(|err| CaseError::Text { field, err })
}

/// Cleans a number, account or address typed perhaps with an input method on: full-width
/// digits and letters stored as ASCII ([`number_forms`]), so the 110 line, the packet and
/// the leads read one spelling.
pub(crate) fn number_field(field: Label, s: &str) -> Result<String, CaseError> {
    line_field(field, &number_forms(s))
}

/// Characters that take no space on screen (zero-width spaces and joiners, the word joiner,
/// the byte-order mark, the soft hyphen, fillers): a counterpart made of them only looks
/// empty, and one inside a number splits one caller into two leads.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
    )
}

/// Cleans the counterpart (a number, an address): a one-line field with the invisible
/// characters removed, so one that holds nothing visible is empty.
pub(crate) fn counterpart_field(s: &str) -> Result<String, CaseError> {
    let visible: String = s.chars().filter(|c| !is_invisible(*c)).collect();
    number_field(("对方", "counterpart"), &visible)
}

/// Reads an amount in yuan, at most [`Fen::MAX_PER_ENTRY`]; empty means none.
pub fn parse_lost(s: &str) -> Result<Option<Fen>, CaseError> {
    let t = s.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let fen = Fen::parse_yuan(&to_halfwidth(t)).ok_or_else(|| CaseError::BadAmount(t.to_string()))?;
    if fen > Fen::MAX_PER_ENTRY {
        return Err(CaseError::AmountTooLarge(t.to_string()));
    }
    Ok((fen.0 > 0).then_some(fen))
}

/// Reads a comma-separated list of what they knew (`name,id,phone` or `姓名，身份证`).
pub fn parse_knew_list(s: &str) -> Result<BTreeSet<Knew>, CaseError> {
    s.split([',', '，', '、', ' '])
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(|w| w.parse::<Knew>().map_err(CaseError::UnknownKnew))
        .collect()
}

impl EvidenceDraft {
    /// Sanitises and checks everything; `now` is the moment the user started (the default
    /// time and the reference for `14:05` or `-10m`).
    pub fn validate(&self, now: &ZonedDateTime) -> Result<EvidenceFields, CaseError> {
        let kind = self.kind.unwrap_or(EvidenceKind::Other);
        let counterpart = counterpart_field(&self.counterpart)?;
        if counterpart.is_empty() && kind.needs_counterpart() {
            return Err(CaseError::CounterpartRequired(kind));
        }
        let occurred_at = if self.at.trim().is_empty() {
            Moment::from_zoned(now)
        } else {
            parse_when(&self.at, now)?
        };
        Ok(EvidenceFields {
            kind,
            occurred_at,
            counterpart,
            to_mine: number_field(("我的号码", "my number or address"), &self.to_mine)?,
            summary: text_field(("内容", "summary"), &self.summary)?,
            knew: self.knew.clone(),
            lost: parse_lost(&self.lost)?,
            transfer: self.transfer.validate(now)?.map(Box::new),
            email: self.email.clone(),
            phone: None,
            kept_at: line_field(("原件所在", "where the original is"), &self.kept_at)?,
        })
    }
}

/// A correction as typed: `None` leaves a field unchanged.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CorrectionDraft {
    /// New kind.
    pub kind: Option<EvidenceKind>,
    /// New time, as typed.
    pub at: Option<String>,
    /// New counterpart.
    pub counterpart: Option<String>,
    /// New "which of mine".
    pub to_mine: Option<String>,
    /// New summary.
    pub summary: Option<String>,
    /// New set of what they knew.
    pub knew: Option<BTreeSet<Knew>>,
    /// New amount lost, as typed (`0` clears it).
    pub lost: Option<String>,
    /// Transfer details to set (empty parts stay as they were).
    pub transfer: TransferDraft,
    /// New "where the original is", as typed.
    pub kept_at: Option<String>,
}

impl CorrectionDraft {
    /// Sanitises and checks the new values.
    pub fn validate(&self, now: &ZonedDateTime) -> Result<EvidencePatch, CaseError> {
        Ok(EvidencePatch {
            kind: self.kind,
            occurred_at: self.at.as_deref().map(|a| parse_when(a, now)).transpose()?,
            counterpart: self.counterpart.as_deref().map(counterpart_field).transpose()?,
            to_mine: self
                .to_mine
                .as_deref()
                .map(|c| number_field(("我的号码", "my number or address"), c))
                .transpose()?,
            summary: self
                .summary
                .as_deref()
                .map(|c| text_field(("内容", "summary"), c))
                .transpose()?,
            knew: self.knew.clone(),
            lost: match self.lost.as_deref() {
                None => None,
                Some(s) if s.trim() == "0" => Some(Fen(0)),
                Some(s) => Some(parse_lost(s)?.unwrap_or(Fen(0))),
            },
            transfer: self.transfer.validate(now)?.map(Box::new),
            kept_at: self
                .kept_at
                .as_deref()
                .map(|c| line_field(("原件所在", "where the original is"), c))
                .transpose()?,
        })
    }
}

/// The victim's details as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProfileDraft {
    /// Full name.
    pub name: Option<String>,
    /// ID-card number.
    pub id_number: Option<String>,
    /// Sex.
    pub sex: Option<String>,
    /// Date of birth.
    pub birth_date: Option<String>,
    /// Phone numbers.
    pub phones: Option<Vec<String>>,
    /// Email addresses.
    pub emails: Option<Vec<String>>,
    /// Address.
    pub address: Option<String>,
    /// My own bank cards and accounts.
    pub accounts: Option<Vec<String>>,
    /// The company, shop or platform suspected of the leak.
    pub suspect: Option<String>,
    /// Why it is suspected.
    pub suspect_why: Option<String>,
    /// The suspect's address.
    pub suspect_address: Option<String>,
}

impl ProfileDraft {
    /// Sanitises and checks: the ID number's check digit, the date's shape.
    pub fn validate(&self, now: &ZonedDateTime) -> Result<ProfilePatch, CaseError> {
        let line = |field: Label, v: &Option<String>| v.as_deref().map(|s| line_field(field, s)).transpose();
        let list = |field: Label, v: &Option<Vec<String>>| -> Result<Option<Vec<String>>, CaseError> {
            v.as_ref()
                .map(|items| {
                    items
                        .iter()
                        .flat_map(|s| s.split([',', '，']))
                        .map(|s| line_field(field, s))
                        .filter(|r| r.as_ref().map(|s| !s.is_empty()).unwrap_or(true))
                        .collect()
                })
                .transpose()
        };
        let id_number = match line(("身份证号", "ID number"), &self.id_number)? {
            Some(id) if !id.is_empty() => Some(check_id_number(&id)?),
            other => other,
        };
        let birth_date = match line(("出生日期", "birth date"), &self.birth_date)? {
            Some(d) if !d.is_empty() => Some(check_birth_date(&d, now.date())?),
            other => other,
        };
        let name = line(("姓名", "name"), &self.name)?;
        if name.as_deref().is_some_and(holds_a_number) {
            return Err(CaseError::NameWithNumber);
        }
        Ok(ProfilePatch {
            name,
            id_number,
            sex: line(("性别", "sex"), &self.sex)?,
            birth_date,
            // Typed with the input method on, "１３９…" and "ａ＠ｂ．ｃｎ" are the same number
            // and address in ASCII: stored so, they print and match like any other.
            phones: halfwidth_list(list(("手机", "phone"), &self.phones)?),
            emails: halfwidth_list(list(("邮箱", "email"), &self.emails)?),
            address: line(("住址", "address"), &self.address)?,
            accounts: halfwidth_list(list(("本人银行卡或账户", "own card or account"), &self.accounts)?),
            suspect: line(("怀疑泄露的单位", "suspected source"), &self.suspect)?,
            suspect_why: self
                .suspect_why
                .as_deref()
                .map(|s| text_field(("怀疑的理由", "why you suspect it"), s))
                .transpose()?,
            suspect_address: line(("该单位的地址", "its address"), &self.suspect_address)?,
        })
    }
}

/// True when `text` holds a run of five or more digits (spaces and dashes between them
/// allowed, full-width digits counted): no one's name does, an ID number or phone does.
fn holds_a_number(text: &str) -> bool {
    let mut digits = 0;
    for c in to_halfwidth(text).chars() {
        match c {
            '0'..='9' => digits += 1,
            ' ' | '-' if digits > 0 => {}
            _ => digits = 0,
        }
        if digits >= 5 {
            return true;
        }
    }
    false
}

/// Each item with its full-width characters folded to ASCII (see [`to_halfwidth`]).
fn halfwidth_list(items: Option<Vec<String>>) -> Option<Vec<String>> {
    items.map(|v| v.iter().map(|s| to_halfwidth(s)).collect())
}

/// Reads a date of birth as people write it (`1985-03-07`, `1985/03/07`, `1985年3月7日`,
/// full-width digits; see [`super::when::parse_date`]) that lies between 1900-01-01 and
/// `today`.
pub fn check_birth_date(s: &str, today: jiff::civil::Date) -> Result<String, CaseError> {
    let parsed = parse_date(s).ok_or_else(|| CaseError::BadDate(s.to_string()))?;
    if parsed > today || parsed.year() < 1900 {
        return Err(CaseError::ImplausibleBirthDate(s.to_string()));
    }
    Ok(parsed.to_string())
}

/// Masks an ID number: the first 6 and last 4 characters kept (all masked when it is 10
/// characters or shorter). For copies given to others, and for echoing a mistyped number.
pub fn mask_id(id: &str) -> String {
    let chars: Vec<char> = id.chars().collect();
    if chars.len() <= 10 {
        return "*".repeat(chars.len());
    }
    let head: String = chars[..6].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}{}{tail}", "*".repeat(chars.len() - 10))
}

/// Checks a mainland ID-card number (18 characters, GB 11643 check digit; the old 15-digit
/// form is accepted as digits only) and returns it with an upper-case `X`.
pub fn check_id_number(s: &str) -> Result<String, CaseError> {
    let id: String = to_halfwidth(s)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase();
    let bad = || CaseError::BadIdNumber(s.to_string());
    let b = id.as_bytes();
    if b.len() == 15 && b.iter().all(u8::is_ascii_digit) {
        return Ok(id);
    }
    if b.len() != 18 || !b[..17].iter().all(u8::is_ascii_digit) {
        return Err(bad());
    }
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: &[u8; 11] = b"10X98765432";
    let sum: u32 = b[..17]
        .iter()
        .zip(WEIGHTS)
        .map(|(d, w)| u32::from(d - b'0') * w)
        .sum();
    if CHECK[(sum % 11) as usize] != b[17] {
        return Err(bad());
    }
    Ok(id)
}

/// The first valid 18-character ID-card number written inside `text` (an SMS that quotes
/// one: "身份证110101…"), full-width digits read as ASCII; `None` when there is none.
pub fn id_number_in(text: &str) -> Option<String> {
    let folded = to_halfwidth(text);
    let mut run = String::new();
    for c in folded.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() || (matches!(c, 'X' | 'x') && run.len() == 17) {
            run.push(c);
            continue;
        }
        if run.len() == 18
            && let Ok(id) = check_id_number(&run)
        {
            return Some(id);
        }
        run.clear();
    }
    None
}

/// The date of birth an ID-card number holds (digits 7-14 of the 18-digit form, 7-12 of the
/// old 15-digit form in the 1900s), when the number is valid.
pub fn birth_from_id(s: &str) -> Option<jiff::civil::Date> {
    let id = check_id_number(s).ok()?;
    let digits = match id.len() {
        18 => id.get(6..14)?.to_string(),
        _ => format!("19{}", id.get(6..12)?),
    };
    jiff::civil::Date::strptime("%Y%m%d", digits).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn test_now() -> ZonedDateTime {
        "2026-11-29T15:00:00+08:00[Asia/Shanghai]".parse().expect("valid")
    }

    fn has_full_width(s: &str) -> bool {
        s.chars()
            .any(|c| matches!(c, '\u{FF01}'..='\u{FF5E}' | '\u{3000}'))
    }

    #[test]
    fn numbers_and_accounts_typed_full_width_are_stored_as_ascii() {
        let now: ZonedDateTime = "2026-11-29T15:00:00+08:00[Asia/Shanghai]".parse().expect("valid");
        let draft = EvidenceDraft {
            kind: Some(EvidenceKind::Call),
            at: "１４：０５".into(),
            counterpart: "１７１\u{3000}２３４５　６７８９".into(),
            to_mine: "１３９００１３９０００".into(),
            lost: "３８０００".into(),
            transfer: TransferDraft {
                account: "６２２２ ０２００ １２３４ ５６７８".into(),
                txn: "２０２６１１２９ＡＢ".into(),
                from_account: "６２１７ ００００".into(),
                name: "李四（收款人）".into(),
                ..TransferDraft::default()
            },
            ..EvidenceDraft::default()
        };
        let f = draft.validate(&now).expect("valid");
        let t = f.transfer.as_deref().expect("transfer");
        assert_eq!(f.counterpart, "171 2345 6789");
        assert_eq!(f.to_mine, "13900139000");
        assert_eq!(t.account, "6222 0200 1234 5678");
        assert_eq!(t.txn, "20261129AB");
        assert_eq!(t.name, "李四（收款人）");
        for stored in [&f.counterpart, &f.to_mine, &t.account, &t.txn, &t.from_account] {
            assert!(!has_full_width(stored), "{stored}");
        }
        let patch = CorrectionDraft {
            counterpart: Some("４００８１２３４５６".into()),
            transfer: TransferDraft {
                account: "６２２８ ４８００".into(),
                ..TransferDraft::default()
            },
            ..CorrectionDraft::default()
        }
        .validate(&now)
        .expect("valid");
        assert_eq!(patch.counterpart.as_deref(), Some("4008123456"));
    }

    #[test]
    fn a_name_holding_an_id_or_phone_number_is_refused() {
        let named = |n: &str| ProfileDraft {
            name: Some(n.to_string()),
            ..ProfileDraft::default()
        };
        for bad in [
            "张三 11010519491231002X 13800138000",
            "张三13800138000",
            "王䶮 138-0013-8000",
            "王䶮 １３８００１３８０００",
        ] {
            assert!(
                matches!(named(bad).validate(&test_now()), Err(CaseError::NameWithNumber)),
                "{bad}"
            );
        }
        for good in ["张三", "欧阳 娜娜", "Wang Yan", "王䶮2"] {
            assert!(named(good).validate(&test_now()).is_ok(), "{good}");
        }
    }

    #[test]
    fn an_id_number_quoted_in_a_message_is_found_only_when_valid() {
        assert_eq!(
            id_number_in("【公安局】张伟（身份证110101199003071233）您涉嫌").as_deref(),
            Some("110101199003071233")
        );
        assert_eq!(
            id_number_in("证件号１１０１０１１９９００３０７１２３３。").as_deref(),
            Some("110101199003071233")
        );
        assert_eq!(id_number_in("身份证110101199003071234"), None, "check digit");
        assert_eq!(id_number_in("卡号 6222021234567890123"), None, "19 digits");
        assert_eq!(id_number_in("尾号1234"), None);
    }

    fn now() -> ZonedDateTime {
        "2026-11-29T15:00:00+08:00[Asia/Shanghai]".parse().expect("valid")
    }

    #[test]
    fn numbers_and_dates_typed_full_width_or_in_chinese() {
        assert_eq!(parse_lost("５００００").expect("ok"), Some(Fen(5_000_000)));
        assert_eq!(
            check_id_number("１１０１０５１９４９１２３１００２ｘ").expect("ok"),
            "11010519491231002X"
        );
        let p = ProfileDraft {
            birth_date: Some("1949年12月31日".into()),
            ..Default::default()
        };
        assert_eq!(
            p.validate(&test_now()).expect("ok").birth_date.as_deref(),
            Some("1949-12-31")
        );
    }

    #[test]
    fn a_valid_id_number_holds_the_birth_date() {
        assert_eq!(
            birth_from_id("11010519491231002X")
                .map(|d| d.to_string())
                .as_deref(),
            Some("1949-12-31")
        );
        assert_eq!(
            birth_from_id("110105491231002").map(|d| d.to_string()).as_deref(),
            Some("1949-12-31")
        );
        // A wrong check digit proves nothing about the date.
        assert_eq!(birth_from_id("110105194912310021"), None);
    }

    #[test]
    fn a_call_needs_a_number_but_a_letter_does_not() {
        let call = EvidenceDraft {
            kind: Some(EvidenceKind::Call),
            counterpart: "  \u{7} ".into(),
            ..Default::default()
        };
        assert!(matches!(
            call.validate(&now()),
            Err(CaseError::CounterpartRequired(EvidenceKind::Call))
        ));
        let letter = EvidenceDraft {
            kind: Some(EvidenceKind::Letter),
            summary: "贷款广告信，写着我的全名".into(),
            ..Default::default()
        };
        let f = letter.validate(&now()).expect("letter ok");
        assert_eq!(f.occurred_at.to_string(), "2026-11-29T15:00:00+08:00");
    }

    #[test]
    fn knew_lists_in_both_languages() {
        let k = parse_knew_list("name, 身份证，住址").expect("ok");
        assert_eq!(
            k.into_iter().collect::<Vec<_>>(),
            vec![Knew::Name, Knew::IdNumber, Knew::Address]
        );
        assert!(matches!(parse_knew_list("name,shoe"), Err(CaseError::UnknownKnew(w)) if w == "shoe"));
    }

    #[test]
    fn invisible_characters_leave_a_counterpart_empty_or_whole() {
        let call = |c: &str| EvidenceDraft {
            kind: Some(EvidenceKind::Call),
            counterpart: c.into(),
            ..Default::default()
        };
        assert!(matches!(
            call("\u{200B}").validate(&now()),
            Err(CaseError::CounterpartRequired(EvidenceKind::Call))
        ));
        assert!(matches!(
            call(" \u{FEFF}\u{2060} ").validate(&now()),
            Err(CaseError::CounterpartRequired(EvidenceKind::Call))
        ));
        let f = call("138\u{200B}0013\u{00AD}8000").validate(&now()).expect("ok");
        assert_eq!(f.counterpart, "13800138000");
    }

    #[test]
    fn amounts_above_ten_billion_yuan_are_refused() {
        assert_eq!(
            parse_lost("10000000000").expect("at the limit"),
            Some(Fen::MAX_PER_ENTRY)
        );
        assert!(matches!(
            parse_lost("10000000000.01"),
            Err(CaseError::AmountTooLarge(_))
        ));
        assert!(matches!(
            parse_lost("99999999999999999"),
            Err(CaseError::AmountTooLarge(_))
        ));
    }

    #[test]
    fn birth_dates_lie_between_1900_and_today() {
        let today = jiff::civil::date(2026, 11, 29);
        assert_eq!(check_birth_date("1985/03/07", today).expect("ok"), "1985-03-07");
        assert!(matches!(
            check_birth_date("2999-01-01", today),
            Err(CaseError::ImplausibleBirthDate(_))
        ));
        assert!(matches!(
            check_birth_date("2026-11-30", today),
            Err(CaseError::ImplausibleBirthDate(_))
        ));
        assert!(matches!(
            check_birth_date("1899-12-31", today),
            Err(CaseError::ImplausibleBirthDate(_))
        ));
        assert!(matches!(
            check_birth_date("1985-02-30", today),
            Err(CaseError::BadDate(_))
        ));
    }

    #[test]
    fn my_phone_and_email_typed_full_width_are_stored_in_ascii() {
        let draft = ProfileDraft {
            phones: Some(vec!["１３９１２３４５６７８，１３８ ００１３ ８０００".into()]),
            emails: Some(vec!["ｌｉ＠ｅｘａｍｐｌｅ．ｃｎ".into()]),
            ..ProfileDraft::default()
        };
        let p = draft.validate(&test_now()).expect("valid");
        assert_eq!(
            p.phones,
            Some(vec!["13912345678".to_string(), "138 0013 8000".to_string()])
        );
        assert_eq!(p.emails, Some(vec!["li@example.cn".to_string()]));
    }

    #[test]
    fn id_numbers_are_checked() {
        assert_eq!(
            check_id_number("11010519491231002x").expect("valid"),
            "11010519491231002X"
        );
        assert!(check_id_number("110105194912310021").is_err());
        assert!(check_id_number("12345").is_err());
    }
}
