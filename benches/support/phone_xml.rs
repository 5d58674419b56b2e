//! A message backup of `n` records as "SMS Backup & Restore" writes it (every attribute of a
//! real `<sms>` element, Chinese text with links, one MMS with a picture in every 500), for
//! the benchmark and the example that writes one to disk.

/// The XML of a backup of `n` messages.
pub fn sms_backup(n: usize) -> String {
    let mut out = String::with_capacity(n * 520);
    out.push_str("<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<!--File Created By SMS Backup & Restore v10.20.002 on 29/11/2026 14:05:09-->\n<?xml-stylesheet type=\"text/xsl\" href=\"sms.xsl\"?>\n");
    out.push_str(&format!(
        "<smses count=\"{n}\" backup_set=\"0f3c1a52-6f7e-4f6b-9d1e-8a2b9c0d1e2f\" backup_date=\"1795932309000\" type=\"full\">\n"
    ));
    let picture = "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEUlEQVR4nGP4z8DAwMDAAAAPAAH/8Ub2LQAAAABJRU5ErkJggg==".repeat(40);
    for i in 0..n {
        let date = 1_764_000_000_000u64 + (i as u64) * 29_000;
        let number = if i % 3 == 0 {
            format!("1069{:07}", i % 5000)
        } else {
            format!("+86 17{:09}", i % 20000)
        };
        let kind = if i % 7 == 0 { 2 } else { 1 };
        if i % 500 == 499 {
            out.push_str(&format!(
                "  <mms date=\"{date}\" ct_t=\"application/vnd.wap.multipart.related\" msg_box=\"1\" address=\"{number}\" m_type=\"132\" read=\"1\" sub_id=\"1\" readable_date=\"2026年11月24日 10:02:11\" contact_name=\"(Unknown)\">\n    <parts>\n      <part seq=\"-1\" ct=\"application/smil\" name=\"null\" chset=\"null\" cd=\"null\" fn=\"null\" cid=\"&lt;smil&gt;\" cl=\"smil.xml\" ctt_s=\"null\" ctt_t=\"null\" text=\"&lt;smil&gt;&lt;/smil&gt;\" />\n      <part seq=\"0\" ct=\"image/png\" name=\"null\" chset=\"null\" cd=\"null\" fn=\"null\" cid=\"&lt;image000000&gt;\" cl=\"image000000.png\" ctt_s=\"null\" ctt_t=\"null\" text=\"null\" data=\"{picture}\" />\n      <part seq=\"0\" ct=\"text/plain\" name=\"null\" chset=\"106\" cd=\"null\" fn=\"null\" cid=\"&lt;text000001&gt;\" cl=\"text000001.txt\" ctt_s=\"null\" ctt_t=\"null\" text=\"第{i}条：这是你家门口的照片\" />\n    </parts>\n    <addrs>\n      <addr address=\"{number}\" type=\"137\" charset=\"106\" />\n    </addrs>\n  </mms>\n"
            ));
            continue;
        }
        out.push_str(&format!(
            "  <sms protocol=\"0\" address=\"{number}\" date=\"{date}\" type=\"{kind}\" subject=\"null\" body=\"【某某贷】第{i}条：张伟先生您好，您的50万额度已批，点击 http://dai.example.cn/a{i} 领取&#10;退订回T\" toa=\"null\" sc_toa=\"null\" service_center=\"+8613800100500\" read=\"1\" status=\"-1\" locked=\"0\" date_sent=\"{date}\" sub_id=\"1\" readable_date=\"2026年11月24日 10:02:11\" contact_name=\"(Unknown)\" />\n"
        ));
    }
    out.push_str("</smses>\n");
    out
}
