//! Every piece of text the wizard shows, in Chinese and English, in one place.
//!
//! [`Strings`] is a struct of `&'static str`, and [`ZH`] and [`EN`] are both built as
//! constants of it, so a string added for one language and missing in the other fails to
//! compile. Texts with a value use `{}` and are filled by [`fill`].

use crate::i18n::Lang;

/// All UI text in one language.
#[derive(Debug)]
pub struct Strings {
    /// The program's name in the title bar.
    pub app_title: &'static str,
    /// "Case:" before the case folder's name.
    pub case_label: &'static str,
    /// Shown instead of the layout when the window is too small.
    pub too_small: &'static str,
    /// Title of the dashboard.
    pub dashboard: &'static str,
    /// Names of the four steps, in order.
    pub steps: [&'static str; 4],
    /// Step 1 progress: `{}` entries logged.
    pub step1_progress: &'static str,
    /// Checklist progress: `{}` of `{}` done.
    pub checklist_progress: &'static str,
    /// "Next:" label.
    pub next: &'static str,
    /// Next step when nothing is logged.
    pub next_log_first: &'static str,
    /// Next step when an urgent checklist item is open: `{}` is the item.
    pub next_checklist: &'static str,
    /// Next step when the profile is empty.
    pub next_profile: &'static str,
    /// Next step when steps 1 is well under way.
    pub next_report: &'static str,
    /// Title of the immediate-actions checklist.
    pub checklist: &'static str,
    /// Evidence list title.
    pub evidence: &'static str,
    /// Shown when the list is empty.
    pub evidence_empty: &'static str,
    /// Shown when the filter hides everything.
    pub evidence_none_match: &'static str,
    /// "All kinds" in the filter.
    pub all_kinds: &'static str,
    /// Filter label.
    pub filter: &'static str,
    /// Search label.
    pub search: &'static str,
    /// Marker of a retracted entry.
    pub retracted_mark: &'static str,
    /// Marker of a corrected entry.
    pub corrected_mark: &'static str,
    /// "times" after a counterpart count, `{}` is the count.
    pub times: &'static str,
    /// Detail: title, `{}` is the id.
    pub detail_title: &'static str,
    /// Detail field labels.
    pub f_kind: &'static str,
    /// When it happened.
    pub f_at: &'static str,
    /// The other side.
    pub f_counterpart: &'static str,
    /// Which of mine.
    pub f_to_mine: &'static str,
    /// What they said.
    pub f_summary: &'static str,
    /// What they knew.
    pub f_knew: &'static str,
    /// Money lost.
    pub f_lost: &'static str,
    /// Transfer: the receiving account.
    pub f_to_account: &'static str,
    /// Transfer: the name on it.
    pub f_to_name: &'static str,
    /// Transfer: the receiving bank.
    pub f_to_bank: &'static str,
    /// Transfer: when it was paid.
    pub f_paid_at: &'static str,
    /// Transfer: the transaction number.
    pub f_txn: &'static str,
    /// Transfer: how it was paid.
    pub f_paid_via: &'static str,
    /// Why (correction or retraction).
    pub f_reason: &'static str,
    /// A file path.
    pub f_path: &'static str,
    /// When it was recorded.
    pub f_recorded: &'static str,
    /// Attachments.
    pub f_attachments: &'static str,
    /// History heading.
    pub history: &'static str,
    /// History: no changes.
    pub history_none: &'static str,
    /// History: a correction, `{}` the reason.
    pub h_corrected: &'static str,
    /// History: a file added, `{}` the name.
    pub h_attached: &'static str,
    /// History: retracted, `{}` the reason.
    pub h_retracted: &'static str,
    /// Detail: originally logged values heading.
    pub original: &'static str,
    /// Nothing (empty value).
    pub none: &'static str,
    /// Yuan unit after amounts.
    pub yuan: &'static str,
    /// Form titles.
    pub form_new: &'static str,
    /// Correct form title, `{}` the id.
    pub form_correct: &'static str,
    /// Retract form title, `{}` the id.
    pub form_retract: &'static str,
    /// Attach form title, `{}` the id.
    pub form_attach: &'static str,
    /// Import-bill form title.
    pub form_bill: &'static str,
    /// The bill screen's title, `{}` where the bill is from.
    pub bill_title: &'static str,
    /// How to use the bill screen.
    pub bill_hint: &'static str,
    /// Rows that cannot be losses, `{}` how many.
    pub bill_apart: &'static str,
    /// A bill with nothing to pick.
    pub bill_empty: &'static str,
    /// Enter with nothing ticked.
    pub bill_none_ticked: &'static str,
    /// Recorded, `{}` the ids.
    pub bill_saved: &'static str,
    /// Profile form title.
    pub form_profile: &'static str,
    /// Placeholder of the time field: `{}` is the key-press moment.
    pub at_placeholder: &'static str,
    /// Hint under every form.
    pub form_hint: &'static str,
    /// Hint under the export options form.
    pub export_form_hint: &'static str,
    /// Hint on a toggle field.
    pub toggles_hint: &'static str,
    /// A character typed in a field that takes no typing (a choice, the ticks).
    pub no_typing_here: &'static str,
    /// The summary quotes an ID number: "they knew: ID number" was ticked.
    pub id_ticked: &'static str,
    /// Hint on the kind field.
    pub kind_hint: &'static str,
    /// Shown when a paste or typing hit the field's limit, `{}` the limit.
    pub field_capped: &'static str,
    /// The form has unsaved text: confirm discarding.
    pub confirm_discard: &'static str,
    /// Heading of the "how to use" part of help.
    pub help_howto_title: &'static str,
    /// How to use the wizard, a few lines.
    pub help_howto: &'static [&'static str],
    /// Marker that more lines are below, `{}` how many.
    pub more_below: &'static str,
    /// Marker that lines are above, `{}` how many.
    pub more_above: &'static str,
    /// Rows hidden above a list, `{}` how many.
    pub list_above: &'static str,
    /// Rows hidden below a list, `{}` how many.
    pub list_below: &'static str,
    /// Key: copy the warning message.
    pub k_copy: &'static str,
    /// The warning message was copied.
    pub copied: &'static str,
    /// Key: open the packet.
    pub k_open_packet: &'static str,
    /// Key: make the evidence folder.
    pub k_bundle: &'static str,
    /// Export: the evidence folder is being made.
    pub bundle_running: &'static str,
    /// Export: the evidence folder is at `{}`, `{}` files, fingerprint `{}`.
    pub bundle_done: &'static str,
    /// Export: the evidence folder was not made, `{}` why.
    pub bundle_failed: &'static str,
    /// Export: what the evidence folder is for.
    pub bundle_hint: &'static str,
    /// The packet was copied, `{}` the short path.
    pub export_copied: &'static str,
    /// There is no copy, `{}` why.
    pub export_not_copied: &'static str,
    /// The file could not be opened here, `{}` its path.
    pub open_failed: &'static str,
    /// Confirm switching the language.
    pub confirm_lang: &'static str,
    /// Confirm leaving with unsaved input.
    pub confirm_quit: &'static str,
    /// Money lost: the first thing to do.
    pub next_call_110: &'static str,
    /// Step 2, under the reports: the heading of the chosen report's next steps.
    pub report_next_title: &'static str,
    /// Step 2: the rules the next steps rest on (`{}`).
    pub report_next_basis: &'static str,
    /// Added to it: the receiving account recorded, `{}`.
    pub next_110_account: &'static str,
    /// Space on a checklist item a record proves done, `{}` the record.
    pub tick_by_record: &'static str,
    /// A Chinese character typed where only command keys apply.
    pub ime_hint: &'static str,
    /// While the case is read at startup: `{}` the percent read.
    pub loading: &'static str,
    /// A key pressed while the case is read.
    pub loading_wait: &'static str,
    /// Key bar: Tab moves focus to the step's text.
    pub k_focus_text: &'static str,
    /// Key bar: Tab moves focus back to the step's list.
    pub k_focus_list: &'static str,
    /// Key bar: Enter opens a checklist item's how-to.
    pub k_how: &'static str,
    /// Title of a checklist item's how-to text, `{}` the item.
    pub how_title: &'static str,
    /// Heading of step 1's guidance pane.
    pub step_guide: &'static str,
    /// How a typed time reads, `{}` the moment.
    pub at_reads: &'static str,
    /// Added when a bare time later than now was taken as yesterday.
    pub at_yesterday: &'static str,
    /// Added when a month and day later than today was taken as last year.
    pub at_last_year: &'static str,
    /// The birth date was filled from the ID number, `{}` the date.
    pub birth_filled: &'static str,
    /// Saving…
    pub saving: &'static str,
    /// Saved an entry, `{}` the id.
    pub saved_entry: &'static str,
    /// Saved (generic).
    pub saved: &'static str,
    /// Between "saved E3" and the urgent next step after a loss.
    pub saved_then: &'static str,
    /// New lines from another program, `{}` how many.
    pub refreshed: &'static str,
    /// Profile screen title.
    pub profile: &'static str,
    /// Profile is empty (on the profile screen, where e fills it in).
    pub profile_empty: &'static str,
    /// Dashboard: the profile is empty (p opens it).
    pub profile_empty_dash: &'static str,
    /// Profile labels.
    pub p_name: &'static str,
    /// ID number.
    pub p_id: &'static str,
    /// Sex.
    pub p_sex: &'static str,
    /// Birth date.
    pub p_birth: &'static str,
    /// Phones.
    pub p_phones: &'static str,
    /// Emails.
    pub p_emails: &'static str,
    /// Address.
    pub p_address: &'static str,
    /// Profile field: my own bank cards and accounts.
    pub p_accounts: &'static str,
    /// Profile field: the suspected source.
    pub p_suspect: &'static str,
    /// Profile field: why it is suspected.
    pub p_suspect_why: &'static str,
    /// Profile field: the suspect's address.
    pub p_suspect_address: &'static str,
    /// Profile explanation.
    pub profile_why: &'static str,
    /// Steps 2–4: records heading.
    pub records: &'static str,
    /// Help overlay title.
    pub help_title: &'static str,
    /// Help footer.
    pub help_close: &'static str,
    /// Help: typing in fields.
    pub help_typing: &'static str,
    /// Demo banner.
    pub demo_banner: &'static str,
    /// Key: the export screen.
    pub k_export: &'static str,
    /// Key: edit the narrative.
    pub k_narrative: &'static str,
    /// Key: add a report.
    pub k_add_report: &'static str,
    /// Key: update the selected report.
    pub k_update_report: &'static str,
    /// Key: the letters screen.
    pub k_letters: &'static str,
    /// Key: save the letter opened (PDF and text).
    pub k_save_letter: &'static str,
    /// Key: record the letter as sent.
    pub k_mark_sent: &'static str,
    /// Form title: whom the letter goes to.
    pub form_letter_to: &'static str,
    /// Form title: the letter was sent.
    pub form_letter_sent: &'static str,
    /// Field: the letter's recipient.
    pub f_recipient: &'static str,
    /// Field: how the letter was sent.
    pub f_sent_via: &'static str,
    /// Field: add the ID number to the letter.
    pub f_with_id: &'static str,
    /// Key: choose a report.
    pub k_choose_report: &'static str,
    /// Key: correct the chosen record of step 3 or 4.
    pub k_correct_record: &'static str,
    /// Step 2: u pressed with no report recorded.
    pub no_report_yet: &'static str,
    /// Step 3: e or d pressed with nobody recorded as warned.
    pub no_warning_yet: &'static str,
    /// Step 4: e or d pressed with no consultation recorded.
    pub no_consultation_yet: &'static str,
    /// Key: withdraw the chosen record of step 3 or 4.
    pub k_retract_record: &'static str,
    /// Key: choose a record of step 3 or 4.
    pub k_choose_record: &'static str,
    /// A withdrawn record of step 3 or 4.
    pub record_withdrawn: &'static str,
    /// A corrected record of step 3 or 4.
    pub record_corrected: &'static str,
    /// Key: show or hide the chosen report's history.
    pub k_report_history: &'static str,
    /// Step 2: heading of a report's history, `{}` its id.
    pub report_history_title: &'static str,
    /// Step 2: how to see a report's history.
    pub report_history_hint: &'static str,
    /// Key: add a warned contact.
    pub k_add_warning: &'static str,
    /// Key: show the message alone.
    pub k_show_message: &'static str,
    /// Key: add a consultation.
    pub k_add_consultation: &'static str,
    /// Key: show the lawyer brief.
    pub k_show_brief: &'static str,
    /// Key: make the packet.
    pub k_generate: &'static str,
    /// Dashboard, step 2: `{}` are overdue for follow-up.
    pub step2_overdue: &'static str,
    /// Dashboard, step 3: `{}` contacts warned.
    pub step3_progress: &'static str,
    /// Dashboard, step 3: nobody warned.
    pub step3_none: &'static str,
    /// Dashboard, step 4: `{}` consultations.
    pub step4_progress: &'static str,
    /// Dashboard, step 4: no lawyer yet.
    pub step4_none: &'static str,
    /// Dashboard, the export row.
    pub export_row_hint: &'static str,
    /// Dashboard, the export row: the date `{}` of the case's last backup.
    pub last_backup: &'static str,
    /// Dashboard, after the last backup's date: the case has records the backup lacks.
    pub changed_since_backup: &'static str,
    /// Next: a follow-up date `{}` passed on report `{}`.
    pub next_follow_up: &'static str,
    /// Next: write the narrative.
    pub next_narrative: &'static str,
    /// Next: make the packet and report.
    pub next_packet: &'static str,
    /// Next: note the receipt of `{}`.
    pub next_receipt: &'static str,
    /// Next: warn family.
    pub next_warn: &'static str,
    /// Next: consult a lawyer.
    pub next_lawyer: &'static str,
    /// Next: set a follow-up date for `{}`.
    pub next_follow_date: &'static str,
    /// Next: all steps under way.
    pub next_keep: &'static str,
    /// Form title: a new report.
    pub form_add_report: &'static str,
    /// Form title: update report `{}`.
    pub form_update_report: &'static str,
    /// Form title: a warned contact.
    pub form_add_warning: &'static str,
    /// Form title: a consultation.
    pub form_add_consultation: &'static str,
    /// Form title: the narrative.
    pub form_narrative: &'static str,
    /// Form title: the packet options.
    pub form_export: &'static str,
    /// Field: pick a channel.
    pub f_channel_pick: &'static str,
    /// Field: channel.
    pub f_channel: &'static str,
    /// Field: how.
    pub f_how: &'static str,
    /// Field: status.
    pub f_status: &'static str,
    /// Field: receipt.
    pub f_receipt: &'static str,
    /// Field: officer.
    pub f_officer: &'static str,
    /// Field: follow-up date.
    pub f_follow_up: &'static str,
    /// Report form: the date of the receipt or the notice of refusal.
    pub f_notice_date: &'static str,
    /// Field: note.
    pub f_note: &'static str,
    /// Field: who was warned.
    pub f_who: &'static str,
    /// Field: by which channel.
    pub f_via: &'static str,
    /// Field: lawyer.
    pub f_lawyer: &'static str,
    /// Field: firm.
    pub f_firm: &'static str,
    /// Field: the narrative.
    pub f_narrative: &'static str,
    /// Field: agency.
    pub f_agency: &'static str,
    /// Field: redact.
    pub f_redact: &'static str,
    /// Field: in the redacted copy, the name too.
    pub f_mask_name: &'static str,
    /// Field: packet language.
    pub f_packet_lang: &'static str,
    /// Channel choice: type it yourself.
    pub choice_own: &'static str,
    /// Yes.
    pub yes: &'static str,
    /// No.
    pub no: &'static str,
    /// Hint on a choice field.
    pub choice_hint: &'static str,
    /// Placeholder of the follow-up date.
    pub follow_up_placeholder: &'static str,
    /// What the notice-date field takes.
    pub notice_placeholder: &'static str,
    /// Placeholder of the agency.
    pub agency_placeholder: &'static str,
    /// Step 2: records heading.
    pub reports_title: &'static str,
    /// Step 2: no reports.
    pub reports_empty: &'static str,
    /// Report row: receipt label.
    pub r_receipt: &'static str,
    /// Report row: follow-up label.
    pub r_follow: &'static str,
    /// Report row: overdue marker.
    pub overdue_mark: &'static str,
    /// Step 3: heading of the message.
    pub warning_title: &'static str,
    /// Step 3: `{}` people warned.
    pub warned_title: &'static str,
    /// Step 3: nobody recorded.
    pub warned_empty: &'static str,
    /// Step 4: consultations heading.
    pub consult_title: &'static str,
    /// Step 4: no consultations.
    pub consult_empty: &'static str,
    /// Step 4: where the brief is.
    pub brief_hint: &'static str,
    /// Text screen: the warning.
    pub text_warning_title: &'static str,
    /// Text screen: the brief.
    pub text_brief_title: &'static str,
    /// Text screen: how to copy.
    pub text_copy_hint: &'static str,
    /// Export screen title.
    pub export_title: &'static str,
    /// Export screen: what it does.
    pub export_intro: &'static str,
    /// Export: no agency given.
    pub agency_blank: &'static str,
    /// Export: in progress.
    pub export_running: &'static str,
    /// Export: written to `{}`, `{}` pages.
    pub export_done: &'static str,
    /// Export: failed, `{}` why.
    pub export_failed: &'static str,
    /// Export: what the keys do.
    pub export_hint: &'static str,
    /// Export: the narrative has `{}` characters.
    pub narrative_len: &'static str,
    /// Export: no narrative.
    pub narrative_none: &'static str,
    /// Key descriptions.
    pub k_quit: &'static str,
    /// Help.
    pub k_help: &'static str,
    /// Key: switch language.
    pub k_lang: &'static str,
    /// Status after switching language, saved for next time.
    pub lang_saved: &'static str,
    /// Status after switching language, for this session only.
    pub lang_session: &'static str,
    /// Dashboard.
    pub k_dashboard: &'static str,
    /// Steps.
    pub k_steps: &'static str,
    /// New call.
    pub k_new_call: &'static str,
    /// New entry of any kind.
    pub k_new_entry: &'static str,
    /// Move.
    pub k_move: &'static str,
    /// Jump to the first / last row.
    pub k_top_bottom: &'static str,
    /// Page.
    pub k_page: &'static str,
    /// Open.
    pub k_open: &'static str,
    /// Back.
    pub k_back: &'static str,
    /// Search.
    pub k_search: &'static str,
    /// Filter by kind.
    pub k_filter: &'static str,
    /// Key bar: show only the selected entry's counterpart (again: everyone).
    pub k_one_counterpart: &'static str,
    /// The list is showing one counterpart: `{}` is it.
    pub only_counterpart: &'static str,
    /// Detail: what kind of number the counterpart is.
    pub f_number: &'static str,
    /// Detail: the heading of an imported email's facts.
    pub f_email: &'static str,
    /// Correct.
    pub k_correct: &'static str,
    /// Retract.
    pub k_retract: &'static str,
    /// Attach.
    pub k_attach: &'static str,
    /// Key bar: open a bill.
    pub k_import_bill: &'static str,
    /// Key bar: record the ticked rows.
    pub k_record_picked: &'static str,
    /// Tick.
    pub k_tick: &'static str,
    /// Edit profile.
    pub k_edit_profile: &'static str,
    /// Checklist.
    pub k_checklist: &'static str,
    /// Profile.
    pub k_profile: &'static str,
    /// Submit.
    pub k_submit: &'static str,
    /// Next field.
    pub k_next_field: &'static str,
    /// Cancel.
    pub k_cancel: &'static str,
    /// Toggle.
    pub k_toggle: &'static str,
    /// Scroll.
    pub k_scroll: &'static str,
    /// Search done.
    pub k_search_done: &'static str,
    /// Yes.
    pub k_yes: &'static str,
    /// No.
    pub k_no: &'static str,
}

/// Chinese, the default.
pub const ZH: Strings = Strings {
    app_title: "信息泄露维权助手",
    case_label: "案件",
    too_small: "请放大窗口（至少 40x12）",
    dashboard: "总览",
    steps: ["收集证据", "向有关部门报案", "提醒亲友", "委托律师"],
    step1_progress: "已记录 {} 条证据",
    checklist_progress: "立即行动清单：完成 {}/{} 项",
    next: "下一步",
    next_log_first: "按 n 记下最近一次骚扰电话（时间自动记为按键时刻）",
    next_checklist: "按 c 打开清单，先做：{}",
    next_profile: "按 p 填写本人信息，报案材料要用",
    next_report: "按 2 查看如何向公安机关等部门报案",
    checklist: "立即行动清单",
    evidence: "证据记录",
    evidence_empty: "还没有记录。按 n 记一通电话，按 a 记其他类型。",
    evidence_none_match: "没有符合筛选条件的记录。按 f 换类型，按 / 改搜索。",
    all_kinds: "全部",
    filter: "类型",
    search: "搜索",
    retracted_mark: "[已撤回]",
    corrected_mark: "[已更正]",
    times: "{}次",
    detail_title: "记录 {}",
    f_kind: "类型",
    f_at: "时间",
    f_counterpart: "对方",
    f_to_mine: "打到我的",
    f_summary: "内容",
    f_knew: "对方知道",
    f_lost: "损失(元)",
    f_to_account: "收款账户",
    f_to_name: "收款人",
    f_to_bank: "收款银行",
    f_paid_at: "转账时间",
    f_txn: "交易流水号",
    f_paid_via: "转账方式",
    f_reason: "原因",
    f_path: "文件路径",
    f_recorded: "记录于",
    f_attachments: "附件",
    history: "变更历史",
    history_none: "没有更正、附件或撤回。",
    h_corrected: "更正：{}",
    h_attached: "添加附件：{}",
    h_retracted: "撤回：{}",
    original: "最初记录",
    none: "（无）",
    yuan: "元",
    form_new: "新记录",
    form_correct: "更正 {}（原记录会保留）",
    form_retract: "撤回 {}（记录会保留并标明撤回）",
    form_attach: "给 {} 添加附件",
    form_bill: "导入账单：支付宝、微信支付或银行（工行、建行、农行、中行、招行）导出的账单文件",
    bill_title: "{}账单：勾选被骗的转账",
    bill_hint: "空格勾选，回车把勾选的几笔记为转账（账单原件存为附件），Esc 返回。",
    bill_apart: "另有 {} 行是收入、不计收支（提现、理财、退款等）或未成功的交易，不能记为损失。",
    bill_empty: "这份账单里没有可以记为损失的支出。",
    bill_none_ticked: "请先用空格勾选至少一笔。",
    bill_saved: "已从账单记录 {}，账单原件已存为附件。",
    form_profile: "本人信息",
    at_placeholder: "按键时刻 {}；也可写 14:05、昨天 14:05 或 10分钟前",
    form_hint: "Tab 换栏  Ctrl-S 保存  Esc 取消",
    export_form_hint: "Tab 换栏  Ctrl-S 生成  Esc 取消",
    toggles_hint: "左右键选择，空格勾选",
    id_ticked: "内容里有身份证号，已勾选“对方知道：身份证号”；不对的话到那一栏按空格取消。",
    no_typing_here: "这一栏不用打字：左右键选择（勾选框按空格），Tab 到下一栏。",
    kind_hint: "左右键换类型",
    field_capped: "内容太长，只保留了前 {} 个字",
    confirm_discard: "放弃没保存的内容？ y/是 放弃 · n/否/回车 继续填写",
    confirm_quit: "还有没保存的内容，确定退出？ y/是 退出 · n/否/回车 返回",
    next_call_110: "立即拨打110，并联系银行止付/冻结",
    report_next_title: "{} 下一步",
    report_next_basis: "依据：{}",
    next_110_account: "；告诉警方对方收款账户 {}",
    tick_by_record: "记录 {} 已证明这一项做完了，不用手动勾选",
    help_howto_title: "怎么用",
    help_howto: &[
        "・Ctrl-S 保存正在填的表",
        "・Tab 或回车到下一栏（内容栏里回车是换行）",
        "・Esc 返回或取消；0 回到首页",
        "・? 随时打开这一页；q 退出",
        "・打中文时，快捷键要先切换到英文（Shift）",
    ],
    more_below: "↓ 还有 {} 行",
    more_above: "↑ 上面 {} 行",
    list_above: "↑ {} 条",
    list_below: "↓ {} 条",
    k_copy: "复制消息",
    copied: "提醒消息已复制，可以直接粘贴到微信或短信里（终端不支持时，按 m 单独显示再选中复制）",
    k_open_packet: "打开",
    k_bundle: "电子证据文件夹",
    bundle_running: "正在生成电子证据文件夹……",
    bundle_done: "电子证据文件夹已保存：{}（{} 个文件，案件指纹 {}）。把整个文件夹拷入U盘或光盘，随报案材料提交；核对方法见其中的 说明.txt。",
    bundle_failed: "电子证据文件夹没有生成：{}",
    bundle_hint: "按 b 生成电子证据文件夹（报案材料、附件原件、案件记录、完整清单和校验值），放在桌面上，拷入U盘交给民警。",
    export_copied: "已复制一份到：{}（按 o 打开，拿去打印）",
    export_not_copied: "{}；请用上面的路径找到文件。",
    open_failed: "这里不能直接打开文件，请到这个位置找它：{}",
    confirm_lang: "换成英文界面（English）？ y/是 换 · n/否/回车 不换",
    ime_hint: "现在是中文输入状态，快捷键请切换到英文（Shift）",
    loading: "正在读取… {}%",
    loading_wait: "请稍候：案件还在读取，你按的键会在读完后执行",
    k_focus_text: "看说明",
    k_focus_list: "回列表",
    k_how: "怎么做",
    how_title: "怎么做：{}",
    step_guide: "这一步要做什么、别做什么",
    at_reads: "时间读作：{}",
    at_yesterday: "（比现在晚，按昨天算）",
    at_last_year: "（比今天晚，按去年算）",
    birth_filled: "出生日期已按身份证号填好：{}",
    saving: "正在保存……",
    saved_entry: "已保存 {}",
    saved: "已保存",
    saved_then: "。现在最要紧：",
    refreshed: "另一个窗口新记了 {} 条，已更新",
    profile: "本人信息",
    profile_empty: "还没有填写。按 e 填写。",
    profile_empty_dash: "还没有填写。按 p 打开填写。",
    p_name: "姓名",
    p_id: "身份证号",
    p_sex: "性别",
    p_birth: "出生日期",
    p_phones: "我的手机",
    p_emails: "我的邮箱",
    p_address: "住址",
    p_accounts: "本人银行卡号",
    p_suspect: "怀疑泄露的单位",
    p_suspect_why: "怀疑的理由",
    p_suspect_address: "该单位地址",
    profile_why: "这些信息只存在本机，用于生成报案材料。手机、邮箱多个时用逗号分开。",
    records: "我的记录",
    help_title: "按键说明",
    help_close: "上下键滚动，其他键关闭",
    help_typing: "在输入栏里可以直接打字、粘贴；回车在内容栏里换行，不会提交。",
    demo_banner: "演示案件（临时文件夹，不是你的真实记录）",
    k_export: "报案材料",
    k_narrative: "写经过",
    k_add_report: "记报案",
    k_update_report: "更新",
    k_letters: "写信",
    k_save_letter: "保存",
    k_mark_sent: "已发出",
    form_letter_to: "信寄给谁",
    form_letter_sent: "记下：信已发出",
    f_recipient: "收信单位",
    f_sent_via: "发送方式",
    f_with_id: "附身份证号",
    k_choose_report: "选报案记录",
    k_correct_record: "更正",
    no_report_yet: "还没有报案记录可以更新：报案后先按 a 记下。",
    no_warning_yet: "还没有提醒记录可以更正或撤回：提醒了谁，先按 a 记下。",
    no_consultation_yet: "还没有咨询记录可以更正或撤回：咨询律师后先按 a 记下。",
    k_retract_record: "撤回",
    k_choose_record: "选记录",
    record_withdrawn: "[已撤回]",
    record_corrected: "[已更正]",
    k_report_history: "查看/收起这条报案的历史",
    report_history_title: "{} 的历史",
    report_history_hint: "按 Enter 查看选中报案的历史",
    k_add_warning: "记已提醒",
    k_show_message: "单独显示消息",
    k_add_consultation: "记咨询",
    k_show_brief: "律师简要",
    k_generate: "生成",
    step2_overdue: "；{} 该跟进了",
    step3_progress: "已提醒 {} 位亲友",
    step3_none: "还没有提醒亲友",
    step4_progress: "已咨询 {} 次",
    step4_none: "还没有咨询律师",
    export_row_hint: "生成可打印的 PDF",
    last_backup: "；上次备份：{}",
    changed_since_backup: "；之后有新记录",
    next_follow_up: "按 2 跟进 {}（跟进日 {} 已过）：打电话问进展，再按 u 记下结果",
    next_narrative: "按 2 再按 t，用自己的话写下经过，报案材料会用到",
    next_packet: "按 x 生成报案材料，打印后带去派出所；报案后按 2 记下回执",
    next_receipt: "按 2 选中 {} 按 u，补记回执或案件编号",
    next_warn: "按 3 提醒家人：把提醒消息发给亲友",
    next_lawyer: "按 4 看看找律师要准备什么（12348 可免费咨询）",
    next_follow_date: "按 2 选中 {} 按 u，定一个跟进日期",
    next_keep: "四步都在进行中。有新的骚扰按 n 记下；报案有进展时按 2 更新",
    form_add_report: "记一次报案",
    form_update_report: "更新 {}（以前的状态会保留）",
    form_add_warning: "记下提醒了谁",
    form_add_consultation: "记一次律师咨询",
    form_narrative: "事情经过（用自己的话写）",
    form_export: "报案材料选项",
    f_channel_pick: "选渠道",
    f_channel: "报案渠道",
    f_how: "方式",
    f_status: "状态",
    f_receipt: "回执编号",
    f_officer: "经办人",
    f_follow_up: "跟进日期",
    f_notice_date: "文书日期",
    f_note: "备注",
    f_who: "提醒了谁",
    f_via: "方式",
    f_lawyer: "律师/机构",
    f_firm: "律所",
    f_narrative: "经过",
    f_agency: "报送单位",
    f_redact: "隐去个人信息",
    f_mask_name: "隐去姓名",
    f_packet_lang: "语言",
    choice_own: "自己填写（下一栏）",
    yes: "是",
    no: "否",
    choice_hint: "左右键选择",
    follow_up_placeholder: "如 2026-12-05 或 +7d",
    notice_placeholder: "受案回执或不予立案通知书的日期",
    agency_placeholder: "空着则打印后手写",
    reports_title: "我的报案记录",
    reports_empty: "还没有报案记录。报案后按 a 记下：在哪里报的、哪天、回执编号。",
    r_receipt: "回执",
    r_follow: "跟进",
    overdue_mark: "!已过跟进日",
    warning_title: "提醒消息（不含证件号等个人信息，可以直接复制发出）",
    warned_title: "已提醒 {} 位",
    warned_empty: "还没有记录提醒了谁。提醒后按 a 记下。",
    consult_title: "律师咨询记录",
    consult_empty: "还没有咨询记录。可以先打 12348 免费咨询，咨询后按 a 记下。",
    brief_hint: "按 b 查看给律师的案情简要，可以复制",
    text_warning_title: "提醒消息",
    text_brief_title: "给律师的案情简要",
    text_copy_hint: "用鼠标选中即可复制",
    export_title: "报案材料（PDF）",
    export_intro: "生成可打印的报案材料：本人信息、事情经过、证据清单和校验值。文件保存在本机的案件文件夹里，并复制一份到桌面（没有桌面就放到下载文件夹）。",
    agency_blank: "（空白，打印后手写）",
    export_running: "正在生成……",
    export_done: "已保存：{}（{} 页）",
    export_failed: "没有生成：{}",
    export_hint: "按 Enter 选择选项并生成；按 t 写下事情经过（放进“事实与理由”）。",
    narrative_len: "事情经过：已写 {} 字",
    narrative_none: "事情经过：还没写（按 t）",
    k_quit: "退出",
    k_help: "帮助",
    k_lang: "English",
    lang_saved: "已切换为中文，下次打开也用中文。",
    lang_session: "已切换为中文（只在这次打开时有效）。",
    k_dashboard: "总览",
    k_steps: "第1-4步",
    k_new_call: "记电话",
    k_new_entry: "新记录",
    k_move: "上下移动",
    k_top_bottom: "到第一条/最后一条",
    k_page: "翻页",
    k_open: "查看",
    k_back: "返回",
    k_search: "搜索",
    k_filter: "按类型筛选",
    k_one_counterpart: "只看此对方",
    only_counterpart: "只看 {}",
    f_number: "号码类型",
    f_email: "邮件来源",
    k_correct: "更正",
    k_retract: "撤回",
    k_attach: "加附件",
    k_import_bill: "导入账单",
    k_record_picked: "记录勾选的",
    k_tick: "勾选",
    k_edit_profile: "填写",
    k_checklist: "清单",
    k_profile: "本人信息",
    k_submit: "保存",
    k_next_field: "下一栏",
    k_cancel: "取消",
    k_toggle: "勾选",
    k_scroll: "滚动",
    k_search_done: "完成搜索",
    k_yes: "确定",
    k_no: "不（默认）",
};

/// English.
pub const EN: Strings = Strings {
    app_title: "leakaid - data leak helper",
    case_label: "Case",
    too_small: "Please enlarge the window (40x12 at least)",
    dashboard: "Overview",
    steps: ["Collect evidence", "Report", "Warn contacts", "Consult a lawyer"],
    step1_progress: "{} entries logged",
    checklist_progress: "Immediate actions: {} of {} done",
    next: "Next",
    next_log_first: "Press n to log the last scam call (the time is taken at the key press)",
    next_checklist: "Press c for the checklist; first: {}",
    next_profile: "Press p to fill in your details for the complaint packet",
    next_report: "Press 2 to see how to report to the police and regulators",
    checklist: "Immediate actions",
    evidence: "Evidence",
    evidence_empty: "Nothing logged yet. Press n to log a call, a for other kinds.",
    evidence_none_match: "Nothing matches. Press f to change the kind, / to edit the search.",
    all_kinds: "all",
    filter: "Kind",
    search: "Search",
    retracted_mark: "[retracted]",
    corrected_mark: "[corrected]",
    times: "x{}",
    detail_title: "Entry {}",
    f_kind: "Kind",
    f_at: "When",
    f_counterpart: "From",
    f_to_mine: "To mine",
    f_summary: "Summary",
    f_knew: "They knew",
    f_lost: "Lost (yuan)",
    f_to_account: "To account",
    f_to_name: "Account name",
    f_to_bank: "Bank",
    f_paid_at: "Paid at",
    f_txn: "Transaction no.",
    f_paid_via: "Paid via",
    f_reason: "Reason",
    f_path: "File path",
    f_recorded: "Recorded",
    f_attachments: "Files",
    history: "History",
    history_none: "No corrections, files or retraction.",
    h_corrected: "corrected: {}",
    h_attached: "file added: {}",
    h_retracted: "retracted: {}",
    original: "As first logged",
    none: "(none)",
    yuan: "yuan",
    form_new: "New entry",
    form_correct: "Correct {} (the original stays)",
    form_retract: "Retract {} (it stays, marked)",
    form_attach: "Add a file to {}",
    form_bill: "Import a bill: the file exported from Alipay, WeChat Pay or your bank (ICBC, CCB, ABC, BOC, CMB)",
    bill_title: "{} bill: tick the transfers you lost",
    bill_hint: "Space ticks a row, Enter records the ticked ones as transfers (the bill is kept as their attachment), Esc goes back.",
    bill_apart: "{} more rows are income, neutral (withdrawals, investments, refunds) or failed, and cannot be recorded as losses.",
    bill_empty: "This bill has no payments that can be recorded as losses.",
    bill_none_ticked: "Tick at least one row with Space first.",
    bill_saved: "Recorded {} from the bill; the bill is kept as their attachment.",
    form_profile: "My details",
    at_placeholder: "key press {}; or 14:05 or -10m (10 min ago)",
    form_hint: "Tab next field  Ctrl-S save  Esc cancel",
    export_form_hint: "Tab next field  Ctrl-S make PDF  Esc cancel",
    toggles_hint: "Left/Right to choose, Space to tick",
    id_ticked: "The summary quotes an ID number, so “They knew: ID number” is ticked; if that is wrong, untick it with Space.",
    no_typing_here: "Nothing is typed here: Left/Right to choose (Space ticks a box), Tab for the next field.",
    kind_hint: "Left/Right to change",
    field_capped: "Too long: only the first {} characters were kept",
    confirm_discard: "Discard what you typed? y discard / n or Enter keep editing",
    confirm_quit: "Unsaved input. Quit anyway? y quit / n or Enter back",
    next_call_110: "Call 110 now and ask your bank to stop/freeze the payment",
    report_next_title: "{}: what to do next",
    report_next_basis: "Basis: {}",
    next_110_account: "; give the police the receiving account {}",
    tick_by_record: "Record {} shows this is done; it needs no tick",
    help_howto_title: "How to use",
    help_howto: &[
        "- Ctrl-S saves the form you are filling in",
        "- Tab or Enter moves to the next field (Enter is a new line in the summary)",
        "- Esc goes back or cancels; 0 goes to the start page",
        "- ? opens this page at any time; q quits",
        "- With a Chinese input method on, switch it to English (Shift) for the keys",
    ],
    more_below: "↓ {} more",
    more_above: "↑ {} above",
    list_above: "↑ {} more",
    list_below: "↓ {} more",
    k_copy: "copy message",
    copied: "The warning message is copied; paste it into WeChat or an SMS (if your terminal does not allow it, press m and select it)",
    k_open_packet: "open",
    k_bundle: "evidence folder",
    bundle_running: "Making the evidence folder...",
    bundle_done: "Evidence folder saved: {} ({} files, case fingerprint {}). Copy the whole folder to a USB stick or disc and hand it in with the packet; 说明.txt in it says how to check it.",
    bundle_failed: "Evidence folder not made: {}",
    bundle_hint: "Press b for the evidence folder (packet, original attachments, case record, complete list and checksums), put on your Desktop, to copy to a USB stick for the police.",
    export_copied: "A copy is at: {} (press o to open it and print)",
    export_not_copied: "{}; find the file at the path above.",
    open_failed: "Cannot open files from here; find it at: {}",
    confirm_lang: "Switch to Chinese (中文)? y switch / n or Enter stay",
    ime_hint: "The Chinese input method is on; switch to English (Shift) for the keys",
    loading: "Reading… {}%",
    loading_wait: "Please wait: the case is still being read; your keys run once it is",
    k_focus_text: "to text",
    k_focus_list: "to list",
    k_how: "how",
    how_title: "How: {}",
    step_guide: "What this step is for, what to do and not do",
    at_reads: "Time reads as: {}",
    at_yesterday: " (later than now, so yesterday)",
    at_last_year: " (later than today, so last year)",
    birth_filled: "Birth date filled from the ID number: {}",
    saving: "Saving...",
    saved_entry: "Saved {}",
    saved: "Saved",
    saved_then: ". Most urgent now: ",
    refreshed: "{} new lines from another window, updated",
    profile: "My details",
    profile_empty: "Nothing filled in yet. Press e.",
    profile_empty_dash: "Nothing filled in yet. Press p to fill it in.",
    p_name: "Name",
    p_id: "ID number",
    p_sex: "Sex",
    p_birth: "Birth date",
    p_phones: "My phones",
    p_emails: "My emails",
    p_address: "Address",
    p_accounts: "My card numbers",
    p_suspect: "Suspected source",
    p_suspect_why: "Why you suspect it",
    p_suspect_address: "Its address",
    profile_why: "Kept on this machine only, for the complaint packet. Separate several phones or emails with commas.",
    records: "My records",
    help_title: "Keys",
    help_close: "Up/Down scroll, other keys close",
    help_typing: "Type or paste into fields; Enter makes a new line in the summary, it never submits.",
    demo_banner: "Demo case (a temporary folder, not your real record)",
    k_export: "packet (PDF)",
    k_narrative: "my account",
    k_add_report: "add report",
    k_update_report: "update",
    k_letters: "letters",
    k_save_letter: "save",
    k_mark_sent: "sent",
    form_letter_to: "Who the letter goes to",
    form_letter_sent: "Record: the letter was sent",
    f_recipient: "Recipient",
    f_sent_via: "Sent by",
    f_with_id: "Add ID number",
    k_choose_report: "choose report",
    k_correct_record: "correct",
    no_report_yet: "No report to update yet: after reporting, press a to record it.",
    no_warning_yet: "Nobody recorded as warned yet, so there is nothing to correct or withdraw: press a to record whom you warned.",
    no_consultation_yet: "No consultation recorded yet, so there is nothing to correct or withdraw: press a to record one.",
    k_retract_record: "withdraw",
    k_choose_record: "choose record",
    record_withdrawn: "[withdrawn]",
    record_corrected: "[corrected]",
    k_report_history: "show or hide the report's history",
    report_history_title: "History of {}",
    report_history_hint: "Enter shows the chosen report's history",
    k_add_warning: "add person",
    k_show_message: "message only",
    k_add_consultation: "add consultation",
    k_show_brief: "lawyer brief",
    k_generate: "make PDF",
    step2_overdue: "; follow up {}",
    step3_progress: "people warned: {}",
    step3_none: "nobody warned yet",
    step4_progress: "{} consultations",
    step4_none: "no lawyer yet",
    export_row_hint: "make the printable PDF",
    last_backup: "; backup {}",
    changed_since_backup: ", changed since",
    next_follow_up: "Press 2 and follow up {} (due {}): call and ask, then press u to note the answer",
    next_narrative: "Press 2 then t to write what happened in your own words, for the packet",
    next_packet: "Press x to make the complaint packet and take it to the police; then press 2 to note the receipt",
    next_receipt: "Press 2, choose {} and press u to note its receipt or case number",
    next_warn: "Press 3 to warn your family: send them the warning message",
    next_lawyer: "Press 4 to see what to prepare for a lawyer (12348 gives free advice)",
    next_follow_date: "Press 2, choose {} and press u to set a follow-up date",
    next_keep: "All four steps are under way. Press n for each new call; press 2 when a report moves on",
    form_add_report: "New report",
    form_update_report: "Update {} (earlier states are kept)",
    form_add_warning: "Someone warned",
    form_add_consultation: "A consultation",
    form_narrative: "What happened, in your words",
    form_export: "Packet options",
    f_channel_pick: "Pick",
    f_channel: "Where",
    f_how: "How",
    f_status: "Status",
    f_receipt: "Receipt",
    f_officer: "Officer",
    f_follow_up: "Follow up",
    f_notice_date: "Notice on",
    f_note: "Note",
    f_who: "Who",
    f_via: "Via",
    f_lawyer: "Lawyer",
    f_firm: "Firm",
    f_narrative: "Account",
    f_agency: "To",
    f_redact: "Redact",
    f_mask_name: "Hide name",
    f_packet_lang: "Language",
    choice_own: "type it (next field)",
    yes: "yes",
    no: "no",
    choice_hint: "Left/Right to choose",
    follow_up_placeholder: "e.g. 2026-12-05 or +7d",
    notice_placeholder: "date of the receipt or refusal notice",
    agency_placeholder: "leave empty to write by hand",
    reports_title: "My reports",
    reports_empty: "No reports yet. After reporting, press a to note where, when and the receipt number.",
    r_receipt: "receipt",
    r_follow: "follow up",
    overdue_mark: "!overdue",
    warning_title: "Warning message (no ID number or other details; copy and send it)",
    warned_title: "Warned: {}",
    warned_empty: "Nobody recorded yet. After warning someone, press a.",
    consult_title: "Consultations",
    consult_empty: "No consultations yet. 12348 gives free legal advice; press a after one.",
    brief_hint: "Press b for a short brief to hand to a lawyer (copyable)",
    text_warning_title: "Warning message",
    text_brief_title: "Brief for a lawyer",
    text_copy_hint: "Select with the mouse to copy",
    export_title: "Complaint packet (PDF)",
    export_intro: "Makes the printable complaint packet: your details, what happened, the evidence list with hashes. The file is kept in the case folder on this machine, with a copy on your Desktop (or in Downloads).",
    agency_blank: "(blank, write it by hand)",
    export_running: "Making the PDF...",
    export_done: "Saved: {} ({} pages)",
    export_failed: "Not made: {}",
    export_hint: "Press Enter to choose options and make it; press t to write what happened (goes under the facts).",
    narrative_len: "Your account: {} characters",
    narrative_none: "Your account: not written yet (press t)",
    k_quit: "quit",
    k_help: "help",
    k_lang: "中文",
    lang_saved: "Switched to English; leakaid will open in English next time.",
    lang_session: "Switched to English for this session.",
    k_dashboard: "overview",
    k_steps: "steps 1-4",
    k_new_call: "log call",
    k_new_entry: "new entry",
    k_move: "move",
    k_top_bottom: "first / last",
    k_page: "page",
    k_open: "open",
    k_back: "back",
    k_search: "search",
    k_filter: "filter kind",
    k_one_counterpart: "only this counterpart",
    only_counterpart: "only {}",
    f_number: "Number",
    f_email: "Email origin",
    k_correct: "correct",
    k_retract: "retract",
    k_attach: "add file",
    k_import_bill: "bill",
    k_record_picked: "record ticked",
    k_tick: "tick",
    k_edit_profile: "edit",
    k_checklist: "checklist",
    k_profile: "my details",
    k_submit: "save",
    k_next_field: "next field",
    k_cancel: "cancel",
    k_toggle: "tick",
    k_scroll: "scroll",
    k_search_done: "done",
    k_yes: "yes",
    k_no: "no (default)",
};

/// The strings for a language.
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

pub use crate::template::fill_in_order as fill;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_places_values_in_order() {
        assert_eq!(fill("{} of {} done", &[&3, &11]), "3 of 11 done");
        assert_eq!(fill(ZH.times, &[&4]), "4次");
    }
}
