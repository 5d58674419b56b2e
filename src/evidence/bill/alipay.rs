//! Alipay (支付宝) bills. The current export (交易明细, CSV in GB18030, a preamble then the
//! header 交易时间/交易分类/交易对方/对方账号/商品说明/收/支/金额/收/付款方式/交易状态/交易订单号/
//! 商家订单号/备注, cells padded with spaces and tabs) and the older web export (交易记录明细查询:
//! 交易号/商家订单号/交易创建时间/付款时间/…/交易对方/商品名称/金额（元）/收/支/交易状态/…),
//! which names no paying method.

use super::cells::Header;
use super::{Columns, Layout, Source};

/// The layout, when `h` is the header row of an Alipay bill.
pub fn detect(h: &Header) -> Option<Layout> {
    if h.has(&["交易时间", "交易对方", "收/支", "金额", "交易订单号"]) {
        return Some(Layout {
            source: Source::Alipay,
            columns: Columns {
                time: h.at("交易时间"),
                amount: h.at("金额"),
                flow: h.at("收/支"),
                kind: h.at("交易分类"),
                counterparty: h.at("交易对方"),
                account: h.at("对方账号"),
                method: h.at("收/付款方式"),
                status: h.at("交易状态"),
                order: h.at("交易订单号"),
                what: h.at("商品说明"),
                ..Columns::default()
            },
        });
    }
    if h.has(&["交易号", "交易创建时间", "交易对方", "金额(元)", "收/支"]) {
        return Some(Layout {
            source: Source::AlipayWeb,
            columns: Columns {
                time: h.at("交易创建时间"),
                amount: h.at("金额(元)"),
                flow: h.at("收/支"),
                kind: h.at("类型"),
                counterparty: h.at("交易对方"),
                status: h.at("交易状态"),
                order: h.at("交易号"),
                what: h.at("商品名称"),
                ..Columns::default()
            },
        });
    }
    None
}
