//! A made-up case for demonstrations, tests and benchmarks: a victim with a rare-character
//! name, repeat callers who know their ID number, SMS, email, corrections and a retraction.

use jiff::civil::{Date, DateTime, date};
use sha2::Digest;

use crate::case::EvidenceKind;

use super::packet::{Complainant, Fingerprint, LawRef, PacketAttachment, PacketEntry, PacketInput};

/// A sample case with `entries` evidence entries, printed on `print_date`.
pub fn sample_input(entries: usize, print_date: Date) -> PacketInput {
    let start: DateTime = date(2025, 3, 1).at(9, 12, 0, 0);
    let counterparts = [
        "13800138000",
        "+86 21 6888 1234",
        "95588-fake@mail-bank.example.com",
        "https://verify-icbc.example.cn/login",
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
    let knew_sets: [&[&str]; 6] = [
        &["姓名", "手机号码"],
        &["姓名", "身份证号码", "住址"],
        &["姓名", "工作单位", "电子邮箱"],
        &[],
        &["住址", "手机号码"],
        &["工作单位", "手机号码"],
    ];
    let mut list = Vec::with_capacity(entries);
    for i in 0..entries {
        let j = i % counterparts.len();
        let occurred_at = start
            .checked_add(jiff::Span::new().hours(7 * i as i64 + (i % 5) as i64))
            .unwrap_or(start);
        list.push(PacketEntry {
            id: format!("E{}", i + 1),
            occurred_at,
            kind: kinds[j],
            counterpart: counterparts[j].to_string(),
            to_mine: Some("13912345678".to_string()),
            summary: summaries[j].to_string(),
            knew: knew_sets[j].iter().map(|s| s.to_string()).collect(),
            amount_lost_fen: if i == 7 {
                Some(crate::case::Fen(250_000))
            } else {
                None
            },
            attachments: if i % 10 == 3 {
                vec![PacketAttachment {
                    name: format!("通话录音-{}.m4a", i + 1),
                    sha256: hex::encode(sha2::Sha256::digest(format!("attachment {i}"))),
                    size: 183_204 + i as u64,
                    media_type: "audio/mp4".to_string(),
                    path: None,
                }]
            } else {
                Vec::new()
            },
            corrections: usize::from(i % 17 == 5),
            retracted: (i % 41 == 40).then(|| "记错了号码，与本案无关".to_string()),
        });
    }
    PacketInput {
        print_date,
        complainant: Complainant {
            name: "王䶮".to_string(),
            sex: Some("男".to_string()),
            birth_date: Some("1988 年 6 月 5 日".to_string()),
            id_number: Some("11010519880605271X".to_string()),
            address: Some("北京市朝阳区𠮷祥路龘苑小区 3 号楼 2 单元 501 室".to_string()),
            phones: vec!["13912345678".to_string()],
            emails: vec!["wang.yan@example.com".to_string()],
        },
        narrative: Some(
            "2025 年 2 月，本人在某网购平台下单后不久即开始接到大量骚扰电话。对方能准确说出本人的姓名、身份证号码和家庭住址，本人怀疑个人信息系从该平台或快递环节泄露。".to_string(),
        ),
        entries: list,
        laws: vec![LawRef {
            citation: "《中华人民共和国刑法》第二百五十三条之一".to_string(),
            summary: "向他人出售或者提供公民个人信息，或者窃取、以其他方法非法获取公民个人信息，情节严重的，构成侵犯公民个人信息罪。".to_string(),
        }],
        fingerprint: Fingerprint {
            count: entries as u64 + 3,
            head: "5f2b8c0e9a41d7763c1e0b9f2d4a6e8c1b3d5f7a9c0e2b4d6f8a1c3e5b7d9f0a".to_string(),
        },
        reports: Vec::new(),
        warned: Vec::new(),
    }
}
