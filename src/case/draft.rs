//! What the user typed, before it becomes an event: one place where every input path (the
//! command line, the wizard's forms) is sanitised and validated the same way.

use std::collections::BTreeSet;

use jiff::ZonedDateTime;

use super::error::{CaseError, Label};
use super::event::{EvidenceFields, EvidenceKind, EvidencePatch, Fen, Knew, ProfilePatch};
use super::halfwidth::to_halfwidth;
use super::moment::Moment;
use super::text::{MAX_LINE_CHARS, MAX_TEXT_CHARS, clean_line, clean_text};
use super::when::{parse_date, parse_when};

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
}

/// Cleans a free-text field, naming the field when it is refused.
pub(crate) fn text_field(field: Label, s: &str) -> Result<String, CaseError> {
    clean_text(s, MAX_TEXT_CHARS).map_err(|err| CaseError::Text { field, err })
}

/// Cleans a one-line field, naming the field when it is refused.
pub(crate) fn line_field(field: Label, s: &str) -> Result<String, CaseError> {
    clean_line(s, MAX_LINE_CHARS).map_err(|err| CaseError::Text { field, err })
}

/// Reads an amount in yuan; empty means none.
pub fn parse_lost(s: &str) -> Result<Option<Fen>, CaseError> {
    let t = s.trim();
    if t.is_empty() {
        return Ok(None);
    }
    Fen::parse_yuan(&to_halfwidth(t))
        .map(|f| (f.0 > 0).then_some(f))
        .ok_or_else(|| CaseError::BadAmount(t.to_string()))
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
        let counterpart = line_field(("对方", "counterpart"), &self.counterpart)?;
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
            to_mine: line_field(("我的号码", "my number or address"), &self.to_mine)?,
            summary: text_field(("内容", "summary"), &self.summary)?,
            knew: self.knew.clone(),
            lost: parse_lost(&self.lost)?,
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
}

impl CorrectionDraft {
    /// Sanitises and checks the new values.
    pub fn validate(&self, now: &ZonedDateTime) -> Result<EvidencePatch, CaseError> {
        Ok(EvidencePatch {
            kind: self.kind,
            occurred_at: self.at.as_deref().map(|a| parse_when(a, now)).transpose()?,
            counterpart: self
                .counterpart
                .as_deref()
                .map(|c| line_field(("对方", "counterpart"), c))
                .transpose()?,
            to_mine: self
                .to_mine
                .as_deref()
                .map(|c| line_field(("我的号码", "my number or address"), c))
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
}

impl ProfileDraft {
    /// Sanitises and checks: the ID number's check digit, the date's shape.
    pub fn validate(&self) -> Result<ProfilePatch, CaseError> {
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
            Some(d) if !d.is_empty() => {
                let parsed = parse_date(&d).ok_or_else(|| CaseError::BadDate(d.clone()))?;
                Some(parsed.to_string())
            }
            other => other,
        };
        Ok(ProfilePatch {
            name: line(("姓名", "name"), &self.name)?,
            id_number,
            sex: line(("性别", "sex"), &self.sex)?,
            birth_date,
            phones: list(("手机", "phone"), &self.phones)?,
            emails: list(("邮箱", "email"), &self.emails)?,
            address: line(("住址", "address"), &self.address)?,
        })
    }
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
            p.validate().expect("ok").birth_date.as_deref(),
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
    fn id_numbers_are_checked() {
        assert_eq!(
            check_id_number("11010519491231002x").expect("valid"),
            "11010519491231002X"
        );
        assert!(check_id_number("110105194912310021").is_err());
        assert!(check_id_number("12345").is_err());
    }
}
