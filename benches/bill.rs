//! Bill import speed: reading a 10,000-row Alipay bill (GB18030 CSV, padded cells, the
//! current layout) and a 10,000-row WeChat Pay XLSX, as `leakaid import bill` does before it
//! lists or records anything. The target is at most 1 s per bill.
//!
//! Run: `cargo bench --bench bill`.

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use leakaid::evidence::bill;

/// An Alipay bill of `rows` rows as the app exports it: the preamble, the padded header, the
/// padded rows with tab-ended order numbers, in GB18030.
fn alipay_csv(rows: usize) -> Vec<u8> {
    let pad = |s: &str| format!("{s:<20}");
    let mut text = String::from(
        "------------------------------------------------------------------------------------\r\n导出信息：\r\n姓名：周某某\r\n------------------------支付宝（中国）网络技术有限公司  电子客户回单------------------------\r\n",
    );
    let header = [
        "交易时间",
        "交易分类",
        "交易对方",
        "对方账号",
        "商品说明",
        "收/支",
        "金额",
        "收/付款方式",
        "交易状态",
        "交易订单号",
        "商家订单号",
        "备注",
    ];
    text.push_str(&header.iter().map(|h| pad(h)).collect::<Vec<_>>().join(","));
    text.push_str(",\r\n");
    for i in 0..rows {
        let cells = [
            format!(
                "2026-11-{:02} {:02}:{:02}:{:02}",
                1 + i % 28,
                i % 24,
                i % 60,
                (i * 7) % 60
            ),
            "转账红包".to_string(),
            format!("收款人{i}"),
            format!("138****{:04}", i % 10_000),
            "转账".to_string(),
            if i % 5 == 0 { "收入" } else { "支出" }.to_string(),
            format!("{}.{:02}", 10 + i % 5_000, i % 100),
            "余额".to_string(),
            "交易成功".to_string(),
            format!("2026112820004001110088{i:010}\t"),
            "\t".to_string(),
            String::new(),
        ];
        text.push_str(&cells.iter().map(|c| pad(c)).collect::<Vec<_>>().join(","));
        text.push_str(",\r\n");
    }
    encoding_rs::GB18030.encode(&text).0.into_owned()
}

/// A WeChat Pay XLSX of `rows` rows.
fn wechat_xlsx(rows: usize) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let header = [
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
    ];
    let _ = sheet.write_string(0, 0, "微信支付账单明细");
    for (c, h) in header.iter().enumerate() {
        let _ = sheet.write_string(2, c as u16, *h);
    }
    for i in 0..rows {
        let r = 3 + i as u32;
        let cells = [
            format!("2026-11-{:02} {:02}:{:02}:00", 1 + i % 28, i % 24, i % 60),
            "转账".to_string(),
            format!("收款人{i}"),
            "/".to_string(),
            "支出".to_string(),
            format!("¥{}.{:02}", 10 + i % 5_000, i % 100),
            "零钱".to_string(),
            "对方已收钱".to_string(),
            format!("1000039901261128{i:012}"),
            "/".to_string(),
            "/".to_string(),
        ];
        for (c, v) in cells.iter().enumerate() {
            let _ = sheet.write_string(r, c as u16, v);
        }
    }
    book.save_to_buffer().unwrap_or_default()
}

fn bills(c: &mut Criterion) {
    let csv = alipay_csv(10_000);
    let xlsx = wechat_xlsx(10_000);
    assert_eq!(bill::read(&csv).map(|b| b.rows.len()).ok(), Some(10_000));
    assert_eq!(bill::read(&xlsx).map(|b| b.rows.len()).ok(), Some(10_000));
    let mut g = c.benchmark_group("import bill");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    g.bench_function("alipay csv, 10,000 rows (GB18030)", |b| {
        b.iter(|| bill::read(&csv).map(|b| b.rows.len()))
    });
    g.bench_function("wechat xlsx, 10,000 rows", |b| {
        b.iter(|| bill::read(&xlsx).map(|b| b.rows.len()))
    });
    g.finish();
}

criterion_group!(benches, bills);
criterion_main!(benches);
