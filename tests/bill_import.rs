//! `leakaid import bill`: the bills people already have, read by content, listed, picked and
//! recorded as transfers; and the packet and the CSV made from them.

mod common;

use std::path::{Path, PathBuf};

use common::Env;
use common::pdf_text::page_texts;
use leakaid::evidence::bill::{self, BillError, Flow, Source};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/bill")
        .join(name)
}

fn read(name: &str) -> bill::Bill {
    let bytes = std::fs::read(fixture(name)).expect("fixture");
    bill::read(&bytes).unwrap_or_else(|e| common::panic_free_fail(&format!("{name}: {e}")))
}

/// A WeChat Pay bill as the app's XLSX export lays it out: a preamble, the header, rows with
/// the time as text and the amount as `¥…`.
fn wechat_xlsx() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let rows: Vec<Vec<&str>> = vec![
        vec!["微信支付账单明细"],
        vec!["微信昵称：[周某某]"],
        vec!["起始时间：[2026-11-01 00:00:00] 终止时间：[2026-11-30 23:59:59]"],
        vec![],
        vec!["----------------------微信支付账单明细列表--------------------"],
        vec![
            "交易时间",
            "交易类型",
            "交易对方",
            "商品",
            "收/支",
            "金额(元)",
            "支付方式",
            "当前状态",
            "交易单号",
            "商户单号",
            "备注",
        ],
        vec![
            "2026-11-30 08:15:00",
            "转账",
            "“理财导师”",
            "/",
            "支出",
            "¥12,000.00",
            "建设银行(8901)",
            "对方已收钱",
            "100003990126113000099990001",
            "/",
            "/",
        ],
        vec![
            "2026-11-30 09:00:00",
            "商户消费",
            "某便利店",
            "饮料",
            "支出",
            "¥6.50",
            "零钱",
            "支付成功",
            "4200001234202611300000000001",
            "/",
            "/",
        ],
    ];
    for (r, cells) in rows.iter().enumerate() {
        for (c, v) in cells.iter().enumerate() {
            sheet.write_string(r as u32, c as u16, *v).expect("write a cell");
        }
    }
    book.save_to_buffer().expect("xlsx")
}

#[test]
fn every_layout_is_found_by_its_content_and_read_row_by_row() {
    let a = read("alipay.csv");
    assert_eq!(a.source, Source::Alipay);
    assert_eq!(a.rows.len(), 5);
    let first = &a.rows[0];
    assert_eq!(first.counterparty, "陈某华");
    assert_eq!(first.account, "138****5521", "a masked account stays masked");
    assert_eq!(first.fen, 500_000);
    assert_eq!(
        first.order, "20261128200040011100880012345678",
        "the padding tab is cut"
    );
    assert_eq!(first.method, "中国银行储蓄卡(4412)");
    assert_eq!(first.at.to_string(), "2026-11-28T10:12:31");
    assert_eq!(a.rows[1].fen, 3_300_000, "thousands separators");
    let pickable: Vec<_> = a.rows.iter().filter(|r| r.pickable()).collect();
    assert_eq!(pickable.len(), 2, "closed, refunded and income rows are apart");
    assert!(a.rows[2].closed);
    assert_eq!(a.rows[3].flow, Flow::Neutral);
    assert_eq!(a.rows[4].flow, Flow::In);

    let web = read("alipay-web.csv");
    assert_eq!(web.source, Source::AlipayWeb);
    assert_eq!(web.rows.len(), 2, "the footer lines are no rows");
    assert_eq!(web.rows[0].order, "2019032122001400000012345678");
    assert!(web.rows[0].pickable() && !web.rows[1].pickable());

    let w = read("wechat.csv");
    assert_eq!(w.source, Source::WechatPay);
    assert_eq!(w.rows[0].fen, 200_000, "¥2,000.00");
    assert_eq!(w.rows[0].method, "招商银行(1234)");
    let picks: Vec<u64> = w.rows.iter().filter(|r| r.pickable()).map(|r| r.fen).collect();
    assert_eq!(
        picks,
        vec![200_000, 80_000],
        "提现, 红包 and a returned transfer are apart"
    );

    let x = bill::read(&wechat_xlsx()).expect("xlsx");
    assert_eq!(x.source, Source::WechatPay);
    assert_eq!(x.rows[0].fen, 1_200_000);
    assert_eq!(x.rows[0].order, "100003990126113000099990001");
    assert_eq!(x.rows[0].line, 7, "the spreadsheet's own row number");

    let icbc = read("icbc.csv");
    assert_eq!(icbc.source, Source::Icbc);
    assert_eq!(icbc.own_account, "6212****0098");
    assert_eq!(icbc.rows.len(), 2, "the total line is no row");
    assert_eq!((icbc.rows[0].fen, icbc.rows[0].flow), (1_250_000, Flow::Out));
    assert_eq!(icbc.rows[0].counterparty, "孙某某");
    assert!(!icbc.rows[0].time_known, "a statement of dates only");
    assert_eq!(icbc.rows[1].flow, Flow::In);

    let ccb = read("ccb.csv");
    assert_eq!(ccb.source, Source::Ccb);
    assert_eq!(ccb.own_account, "6217000012345678901");
    assert_eq!(
        (ccb.rows[0].counterparty.as_str(), ccb.rows[0].account.as_str()),
        ("吴某", "6230****7788")
    );
    assert_eq!(ccb.rows[2].flow, Flow::In);

    let abc = read("abc.csv");
    assert_eq!(abc.source, Source::Abc);
    assert_eq!(abc.rows[0].account, "6228480012345678912");
    assert_eq!(abc.rows[0].at.to_string(), "2026-11-30T10:15:30");
    assert_eq!(abc.rows[0].order, "369396001");
    assert_eq!(
        abc.rows.iter().filter(|r| r.pickable()).count(),
        1,
        "转存 and 结息 are apart"
    );

    let boc = read("boc.csv");
    assert_eq!(boc.source, Source::Boc);
    assert_eq!(boc.rows[0].bank, "某某农村商业银行");
    assert_eq!(boc.rows[0].fen, 430_000);
    assert_eq!(boc.own_account, "尾号5521");

    let cmb = read("cmb.csv");
    assert_eq!(cmb.source, Source::Cmb);
    assert_eq!(
        (
            cmb.rows[0].counterparty.as_str(),
            cmb.rows[0].account.as_str(),
            cmb.rows[0].fen
        ),
        ("冯某某", "6214830012345678", 1_500_000)
    );
}

#[test]
fn another_file_or_an_unreadable_amount_is_refused() {
    let other = std::fs::read(fixture("not-a-bill.csv")).expect("fixture");
    assert_eq!(bill::read(&other), Err(BillError::NotABill));
    assert_eq!(bill::read(b"\x89PNG\r\n\x1a\n\0\0"), Err(BillError::NotABill));
    let bad = std::fs::read(fixture("bad-amount.csv")).expect("fixture");
    assert_eq!(
        bill::read(&bad),
        Err(BillError::BadAmount {
            line: 3,
            text: "一千元".into()
        })
    );

    let env = Env::new();
    let msg = env.refused(&["import", "bill", &fixture("not-a-bill.csv").display().to_string()]);
    assert!(msg.contains("支付宝") && msg.contains("招商银行"), "{msg}");
    let msg = env.refused(&[
        "import",
        "bill",
        &fixture("bad-amount.csv").display().to_string(),
        "--pick",
        "1",
    ]);
    assert!(msg.contains("第 3 行"), "{msg}");
}

#[test]
fn listing_records_nothing_and_numbers_only_what_can_be_a_loss() {
    let env = Env::new();
    let out = env.ok(&["import", "bill", &fixture("alipay.csv").display().to_string()]);
    assert!(out.contains("  1. 2026-11-28 10:12"), "{out}");
    assert!(out.contains("  2. 2026-11-28 10:40"), "{out}");
    assert!(!out.contains("  3. "), "{out}");
    assert!(
        out.contains("[未成功]") && out.contains("[收入]") && out.contains("[不计收支]"),
        "{out}"
    );
    assert!(env.journal_bytes().is_empty(), "nothing is stored");
    env.refused(&[
        "import",
        "bill",
        &fixture("alipay.csv").display().to_string(),
        "--pick",
        "3",
    ]);
}

#[test]
fn picked_rows_become_transfers_in_the_packet_and_the_csv_and_are_not_imported_twice() {
    let env = Env::new();
    let call = env.log(&[
        "call",
        "13900001111",
        "--note",
        "自称公安，要求转账到安全账户",
        "--at",
        "2026-11-28 09:50",
    ]);
    let alipay = fixture("alipay.csv").display().to_string();
    let out = env.ok(&["import", "bill", &alipay, "--pick", "1-2", "--for", &call]);
    assert!(out.contains("E2、E3"), "{out}");
    let dir = tempfile::tempdir().expect("tmp");
    let xlsx = dir.path().join("微信支付账单.xlsx");
    std::fs::write(&xlsx, wechat_xlsx()).expect("write xlsx");
    let out = env.ok(&["import", "bill", &xlsx.display().to_string(), "--pick", "1"]);
    assert!(out.contains("E4"), "{out}");

    // The bill is stored once, the attachment of both transfers.
    let list = env.list_json();
    let sha = |id: &str| {
        list.iter()
            .find(|e| e["id"] == id)
            .and_then(|e| e["attachments"][0]["sha256"].as_str())
            .unwrap_or("")
            .to_string()
    };
    assert!(!sha("E2").is_empty());
    assert_eq!(sha("E2"), sha("E3"));
    let vault: Vec<_> = std::fs::read_dir(env.case_dir().join("vault"))
        .expect("vault")
        .filter_map(Result::ok)
        .collect();
    assert_eq!(vault.len(), 2, "one Alipay bill, one WeChat bill");

    // Importing an order number the case holds is refused, naming the entry.
    let msg = env.refused(&["import", "bill", &alipay, "--pick", "2"]);
    assert!(
        msg.contains("E3") && msg.contains("20261128200040011100880012349999"),
        "{msg}"
    );

    // The CSV carries the transfer columns.
    let csv = env.ok(&[
        "export",
        "csv",
        "-o",
        &dir.path().join("e.csv").display().to_string(),
    ]);
    assert!(csv.contains("e.csv"));
    let text = std::fs::read_to_string(dir.path().join("e.csv")).expect("csv");
    let header = text.lines().next().unwrap_or_default();
    for col in [
        "to_name",
        "to_account",
        "to_bank",
        "paid_at",
        "paid_via",
        "order_number",
        "from_account",
    ] {
        assert!(header.contains(col), "{header}");
    }
    assert!(text.contains("20261128200040011100880012345678"));
    assert!(text.contains("138****5521") && text.contains("中国银行储蓄卡(4412)"));
    assert!(text.contains("2026-11-28T10:12:31+08:00"));

    // The packet: every picked transfer with payer, receiver, amount, Beijing time and order,
    // 收款账户一览 and the total in 大写; the computer is on UTC.
    let pdf = dir.path().join("p.pdf");
    env.ok(&[
        "export",
        "pdf",
        "-o",
        &pdf.display().to_string(),
        "--date",
        "2026-12-01",
    ]);
    let pages = page_texts(&std::fs::read(&pdf).expect("pdf")).expect("text");
    let all: String = pages.concat().chars().filter(|c| !c.is_whitespace()).collect();
    for want in [
        "收款账户一览",
        "138****5521",
        "liu***@163.com",
        "20261128200040011100880012345678",
        "20261128200040011100880012349999",
        "100003990126113000099990001",
        "中国银行储蓄卡(4412)",
        "建设银行(8901)",
        "2026年11月28日10:12",
        "时间均为北京时间",
        "人民币50,000.00元（大写：伍万元整）",
        "反电信网络诈骗法》第二十条",
        "第三十四条",
        "第六十四条",
    ] {
        assert!(all.contains(want), "{want} missing from the packet");
    }
    // The WeChat transfer names no account: it is said so, and no counterpart stands in.
    assert!(
        all.contains("收款账户本人尚未记录"),
        "the stop request says an account is missing"
    );
}

#[test]
fn a_loss_without_an_account_never_prints_the_callers_number_as_one() {
    let env = Env::new();
    let out = env
        .cmd()
        .args(["log", "call", "13912345678", "--lost", "5000"])
        .output()
        .expect("run");
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("有损失但没有记录收款账户"), "{err}");
    let dir = tempfile::tempdir().expect("tmp");
    let pdf = dir.path().join("p.pdf");
    let out = env
        .cmd()
        .args([
            "export",
            "pdf",
            "-o",
            &pdf.display().to_string(),
            "--date",
            "2026-12-08",
        ])
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("有损失但没有记录收款账户") && err.contains("UTC+00:00"),
        "{err}"
    );
    let pages = page_texts(&std::fs::read(&pdf).expect("pdf")).expect("text");
    let all: String = pages.concat().chars().filter(|c| !c.is_whitespace()).collect();
    assert!(all.contains("收款账户本人尚未记录，转账凭证随附"), "{all}");
    assert!(!all.contains("被转移：13912345678"));
    // After the facts' "转账情况见下表", the table's own title.
    let transfers = all.split("转账情况").nth(2).unwrap_or_default();
    let table = transfers.split("收款账户一览").next().unwrap_or_default();
    assert!(table.contains("（未记录）"));
    assert!(
        !table.contains("13912345678"),
        "no phone number under 收款账户: {table}"
    );
}
