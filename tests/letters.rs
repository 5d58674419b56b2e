//! Letters for the other doors, made from one fixed case through the real binary and read
//! back: the text as printed with `--text`, the PDF with lopdf (an independent parser).

mod common;

use std::path::Path;

use common::Env;
use common::pdf_text::page_texts;

const ID: &str = "11010519491231002X";
const PHONE: &str = "13912345678";
const EMAIL: &str = "wang.yan@example.com";
const DATE: &str = "2026-12-01";

/// The fixed case: a profile, two harassing numbers (one of them knew the ID number and the
/// victim typed it into the note), a spam SMS, and a credit card opened in the victim's name.
fn case() -> Env {
    let env = Env::new();
    env.ok(&[
        "profile",
        "set",
        "--name",
        "王䶮",
        "--id-number",
        ID,
        "--phone",
        PHONE,
        "--email",
        EMAIL,
        "--address",
        "北京市朝阳区𠮷祥路3号",
    ]);
    env.ok(&[
        "log",
        "call",
        "13800138000",
        "--note",
        &format!("自称快递客服，报出我的身份证号{ID}"),
        "--knew",
        "name,id,address",
        "--at",
        "2026-10-01 10:00",
    ]);
    env.ok(&[
        "log",
        "sms",
        "10690000",
        "--note",
        "中奖短信，点击链接领奖",
        "--at",
        "2026-10-02 11:00",
    ]);
    env.ok(&[
        "log",
        "call",
        "138 0013 8000",
        "--note",
        "再次来电推销贷款",
        "--knew",
        "name",
        "--at",
        "2026-10-03 09:00",
    ]);
    env.ok(&[
        "log",
        "account",
        "某银行信用卡尾号1234",
        "--note",
        "征信报告上的信用卡，不是我办的",
        "--at",
        "2026-10-05 09:00",
    ]);
    env
}

fn text(env: &Env, args: &[&str]) -> String {
    let mut all = vec!["letter"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--date", DATE, "--text"]);
    env.ok(&all)
}

/// The PDF's text with the lines joined (a paragraph wraps over several lines).
fn pdf(env: &Env, out: &Path, args: &[&str]) -> Result<String, Box<dyn std::error::Error>> {
    let mut all = vec!["letter"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--date", DATE, "-o"]);
    let out_s = out.to_string_lossy().to_string();
    all.push(&out_s);
    env.ok(&all);
    let bytes = std::fs::read(out)?;
    Ok(page_texts(&bytes)?.join("").replace('\n', ""))
}

#[test]
fn the_company_letter_cites_pipl_and_carries_no_id_unless_asked() -> Result<(), Box<dyn std::error::Error>> {
    let env = case();
    let t = text(&env, &["company", "--to", "某某科技有限公司"]);
    for want in [
        "个人信息权利请求函",
        "某某科技有限公司：",
        "《中华人民共和国个人信息保护法》第四十四条至第四十八条",
        "《中华人民共和国个人信息保护法》第五十条",
        "《中华人民共和国个人信息保护法》第五十七条",
        // Withdrawing consent, the notice before processing, provision to others, the grounds
        // of deletion, and the handler's duty to take requests.
        "《中华人民共和国个人信息保护法》第十五条：“基于个人同意处理个人信息的",
        "《中华人民共和国个人信息保护法》第十七条",
        "《中华人民共和国个人信息保护法》第二十三条：“个人信息处理者向其他个人信息处理者提供",
        "《中华人民共和国个人信息保护法》第四十七条：“有下列情形之一的",
        "《网络数据安全管理条例》第二十三条：“个人请求查阅",
        "有权限制或者拒绝他人对其个人信息进行处理",
        "王䶮",
        PHONE,
        EMAIL,
        "共3次",
        // A written answer needs a postal address; an email one the email.
        "书面答复请寄至：北京市朝阳区𠮷祥路3号",
        "请于收到本函之日起15个工作日内答复",
        "申请人（签名）",
    ] {
        assert!(t.contains(want), "missing {want} in\n{t}");
    }
    assert!(!t.contains(ID) && !t.contains("身份证号："), "{t}");
    // A summary is never printed as the statute's words.
    assert!(t.contains("第五十条（要旨）："), "{t}");
    // The deletion request names its ground; where the data came from is asked, not owed.
    let requests = &t[t.find("请求事项").unwrap_or_default()..t.find("法律依据").unwrap_or(t.len())];
    assert!(
        requests.contains("本人撤回此前对贵方处理本人个人信息所作的同意，请删除")
            && requests.contains("违反法律、行政法规或者违反约定处理本人个人信息的，也应当删除"),
        "{requests}"
    );
    assert!(
        !requests.contains("停止向任何第三方提供本人的个人信息，删除"),
        "{requests}"
    );
    let asked = requests
        .lines()
        .filter(|l| l.contains("从何处取得"))
        .collect::<Vec<_>>();
    assert!(asked.len() == 1 && asked[0].contains("询问"), "{requests}");

    let with_id = text(&env, &["company", "--to", "某某科技有限公司", "--with-id"]);
    assert!(with_id.contains(&format!("身份证号：{ID}")), "{with_id}");

    let dir = tempfile::tempdir()?;
    let p = pdf(
        &env,
        &dir.path().join("company.pdf"),
        &["company", "--to", "某某科技有限公司"],
    )?;
    for want in [
        "个人信息权利请求函",
        "第四十四条至第四十八条",
        "第五十七条",
        "王䶮",
        PHONE,
    ] {
        assert!(p.contains(want), "missing {want} in the PDF:\n{p}");
    }
    // The case fingerprint means nothing to a company: it stays with the packet.
    assert!(!p.contains("案件指纹"), "{p}");
    assert!(!p.contains(ID), "the PDF carries the ID number");
    let p = pdf(
        &env,
        &dir.path().join("company-id.pdf"),
        &["company", "--to", "某某科技有限公司", "--with-id"],
    )?;
    assert!(p.contains(ID), "--with-id did not add the ID number to the PDF");
    Ok(())
}

#[test]
fn text_has_no_hard_breaks_inside_paragraphs() {
    let env = case();
    let t = text(&env, &["company", "--to", "某某科技有限公司"]);
    // The longest request is far wider than any terminal: it must stay on one line.
    let line = t
        .lines()
        .find(|l| l.starts_with("5. 本人撤回此前"))
        .unwrap_or_default();
    assert!(line.ends_with("并告知本人。"), "broken paragraph: {line:?}\n{t}");
    // Blocks are separated by one blank line, never more.
    assert!(!t.contains("\n\n\n"), "{t}");
}

#[test]
fn an_unknown_kind_names_the_kinds_and_exits_2() {
    let env = case();
    let out = env.run(&["letter", "police"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    for k in ["company", "12321", "12315", "credit", "carrier", "regulator"] {
        assert!(err.contains(k), "{err}");
    }
}

#[test]
fn a_missing_recipient_is_one_sentence_exit_1_and_nothing_written() {
    let env = case();
    for kind in ["company", "12315"] {
        let before = env.journal_bytes();
        let out = env.run(&["letter", kind, "--date", DATE]);
        assert_eq!(out.status.code(), Some(1), "{kind}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("--to") && err.trim().lines().count() == 1, "{err}");
        assert!(out.stdout.is_empty());
        assert_eq!(env.journal_bytes(), before);
        let exports = env.case_dir().join("exports");
        let n = std::fs::read_dir(&exports).map(|d| d.count()).unwrap_or(0);
        assert_eq!(n, 0, "{kind}: something was written to {}", exports.display());
    }
}

/// The fixed case with a saved spam email (.eml) added.
fn case_with_eml() -> Env {
    let env = case();
    let eml = env.data().join("refund.eml");
    std::fs::write(
        &eml,
        "From: 客服 <refund@scam.example>\r\nTo: wang.yan@example.com\r\nSubject: 退款通知\r\n\
         Date: Sat, 03 Oct 2026 20:30:00 +0800\r\n\r\n请点击链接办理退款。\r\n",
    )
    .expect("write eml");
    env.ok(&["log", "email", "--eml", eml.to_str().expect("path")]);
    env
}

#[test]
fn the_12321_report_groups_by_counterpart_names_the_eml_and_never_the_id()
-> Result<(), Box<dyn std::error::Error>> {
    let env = case_with_eml();
    let t = text(&env, &["12321"]);
    // One paragraph per counterpart: the number written two ways is one lead with both
    // entries, its content and what it knew.
    let lead = t
        .lines()
        .find(|l| l.starts_with("13800138000"))
        .unwrap_or_default();
    assert!(lead.contains("共2次") && lead.contains("E1、E3"), "{t}");
    assert!(
        lead.contains("再次来电推销贷款") && lead.contains("对方知道本人的姓名、身份证号、住址"),
        "{lead}"
    );
    assert!(
        t.lines()
            .any(|l| l.starts_with("10690000") && l.contains("中奖短信")),
        "{t}"
    );
    assert!(t.contains("refund@scam.example"), "{t}");
    // The saved email is named as the file to attach.
    assert!(t.contains("refund.eml（记录 E5）"), "{t}");
    assert!(t.contains("abuse@12321.cn"), "{t}");
    // The account in the victim's name is not a harassing contact.
    assert!(!t.contains("某银行信用卡"), "{t}");
    // Never the ID number: not as a field, and not where the victim typed it in a note.
    assert!(!t.contains(ID) && !t.contains("身份证号："), "{t}");
    assert!(t.contains("12321网络不良与垃圾信息举报受理中心"));
    // 12321 is run by an industry association: it is asked to verify and pass on, not to
    // deal with the case "依法".
    assert!(
        !t.contains("依法核查处理") && t.contains("请核实上述号码和发送者") && t.contains("转交"),
        "{t}"
    );
    assert!(t.contains("《中华人民共和国个人信息保护法》第十条"), "{t}");

    let dir = tempfile::tempdir()?;
    let p = pdf(&env, &dir.path().join("12321.pdf"), &["12321"])?;
    assert!(
        p.contains("13800138000") && p.contains("refund.eml") && !p.contains(ID),
        "{p}"
    );

    // --with-id is refused for 12321 with a sentence, and nothing is written.
    let out = env.run(&["letter", "12321", "--with-id", "--date", DATE, "--text"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--with-id"));
    Ok(())
}

#[test]
fn the_12315_complaint_names_the_merchant_and_cites_29_50_56() -> Result<(), Box<dyn std::error::Error>> {
    let env = case();
    // Without the merchant's address the complaint is refused, with one sentence.
    let out = env.run(&[
        "letter",
        "12315",
        "--to",
        "某某网上商城",
        "--date",
        DATE,
        "--text",
    ]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("被投诉单位的地址") && err.contains("--suspect-address"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
    env.ok(&["profile", "set", "--suspect-address", "杭州市某某路1号"]);
    let out = env.run(&[
        "letter",
        "12315",
        "--to",
        "某某网上商城",
        "--date",
        DATE,
        "--text",
    ]);
    assert!(out.status.success());
    let t = String::from_utf8(out.stdout)?;
    for want in [
        "消费者投诉书",
        "某某网上商城",
        "《中华人民共和国消费者权益保护法》第二十九条",
        "《中华人民共和国消费者权益保护法》第五十条：“经营者侵害消费者",
        "《中华人民共和国消费者权益保护法》第五十六条（要旨）",
        "13800138000",
        PHONE,
        "通讯地址：北京市朝阳区𠮷祥路3号",
        "地址：杭州市某某路1号",
        "投诉请求（请求调解）",
        "举报事项（请求查处）",
        "投诉人（签名）",
    ] {
        assert!(t.contains(want), "missing {want} in\n{t}");
    }
    assert!(!t.contains(ID) && !t.contains(EMAIL), "{t}");
    // What it carries and the period a source states are said on stderr, not pasted.
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("不包含你的身份证号"), "{err}");
    assert!(err.contains("7个工作日") && err.contains("第四十六条"), "{err}");
    assert!(!t.contains("7个工作日"));

    let dir = tempfile::tempdir()?;
    let p = pdf(
        &env,
        &dir.path().join("12315.pdf"),
        &["12315", "--to", "某某网上商城"],
    )?;
    assert!(
        p.contains("某某网上商城") && p.contains("第五十六条") && !p.contains(ID),
        "{p}"
    );
    Ok(())
}

#[test]
fn the_credit_objection_lists_the_accounts_and_carries_the_id() -> Result<(), Box<dyn std::error::Error>> {
    let env = case();
    let out = env.run(&["letter", "credit", "--date", DATE, "--text"]);
    assert!(out.status.success());
    let t = String::from_utf8(out.stdout)?;
    for want in [
        "征信异议申请书",
        "中国人民银行征信中心：",
        "《征信业管理条例》第二十五条",
        // Where to complain when the objection is not dealt with: 30 days (第二十六条).
        "《征信业管理条例》第二十六条：“信息主体认为征信机构或者信息提供者、信息使用者侵害其合法权益的",
        "某银行信用卡尾号1234",
        "E4",
        &format!("身份证号：{ID}"),
    ] {
        assert!(t.contains(want), "missing {want} in\n{t}");
    }
    // The callers are not entries on a credit report.
    assert!(!t.contains("13800138000"), "{t}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("20日"));
    let dir = tempfile::tempdir()?;
    let p = pdf(
        &env,
        &dir.path().join("credit.pdf"),
        &["credit", "--to", "某银行信用卡中心"],
    )?;
    assert!(
        p.contains("某银行信用卡中心") && p.contains("第二十五条") && p.contains(ID),
        "{p}"
    );

    // A case with no account in the victim's name has nothing to object to.
    let empty = Env::new();
    empty.ok(&["profile", "set", "--name", "王䶮"]);
    empty.ok(&[
        "log",
        "call",
        "13800138000",
        "--note",
        "推销",
        "--at",
        "2026-10-01 10:00",
    ]);
    let out = empty.run(&["letter", "credit", "--date", DATE]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("leakaid log account"));
    Ok(())
}

#[test]
fn the_carrier_letter_names_12300_as_the_next_step() -> Result<(), Box<dyn std::error::Error>> {
    let env = case();
    let out = env.run(&["letter", "carrier", "--to", "中国移动", "--date", DATE, "--text"]);
    assert!(out.status.success());
    let t = String::from_utf8(out.stdout)?;
    for want in [
        "中国移动：",
        "12300",
        "13800138000",
        "10690000",
        // The carrier's own duties, and the appeal with its 30 days.
        "《中华人民共和国反电信网络诈骗法》第九条：“电信业务经营者应当依法全面落实电话用户真实身份信息登记制度",
        "《中华人民共和国反电信网络诈骗法》第十条第三款：",
        "《中华人民共和国反电信网络诈骗法》第十一条：",
        "《中华人民共和国电信条例》第三十九条第一款：",
        "本人收到下列号码的骚扰来电和短信",
        "请于15日内处理并答复本人",
    ] {
        assert!(t.contains(want), "missing {want} in\n{t}");
    }
    // A bank card is not the carrier's to stop.
    assert!(!t.contains("某银行信用卡尾号1234"), "{t}");
    assert!(
        !t.contains("短信、邮件"),
        "an email is named but the case has none:\n{t}"
    );
    // Not the provisions that bind others (the card trader, anyone who disturbs privacy).
    assert!(!t.contains("第三十一条") && !t.contains("民法典"), "{t}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("15日") && err.contains("电信用户申诉处理办法"),
        "{err}"
    );
    // Where to send it and where to go next, from the guide's channels.
    assert!(
        err.contains("中国移动 10086") && err.contains("书面申诉") && err.contains("12300"),
        "{err}"
    );
    let dir = tempfile::tempdir()?;
    let p = pdf(
        &env,
        &dir.path().join("carrier.pdf"),
        &["carrier", "--to", "中国移动"],
    )?;
    assert!(
        p.contains("12300") && p.contains("第九条") && p.contains("第三十九条"),
        "{p}"
    );
    Ok(())
}

#[test]
fn the_regulator_complaint_cites_pipl_65_without_the_id() -> Result<(), Box<dyn std::error::Error>> {
    let env = case();
    let t = text(&env, &["regulator"]);
    for want in [
        "12377",
        "《中华人民共和国个人信息保护法》第六十五条",
        "13800138000",
        EMAIL,
    ] {
        assert!(t.contains(want), "missing {want} in\n{t}");
    }
    assert!(!t.contains(ID) && !t.contains("𠮷祥路"), "{t}");
    // No period is invented where the law says only "及时".
    let out = env.run(&["letter", "regulator", "--date", DATE, "--text"]);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("答复期限"));
    let dir = tempfile::tempdir()?;
    let p = pdf(&env, &dir.path().join("regulator.pdf"), &["regulator"])?;
    assert!(p.contains("第六十五条") && !p.contains(ID), "{p}");
    Ok(())
}

#[test]
fn an_english_copy_is_marked_as_a_translation() -> Result<(), Box<dyn std::error::Error>> {
    let env = case();
    let dir = tempfile::tempdir()?;
    let p = pdf(
        &env,
        &dir.path().join("en.pdf"),
        &["company", "--to", "Example Co.", "--letter-lang", "en"],
    )?;
    assert!(
        p.contains("English translation") && p.contains("Article 50"),
        "{p}"
    );
    // In an English interface the letter to send stays Chinese; what it carries and the
    // reply period are said in English.
    let out = env.run(&["--lang", "en", "letter", "credit", "--date", DATE, "--text"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("征信异议申请书"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("leaves out your home address")
            && err.contains("Reply period")
            && err.contains("20 days"),
        "{err}"
    );
    Ok(())
}

#[test]
fn the_account_goes_into_the_company_letter_and_hostile_text_is_cleaned() {
    let env = case();
    env.ok(&[
        "log",
        "sms",
        "10691234",
        "--note",
        "点击\u{202E}gnp.exe\u{1b}[31m 领取",
        "--at",
        "2026-10-04 08:00",
    ]);
    let out = env.run(&[
        "letter",
        "company",
        "--to",
        "某某科技有限公司",
        "--account",
        "会员号 A-12345",
        "--date",
        DATE,
        "--text",
    ]);
    assert!(out.status.success());
    let t = String::from_utf8_lossy(&out.stdout);
    assert!(t.contains("在贵方的账户：会员号 A-12345"), "{t}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("账户信息"));
    let t = text(&env, &["12321"]);
    assert!(t.contains("10691234"), "{t}");
    assert!(!t.contains('\u{202E}') && !t.contains('\u{1b}'), "{t:?}");
    // A date before the law the letter rests on is refused.
    let out = env.run(&["letter", "regulator", "--date", "2021-10-31"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("2021-11-01"));
}

#[test]
fn a_long_list_shows_fifty_and_counts_the_rest() {
    let env = Env::new();
    env.ok(&["profile", "set", "--name", "王䶮", "--phone", PHONE]);
    for i in 0..53 {
        let number = format!("1380013{i:04}");
        let at = format!("2026-10-{:02} 10:{:02}", 1 + i / 20, i % 60);
        env.ok(&["log", "call", &number, "--note", "推销", "--at", &at]);
    }
    let t = text(&env, &["12321"]);
    let listed = t.lines().filter(|l| l.starts_with("1380013")).count();
    assert_eq!(listed, 50, "{t}");
    assert!(t.contains("另有3个号码或发送者未列出"), "{t}");
    assert!(t.contains("共收到下列53个号码"), "{t}");
}

#[test]
fn a_letter_prints_its_times_in_the_local_zone() {
    // The case was recorded under TZ=UTC (10:00 +00:00); read in Beijing it is 18:00.
    let env = case();
    let out = env
        .cmd()
        .env("TZ", "Asia/Shanghai")
        .args(["letter", "carrier", "--to", "中国移动", "--date", DATE, "--text"])
        .output()
        .expect("run leakaid");
    assert!(out.status.success());
    let t = String::from_utf8_lossy(&out.stdout);
    assert!(t.contains("2026年10月1日 18:00"), "{t}");
    assert!(!t.contains("2026年10月1日 10:00"), "{t}");
}

/// The case: notes and the story repeat the street, the card and the ID in several
/// spellings, and a suspected source is set.
fn case_with_suspect() -> Env {
    let env = Env::new();
    env.ok(&[
        "profile",
        "set",
        "--name",
        "王小明",
        "--id-number",
        ID,
        "--phone",
        PHONE,
        "--email",
        EMAIL,
        "--address",
        "上海市浦东新区张杨路1588弄12号501室",
        "--account",
        "6228480038126677015",
        "--suspect",
        "某某网购平台",
        "--suspect-why",
        "来电报出了我在该平台的订单号",
        "--suspect-address",
        "杭州市余杭区某某路1号",
    ]);
    env.ok(&[
        "log",
        "sms",
        "10690000",
        "--note",
        "你的住址我们都知道：张杨路1588弄",
        "--knew",
        "address,order",
        "--at",
        "2026-10-01 10:00",
    ]);
    env.ok(&[
        "log",
        "call",
        "02112345678",
        "--note",
        "说我的农行卡号6228 4800 3812 6677 015有问题，快递送到 1588 弄 12 号",
        "--knew",
        "order",
        "--at",
        "2026-10-02 10:00",
    ]);
    env.ok(&[
        "log",
        "web",
        "http://refund.example.cn/login",
        "--note",
        "钓鱼网站",
        "--at",
        "2026-10-03 10:00",
    ]);
    env.ok(&[
        "profile",
        "story",
        "我住张杨路1588弄12号，农行卡号6228480038126677015。",
    ]);
    env
}

#[test]
fn the_12321_report_keeps_the_scammers_text_but_not_the_street_or_card()
-> Result<(), Box<dyn std::error::Error>> {
    let env = case_with_suspect();
    let dir = tempfile::tempdir()?;
    let p = pdf(&env, &dir.path().join("12321.pdf"), &["12321"])?;
    let flat: String = p.chars().filter(|c| !c.is_whitespace()).collect();
    for gone in ["张杨路", "1588弄", "62284800", ID] {
        assert!(!flat.contains(gone), "{gone} in {p}");
    }
    // The rest of the scammer's text, the phishing site; no mailbox line without emails; no
    // fingerprint in the footer.
    for want in ["你的住址我们都知道", "http://refund.example.cn/login", "钓鱼网站"] {
        assert!(p.contains(want), "missing {want} in {p}");
    }
    assert!(
        !p.contains("收到垃圾邮件的本人邮箱") && !p.contains("案件指纹"),
        "{p}"
    );
    Ok(())
}

#[test]
fn the_suspect_is_named_by_the_regulator_and_12315_letters() -> Result<(), Box<dyn std::error::Error>> {
    let env = case_with_suspect();
    let dir = tempfile::tempdir()?;
    let r = pdf(&env, &dir.path().join("regulator.pdf"), &["regulator"])?;
    assert!(
        r.contains("被投诉举报单位") && r.contains("某某网购平台") && r.contains("订单号"),
        "{r}"
    );
    // 12315 goes to the suspect without --to.
    let c = pdf(&env, &dir.path().join("12315.pdf"), &["12315"])?;
    assert!(
        c.contains("名称：某某网购平台") && c.contains("杭州市余杭区某某路1号"),
        "{c}"
    );
    let co = pdf(&env, &dir.path().join("company.pdf"), &["company"])?;
    assert!(
        co.contains("15个工作日") && co.contains("申请人（签名）") && co.contains("订单号"),
        "{co}"
    );
    Ok(())
}

#[test]
fn the_redacted_copy_of_that_case_hides_street_card_id_and_name_and_names_the_suspect()
-> Result<(), Box<dyn std::error::Error>> {
    let env = case_with_suspect();
    let dir = tempfile::tempdir()?;
    let out = dir.path().join("family.pdf");
    let out_s = out.to_string_lossy().to_string();
    env.ok(&[
        "export",
        "pdf",
        "--redact",
        "--mask-name",
        "--date",
        DATE,
        "-o",
        &out_s,
    ]);
    let bytes = std::fs::read(&out)?;
    let p = page_texts(&bytes)?.join("");
    let flat: String = p.chars().filter(|c| !c.is_whitespace()).collect();
    for gone in ["张杨路", "1588弄", "62284800", "王小明", "身份证复印件", "U盘"] {
        assert!(!flat.contains(gone), "{gone} in {p}");
    }
    assert!(
        flat.contains("王某某") && flat.contains("重点查明某某网购平台"),
        "{p}"
    );
    // Nothing beside it, and no name in the file's properties.
    assert_eq!(std::fs::read_dir(dir.path())?.count(), 1);
    assert!(!String::from_utf8_lossy(&bytes).contains("王小明"));
    Ok(())
}
