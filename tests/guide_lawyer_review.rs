//! What a lawyer's second reading of the guide found, item by item: each test fails on the
//! wording the guide had before (a wrong article number, an overstated claim, a missing
//! source) and holds the corrected one, in both languages where the words differ.

use jiff::civil::{Date, date};
use leakaid::guide::{ChannelId, ChecklistId, CiteIn, Guide, Lang, Quote, StepId, Wording, hedge_suffix};

const LANGS: [Lang; 2] = [Lang::Zh, Lang::En];
const BEFORE: Date = date(2025, 12, 31);
const AFTER: Date = date(2026, 1, 1);

fn zh() -> &'static Guide {
    Guide::get(Lang::Zh)
}

fn en() -> &'static Guide {
    Guide::get(Lang::En)
}

fn note(guide: &Guide, id: &str) -> String {
    guide.law(id).and_then(|l| l.note.clone()).unwrap_or_default()
}

fn summary(guide: &Guide, id: &str) -> String {
    guide.law(id).map(|l| l.summary.clone()).unwrap_or_default()
}

/// A law item exists in both languages with this numbering, source and honesty.
fn law_is(id: &str, number: &str, cite_in: CiteIn, verified: bool) {
    for guide in [zh(), en()] {
        let law = guide.law(id);
        assert!(law.is_some(), "{:?}: {id} missing", guide.lang());
        let Some(law) = law else { continue };
        assert_eq!(law.cite_in, cite_in, "{id}");
        assert_eq!(law.cited_on(AFTER).verified(), verified, "{id}");
        if guide.lang() == Lang::Zh {
            assert_eq!(law.article_on(AFTER).number, number, "{id}");
        }
    }
}

// 1. Money taken by fraud is recovered in the criminal case, not by an attached civil claim.
#[test]
fn money_taken_by_fraud_is_not_offered_an_attached_civil_claim() {
    let todo = zh().step(StepId::ConsultLawyer).todo.join("\n");
    let line = todo
        .lines()
        .find(|l| l.contains("第一百零一条"))
        .unwrap_or_default();
    assert!(
        !line.contains("警方已经立案的，可以在刑事案件中一并提起附带民事诉讼"),
        "{line}"
    );
    for needle in [
        "追缴或者责令退赔",
        "第六十四条",
        "第一百七十六条",
        "第一百七十五条",
        "精神损失",
        "物质损失",
    ] {
        assert!(line.contains(needle), "{needle}: {line}");
    }
    assert!(note(zh(), "cpl_101").contains("被骗走的钱不适用附带民事诉讼"));
    assert!(note(en(), "cpl_101").contains("Not for money taken by fraud"));
    // 追缴、责令退赔、返还: the recovery the complaint to the police asks for, cited there too.
    law_is("criminal_64", "第六十四条", CiteIn::PoliceLetter, true);
    law_is(
        "cpl_interpretation_175",
        "第一百七十五条",
        CiteIn::LawyerBrief,
        true,
    );
    law_is(
        "cpl_interpretation_176",
        "第一百七十六条",
        CiteIn::LawyerBrief,
        true,
    );
    let cited = zh()
        .law("cpl_interpretation_176")
        .map(|l| l.cited_on(AFTER).citation(Lang::Zh))
        .unwrap_or_default();
    assert_eq!(
        cited,
        "《最高人民法院关于适用〈中华人民共和国刑事诉讼法〉的解释》（法释〔2021〕1号）第一百七十六条"
    );
    assert!(
        zh().step(StepId::ConsultLawyer)
            .source
            .contains("法释〔2021〕1号")
    );
}

// 2. The emergency stop rests on 反电信网络诈骗法第二十条, not 第三十四条.
#[test]
fn the_emergency_stop_cites_anti_fraud_article_20() {
    law_is("anti_fraud_20", "第二十条", CiteIn::PoliceLetter, true);
    let law = zh().law("anti_fraud_20");
    assert_eq!(law.map(|l| l.quote), Some(Quote::Exact));
    for guide in [zh(), en()] {
        let item = guide.checklist_item(ChecklistId::StopPayment);
        assert!(
            item.source.contains("第二十条") && !item.source.contains("第三十四条"),
            "{}",
            item.source
        );
        assert!(
            item.how.contains(guide.lang().pick("第二十条", "Art. 20")),
            "{}",
            item.how
        );
        let police = guide.channel(ChannelId::Police);
        assert!(police.source.contains("第二十条") && !police.source.contains("第三十四条"));
        assert!(police.handles.contains(guide.lang().pick("第二十条", "Art. 20")));
        let report = guide.step(StepId::Report);
        assert!(report.source.contains("第二十条") && !report.source.contains("第三十四条"));
    }
    // 34 stays for recovering the money, and says nothing of stopping payments.
    assert!(!summary(zh(), "anti_fraud_34").contains("止付"));
}

// 3. The credit regulation was published on 21 January 2013, not 26 December 2012.
#[test]
fn the_credit_regulation_carries_its_publication_date() {
    for guide in [zh(), en()] {
        for id in ["credit_17", "credit_25", "credit_26"] {
            let law = guide.law(id);
            assert!(law.is_some(), "{id}");
            let Some(law) = law else { continue };
            for source in std::iter::once(&law.source).chain(law.articles().map(|a| &a.source)) {
                assert!(source.contains("2013年1月21日公布"), "{id}: {source}");
                assert!(!source.contains("2012年12月26日公布"), "{id}: {source}");
                assert!(source.contains("国务院令第631号"), "{id}: {source}");
            }
        }
    }
}

// 4. A private prosecution needs a named defendant and an earlier complaint.
#[test]
fn private_prosecution_says_when_it_is_open() {
    let todo = zh().step(StepId::ConsultLawyer).todo.join("\n");
    let line = todo
        .lines()
        .find(|l| l.contains("第二百一十条"))
        .unwrap_or_default();
    assert!(
        line.contains("明确的被告人") && line.contains("曾经控告") && line.contains("不会受理"),
        "{line}"
    );
    assert!(
        line.contains("第三百一十六条") && line.contains("第三百二十条"),
        "{line}"
    );
    let n = note(zh(), "cpl_210");
    assert!(n.contains("对方身份不明的，法院不会受理"), "{n}");
    assert!(note(en(), "cpl_210").contains("unknown caller"));
    law_is(
        "cpl_interpretation_private",
        "第一条第三项、第三百一十六条、第三百二十条",
        CiteIn::LawyerBrief,
        true,
    );
}

// 6. 第四十四条 includes restricting or refusing processing; deletion has its grounds.
#[test]
fn the_pipl_rights_summary_keeps_restriction_and_the_grounds_of_deletion() {
    let s = summary(zh(), "pipl_44_48");
    assert!(
        s.contains("有权限制或者拒绝他人对其个人信息进行处理") && s.contains("第四十七条"),
        "{s}"
    );
    assert!(!s.contains("和要求删除其个人信息"), "{s}");
    assert!(summary(en(), "pipl_44_48").contains("restrict or refuse"));
    for (id, number) in [
        ("pipl_15", "第十五条"),
        ("pipl_17", "第十七条"),
        ("pipl_23", "第二十三条"),
        ("pipl_47", "第四十七条"),
        ("network_data_23", "第二十三条"),
    ] {
        law_is(id, number, CiteIn::LawyerBrief, true);
    }
    let delete = zh().checklist_item(ChecklistId::AskCompanyToDelete);
    for needle in ["第四十四条", "第十五条", "第四十七条", "删除要有理由"] {
        assert!(delete.how.contains(needle), "{needle}: {}", delete.how);
    }
    assert!(
        !delete.how.contains("要求它删除你的个人信息（第四十七条）"),
        "{}",
        delete.how
    );
    assert!(delete.source.contains("《中华人民共和国个人信息保护法》"));
    let n1037 = note(zh(), "civil_1037");
    assert!(!n1037.contains("查阅、复制、更正或删除"), "{n1037}");
    assert!(n1037.contains("违法或者违反约定"), "{n1037}");
}

// 7. 12300 takes written appeals, province by province, with its own periods.
#[test]
fn telecom_appeals_are_written_with_their_periods() {
    for guide in [zh(), en()] {
        let c = guide.channel(ChannelId::Telecom12300);
        let ways: Vec<&str> = c.contact.iter().map(|w| w.way.as_str()).collect();
        assert!(
            ways.iter()
                .all(|w| w.contains(guide.lang().pick("书面", "Written"))),
            "{ways:?}"
        );
        assert!(
            !ways
                .iter()
                .any(|w| w.starts_with(guide.lang().pick("电话", "Phone")))
        );
        let needles: &[&str] = match guide.lang() {
            Lang::Zh => &["5个工作日", "30日", "所在省"],
            Lang::En => &["5 working days", "30 days", "province"],
        };
        for needle in needles {
            assert!(c.handles.contains(needle), "{needle}: {}", c.handles);
        }
        assert!(c.source.contains("电信用户申诉处理办法") && c.source.contains("电信条例"));
    }
}

// 8. 12321 is an industry association's platform.
#[test]
fn twelve_three_two_one_is_not_presented_as_a_government_body() {
    assert!(
        zh().channel(ChannelId::Report12321)
            .handles
            .contains("不是政府机关")
    );
    assert!(
        en().channel(ChannelId::Report12321)
            .handles
            .contains("not a government body")
    );
    let table: toml::Table =
        toml::from_str(include_str!("../assets/email/institutions.toml")).unwrap_or_default();
    let rows = table
        .get("institution")
        .and_then(|v| v.as_array())
        .cloned()
        .unwrap_or_default();
    let row = rows.iter().find(|r| {
        r.get("domains")
            .and_then(|d| d.as_array())
            .is_some_and(|d| d.iter().any(|x| x.as_str() == Some("12321.cn")))
    });
    let kind = row.and_then(|r| r.get("kind")).and_then(|k| k.as_str());
    assert_eq!(kind, Some("industry_association"));
}

// 10. No fine amounts for the amended 网络安全法 until its text is read.
#[test]
fn the_amended_cybersecurity_penalty_prints_no_amounts() {
    for guide in [zh(), en()] {
        let law = guide.law("cybersecurity_penalty");
        assert!(law.is_some());
        let Some(law) = law else { continue };
        let after = law.cited_on(AFTER);
        let words = match after.wording() {
            Wording::Summary(words) => words,
            Wording::Exact(text) => text,
        };
        assert_eq!(law.quote, Quote::Summary);
        for amount in ["一百万元", "十倍", "1,000,000", "one million", "ten times"] {
            assert!(!words.contains(amount), "{amount} printed for 2026: {words}");
        }
        assert_eq!(after.summary(), words);
        assert!(after.display(guide.lang()).ends_with(hedge_suffix(guide.lang())));
        // Before the amendment the 2017 amounts stand.
        let old = match law.cited_on(BEFORE).wording() {
            Wording::Summary(words) | Wording::Exact(words) => words,
        };
        assert!(old.contains(guide.lang().pick("一百万元", "1 million")), "{old}");
    }
}

// 11. A printout taken directly from electronic data counts as its original.
#[test]
fn a_printout_of_the_data_counts_as_the_original() {
    let mistakes = zh().step(StepId::CollectEvidence).mistakes.join("");
    assert!(!mistakes.contains("不能代替原始数据"), "{mistakes}");
    assert!(
        mistakes.contains("视为原件") && mistakes.contains("有异议"),
        "{mistakes}"
    );
    let en_mistakes = en().step(StepId::CollectEvidence).mistakes.join("");
    assert!(!en_mistakes.contains("do not replace the original data"));
    assert!(en_mistakes.contains("count as originals"));
    let s = summary(zh(), "evidence_originals");
    assert!(!s.contains("所以"), "advice belongs in the note: {s}");
    assert!(note(zh(), "evidence_originals").contains("打印件可以提交"));
}

// 12. 第五十七条第二款: no duty to notify where measures avoid the harm.
#[test]
fn the_leak_notice_duty_keeps_its_exception() {
    let todo = zh().step(StepId::ConsultLawyer).todo.join("");
    assert!(
        todo.contains("可以不通知") && todo.contains("第五十七条第一款、第二款"),
        "{todo}"
    );
    let todo = en().step(StepId::ConsultLawyer).todo.join("");
    assert!(todo.contains("Art. 57, paragraphs 1 and 2"), "{todo}");
}

// 13. 一证通查 reports counts; the carrier looks up the numbers.
#[test]
fn the_carrier_channel_does_not_promise_numbers_from_one_id_check() {
    for guide in [zh(), en()] {
        let bring = guide.channel(ChannelId::Carrier).bring.join("\n");
        assert!(!bring.contains("一证通查查到的陌生号码") && !bring.contains("unknown number found with"));
        assert!(bring.contains(guide.lang().pick("数量", "counts")), "{bring}");
    }
}

// 14. What to tell the police is the guide's own checklist, not an official list.
#[test]
fn what_to_tell_the_police_is_the_guides_own_checklist() {
    for guide in [zh(), en()] {
        let todo = guide.step(StepId::Report).todo.join("\n");
        let line = todo
            .lines()
            .find(|l| l.contains(guide.lang().pick("起因", "the cause")))
            .unwrap_or_default();
        assert!(
            line.contains(guide.lang().pick(
                "本指南整理的提示，不是官方规定",
                "the guide's own checklist, not an official"
            )),
            "{line}"
        );
    }
}

// 15. Hedges: the home court only for an information-network tort; review periods extendable.
#[test]
fn jurisdiction_and_review_periods_are_hedged() {
    let n = note(zh(), "jurisdiction_network_place");
    assert!(
        n.contains("认定为信息网络侵权") && n.contains("以法院的认定为准"),
        "{n}"
    );
    assert!(note(en(), "jurisdiction_network_place").starts_with("If the court treats"));
    for guide in [zh(), en()] {
        let step = guide.police().steps.iter().find(|s| s.id == "reconsideration");
        let expect = step.map(|s| s.expect.clone()).unwrap_or_default();
        assert!(
            expect.contains(guide.lang().pick("最多延长30日", "by up to 30 days")),
            "{expect}"
        );
    }
}

// 16. The offences an account opened in the victim's name may involve.
#[test]
fn account_offences_are_police_letter_provisions_with_the_statute_words() {
    for (id, number) in [
        ("criminal_280_1", "第二百八十条之一"),
        ("criminal_177_1", "第一百七十七条之一"),
        ("criminal_196", "第一百九十六条"),
        ("criminal_287_2", "第二百八十七条之二"),
    ] {
        law_is(id, number, CiteIn::PoliceLetter, true);
        assert_eq!(zh().law(id).map(|l| l.quote), Some(Quote::Exact), "{id}");
    }
    // Their sources name the amendment that added them.
    let src = |id: &str| zh().law(id).map(|l| l.source.clone()).unwrap_or_default();
    assert!(src("criminal_177_1").contains("刑法修正案（五）"));
    assert!(src("criminal_280_1").contains("刑法修正案（九）"));
    assert!(src("criminal_287_2").contains("刑法修正案（九）"));
}

// 17. Fraud thresholds, and that below them it is usually a 治安 case.
#[test]
fn fraud_thresholds_are_sourced_and_the_unread_opinion_is_hedged() {
    law_is("interpretation_2011_art1", "第一条", CiteIn::LawyerBrief, true);
    let text = zh()
        .law("interpretation_2011_art1")
        .and_then(|l| l.text.clone())
        .unwrap_or_default();
    assert!(text.starts_with("诈骗公私财物价值三千元至一万元以上"), "{text}");
    // The 2016 opinion's text was not read: a hedged summary, never printed as its words.
    law_is(
        "fraud_opinion_2016",
        "数额标准的条款（条目未核实）",
        CiteIn::LawyerBrief,
        false,
    );
    let opinion = zh().law("fraud_opinion_2016");
    assert_eq!(opinion.map(|l| l.quote), Some(Quote::Summary));
    assert!(opinion.is_some_and(|l| {
        l.cited_on(AFTER)
            .display(Lang::Zh)
            .ends_with(hedge_suffix(Lang::Zh))
    }));
    assert!(note(zh(), "criminal_266").contains("治安案件"));
    assert!(note(zh(), "interpretation_2011_art1").contains("治安案件"));
    assert!(note(en(), "criminal_266").contains("public-order"));
}

// 18. A victim wrongly hit by 断卡 measures can appeal.
#[test]
fn a_victim_wrongly_restricted_can_appeal() {
    law_is("anti_fraud_31_2", "第三十一条第二款", CiteIn::LawyerBrief, true);
    law_is("anti_fraud_32_3", "第三十二条第三款", CiteIn::LawyerBrief, true);
    assert!(note(zh(), "anti_fraud_31").contains("申诉"));
    assert!(note(zh(), "anti_fraud_32_3").contains("申诉"));
    let text = zh()
        .law("anti_fraud_32_3")
        .and_then(|l| l.text.clone())
        .unwrap_or_default();
    assert!(text.contains("核查通过的，应当即时解除有关措施"), "{text}");
}

// 19. Two free credit reports a year; the complaint with its 30 days.
#[test]
fn credit_report_rights_are_cited() {
    law_is("credit_17", "第十七条", CiteIn::GuideOnly, true);
    law_is("credit_26", "第二十六条", CiteIn::LawyerBrief, true);
    let how = &zh().checklist_item(ChecklistId::CheckCreditReport).how;
    assert!(
        how.contains("每年可以免费查两次") && how.contains("第十七条"),
        "{how}"
    );
}

// 20. Stopping an infringement is not time-barred.
#[test]
fn stopping_an_infringement_is_not_time_barred() {
    law_is("civil_995", "第九百九十五条", CiteIn::LawyerBrief, true);
    let todo = zh().step(StepId::ConsultLawyer).todo.join("");
    assert!(
        todo.contains("不受诉讼时效限制（民法典第九百九十五条）"),
        "{todo}"
    );
    assert!(
        en().step(StepId::ConsultLawyer)
            .todo
            .join("")
            .contains("Art. 995")
    );
}

// Every law item added in this round names its statute and states its honesty in both files.
#[test]
fn the_new_items_are_alike_in_both_languages() {
    for id in [
        "anti_fraud_9",
        "anti_fraud_10_3",
        "anti_fraud_11",
        "telecom_regulation_39",
    ] {
        for lang in LANGS {
            let law = Guide::get(lang).law(id);
            assert!(
                law.is_some_and(|l| l.verified && l.quote == Quote::Exact),
                "{lang:?}: {id}"
            );
        }
    }
    law_is(
        "telecom_regulation_39",
        "第三十九条第一款",
        CiteIn::LawyerBrief,
        true,
    );
}
