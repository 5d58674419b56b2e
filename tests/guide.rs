//! The guide content as a user meets it: both languages complete and alike, every item
//! sourced, unverified items hedged, article numbers right for the day, and the channels a
//! frightened person is sent to first right for what happened to them.

use std::collections::BTreeSet;

use jiff::civil::{Date, date};
use leakaid::guide::{
    CaseSignals, ChannelId, ChecklistId, CiteIn, Guide, HarmTag, Lang, PeriodActor, PeriodStart, Quote,
    Sourced, StepId, Wording, hedge_suffix, recommend,
};

const LANGS: [Lang; 2] = [Lang::Zh, Lang::En];
const BEFORE: Date = date(2025, 12, 31);
const AFTER: Date = date(2026, 1, 1);

/// Everything about a guide that must not depend on the language: ids, sources, verified
/// flags, tags, dates, and how many lines each list has (so translations stay aligned).
fn skeleton(guide: &Guide) -> Vec<String> {
    let mut out = Vec::new();
    for step in guide.steps() {
        out.push(format!(
            "step {} {} {} todo={} prepare={} mistakes={}",
            step.id.as_str(),
            step.source,
            step.verified,
            step.todo.len(),
            step.prepare.len(),
            step.mistakes.len()
        ));
    }
    for item in guide.checklist() {
        let channels: Vec<&str> = item.channels.iter().map(|c| c.as_str()).collect();
        out.push(format!(
            "checklist {} step={} {} {} {:?}",
            item.id.as_str(),
            item.step.as_str(),
            item.source,
            item.verified,
            channels
        ));
    }
    for channel in guide.channels() {
        let fits: Vec<&str> = channel.fits.iter().map(|f| f.as_str()).collect();
        out.push(format!(
            "channel {} {} {} {:?} contact={} bring={} note={}",
            channel.id.as_str(),
            channel.source,
            channel.verified,
            fits,
            channel
                .contact
                .iter()
                .map(|w| format!("{}:{:?}", w.verified, w.source))
                .collect::<Vec<_>>()
                .join(","),
            channel.bring.len(),
            channel.note.is_some()
        ));
        if let Some(r) = &channel.reply {
            out.push(format!(
                "reply {} {} {} {} {}",
                channel.id.as_str(),
                r.days,
                r.working_days,
                r.source,
                r.verified
            ));
        }
    }
    for harm in guide.harms() {
        out.push(format!(
            "harm {} {} {}",
            harm.id.as_str(),
            harm.source,
            harm.verified
        ));
    }
    for tip in guide.prevention() {
        out.push(format!("tip {} {} {}", tip.id, tip.source, tip.verified));
    }
    let police = guide.police();
    out.push(format!(
        "police {} {} bring={} elements={}",
        police.source,
        police.verified,
        police.bring.len(),
        police.elements.len()
    ));
    for step in &police.steps {
        let periods: Vec<String> = step
            .periods
            .iter()
            .map(|p| format!("{}:{}:{:?}:{:?}", p.id, p.days, p.from, p.actor))
            .collect();
        out.push(format!(
            "police.step {} {} {} limit={} periods={periods:?}",
            step.id,
            step.source,
            step.verified,
            step.time_limit.is_some()
        ));
    }
    for law in guide.laws() {
        out.push(format!(
            "law {} {:?} {} {:?} {:?} {} {} text={:?}",
            law.id, law.topic, law.in_force, law.cite_in, law.quote, law.source, law.verified, law.text
        ));
        for article in law.articles() {
            out.push(format!(
                "law.article {} {} {} {} note={}",
                law.id,
                article.from,
                article.source,
                article.verified,
                article.note.is_some()
            ));
        }
    }
    out
}

/// Every shown text of a guide with a label, to check none is empty.
fn texts(guide: &Guide) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut push = |label: String, text: &str| out.push((label, text.to_string()));
    for s in guide.steps() {
        let id = s.id.as_str();
        push(format!("step {id} title"), &s.title);
        push(format!("step {id} purpose"), &s.purpose);
        for line in s.todo.iter().chain(&s.prepare).chain(&s.mistakes) {
            push(format!("step {id} line"), line);
        }
    }
    for c in guide.checklist() {
        push(format!("checklist {} title", c.id.as_str()), &c.title);
        push(format!("checklist {} how", c.id.as_str()), &c.how);
    }
    for c in guide.channels() {
        let id = c.id.as_str();
        push(format!("channel {id} name"), &c.name);
        push(format!("channel {id} handles"), &c.handles);
        for line in c.contact.iter().map(|w| &w.way).chain(&c.bring).chain(&c.note) {
            push(format!("channel {id} line"), line);
        }
    }
    for h in guide.harms() {
        push(format!("harm {} title", h.id.as_str()), &h.title);
        push(format!("harm {} explanation", h.id.as_str()), &h.explanation);
    }
    for t in guide.prevention() {
        push(format!("tip {} title", t.id), &t.title);
        push(format!("tip {} how", t.id), &t.how);
    }
    let p = guide.police();
    push("police intro".into(), &p.intro);
    for line in p.bring.iter().chain(&p.elements) {
        push("police line".into(), line);
    }
    for s in &p.steps {
        for p in &s.periods {
            push(format!("police {} period {}", s.id, p.id), &p.what);
        }
        for (field, text) in [
            ("title", &s.title),
            ("expect", &s.expect),
            ("ask_for", &s.ask_for),
            ("basis", &s.basis),
        ] {
            push(format!("police {} {field}", s.id), text);
        }
    }
    for l in guide.laws() {
        push(format!("law {} law", l.id), &l.law);
        push(format!("law {} summary", l.id), &l.summary);
        for a in l.articles() {
            push(format!("law {} number", l.id), &a.number);
        }
    }
    out
}

fn digit_runs(lines: &[&str]) -> BTreeSet<String> {
    let mut runs = BTreeSet::new();
    for line in lines {
        let mut run = String::new();
        for ch in line.chars().chain(std::iter::once(' ')) {
            if ch.is_ascii_digit() {
                run.push(ch);
            } else if !run.is_empty() {
                runs.insert(std::mem::take(&mut run));
            }
        }
    }
    runs
}

#[test]
fn both_languages_load_and_are_cached() {
    for lang in LANGS {
        let loaded = Guide::try_load(lang);
        assert!(loaded.is_ok(), "{lang:?}: {:?}", loaded.err());
        let guide = Guide::get(lang);
        assert_eq!(guide.lang(), lang);
        assert!(std::ptr::eq(guide, Guide::get(lang)));
    }
}

#[test]
fn both_languages_have_the_same_ids_sources_and_flags() {
    let zh = skeleton(Guide::get(Lang::Zh));
    let en = skeleton(Guide::get(Lang::En));
    for (z, e) in zh.iter().zip(&en) {
        assert_eq!(z, e, "zh and en differ");
    }
    assert_eq!(zh.len(), en.len());
}

#[test]
fn every_item_has_a_source_and_no_text_is_empty() {
    for lang in LANGS {
        let guide = Guide::get(lang);
        for line in skeleton(guide) {
            // The source is the third word of each skeleton line or later; an empty source
            // would show as two spaces in a row.
            assert!(!line.contains("  "), "{lang:?}: empty field in `{line}`");
        }
        for (label, text) in texts(guide) {
            assert!(!text.trim().is_empty(), "{lang:?}: `{label}` is empty");
        }
        let sources: Vec<&str> = guide
            .steps()
            .iter()
            .map(|s| s.source())
            .chain(guide.checklist().iter().map(|c| c.source()))
            .chain(guide.channels().iter().map(|c| c.source()))
            .chain(guide.harms().iter().map(|h| h.source()))
            .chain(guide.prevention().iter().map(|t| t.source()))
            .chain(guide.police().steps.iter().map(|s| s.source()))
            .chain(std::iter::once(guide.police().source()))
            .chain(guide.laws().iter().map(|l| l.source()))
            .chain(guide.laws().iter().flat_map(|l| l.articles().map(|a| a.source())))
            .collect();
        assert!(sources.iter().all(|s| !s.trim().is_empty()));
    }
}

#[test]
fn every_channel_can_be_reached_and_numbers_match_across_languages() {
    let zh = Guide::get(Lang::Zh);
    let en = Guide::get(Lang::En);
    for id in ChannelId::ALL {
        for guide in [zh, en] {
            let channel = guide.channel(*id);
            assert_eq!(channel.id, *id);
            assert!(
                channel.contact.iter().any(|c| !c.way.trim().is_empty()),
                "{id:?} has no way to reach it"
            );
        }
        let numbers = |guide: &Guide| {
            let c = guide.channel(*id);
            let mut lines: Vec<&str> = c.contact.iter().map(|w| w.way.as_str()).collect();
            lines.extend(c.note.as_deref());
            digit_runs(&lines)
        };
        assert_eq!(numbers(zh), numbers(en), "numbers of {id:?} differ");
    }
}

#[test]
fn ids_are_unique_and_complete() {
    for lang in LANGS {
        let guide = Guide::get(lang);
        let steps: Vec<StepId> = guide.steps().iter().map(|s| s.id).collect();
        assert_eq!(steps, StepId::ALL);
        let checklist: Vec<ChecklistId> = guide.checklist().iter().map(|c| c.id).collect();
        assert_eq!(checklist, ChecklistId::ALL);
        let channels: Vec<ChannelId> = guide.channels().iter().map(|c| c.id).collect();
        assert_eq!(channels, ChannelId::ALL);
        let unique = |ids: Vec<&str>| {
            let set: BTreeSet<&str> = ids.iter().copied().collect();
            set.len() == ids.len()
        };
        assert!(unique(guide.harms().iter().map(|h| h.id.as_str()).collect()));
        assert!(unique(guide.prevention().iter().map(|t| t.id.as_str()).collect()));
        assert!(unique(
            guide.police().steps.iter().map(|s| s.id.as_str()).collect()
        ));
        assert!(unique(guide.laws().iter().map(|l| l.id.as_str()).collect()));
    }
}

#[test]
fn the_six_harms_of_the_source_page_are_all_there() {
    let harms: Vec<HarmTag> = Guide::get(Lang::Zh).harms().iter().map(|h| h.id).collect();
    assert_eq!(
        harms,
        vec![
            HarmTag::SpamSms,
            HarmTag::HarassingCalls,
            HarmTag::SpamEmail,
            HarmTag::AccountsInMyName,
            HarmTag::CasesInMyName,
            HarmTag::Fraud,
        ]
    );
}

#[test]
fn checklist_ids_are_the_stable_strings_case_data_stores() {
    assert_eq!(ChecklistId::ChangePasswords.as_str(), "change_passwords");
    assert_eq!(ChecklistId::CheckCreditReport.as_str(), "check_credit_report");
    let guide = Guide::get(Lang::Zh);
    assert_eq!(
        guide.checklist_item(ChecklistId::AnnotateIdCopies).id,
        ChecklistId::AnnotateIdCopies
    );
    assert!(guide.checklist_for(StepId::CollectEvidence).count() >= 5);
    assert!(guide.checklist_for(StepId::Report).count() >= 2);
}

#[test]
fn cybersecurity_law_cites_the_old_number_before_2026_and_the_new_one_after() {
    let zh = Guide::get(Lang::Zh);
    let cases = [
        ("cybersecurity_no_leak", "第四十二条", "第四十四条"),
        ("cybersecurity_no_theft", "第四十四条", "第四十六条"),
    ];
    for (id, old, new) in cases {
        let law = zh.law(id);
        assert!(law.is_some(), "{id} missing");
        let Some(law) = law else { continue };
        assert!(law.renumbered());
        assert_eq!(law.article_on(BEFORE).number, old, "{id}");
        assert_eq!(law.article_on(AFTER).number, new, "{id}");
        assert_eq!(law.article_on(date(2017, 6, 1)).number, old, "{id}");
    }
    let en = Guide::get(Lang::En);
    let no_leak = en.law("cybersecurity_no_leak");
    assert_eq!(
        no_leak.map(|l| l.article_on(BEFORE).number.as_str()),
        Some("Article 42")
    );
    assert_eq!(
        no_leak.map(|l| l.article_on(AFTER).number.as_str()),
        Some("Article 44")
    );
}

#[test]
fn the_complaint_list_cites_the_articles_valid_on_the_day_it_is_printed() {
    let zh = Guide::get(Lang::Zh);
    let before: Vec<String> = zh
        .complaint_laws(BEFORE)
        .iter()
        .map(|c| c.display(Lang::Zh))
        .collect();
    let after: Vec<String> = zh
        .complaint_laws(AFTER)
        .iter()
        .map(|c| c.display(Lang::Zh))
        .collect();
    for expected in [
        "《中华人民共和国刑法》第二百五十三条之一",
        "《中华人民共和国刑法》第二百六十六条",
        "《中华人民共和国刑事诉讼法》第一百一十条",
        "《中华人民共和国刑事诉讼法》第一百一十一条",
        "《中华人民共和国反电信网络诈骗法》第三十四条",
    ] {
        assert!(before.contains(&expected.to_string()), "{expected}");
        assert!(after.contains(&expected.to_string()), "{expected}");
    }
    // Civil, personal-information and administrative provisions go to the lawyer, not the police.
    assert!(
        !after
            .iter()
            .any(|c| c.contains("网络安全法") || c.contains("民法典") || c.contains("个人信息保护法"))
    );
    assert!(
        zh.complaint_laws(AFTER)
            .iter()
            .all(|c| c.law.cite_in == CiteIn::PoliceLetter)
    );
    assert_eq!(before.len(), after.len());
    // The brief for a lawyer cites those and the civil ones, with the day's numbers.
    let brief: Vec<String> = zh.brief_laws(AFTER).iter().map(|c| c.display(Lang::Zh)).collect();
    let brief_before: Vec<String> = zh
        .brief_laws(BEFORE)
        .iter()
        .map(|c| c.display(Lang::Zh))
        .collect();
    assert!(brief_before.contains(&"《中华人民共和国网络安全法》第四十二条".to_string()));
    assert!(brief.contains(&"《中华人民共和国网络安全法》第四十四条".to_string()));
    assert!(brief.contains(&"《中华人民共和国网络安全法》第四十六条".to_string()));
    assert!(brief.contains(&"《中华人民共和国刑法》第二百五十三条之一".to_string()));
    assert!(!brief.iter().any(|c| c.contains("第四十二条")));
}

#[test]
fn the_old_cybersecurity_penalty_article_gets_no_invented_new_number() {
    let zh = Guide::get(Lang::Zh);
    let penalty = zh.law("cybersecurity_penalty");
    assert_eq!(
        penalty.map(|l| l.article_on(BEFORE).number.as_str()),
        Some("第六十四条第二款")
    );
    let after = penalty.map(|l| l.cited_on(AFTER));
    assert_eq!(after.map(|c| c.verified()), Some(false));
    let shown = after.map(|c| c.display(Lang::Zh)).unwrap_or_default();
    assert!(shown.ends_with(hedge_suffix(Lang::Zh)), "{shown}");
    for lang in LANGS {
        for law in Guide::get(lang)
            .laws()
            .iter()
            .filter(|l| l.id.starts_with("cybersecurity"))
        {
            for article in law.articles() {
                let all = format!("{} {} {:?}", article.number, article.source, article.note);
                assert!(
                    !all.contains("六十六") && !all.contains("66"),
                    "{}: {all}",
                    law.id
                );
            }
        }
    }
}

#[test]
fn the_revised_public_security_law_applies_only_from_2026() {
    let zh = Guide::get(Lang::Zh);
    let ids = |d: Date| -> Vec<String> { zh.laws_on(d).iter().map(|c| c.law.id.clone()).collect::<Vec<_>>() };
    assert!(!ids(BEFORE).contains(&"public_security_personal_info".to_string()));
    assert!(ids(AFTER).contains(&"public_security_personal_info".to_string()));
    let harassment = zh.law("public_security_harassment");
    assert_eq!(
        harassment.map(|l| l.article_on(BEFORE).number.as_str()),
        Some("第四十二条第五项、第六项")
    );
    // After the revision the new number is not verified, so the citation is hedged.
    let cited = harassment.map(|l| l.cited_on(AFTER));
    assert_eq!(cited.map(|c| c.verified()), Some(false));
    assert!(
        cited
            .map(|c| c.display(Lang::Zh))
            .is_some_and(|s| s.ends_with(hedge_suffix(Lang::Zh)))
    );
}

#[test]
fn unverified_items_are_shown_with_the_hedge_and_verified_ones_without() {
    for lang in LANGS {
        let guide = Guide::get(lang);
        let suffix = hedge_suffix(lang);
        let mut checked = 0;
        let mut check = |item: &dyn Sourced| {
            let shown = item.display(lang);
            assert_eq!(shown.ends_with(suffix), !item.verified(), "{shown}");
            assert!(shown.starts_with(item.headline()));
            checked += 1;
        };
        guide.steps().iter().for_each(|s| check(s));
        guide.checklist().iter().for_each(|c| check(c));
        guide.channels().iter().for_each(|c| check(c));
        guide.harms().iter().for_each(|h| check(h));
        guide.prevention().iter().for_each(|t| check(t));
        guide.police().steps.iter().for_each(|s| check(s));
        guide.laws().iter().for_each(|l| check(l));
        assert!(checked > 50);
    }
    let zh = Guide::get(Lang::Zh);
    assert_eq!(
        zh.display(zh.channel(ChannelId::Legal12348)),
        "12348公共法律服务热线（请以官方渠道为准）"
    );
    let en = Guide::get(Lang::En);
    assert_eq!(
        en.display(en.channel(ChannelId::Carrier)),
        "Mobile carriers' customer service (check with the official channel)"
    );
    assert_eq!(
        en.channel(ChannelId::Carrier)
            .hedged("China Mobile 10086", Lang::En),
        "China Mobile 10086 (check with the official channel)"
    );
    assert_eq!(
        zh.display(zh.channel(ChannelId::Report12321)),
        "12321网络不良与垃圾信息举报受理中心"
    );
}

#[test]
fn the_content_says_what_a_victim_must_not_get_wrong() {
    let zh = Guide::get(Lang::Zh);
    let note_96110 = zh.channel(ChannelId::AntiFraud96110).note.clone();
    assert!(note_96110.is_some_and(|n| n.contains("不是报警电话") && n.contains("110")));
    let note_12381 = zh.channel(ChannelId::Warning12381).note.clone();
    assert!(note_12381.is_some_and(|n| n.contains("不含链接") && n.contains("不需要回复")));
    let note_12300 = zh.channel(ChannelId::Telecom12300).note.clone();
    assert!(note_12300.is_some_and(|n| n.contains("先向运营商投诉")));
    let mistakes = zh.step(StepId::CollectEvidence).mistakes.join("");
    assert!(mistakes.contains("不要删除或改动原始短信"));
    assert!(mistakes.contains("原始设备"));
    let warn = zh.step(StepId::WarnContacts).mistakes.join("");
    assert!(warn.contains("身份证号"));
    let receipt = zh.police().steps.iter().find(|s| s.id == "receipt");
    assert!(receipt.is_some_and(|s| s.ask_for.contains("受案回执")));
}

#[test]
fn money_lost_to_fraud_sends_to_the_police_first_then_96110_and_the_app() {
    let signals = CaseSignals {
        calls: 4,
        sms: 2,
        fraud_attempted: true,
        money_lost: true,
        ..CaseSignals::default()
    };
    let got = recommend(&signals);
    assert_eq!(
        got.get(..3),
        Some(
            &[
                ChannelId::Police,
                ChannelId::AntiFraud96110,
                ChannelId::AntiFraudApp
            ][..]
        )
    );
    assert!(got.contains(&ChannelId::Bank));
    let names: Vec<&str> = Guide::get(Lang::Zh)
        .recommended(&signals)
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names.first(), Some(&"110报警电话 / 派出所"));
}

#[test]
fn only_spam_sms_sends_to_12321_first() {
    let got = recommend(&CaseSignals {
        sms: 12,
        ..CaseSignals::default()
    });
    assert_eq!(got.first(), Some(&ChannelId::Report12321));
    assert!(!got.contains(&ChannelId::Police));
}

#[test]
fn a_company_leak_sends_to_12315_and_the_police() {
    let got = recommend(&CaseSignals {
        company_suspected: true,
        calls: 1,
        ..CaseSignals::default()
    });
    assert_eq!(
        got.get(..2),
        Some(&[ChannelId::Market12315, ChannelId::Police][..])
    );
}

#[test]
fn harassment_of_family_sends_to_the_police_first_then_12321() {
    let got = recommend(&CaseSignals {
        family_harassed: true,
        ..CaseSignals::default()
    });
    assert_eq!(
        got.get(..2),
        Some(&[ChannelId::Police, ChannelId::Report12321][..])
    );
}

#[test]
fn accounts_in_my_name_send_to_the_bank_and_the_checks() {
    let got = recommend(&CaseSignals {
        accounts_opened_in_my_name: true,
        ..CaseSignals::default()
    });
    assert_eq!(got.first(), Some(&ChannelId::Bank));
    for id in [
        ChannelId::CardCheck,
        ChannelId::CreditReport,
        ChannelId::OneIdCheck,
        ChannelId::Police,
    ] {
        assert!(got.contains(&id), "{id:?} missing");
    }
}

#[test]
fn telecom_and_online_content_go_to_their_regulators() {
    let telecom = recommend(&CaseSignals {
        telecom_problem: true,
        ..CaseSignals::default()
    });
    assert_eq!(telecom, vec![ChannelId::Carrier, ChannelId::Telecom12300]);
    let online = recommend(&CaseSignals {
        web: 1,
        ..CaseSignals::default()
    });
    assert_eq!(online.first(), Some(&ChannelId::Report12377));
}

#[test]
fn recommended_channels_fit_the_situation_they_are_recommended_for() {
    let guide = Guide::get(Lang::En);
    let cases = [
        (
            CaseSignals {
                money_lost: true,
                ..CaseSignals::default()
            },
            HarmTag::MoneyLost,
        ),
        (
            CaseSignals {
                sms: 1,
                ..CaseSignals::default()
            },
            HarmTag::SpamSms,
        ),
        (
            CaseSignals {
                company_suspected: true,
                ..CaseSignals::default()
            },
            HarmTag::CompanyLeak,
        ),
        (
            CaseSignals {
                family_harassed: true,
                ..CaseSignals::default()
            },
            HarmTag::FamilyHarassed,
        ),
    ];
    for (signals, tag) in cases {
        let first = guide.recommended(&signals);
        assert!(
            first.first().is_some_and(|c| c.fits(tag)),
            "first channel for {tag:?} does not fit it"
        );
    }
}

#[test]
fn every_law_item_is_an_exact_quote_or_a_labelled_summary() {
    for lang in LANGS {
        let guide = Guide::get(lang);
        let mut exact = 0;
        for law in guide.laws() {
            assert_eq!(
                law.quote == Quote::Exact,
                matches!(law.wording(), Wording::Exact(_)),
                "{}",
                law.id
            );
            match law.wording() {
                Wording::Exact(text) => {
                    exact += 1;
                    assert_eq!(Some(text), law.text.as_deref(), "{}", law.id);
                    // The statute's words are Chinese, in the English guide too.
                    assert!(text.contains('。') || text.contains('；'), "{}: {text}", law.id);
                    assert_eq!(law.wording().printed(lang), text);
                }
                Wording::Summary(summary) => {
                    assert!(law.text.is_none(), "{}", law.id);
                    let printed = law.wording().printed(lang);
                    let label = lang.pick("要旨：", "Summary: ");
                    assert_eq!(printed, format!("{label}{summary}"), "{}", law.id);
                }
            }
        }
        assert!(exact >= 6, "{lang:?}: only {exact} exact quotes");
    }
}

#[test]
fn every_law_item_names_the_statute_it_comes_from() {
    for lang in LANGS {
        for law in Guide::get(lang).laws() {
            let sources =
                std::iter::once(law.source.as_str()).chain(law.articles().map(|a| a.source.as_str()));
            for source in sources {
                // Drop web addresses: what is left must name a statute or decision and a date.
                let named: String = source
                    .split([' ', ';', '；'])
                    .filter(|word| !(word.contains(".com") || word.contains(".cn") || word.contains(".org")))
                    .collect();
                assert!(
                    named.contains('《') && named.contains('》'),
                    "{}: `{source}` names no statute",
                    law.id
                );
                assert!(
                    named.contains("年") && named.chars().filter(char::is_ascii_digit).count() >= 4,
                    "{}: `{source}` gives no date",
                    law.id
                );
                assert!(!source.contains("64365"), "{}: cites the Q&A page", law.id);
            }
        }
    }
}

#[test]
fn the_provisions_a_complaint_packet_cites_are_there_with_their_words() {
    let zh = Guide::get(Lang::Zh);
    let en = Guide::get(Lang::En);
    let expected = [
        (
            "criminal_253_1",
            Quote::Exact,
            CiteIn::PoliceLetter,
            "第二百五十三条之一",
        ),
        (
            "interpretation_2017_art1",
            Quote::Exact,
            CiteIn::PoliceLetter,
            "第一条",
        ),
        (
            "interpretation_2017_art4",
            Quote::Exact,
            CiteIn::PoliceLetter,
            "第四条",
        ),
        (
            "interpretation_2017_art5_victim",
            Quote::Exact,
            CiteIn::PoliceLetter,
            "第五条第一款第（一）项、第（二）项",
        ),
        // The record counts of 第五条 no single victim can show: for the lawyer only.
        (
            "interpretation_2017_art5",
            Quote::Summary,
            CiteIn::LawyerBrief,
            "第五条",
        ),
        (
            "criminal_266",
            Quote::Exact,
            CiteIn::PoliceLetter,
            "第二百六十六条",
        ),
        (
            "anti_fraud_34",
            Quote::Summary,
            CiteIn::PoliceLetter,
            "第三十四条",
        ),
        (
            "anti_fraud_31",
            Quote::Exact,
            CiteIn::PoliceLetter,
            "第三十一条第一款",
        ),
        ("anti_fraud_46", Quote::Summary, CiteIn::LawyerBrief, "第四十六条"),
        ("cpl_110", Quote::Exact, CiteIn::PoliceLetter, "第一百一十条"),
        ("cpl_111", Quote::Exact, CiteIn::PoliceLetter, "第一百一十一条"),
    ];
    for (id, quote, cite_in, number) in expected {
        let law = zh.law(id);
        assert!(law.is_some() && en.law(id).is_some(), "{id} missing");
        let Some(law) = law else { continue };
        assert_eq!((law.quote, law.cite_in), (quote, cite_in), "{id}");
        assert_eq!(law.article_on(AFTER).number, number, "{id}");
        assert!(law.cited_on(AFTER).verified(), "{id}");
    }
    let text = |id: &str| zh.law(id).and_then(|l| l.text.clone()).unwrap_or_default();
    assert!(text("criminal_266").starts_with("诈骗公私财物，数额较大的"));
    assert!(text("cpl_110").contains("被害人对侵犯其人身、财产权利的犯罪事实或者犯罪嫌疑人，有权"));
    assert!(text("cpl_111").contains("诬告应负的法律责任"));
    assert!(text("anti_fraud_31").contains("不得假冒他人身份或者虚构代理关系开立上述卡、账户、账号"));
    // 法释〔2017〕10号, read in the full text of the interpretation.
    assert_eq!(
        text("interpretation_2017_art4"),
        "违反国家有关规定，通过购买、收受、交换等方式获取公民个人信息，或者在履行职责、提供服务过程中收集公民个人信息的，属于刑法第二百五十三条之一第三款规定的“以其他方法非法获取公民个人信息”。"
    );
    assert_eq!(
        text("interpretation_2017_art5_victim"),
        "非法获取、出售或者提供公民个人信息，具有下列情形之一的，应当认定为刑法第二百五十三条之一规定的“情节严重”：\n（一）出售或者提供行踪轨迹信息，被他人用于犯罪的；\n（二）知道或者应当知道他人利用公民个人信息实施犯罪，向其出售或者提供的；"
    );
    for id in ["interpretation_2017_art4", "interpretation_2017_art5_victim"] {
        for g in [zh, en] {
            let law = g.law(id);
            let source = law.map(|l| l.source.as_str()).unwrap_or_default();
            assert!(source.contains("法释〔2017〕10号"), "{id}: {source}");
            assert_eq!(law.and_then(|l| l.document.as_deref()), Some("法释〔2017〕10号"));
        }
    }
    // No record count reaches a letter to the police.
    for law in zh.complaint_laws(AFTER) {
        let words = format!("{}{}", law.law.summary, law.law.text.clone().unwrap_or_default());
        assert!(
            !words.contains("五十条") && !words.contains("五千条") && !words.contains("50条"),
            "{}: {words}",
            law.law.id
        );
    }
    // 身份证法第十七条 no longer carries commentary as if it were statute.
    // The pointer to 反电诈法第三十一条 is the guide's note, not part of the 要旨.
    let id17 = zh.law("id_card_17");
    let summary = id17.map(|l| l.summary.clone()).unwrap_or_default();
    let note = id17.and_then(|l| l.note.clone()).unwrap_or_default();
    assert!(
        !summary.contains("适用本条") && !summary.contains("第三十一条") && note.contains("第三十一条"),
        "{summary} / {note}"
    );
}

#[test]
fn a_summary_speaks_of_the_law_not_to_the_user() {
    // A 要旨 stands for the statute in the lawyer brief; advice to the user ("你…") lives in
    // the note, which only the wizard shows.
    for law in Guide::get(Lang::Zh).laws() {
        assert!(
            !law.summary.contains('你'),
            "{}: the summary addresses the user: {}",
            law.id,
            law.summary
        );
    }
    for law in Guide::get(Lang::En).laws() {
        let s = format!(" {} ", law.summary.to_lowercase());
        assert!(
            !s.contains(" you ") && !s.contains(" your "),
            "{}: the summary addresses the user: {}",
            law.id,
            law.summary
        );
    }
}

#[test]
fn jurisdiction_is_not_cited_to_the_repealed_article() {
    for lang in LANGS {
        for law in Guide::get(lang).laws() {
            let cites_old = law.law.contains("信息网络侵害人身权益")
                || law.law.contains("Information Networks")
                || law.source.contains("法释〔2014〕11号");
            let first = law
                .articles()
                .next()
                .map(|a| a.number.as_str())
                .unwrap_or_default();
            assert!(
                !(cites_old && (first == "第二条" || first == "Article 2")),
                "{}: cites the old jurisdiction article",
                law.id
            );
        }
    }
    let zh = Guide::get(Lang::Zh);
    let cited = zh
        .law("jurisdiction_network_tort")
        .map(|l| l.cited_on(AFTER).citation(Lang::Zh));
    assert_eq!(cited.as_deref(), Some("《中华人民共和国民事诉讼法》第二十九条"));
    let summary = zh
        .law("jurisdiction_network_tort")
        .map(|l| l.summary.clone())
        .unwrap_or_default();
    assert!(summary.contains("通常可以"), "{summary}");
    let place = zh
        .law("jurisdiction_network_place")
        .map(|l| l.cited_on(AFTER).citation(Lang::Zh));
    assert_eq!(
        place.as_deref(),
        Some("《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第二十四条、第二十五条")
    );
}

/// The phone numbers, addresses and sites in a line: runs of ASCII letters, digits and
/// `. @ - *` that hold at least three digits, an `@`, or a dot between letters.
fn contact_tokens(line: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut push = |run: &mut String| {
        let token = run.trim_matches(|c| c == '.' || c == '-' || c == '*').to_string();
        let digits = token.chars().filter(char::is_ascii_digit).count();
        let domain =
            token.contains('.') && !token.starts_with('.') && token.chars().any(|c| c.is_ascii_alphabetic());
        if digits >= 3 || token.contains('@') || domain {
            out.insert(token);
        }
        run.clear();
    };
    let mut run = String::new();
    for ch in line.chars() {
        if ch.is_ascii_alphanumeric() || matches!(ch, '.' | '@' | '-') {
            run.push(ch);
        } else {
            push(&mut run);
        }
    }
    push(&mut run);
    out
}

/// Every number and address by which the guide tells a victim to reach someone. A change here
/// is a deliberate, reviewed change of where people in distress are sent.
const CONTACT_TABLE: &[(ChannelId, &[&str])] = &[
    (ChannelId::Police, &["110", "96110"]),
    (ChannelId::AntiFraud96110, &["110", "96110"]),
    (ChannelId::AntiFraudApp, &[]),
    (ChannelId::Warning12381, &["12381"]),
    (
        ChannelId::Report12321,
        &["010-12321", "12321", "12321.cn", "abuse@12321.cn"],
    ),
    (ChannelId::Report12377, &["12377", "12377.cn", "jubao@12377.cn"]),
    (ChannelId::Procuratorate12309, &["12309", "12309.gov.cn"]),
    (ChannelId::Carrier, &["10000", "10010", "10086", "10099", "12300"]),
    (ChannelId::Telecom12300, &["12300"]),
    (ChannelId::Market12315, &["12315"]),
    (ChannelId::Bank, &[]),
    (ChannelId::OneIdCheck, &["10699000"]),
    (ChannelId::CardCheck, &[]),
    (ChannelId::CreditReport, &["ipcrs.pbccrc.org.cn"]),
    (ChannelId::Legal12348, &["12348"]),
];

#[test]
fn every_contact_number_and_address_is_in_the_table_and_in_one_place_only() {
    for lang in LANGS {
        let guide = Guide::get(lang);
        let own = |c: &leakaid::guide::Channel| -> BTreeSet<String> {
            c.contact
                .iter()
                .map(|w| w.way.as_str())
                .chain(c.note.as_deref())
                .flat_map(contact_tokens)
                .collect()
        };
        assert_eq!(CONTACT_TABLE.len(), ChannelId::ALL.len());
        for (id, expected) in CONTACT_TABLE {
            let expected: BTreeSet<String> = expected.iter().map(|s| s.to_string()).collect();
            assert_eq!(own(guide.channel(*id)), expected, "{lang:?}: contacts of {id:?}");
        }
        // A detail that is not part of a channel's name (a carrier number, a site, a mailbox, a
        // sender number) is written once, in its channel, and nowhere else in the guide.
        let names: String = guide.channels().iter().map(|c| c.name.as_str()).collect();
        let mut elsewhere: Vec<(String, String)> = texts(guide);
        for channel in guide.channels() {
            let id = channel.id.as_str();
            elsewhere.retain(|(label, _)| label != &format!("channel {id} line"));
            for line in channel.bring.iter().chain(std::iter::once(&channel.handles)) {
                elsewhere.push((format!("channel {id} other"), line.clone()));
            }
        }
        for channel in guide.channels() {
            for token in own(channel).into_iter().filter(|t| !names.contains(t.as_str())) {
                let holders: Vec<_> = guide
                    .channels()
                    .iter()
                    .filter(|c| own(c).contains(&token))
                    .collect();
                assert_eq!(holders.len(), 1, "{lang:?}: {token} is in several channels");
                for (label, text) in &elsewhere {
                    assert!(!text.contains(&token), "{lang:?}: {token} repeated in {label}");
                }
            }
        }
    }
}

#[test]
fn one_id_check_promises_counts_not_a_list_of_numbers() {
    let zh = Guide::get(Lang::Zh);
    let texts = [
        zh.checklist_item(ChecklistId::CheckPhoneNumbers).how.clone(),
        zh.checklist_item(ChecklistId::CheckInternetAccounts).how.clone(),
        zh.channel(ChannelId::OneIdCheck).handles.clone(),
    ];
    for text in &texts {
        assert!(text.contains("数量"), "{text}");
        assert!(
            !text.contains("列出你名下") && !text.contains("哪些手机号"),
            "{text}"
        );
    }
    assert!(texts[1].contains("8家"));
    let en = Guide::get(Lang::En);
    assert!(en.channel(ChannelId::OneIdCheck).handles.contains("HOW MANY"));
}

#[test]
fn police_stages_carry_their_time_limits_as_days() {
    for lang in LANGS {
        let police = Guide::get(lang).police();
        let step = |id: &str| police.steps.iter().find(|s| s.id == id);
        let review = step("review");
        assert!(review.is_some_and(|s| s.basis.contains("公通字〔2015〕32号") && s.verified));
        let days = |id: &str| -> Vec<(u16, PeriodStart, PeriodActor)> {
            step(id)
                .map(|s| s.periods.iter().map(|p| (p.days, p.from, p.actor)).collect())
                .unwrap_or_default()
        };
        use PeriodActor::{Complainant, Police};
        use PeriodStart::*;
        assert_eq!(
            days("review"),
            vec![
                (3, Reported, Police),
                (7, Reported, Police),
                (30, Reported, Police)
            ]
        );
        assert_eq!(days("refusal_notice"), vec![(3, RefusalDecided, Police)]);
        assert_eq!(
            days("reconsideration"),
            vec![
                (7, RefusalNoticeReceived, Complainant),
                (30, ReconsiderationApplied, Police),
                (7, ReconsiderationDecisionReceived, Complainant),
            ]
        );
        assert!(step("reconsideration").is_some_and(|s| s.basis.contains("第一百七十九条")));
        // The words and the numbers say the same: every day count in the time limit is a period.
        for s in &police.steps {
            let said = digit_runs(&[s.time_limit.as_deref().unwrap_or_default()]);
            let data: BTreeSet<String> = s.periods.iter().map(|p| p.days.to_string()).collect();
            assert_eq!(said, data, "{lang:?}: {}", s.id);
        }
        let evidence = step("evidence_list").map(|s| format!("{}{}", s.expect, s.ask_for));
        assert!(
            evidence.is_some_and(
                |t| t.contains(lang.pick("签名", "sign")) && t.contains(lang.pick("拍", "photo"))
            )
        );
    }
    // A refusal notice received on 30 December: reconsideration must be asked for by 6 January.
    let zh = Guide::get(Lang::Zh);
    let apply = zh
        .police()
        .steps
        .iter()
        .find(|s| s.id == "reconsideration")
        .and_then(|s| s.periods.first());
    assert_eq!(
        apply.and_then(|p| p.last_day(date(2025, 12, 30))),
        Some(date(2026, 1, 6))
    );
}

#[test]
fn the_procuratorate_and_12377_can_be_called_and_are_recommended_where_they_help() {
    for lang in LANGS {
        let guide = Guide::get(lang);
        for (id, number) in [
            (ChannelId::Procuratorate12309, "12309"),
            (ChannelId::Report12377, "12377"),
        ] {
            let ways: Vec<&str> = guide.channel(id).contact.iter().map(|c| c.way.as_str()).collect();
            assert!(
                ways.iter()
                    .any(|w| w.ends_with(number) && w.contains(lang.pick("电话", "Phone"))),
                "{lang:?}: {ways:?}"
            );
        }
        assert!(
            guide
                .channel(ChannelId::Report12377)
                .handles
                .contains(lang.pick("第六十五条", "Article 65"))
        );
        assert!(
            guide
                .channel(ChannelId::Procuratorate12309)
                .handles
                .contains(lang.pick("第一百一十三条", "Art. 113"))
        );
    }
    let company = recommend(&CaseSignals {
        company_suspected: true,
        ..CaseSignals::default()
    });
    assert!(company.contains(&ChannelId::Report12377));
    let refused = recommend(&CaseSignals {
        police_refused: true,
        ..CaseSignals::default()
    });
    assert_eq!(refused.first(), Some(&ChannelId::Procuratorate12309));
}

#[test]
fn a_way_to_report_that_only_a_weak_source_shows_is_hedged() {
    for lang in LANGS {
        let channel = Guide::get(lang).channel(ChannelId::Report12321);
        let shown = channel.contact_shown(lang);
        let sms: Vec<_> = shown.iter().filter(|w| w.contains("*")).collect();
        assert_eq!(sms.len(), 1);
        assert!(sms.iter().all(|w| w.ends_with(hedge_suffix(lang))));
        assert!(
            shown
                .iter()
                .any(|w| w.contains("12321.cn") && !w.ends_with(hedge_suffix(lang)))
        );
        let carrier = Guide::get(lang).channel(ChannelId::Carrier);
        assert!(carrier.contact.iter().any(|c| c.way.contains("10099")));
        assert!(!carrier.verified);
    }
}

/// Every text a victim reads in the guide, in one string.
fn all_text(guide: &Guide) -> String {
    texts(guide)
        .into_iter()
        .map(|(_, t)| t)
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn advice_that_misled_people_is_corrected() {
    let zh = Guide::get(Lang::Zh);
    let all = all_text(zh);
    // No unsourced "official" list of what to tell the police.
    assert!(!all.contains("七要素"));
    assert!(!all_text(Guide::get(Lang::En)).contains("seven elements"));
    // Keep the phone, but take it off the network when a scam app or screen sharing was used.
    let evidence = zh.step(StepId::CollectEvidence).mistakes.join("");
    assert!(
        evidence.contains("不要恢复出厂设置")
            && evidence.contains("断开网络")
            && evidence.contains("共享过屏幕")
    );
    // PIPL 69 presumes fault only: the advice says what the victim must still prove.
    let lawyer = zh.step(StepId::ConsultLawyer).mistakes.join("");
    assert!(lawyer.contains("第六十九条") && lawyer.contains("仍然要证明") && !lawyer.contains("不要因为"));
    // The wizard says so in the guide's note beside the 要旨 (the brief prints only the 要旨).
    let pipl69 = zh.law("pipl_69").and_then(|l| l.note.clone()).unwrap_or_default();
    assert!(pipl69.contains("推定的只是过错") && pipl69.contains("仍然要证明"));
    // A hash shows only that a file has not changed since it was hashed; the internet-court rule
    // binds three courts.
    let hash = zh
        .law("internet_court_hash")
        .map(|l| format!("{}{}", l.summary, l.note.as_deref().unwrap_or_default()))
        .unwrap_or_default();
    for needle in ["北京", "广州", "杭州", "没有被改动过", "不能证明"] {
        assert!(hash.contains(needle), "{needle}: {hash}");
    }
}

#[test]
fn money_lost_means_calling_110_at_once_with_the_receiving_account() {
    let zh = Guide::get(Lang::Zh);
    let item = zh.checklist_item(ChecklistId::StopPayment);
    assert_eq!(
        zh.checklist().first().map(|c| c.id),
        Some(ChecklistId::StopPayment)
    );
    for text in [item.title.as_str(), item.how.as_str()] {
        assert!(text.contains("110") && text.contains("紧急止付"), "{text}");
    }
    assert!(item.how.contains("收款账户"));
    assert!(item.channels.contains(&ChannelId::Police));
    let todo = zh.step(StepId::Report).todo.join("");
    assert!(todo.contains("紧急止付") && todo.contains("收款账户"));
    assert!(zh.channel(ChannelId::Police).handles.contains("紧急止付"));
    let en = Guide::get(Lang::En);
    assert!(
        en.checklist_item(ChecklistId::StopPayment)
            .how
            .contains("receiving account")
    );
}

#[test]
fn step_four_names_the_civil_routes_and_their_provisions() {
    for lang in LANGS {
        let guide = Guide::get(lang);
        for id in [
            "civil_1182",
            "civil_1183",
            "civil_188",
            "network_tort_costs",
            "cpl_101",
            "cpl_113",
            "cpl_210",
            "pipl_57",
            "pipl_65",
            "pipl_70",
            "consumer_29",
            "anti_fraud_47",
        ] {
            let law = guide.law(id);
            assert!(
                law.is_some_and(|l| l.cite_in == CiteIn::LawyerBrief),
                "{lang:?}: {id}"
            );
        }
    }
    let zh = Guide::get(Lang::Zh);
    let todo = zh.step(StepId::ConsultLawyer).todo.join("");
    for needle in [
        "个人信息保护纠纷",
        "隐私权纠纷",
        "第一千一百八十二条",
        "第一千一百八十三条",
        "50万元",
        "第一百八十八条",
        "3年",
        "第一百零一条",
        "第二百一十条",
        "第五十七条",
        "第六十五条",
        "第二十九条",
        "第四十七条",
    ] {
        assert!(todo.contains(needle), "{needle}");
    }
    let costs = zh
        .law("network_tort_costs")
        .map(|l| l.summary.clone())
        .unwrap_or_default();
    assert!(costs.contains("律师费") && costs.contains("50万元"));
    let limitation = zh.law("civil_188").map(|l| l.summary.clone()).unwrap_or_default();
    assert!(limitation.contains("三年"));
}

#[test]
fn the_old_public_security_article_says_when_it_ended_and_the_new_one_is_hedged() {
    let zh = Guide::get(Lang::Zh);
    let old = zh.law("public_security_harassment");
    assert!(
        old.is_some_and(|l| l.source.contains("2025年12月31日止") && l.summary.contains("2025年12月31日前"))
    );
    let new = old.map(|l| l.article_on(AFTER));
    // Which article of the revised law covers harassing messages is not verified: the numbering
    // says so instead of naming one.
    assert!(new.is_some_and(|a| a.number.contains("编号未核实") && !a.verified));
    let art56 = zh.law("public_security_personal_info");
    assert!(art56.is_some_and(|l| {
        !l.verified
            && l.cited_on(AFTER)
                .display(Lang::Zh)
                .ends_with(hedge_suffix(Lang::Zh))
    }));
}

#[test]
fn the_12309_note_says_the_procuratorate_must_accept_and_transfer_a_report() {
    use leakaid::guide::ChannelId;
    let zh = Guide::get(Lang::Zh).channel(ChannelId::Procuratorate12309);
    let note = zh.note.clone().unwrap_or_default();
    assert!(
        note.contains("也应当接受报案") && note.contains("移送主管机关"),
        "{note}"
    );
    assert!(
        note.contains("第一百一十条第三款") && note.contains("第一百六十一条"),
        "{note}"
    );
    assert!(!note.contains("不代替"), "{note}");
    let en = Guide::get(Lang::En).channel(ChannelId::Procuratorate12309);
    let note = en.note.clone().unwrap_or_default();
    assert!(
        note.contains("must also accept") && note.contains("第一百六十一条"),
        "{note}"
    );
}

#[test]
fn the_advice_after_a_report_names_its_rules_in_both_languages() {
    use leakaid::guide::after::AfterId;
    for lang in [Lang::Zh, Lang::En] {
        let g = Guide::get(lang);
        for id in AfterId::ALL {
            let a = g.after(*id);
            assert_eq!(a.id, *id);
            assert!(a.verified && !a.todo.is_empty(), "{id:?}");
            assert!(
                !a.basis.trim().is_empty() && !a.source.trim().is_empty(),
                "{id:?}"
            );
            assert!(a.now.contains("{id}"), "{id:?}: {}", a.now);
        }
        // A period runs only where a date is known: only `refused` has a date and a late line.
        assert!(g.after(AfterId::Refused).now.contains("{date}"));
        assert!(
            g.after(AfterId::Refused)
                .late
                .as_deref()
                .is_some_and(|l| l.contains("{date}"))
        );
        for id in [
            AfterId::NotAccepted,
            AfterId::RefusedNoNotice,
            AfterId::NoDecision,
        ] {
            assert!(!g.after(id).now.contains("{date}"), "{id:?}");
        }
    }
    let zh = Guide::get(Lang::Zh);
    assert_eq!(
        zh.after(AfterId::RefusedNoNotice).todo[0],
        "没有收到《不予立案通知书》，复议的7日期限尚未开始。"
    );
    assert!(
        zh.after(AfterId::RefusedNoNotice)
            .basis
            .contains("第一百七十八条")
    );
    assert!(
        zh.after(AfterId::NoDecision)
            .basis
            .contains("《人民检察院刑事诉讼规则》第五百六十二条")
    );
    let na = zh.after(AfterId::NotAccepted);
    assert!(
        na.basis.contains("第一百一十条第三款")
            && na.basis.contains("第十七条")
            && na.basis.contains("第一百七十五条")
    );
}
