//! A made-up case for demonstrations, tests and benchmarks: a victim with a rare-character
//! name, repeat callers who know their ID number, SMS, email, a loss, corrections and a
//! retraction. It goes through the same [`build`] as a real case.

use std::collections::BTreeSet;

use jiff::civil::{Date, DateTime, date};
use jiff::tz::{Offset, TimeZone};
use sha2::Digest;

use super::case_input::{EntryFiles, EntryParts, build};
use super::model::{Complainant, Fingerprint, PacketAttachment, PacketInput};
use crate::case::{EntryId, EvidenceFields, EvidenceKind, Fen, Knew, Moment, Transfer};
use crate::i18n::Lang;

/// The sample case happens in Beijing time, and prints in it.
fn beijing() -> TimeZone {
    TimeZone::fixed(Offset::constant(8))
}

fn moment(t: DateTime) -> Moment {
    match t.to_zoned_datetime(beijing()) {
        Ok(z) => Moment::from_zoned(&z),
        Err(_) => Moment::now(),
    }
}

/// The facts of the sample's `entries` entries.
pub fn sample_fields(entries: usize) -> Vec<EvidenceFields> {
    let start: DateTime = date(2025, 3, 1).at(9, 12, 0, 0);
    let counterparts = [
        "13800138000",
        "+86 21 6888 1234",
        "95588-fake@mail-bank.example.com",
        "https://verify-icbc.example.cn/login?from=sms&id=7",
        "17012345678",
        "400-820-0000",
    ];
    let kinds = [
        EvidenceKind::Call,
        EvidenceKind::Call,
        EvidenceKind::Email,
        EvidenceKind::Web,
        EvidenceKind::Sms,
        EvidenceKind::Call,
    ];
    let summaries = [
        "自称“工商银行客服”，称我的信用卡被盗刷，要求提供验证码并下载“安全防护”应用，我拒绝后对方挂断。",
        "对方报出我的姓名和身份证号，称我名下有一笔贷款逾期，要求转账到“安全账户”。",
        "钓鱼邮件，标题为“您的账户存在异常”，附带仿冒登录链接，收件人写着我的全名和单位。",
        "仿冒银行登录页面，要求输入银行卡号、密码和短信验证码。",
        "短信：“【快递】您的包裹地址异常，请点击链接处理”，内含我的家庭住址。",
        "推销理财产品，知道我在某公司工作以及我的手机号码。",
    ];
    let knew_sets: [&[Knew]; 6] = [
        &[Knew::Name, Knew::Phone],
        &[Knew::Name, Knew::IdNumber, Knew::Address],
        &[Knew::Name, Knew::Employer],
        &[],
        &[Knew::Address, Knew::Phone],
        &[Knew::Employer, Knew::Phone],
    ];
    (0..entries)
        .map(|i| {
            let j = i % counterparts.len();
            let occurred_at = start
                .checked_add(jiff::Span::new().hours(7 * i as i64 + (i % 5) as i64))
                .unwrap_or(start);
            EvidenceFields {
                kind: kinds[j],
                occurred_at: moment(occurred_at),
                counterpart: counterparts[j].to_string(),
                to_mine: if kinds[j] == EvidenceKind::Email {
                    "wang.yan@example.com"
                } else {
                    "13912345678"
                }
                .to_string(),
                summary: summaries[j].to_string(),
                knew: knew_sets[j].iter().copied().collect::<BTreeSet<Knew>>(),
                lost: (i == 7).then_some(Fen(250_000)),
                transfer: (i == 7).then(|| {
                    Box::new(Transfer {
                        account: "6222 0212 3456 7890 123".to_string(),
                        name: "李某".to_string(),
                        bank: "某商业银行".to_string(),
                        paid_at: Some(moment(occurred_at)),
                        txn: "2025030312120098765".to_string(),
                        method: "手机银行转账".to_string(),
                        from_account: "6217 0000 1111 2222 333".to_string(),
                        from_bank: "某国有银行".to_string(),
                        bill_row: String::new(),
                    })
                }),
                email: None,
                phone: None,
                kept_at: String::new(),
            }
        })
        .collect()
}

/// When the sample's `i`th entry was logged, after it happened at `at`.
fn recorded_after(at: Moment, i: usize) -> Moment {
    let later = if i % 9 == 4 {
        jiff::Span::new().hours(15 * 24 + 3)
    } else {
        jiff::Span::new().minutes(20 + (i % 4) as i64 * 7)
    };
    at.timestamp()
        .checked_add(later)
        .map(|t| Moment::from_zoned(&t.to_zoned_datetime(beijing())))
        .unwrap_or(at)
}

/// A sample case with `entries` evidence entries, printed on `print_date`, in `lang`.
pub fn sample_input_in(entries: usize, print_date: Date, lang: Lang) -> PacketInput {
    let fields = sample_fields(entries);
    let parts: Vec<EntryParts<'_>> = fields
        .iter()
        .enumerate()
        .map(|(i, f)| EntryParts {
            id: EntryId(i as u32 + 1),
            fields: f,
            // Most written down within the hour; every ninth a fortnight later (补记).
            recorded_at: recorded_after(f.occurred_at, i),
            attachments: EntryFiles::Listed(if i % 10 == 3 {
                vec![PacketAttachment {
                    name: format!("通话录音-{}.m4a", i + 1),
                    sha256: hex::encode(sha2::Sha256::digest(format!("attachment {i}"))),
                    size: 183_204 + i as u64,
                    media_type: "audio/mp4".to_string(),
                    path: None,
                }]
            } else {
                Vec::new()
            }),
            corrections: usize::from(i % 17 == 5),
            retracted: (i % 41 == 40).then(|| "记错了号码，与本案无关".to_string()),
        })
        .collect();
    build(
        Complainant {
            name: "王䶮".to_string(),
            sex: Some("男".to_string()),
            birth_date: Some("1988年6月5日".to_string()),
            id_number: Some("11010519880605271X".to_string()),
            address: Some("北京市朝阳区𠮷祥路龘苑小区 3 号楼 2 单元 501 室".to_string()),
            phones: vec!["13912345678".to_string()],
            emails: vec!["wang.yan@example.com".to_string()],
            accounts: Vec::new(),
        },
        Some(
            "2025年2月，本人在某网购平台下单后不久即开始接到大量骚扰电话。对方能准确说出本人的姓名、身份证号码和家庭住址，本人怀疑个人信息系从该平台或快递环节泄露。".to_string(),
        ),
        &parts,
        Fingerprint {
            count: entries as u64 + 3,
            head: "5f2b8c0e9a41d7763c1e0b9f2d4a6e8c1b3d5f7a9c0e2b4d6f8a1c3e5b7d9f0a".to_string(),
        },
        print_date,
        &beijing(),
        lang,
    )
}

/// The sample case in Chinese.
pub fn sample_input(entries: usize, print_date: Date) -> PacketInput {
    sample_input_in(entries, print_date, Lang::Zh)
}
