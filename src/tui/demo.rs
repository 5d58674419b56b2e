//! The sample case behind `leakaid --demo`: realistic entries written through the real case
//! API into a temporary folder, never the user's own case.

use std::path::{Path, PathBuf};

use jiff::{SignedDuration, ZonedDateTime};

use crate::case::steps::{ReportDraft, ReportStatus, WarningDraft};
use crate::case::{Case, CaseError, EvidenceDraft, EvidenceKind, Knew, ProfileDraft};

struct Sample {
    kind: EvidenceKind,
    ago_minutes: i64,
    counterpart: &'static str,
    to_mine: &'static str,
    summary: &'static str,
    knew: &'static [Knew],
    lost: &'static str,
}

const SAMPLES: &[Sample] = &[
    Sample {
        kind: EvidenceKind::Call,
        ago_minutes: 60 * 24 * 6,
        counterpart: "95188-0021",
        to_mine: "13912345678",
        summary: "自称支付宝客服，说我的花呗利率要调整，让我下载会议软件共享屏幕。",
        knew: &[Knew::Name, Knew::Phone],
        lost: "",
    },
    Sample {
        kind: EvidenceKind::Sms,
        ago_minutes: 60 * 24 * 5,
        counterpart: "106902881234",
        to_mine: "13912345678",
        summary: "【顺丰】您的快递理赔已受理，点击 hxxp://sf-lp.cn/a8 填写银行卡领取赔付。",
        knew: &[Knew::Name, Knew::Address],
        lost: "",
    },
    Sample {
        kind: EvidenceKind::Call,
        ago_minutes: 60 * 24 * 4,
        counterpart: "+86 171 2345 6789",
        to_mine: "13912345678",
        summary: "说是派出所的民警，报出了我的身份证号和住址，说我涉嫌洗钱要配合调查。",
        knew: &[Knew::Name, Knew::IdNumber, Knew::Address],
        lost: "",
    },
    Sample {
        kind: EvidenceKind::Email,
        ago_minutes: 60 * 24 * 3,
        counterpart: "hr@tax-refund-gov.cn",
        to_mine: "zhangwei@example.com",
        summary: "个税退税通知，附件是压缩包，邮件里写了我的单位名称。",
        knew: &[Knew::Name, Knew::Employer],
        lost: "",
    },
    Sample {
        kind: EvidenceKind::Call,
        ago_minutes: 60 * 24 * 2,
        counterpart: "17123456789",
        to_mine: "13912345678",
        summary: "又是同一个号码，这次说我的银行卡被冻结，知道卡号后四位 6688。",
        knew: &[Knew::Name, Knew::BankCard],
        lost: "",
    },
    Sample {
        kind: EvidenceKind::Account,
        ago_minutes: 60 * 30,
        counterpart: "某网贷平台 借呗贷",
        to_mine: "",
        summary: "征信报告里出现一笔不是我申请的网贷，借款 3000 元。",
        knew: &[Knew::Name, Knew::IdNumber, Knew::Phone],
        lost: "3000",
    },
    Sample {
        kind: EvidenceKind::Sms,
        ago_minutes: 60 * 5,
        counterpart: "106575550000",
        to_mine: "13912345678",
        summary: "张先生您好，您孩子在学校突发疾病，请速转账到老师账户。😡",
        knew: &[Knew::Name, Knew::Family],
        lost: "",
    },
    Sample {
        kind: EvidenceKind::Letter,
        ago_minutes: 60 * 3,
        counterpart: "",
        to_mine: "",
        summary: "家门口收到贷款广告信，信封上写着我的全名和门牌号。",
        knew: &[Knew::Name, Knew::Address],
        lost: "",
    },
    Sample {
        kind: EvidenceKind::Call,
        ago_minutes: 40,
        counterpart: "171 2345 6789",
        to_mine: "13912345678",
        summary: "第三次接到这个号码，对方直接叫出我的名字。",
        knew: &[Knew::Name],
        lost: "",
    },
];

/// Writes the sample case's events into `case`, with times counted back from `now`.
pub fn populate(case: &mut Case, now: &ZonedDateTime) -> Result<(), CaseError> {
    for s in SAMPLES {
        let at = now
            .checked_sub(SignedDuration::from_mins(s.ago_minutes))
            .unwrap_or_else(|_| now.clone());
        let draft = EvidenceDraft {
            kind: Some(s.kind),
            at: at.strftime("%Y-%m-%d %H:%M").to_string(),
            counterpart: s.counterpart.into(),
            to_mine: s.to_mine.into(),
            summary: s.summary.into(),
            knew: s.knew.iter().copied().collect(),
            lost: s.lost.into(),
            transfer: Default::default(),
            email: None,
            kept_at: String::new(),
        };
        case.log(draft.validate(now)?, &[])?;
    }
    // A correction and a retraction, so the history view has something to show.
    let fix = crate::case::CorrectionDraft {
        summary: Some(
            "说是派出所的民警（警号 031245），报出了我的身份证号和住址，说我涉嫌洗钱要配合调查。".into(),
        ),
        ..Default::default()
    };
    case.correct(crate::case::EntryId(3), fix.validate(now)?, "补记对方报的警号")?;
    case.retract(crate::case::EntryId(8), "重复记录：同一封信记了两次")?;
    let profile = ProfileDraft {
        name: Some("张伟".into()),
        id_number: Some("11010519491231002X".into()),
        phones: Some(vec!["13912345678".into()]),
        emails: Some(vec!["zhangwei@example.com".into()]),
        address: Some("北京市朝阳区某某路 1 号".into()),
        ..Default::default()
    };
    case.set_profile(profile.validate(now)?)?;
    case.tick("change_passwords", true)?;
    case.tick("check_credit_report", true)?;
    // Step 2: one report with a receipt whose follow-up day has passed, one still waiting.
    let day = |days: i64| {
        now.date()
            .checked_add(jiff::Span::new().days(days))
            .map(|d| d.to_string())
            .unwrap_or_default()
    };
    let at = |mins: i64| {
        now.checked_sub(SignedDuration::from_mins(mins))
            .unwrap_or_else(|_| now.clone())
            .strftime("%Y-%m-%d %H:%M")
            .to_string()
    };
    let police = ReportDraft {
        channel: "朝阳区某某派出所".into(),
        at: at(60 * 24 * 3),
        how: "当面".into(),
        receipt: "京公(朝)受案字[2026]10086号".into(),
        officer: "李警官".into(),
        status: Some(ReportStatus::Accepted),
        follow_up: day(-1),
        note: "民警说一周内回电话。".into(),
        notice_date: String::new(),
        letter: None,
    };
    case.add_report(police.validate(now)?)?;
    let spam = ReportDraft {
        channel: "12321网络不良与垃圾信息举报受理中心".into(),
        at: at(60 * 20),
        how: "网上".into(),
        ..Default::default()
    };
    case.add_report(spam.validate(now)?)?;
    // Step 3: one person warned.
    let mum = WarningDraft {
        who: "妈妈".into(),
        via: "微信".into(),
        at: at(60 * 2),
        note: String::new(),
    };
    case.add_warning(mum.validate(now)?)?;
    case.set_narrative(
        "十一月下旬开始，我几乎每天接到冒充客服、民警的电话，对方能说出我的姓名、身份证号和住址。我怀疑是之前网购或办理业务时个人信息被泄露。",
    )?;
    Ok(())
}

/// Removes demo folders left behind by a wizard that was killed (a closed terminal ends the
/// process before it can clean up): `leakaid-demo-<pid>-…` folders whose process is gone.
/// Only sample data lives there; a real case is never under this name.
pub fn sweep_stale() {
    let Ok(rd) = std::fs::read_dir(std::env::temp_dir()) else {
        return;
    };
    for e in rd.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(pid) = name
            .strip_prefix("leakaid-demo-")
            .and_then(|rest| rest.split('-').next())
            .and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        let alive = Path::new("/proc").join(pid.to_string()).exists();
        if !alive && Path::new("/proc/self").exists() {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

/// A fresh folder for the demo case under the system's temporary folder.
pub fn temp_case_dir() -> PathBuf {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    std::env::temp_dir().join(format!("leakaid-demo-{}-{nanos}", std::process::id()))
}
