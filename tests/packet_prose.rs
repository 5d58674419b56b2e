//! The 刑事控告书 as a lawyer reads it: the facts in time order, quotes never cut inside a
//! number, what each evidence row can show (记录于 / 补记, 原件所在, a call without a
//! recording). The letters of three cases (fraud, harassment, one call) are kept as reference
//! text in `tests/golden/prose/`; an intended change is written with
//! `LEAKAID_BLESS=1 cargo test --test packet_prose`.

mod common;

use std::path::PathBuf;

use common::pdf_text::page_texts;
use jiff::civil::date;
use leakaid::case::{EntryId, EvidenceFields, EvidenceKind, Fen, Knew, Moment, Transfer};
use leakaid::i18n::Lang;
use leakaid::pdf::case_input::{EntryFiles, EntryParts, build};
use leakaid::pdf::{
    Complainant, Fingerprint, FontFace, PacketAttachment, PacketInput, PacketOptions, render,
};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn beijing() -> jiff::tz::TimeZone {
    jiff::tz::TimeZone::fixed(jiff::tz::Offset::constant(8))
}

/// 2026-11-`day` `hour`:`minute`, Beijing time.
fn at(day: i8, hour: i8, minute: i8) -> Moment {
    let z = date(2026, 11, day)
        .at(hour, minute, 0, 0)
        .to_zoned_datetime(beijing());
    z.map(|z| Moment::from_zoned(&z))
        .unwrap_or_else(|_| Moment::now())
}

fn entry(
    kind: EvidenceKind,
    counterpart: &str,
    when: Moment,
    summary: &str,
    knew: &[Knew],
) -> EvidenceFields {
    EvidenceFields {
        kind,
        occurred_at: when,
        counterpart: counterpart.to_string(),
        to_mine: "13912345678".to_string(),
        summary: summary.to_string(),
        knew: knew.iter().copied().collect(),
        lost: None,
        transfer: None,
        email: None,
        phone: None,
        kept_at: String::new(),
    }
}

/// One entry as the builder takes it: its facts, when it was logged, its files.
struct Logged {
    fields: EvidenceFields,
    recorded: Moment,
    files: Vec<PacketAttachment>,
}

fn logged(fields: EvidenceFields, recorded: Moment) -> Logged {
    Logged {
        fields,
        recorded,
        files: Vec::new(),
    }
}

fn input_of(entries: &[Logged], story: Option<&str>, complainant: Complainant) -> PacketInput {
    let parts: Vec<EntryParts<'_>> = entries
        .iter()
        .enumerate()
        .map(|(i, l)| EntryParts {
            id: EntryId(i as u32 + 1),
            fields: &l.fields,
            recorded_at: l.recorded,
            attachments: EntryFiles::Listed(l.files.clone()),
            corrections: 0,
            retracted: None,
        })
        .collect();
    build(
        complainant,
        story.map(str::to_string),
        &parts,
        Fingerprint {
            count: entries.len() as u64,
            head: "ab".repeat(32),
        },
        date(2026, 12, 1),
        &beijing(),
        Lang::Zh,
    )
}

fn victim() -> Complainant {
    Complainant {
        name: "张三".into(),
        id_number: Some("110105198503172716".into()),
        birth_date: Some("1985-03-17".into()),
        address: Some("北京市朝阳区某某路 1 号".into()),
        phones: vec!["13912345678".into()],
        emails: vec!["zhang.san@example.com".into()],
        ..Complainant::default()
    }
}

/// A fraud case logged out of time order: a 10:48 call is E1, the 10:12 call before it E2;
/// a note with an order number and a 400 number past the quoting limit, nested quotes; a call
/// with a recording and one without; a web page without a screenshot; an entry logged weeks
/// later; a loss.
fn fraud() -> Vec<Logged> {
    let note = "自称“某宝客服”，称我购买的商品有质量问题需退款，订单号YX20261118009，详询4008123456转2，称24小时内原路退回；我按提示操作。";
    let mut recorded_call = logged(
        entry(
            EvidenceKind::Call,
            "+86 170 9876 5432",
            at(18, 10, 12),
            note,
            &[Knew::Name, Knew::Phone, Knew::BankCard],
        ),
        at(18, 10, 40),
    );
    recorded_call.files.push(PacketAttachment {
        name: "通话录音.m4a".into(),
        sha256: "cd".repeat(32),
        size: 182_000,
        media_type: "audio/mp4".into(),
        path: None,
    });
    let mut loss = entry(
        EvidenceKind::Call,
        "17098765432",
        at(18, 11, 30),
        "按对方要求在“退款页面”输入验证码后，银行卡被转走5,000元。",
        &[Knew::Name],
    );
    loss.lost = Some(Fen(500_000));
    loss.transfer = Some(Box::new(Transfer {
        account: "6222 0200 1234 5678".into(),
        ..Transfer::default()
    }));
    let mut photo = logged(
        entry(
            EvidenceKind::Sms,
            "1069 0000 1234",
            at(19, 9, 0),
            "短信：“您的退款已受理，请点击链接 https://refund.example-scam.top/r?id=77 查看”",
            &[],
        ),
        at(19, 9, 5),
    );
    // The text itself was deleted; the photo of it is what is left.
    photo.fields.kept_at = "已删除".into();
    photo.files.push(PacketAttachment {
        name: "IMG_20261119_0901.jpg".into(),
        sha256: "ef".repeat(32),
        size: 1_200_000,
        media_type: "image/jpeg".into(),
        path: None,
    });
    let mut page = logged(
        entry(
            EvidenceKind::Web,
            "https://refund.example-scam.top/r?id=77",
            at(18, 10, 30),
            "仿冒退款页面，要求输入银行卡号和验证码。",
            &[],
        ),
        at(18, 13, 0),
    );
    page.fields.kept_at = "电脑浏览器历史记录".into();
    vec![
        logged(
            entry(
                EvidenceKind::Call,
                "17098765432",
                at(18, 10, 48),
                "对方再次来电，报出我的姓名和工作单位，催我操作退款。",
                &[Knew::Name, Knew::Employer],
            ),
            // Written down two weeks later.
            at(30, 20, 0),
        ),
        recorded_call,
        logged(loss, at(18, 12, 0)),
        page,
        photo,
    ]
}

/// Harassment without a loss: one mobile that called four times and knew the employer,
/// five 106 ports that sent ads; the victim's own account.
fn harassment() -> Vec<Logged> {
    let mut v = Vec::new();
    for (i, h) in [9, 11, 14, 16].iter().enumerate() {
        v.push(logged(
            entry(
                EvidenceKind::Call,
                "138-0013-8000",
                at(3 + i as i8, *h, 5),
                "男子来电辱骂，说出我的单位和住址，威胁要去单位闹。",
                &[Knew::Employer, Knew::Address],
            ),
            at(3 + i as i8, *h, 30),
        ));
    }
    for i in 0..5 {
        v.push(logged(
            entry(
                EvidenceKind::Sms,
                &format!("10690{i}88812345"),
                at(2 + i as i8, 8, 0),
                "贷款广告短信，称呼我的全名。",
                &[Knew::Name],
            ),
            at(2 + i as i8, 8, 10),
        ));
    }
    v
}

fn one_call() -> Vec<Logged> {
    vec![logged(
        entry(
            EvidenceKind::Call,
            "021-6888 1234",
            at(20, 15, 20),
            "自称公安局民警，说我的身份证涉嫌洗钱，要求配合调查并保密。",
            &[Knew::Name, Knew::IdNumber],
        ),
        at(20, 15, 50),
    )]
}

fn letter_text(input: &PacketInput) -> Result<String, Box<dyn std::error::Error>> {
    let opts = PacketOptions {
        lang: Lang::Zh,
        redact: false,
        agency: Some("朝阳分局某某派出所".into()),
        ..PacketOptions::default()
    };
    let packet = render(input, &opts, &FontFace::embedded()?)?;
    Ok(page_texts(&packet.bytes)?.join("\n"))
}

fn golden(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden/prose")
        .join(format!("{name}.txt"))
}

/// Compares `actual` with the reference text; names the first line that differs.
fn assert_same(name: &str, actual: &str) -> TestResult {
    let path = golden(name);
    if std::env::var_os("LEAKAID_BLESS").is_some() {
        std::fs::write(&path, actual)?;
        return Ok(());
    }
    let expected = std::fs::read_to_string(&path)
        .map_err(|e| format!("{}: {e}; write it with LEAKAID_BLESS=1", path.display()))?;
    if expected == actual {
        return Ok(());
    }
    let (line, (want, got)) = expected
        .lines()
        .zip(actual.lines())
        .enumerate()
        .find(|(_, (a, b))| a != b)
        .unwrap_or((0, ("(length)", "(length)")));
    Err(format!(
        "{name} differs at line {}:\n  expected: {want}\n  printed:  {got}",
        line + 1
    )
    .into())
}

/// The text between two headings.
fn between<'a>(all: &'a str, from: &str, to: &str) -> &'a str {
    let a = all.find(from).map_or(0, |i| i + from.len());
    let b = all[a..].find(to).map_or(all.len(), |i| a + i);
    &all[a..b]
}

#[test]
fn the_fraud_letter_tells_the_events_in_time_order_and_claims_only_what_the_evidence_shows() -> TestResult {
    let all = letter_text(&input_of(&fraud(), None, victim()))?;
    let facts = between(&all, "事实与理由", "转账情况").replace('\n', "");
    // Time order, whatever order they were logged in.
    let (early, late) = (facts.find("10:12"), facts.find("10:48"));
    assert!(early.is_some() && early < late, "{facts}");
    // A quote is never cut inside a number, and inner quotes are single.
    assert!(!facts.contains("400812345…"), "{facts}");
    assert!(!facts.contains("“某宝客服”"), "{facts}");
    assert!(facts.contains("‘某宝客服’"), "{facts}");
    assert!(facts.contains("银行卡信息"), "{facts}");
    let list = between(&all, "附件一：证据清单", "案件指纹与核验");
    // When each record was made.
    assert!(list.contains("记录于10:40"), "{list}");
    assert!(
        list.replace('\n', "").contains("补记于2026年11月30日 20:00"),
        "{list}"
    );
    // A call without a recording proves the number and the time; the content rests on the
    // victim's statement. The recorded call claims what was said.
    assert!(
        list.replace('\n', "").contains("见控告人陈述（无录音）"),
        "{list}"
    );
    assert!(
        list.replace('\n', "")
            .contains("证明对方掌握本人姓名、手机号、银行卡信息"),
        "{list}"
    );
    // A web page without a capture says so; a camera photo is a photo.
    assert!(
        list.replace('\n', "").contains("未截图，建议补充网页截图或录屏"),
        "{list}"
    );
    assert!(list.contains("照片"), "{list}");
    // 原件所在: the phone, the files by their electronic-file number, the record.
    let flat = list.replace('\n', "");
    assert!(flat.contains("本人手机（13912345678）"), "{list}");
    assert!(flat.contains("电子文件 E2-1"), "{list}");
    // Where the victim said the original is (--original): a known word in the letter's
    // words, anything else as written; the files still by their numbers.
    assert!(flat.contains("原件已删除；电子文件"), "{list}");
    assert!(flat.contains("电脑浏览器历史记录"), "{list}");
    // The mobile in its 11 digits, the other spelling named once.
    assert!(all.contains("17098765432（另记作 +86 170 9876 5432）") || all.contains("17098765432"));
    assert_same("fraud", &all)
}

#[test]
fn the_harassment_letter_leads_with_the_victims_own_account() -> TestResult {
    let story = "2026年11月起，本人不断接到陌生男子的辱骂电话和贷款广告短信。对方知道本人的工作单位和住址。";
    let all = letter_text(&input_of(&harassment(), Some(story), victim()))?;
    let facts = between(&all, "事实与理由", "联系次数统计图");
    let own = facts.find("控告人自述");
    let analysis = facts.find("案件记录反映的情况");
    assert!(own.is_some() && own < analysis, "{facts}");
    // The profile's date of birth in the one date style.
    assert!(
        all.contains("1985年3月17日") && !all.contains("1985-03-17"),
        "{all}"
    );
    // Sex from the ID number (digit 17 odd: male), left blank in the profile.
    assert!(all.contains("性　　别：\n男"), "{all}");
    assert_same("harassment", &all)
}

#[test]
fn a_one_call_letter_says_one_contact_plainly() -> TestResult {
    let all = letter_text(&input_of(&one_call(), None, victim()))?;
    let flat = all.replace('\n', "");
    assert!(flat.contains("本案记录了一次联系"), "{all}");
    // Said once, not as a paragraph of events and again as a count.
    assert_eq!(
        flat.matches("自称公安局民警").count(),
        3,
        "the facts, the timeline, the list: {all}"
    );
    assert!(!flat.contains("共记录1次"), "{all}");
    assert!(!flat.contains("1个不同的"), "{all}");
    // A neutral label, no advice in brackets.
    assert!(flat.contains("（上海市固话）"), "{all}");
    assert!(!flat.contains('['), "{all}");
    // One call is neither 多次 nor 发送信息; the letter names a number, not addresses or
    // accounts the record does not hold.
    assert!(!flat.contains("多次"), "{all}");
    assert!(!flat.contains("发送信息"), "{all}");
    assert!(flat.contains("以下号码与本案有关"), "{all}");
    assert!(flat.contains("上述号码的使用者"), "{all}");
    assert!(!flat.contains("号码、地址、账户"), "{all}");
    assert_same("one-call", &all)
}

/// The legal basis quotes the statute only where a request rests on it, in the requests'
/// order: 刑诉法第一百一十条 without its 自首 paragraph, 第二百五十三条之一 by the paragraphs
/// that define the offence, the definitions named with a marked 要旨.
#[test]
fn the_legal_basis_quotes_what_the_requests_rest_on_in_their_order() -> TestResult {
    let all = letter_text(&input_of(&fraud(), None, victim()))?;
    let laws = between(&all, "法律依据", "综上").replace('\n', "");
    assert!(!laws.contains("自首"), "{laws}");
    assert!(
        laws.contains("《中华人民共和国刑事诉讼法》第一百一十条第二款、第三款：被害人对侵犯其人身"),
        "{laws}"
    );
    assert!(
        laws.contains("第二百五十三条之一第一款、第三款：违反国家有关规定"),
        "{laws}"
    );
    assert!(!laws.contains("单位犯前三款罪"), "{laws}");
    assert!(laws.contains("第一条（要旨）："), "{laws}");
    // 止付 (反电信网络诈骗法第二十条) comes first, as its request does; 受案 last.
    let at = |s: &str| laws.find(s).unwrap_or(usize::MAX);
    assert!(at("第二十条：") < at("第二百六十六条"), "{laws}");
    assert!(at("第二十九条") < at("第一百一十条"), "{laws}");
    Ok(())
}

/// The 治安 request follows the counts: calls only say 来电, texts only say 发送信息.
#[test]
fn the_public_security_request_names_only_the_contacts_recorded() -> TestResult {
    let requests = |entries: &[Logged]| -> Result<String, Box<dyn std::error::Error>> {
        let all = letter_text(&input_of(entries, None, victim()))?;
        Ok(between(&all, "控告请求", "事实与理由").replace('\n', ""))
    };
    let calls: Vec<Logged> = harassment().into_iter().take(4).collect();
    let r = requests(&calls)?;
    assert!(r.contains("以及多次来电干扰本人正常生活的行为"), "{r}");
    assert!(!r.contains("发送信息"), "{r}");
    let texts: Vec<Logged> = harassment().into_iter().skip(4).collect();
    let r = requests(&texts)?;
    assert!(r.contains("以及多次发送信息干扰本人正常生活的行为"), "{r}");
    assert!(!r.contains("来电"), "{r}");
    let r = requests(&harassment())?;
    assert!(
        r.contains("以及多次以来电、发送信息的方式干扰本人正常生活的行为"),
        "{r}"
    );
    let r = requests(&one_call())?;
    assert!(!r.contains("多次") && !r.contains("发送信息"), "{r}");
    assert!(
        r.contains("将侵犯本人个人信息的行为作为治安案件受理、查处"),
        "{r}"
    );
    Ok(())
}

/// The leads are ranked by what they show: the mobile that called four times and knew the
/// employer and the address comes before a 106 port that sent six ads by name.
#[test]
fn the_leads_are_ranked_by_what_they_show_not_by_how_often() -> TestResult {
    let mut entries = harassment();
    for day in 10..15 {
        entries.push(logged(
            entry(
                EvidenceKind::Sms,
                "10690088812345",
                at(day, 8, 0),
                "贷款广告短信，称呼我的全名。",
                &[Knew::Name],
            ),
            at(day, 8, 10),
        ));
    }
    let all = letter_text(&input_of(&entries, None, victim()))?;
    let leads = between(&all, "被控告人：", "控告请求").replace('\n', "");
    let (mobile, port) = (leads.find("13800138000"), leads.find("10690088812345"));
    assert!(mobile.is_some() && mobile < port, "{leads}");
    assert!(leads.contains("10690088812345（短信，6 次"), "{leads}");
    assert!(leads.contains("按损失、对方掌握的信息和联系次数排列"), "{leads}");
    Ok(())
}
