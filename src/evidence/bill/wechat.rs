//! WeChat Pay (微信支付账单明细), as CSV or XLSX: a preamble, then the header 交易时间/交易类型/
//! 交易对方/商品/收/支/金额(元)/支付方式/当前状态/交易单号/商户单号/备注, amounts written `¥500.00`.
//! The bill names no account of the other side: the counterparty is its WeChat name.

use super::cells::Header;
use super::{Columns, Layout, Source};

/// The layout, when `h` is the header row of a WeChat Pay bill.
pub fn detect(h: &Header) -> Option<Layout> {
    if !h.has(&["交易时间", "交易类型", "交易对方", "收/支", "交易单号"]) {
        return None;
    }
    Some(Layout {
        source: Source::WechatPay,
        columns: Columns {
            time: h.at("交易时间"),
            amount: h.any(&["金额(元)", "金额"]),
            flow: h.at("收/支"),
            kind: h.at("交易类型"),
            counterparty: h.at("交易对方"),
            method: h.at("支付方式"),
            status: h.at("当前状态"),
            order: h.at("交易单号"),
            what: h.at("商品"),
            ..Columns::default()
        },
    })
}
