//! Booth staff desk: the booth is picked once (remembered in prefs); staff look a candidate
//! up, see their fit with this booth's positions and record a visit, which re-ranks at once.

use std::path::{Path, PathBuf};

use crate::app::desk::{DeskOutcome, visit_edit};
use crate::app::fairday::{self, ShortlistDay, VisitDraft};
use crate::model::{BoothId, CandidateId, Lang, NextStep, PositionId};

use super::Workspace;
use super::checkin::{self, clock, desk_apply};
use super::i18n::{Tr, tr};

pub const TITLE: Tr = tr("Booth desk", "展位台");
const BOOTH: Tr = tr("This laptop's booth", "本机展位");
const PICK_BOOTH: Tr = tr("Pick this laptop's booth first.", "请先选择本机所在展位。");
const CONTACT_HIDDEN: Tr = tr("Contact details withheld (no consent)", "未同意共享联系方式");
const FIT: Tr = tr("Fit with this booth's positions", "与本展位岗位的匹配");
const FIT_BAR: Tr = tr("fit", "匹配度");
const NOBODY_TO_INVITE: Tr = tr(
    "Nobody right now: the best fits checked in have all visited.",
    "暂无：已签到的最匹配者都已到访。",
);
const VISIT: Tr = tr("Record visit", "记录到访");
const SAVE_VISIT: Tr = tr("Save visit", "保存到访");
const POSITION: Tr = tr("Visit position", "到访岗位");
const ANY_POSITION: Tr = tr("(booth in general)", "（整个展位）");
const RATING: Tr = tr("Rating", "评分");
const NOTES: Tr = tr("Visit notes", "到访备注");
const NEXT: Tr = tr("Next step", "下一步");
const SHORTLIST: Tr = tr("Visitors today (shortlist)", "今日到访（候选名单）");
const SHORTLIST_ALL: Tr = tr("Visitors, all days (shortlist)", "全部日期到访（候选名单）");
const DAY: Tr = tr("Shortlist day", "名单日期");
const ALL_DAYS: Tr = tr("All days", "全部日期");
const EXPORT_PATH: Tr = tr("Shortlist CSV path", "候选名单 CSV 路径");
const EXPORT: Tr = tr("Export shortlist CSV", "导出候选名单 CSV");
const CHOOSE: Tr = tr("Choose file…", "选择文件…");
const WORTH: Tr = tr(
    "Worth inviting (checked in, not visited yet)",
    "值得邀请（已签到、尚未到访）",
);
const EXPORT_FAILED: Tr = tr("Shortlist export failed", "候选名单导出失败");

pub fn show(ui: &mut egui::Ui, ws: &mut Workspace) {
    let lang = ws.lang();
    ui.heading(TITLE.get(lang));
    booth_picker(ui, ws);
    let Some(booth) = current_booth(ws) else {
        ui.label(PICK_BOOTH.get(lang));
        return;
    };
    egui::ScrollArea::vertical().id_salt("booth-desk").show(ui, |ui| {
        ui.columns(2, |cols| {
            let [left, right] = cols else { return };
            if let Some(id) = checkin::lookup(left, ws, "booth-lookup") {
                ws.desks.opened = Some(id);
                ws.desks.visit_position = None;
                ws.desks.message = None;
            }
            checkin::message(left, ws);
            if let Some(id) = ws.desks.opened.clone() {
                card(left, ws, &id, &booth);
            }
            shortlist(right, ws, &booth);
            right.add_space(12.0);
            worth_inviting(right, ws, &booth);
        });
    });
    checkin::refocus_soon(ui, ws);
}

fn current_booth(ws: &Workspace) -> Option<BoothId> {
    let id = BoothId::new(ws.app.prefs.desk_booth.as_str());
    ws.app.booth(&id).map(|b| b.id.clone())
}

fn booth_picker(ui: &mut egui::Ui, ws: &mut Workspace) {
    let lang = ws.lang();
    ui.horizontal(|ui| {
        let l = ui.label(BOOTH.get(lang));
        let current = current_booth(ws)
            .and_then(|id| ws.app.booth(&id))
            .map_or_else(|| "—".to_owned(), |b| format!("{} {}", b.id, b.employer));
        let mut picked = None;
        let combo = egui::ComboBox::from_id_salt("desk-booth")
            .selected_text(current)
            .width(320.0)
            .show_ui(ui, |ui| {
                for b in &ws.app.fair.booths {
                    if ui
                        .selectable_label(ws.app.prefs.desk_booth == b.id.0, format!("{} {}", b.id, b.employer))
                        .clicked()
                    {
                        picked = Some(b.id.0.clone());
                    }
                }
            });
        combo.response.labelled_by(l.id);
        if let Some(p) = picked {
            ws.app.prefs.desk_booth = p;
        }
    });
}

fn card(ui: &mut egui::Ui, ws: &mut Workspace, id: &CandidateId, booth: &BoothId) {
    let lang = ws.lang();
    let Some(c) = ws.app.candidate(id).cloned() else { return };
    ui.group(|ui| {
        ui.label(
            egui::RichText::new(format!("{}  {}", c.name, c.badge))
                .size(20.0)
                .strong(),
        );
        ui.label(format!(
            "{} · {} · {} · {}",
            c.education.label(lang),
            c.school,
            c.major,
            c.tier.label(lang)
        ));
        ui.label(c.skills.join(", "));
        if c.consent {
            ui.label(format!("☎ {}   ✉ {}", c.phone, c.email));
        } else {
            ui.weak(CONTACT_HIDDEN.get(lang));
        }
        if let Some(at) = c.checked_in {
            ui.label(match lang {
                Lang::En => format!("checked in at {}", clock(at)),
                Lang::Zh => format!("{} 签到", clock(at)),
            });
        }
    });
    ui.label(egui::RichText::new(FIT.get(lang)).strong());
    let positions: Vec<(PositionId, String)> = ws
        .app
        .fair
        .positions
        .iter()
        .filter(|p| &p.booth == booth)
        .map(|p| (p.id.clone(), p.title.clone()))
        .collect();
    if ws.app.is_matching() {
        // The matcher is being rebuilt (new settings, or a fair just opened): its fits are stale.
        super::match_panel::matching_notice(ui, ws);
    } else {
        for (pid, title) in &positions {
            if let Some(e) = ws.app.matcher.explain(&ws.app.fair, id, pid) {
                ui.label(egui::RichText::new(title).strong());
                super::widgets::score_bar(ui, FIT_BAR.get(lang), e.fit, 120.0);
                // Not in the column's justified layout, which would stretch the spaces between words.
                ui.horizontal_wrapped(|ui| ui.weak(e.short(lang)));
            }
        }
    }
    ui.add_space(6.0);
    visit_form(ui, ws, id, booth, &positions);
}

fn visit_form(
    ui: &mut egui::Ui,
    ws: &mut Workspace,
    id: &CandidateId,
    booth: &BoothId,
    positions: &[(PositionId, String)],
) {
    let lang = ws.lang();
    ui.label(egui::RichText::new(VISIT.get(lang)).strong());
    let d = &mut ws.desks;
    ui.horizontal(|ui| {
        let l = ui.label(POSITION.get(lang));
        let selected = d
            .visit_position
            .as_ref()
            .and_then(|p| positions.iter().find(|(id, _)| id == p))
            .map_or(ANY_POSITION.get(lang).to_owned(), |(_, t)| t.clone());
        let combo = egui::ComboBox::from_id_salt("visit-position")
            .selected_text(selected)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut d.visit_position, None, ANY_POSITION.get(lang));
                for (pid, title) in positions {
                    ui.selectable_value(&mut d.visit_position, Some(pid.clone()), title);
                }
            });
        combo.response.labelled_by(l.id);
    });
    ui.horizontal(|ui| {
        ui.label(RATING.get(lang));
        for r in 1..=5u8 {
            let on = d.visit_rating == Some(r);
            if ui
                .add(egui::Button::selectable(on, format!("{r}★")))
                .on_hover_text(format!("{} {r}", RATING.get(lang)))
                .clicked()
            {
                d.visit_rating = if on { None } else { Some(r) };
            }
        }
    });
    ui.horizontal(|ui| {
        let l = ui.label(NOTES.get(lang));
        ui.add(egui::TextEdit::singleline(&mut d.visit_notes).desired_width(260.0))
            .labelled_by(l.id);
    });
    ui.horizontal(|ui| {
        let l = ui.label(NEXT.get(lang));
        let combo = egui::ComboBox::from_id_salt("visit-next")
            .selected_text(d.visit_next.label(lang))
            .show_ui(ui, |ui| {
                for &n in NextStep::ALL {
                    ui.selectable_value(&mut d.visit_next, n, n.label(lang));
                }
            });
        combo.response.labelled_by(l.id);
    });
    if ui.button(SAVE_VISIT.get(lang)).clicked() {
        let draft = VisitDraft {
            candidate: id.clone(),
            booth: booth.clone(),
            position: ws.desks.visit_position.clone(),
            rating: ws.desks.visit_rating,
            notes: ws.desks.visit_notes.clone(),
            next_step: ws.desks.visit_next,
        };
        if let Some(DeskOutcome::Visit(_)) = desk_apply(ws, visit_edit(draft, checkin::now())) {
            let name = ws.app.candidate(id).map_or_else(String::new, |c| c.name.clone());
            ws.desks.message = Some((
                match lang {
                    Lang::En => format!("Visit of {name} recorded"),
                    Lang::Zh => format!("已记录 {name} 的到访"),
                },
                true,
            ));
            ws.desks.visit_rating = None;
            ws.desks.visit_notes.clear();
            ws.desks.visit_next = NextStep::None;
            // The next visitor's badge is scanned straight away.
            ws.desks.focus_lookup = true;
        }
    }
}

/// One shortlist row: name, position title, rating, next step, time, notes.
fn shortlist_rows(ws: &Workspace, booth: &BoothId) -> Vec<[String; 6]> {
    let lang = ws.lang();
    let day = ws.desks.shortlist_day.date(checkin::now().date());
    // Several days shown: the time alone would not say which day.
    let time_format = if day.is_some() { "%H:%M" } else { "%Y-%m-%d %H:%M" };
    fairday::booth_visits(&ws.app.fair, booth, day)
        .into_iter()
        .map(|v| {
            let name = ws
                .app
                .candidate(&v.candidate)
                .map_or_else(|| v.candidate.to_string(), |c| c.name.clone());
            let position = v
                .position
                .as_ref()
                .map(|p| ws.app.position(p).map_or_else(|| p.to_string(), |p| p.title.clone()))
                .unwrap_or_default();
            [
                name,
                position,
                v.rating.map(|r| r.to_string()).unwrap_or_default(),
                v.next_step.label(lang).to_owned(),
                v.at.format(time_format).to_string(),
                v.notes.clone(),
            ]
        })
        .collect()
}

/// Writes the shortlist as shown (the day picked on the desk) as CSV, UTF-8 with BOM so
/// spreadsheet programs read the Chinese.
pub fn export_shortlist(ws: &Workspace, booth: &BoothId, path: &Path) -> Result<usize, String> {
    let rows = shortlist_rows(ws, booth);
    let mut out = Vec::from(&b"\xEF\xBB\xBF"[..]);
    {
        let mut w = csv::Writer::from_writer(&mut out);
        let header = match ws.lang() {
            Lang::En => ["name", "position", "rating", "next step", "time", "notes"],
            Lang::Zh => ["姓名", "岗位", "评分", "下一步", "时间", "备注"],
        };
        w.write_record(header).map_err(|e| e.to_string())?;
        for r in &rows {
            w.write_record(r).map_err(|e| e.to_string())?;
        }
        w.flush().map_err(|e| e.to_string())?;
    }
    crate::store::write_atomically(path, &out).map_err(|e| e.to_string())?;
    Ok(rows.len())
}

fn shortlist(ui: &mut egui::Ui, ws: &mut Workspace, booth: &BoothId) {
    let lang = ws.lang();
    day_picker(ui, ws, booth);
    let rows = shortlist_rows(ws, booth);
    let heading = match ws.desks.shortlist_day {
        ShortlistDay::Today => SHORTLIST.get(lang).to_owned(),
        ShortlistDay::Day(day) => match lang {
            Lang::En => format!("Visitors on {day} (shortlist)"),
            Lang::Zh => format!("{day} 到访（候选名单）"),
        },
        ShortlistDay::All => SHORTLIST_ALL.get(lang).to_owned(),
    };
    ui.label(egui::RichText::new(format!("{heading} ({})", rows.len())).strong());
    let today = checkin::now().date();
    if rows.is_empty()
        && ws.desks.shortlist_day == ShortlistDay::Today
        && let Some(latest) = fairday::booth_visit_days(&ws.app.fair, booth).first()
    {
        // Looking back after the fair (or at the sample): say where the visits are.
        ui.weak(match lang {
            Lang::En => format!("No visitors today ({today}); the latest were on {latest}: pick that day above."),
            Lang::Zh => format!("今天（{today}）没有到访；最近一次是 {latest}，可在上方选择该日期。"),
        });
    }
    // A busy booth has dozens of visitors; keep the export and "worth inviting" in sight.
    egui::ScrollArea::vertical()
        .id_salt("shortlist-rows")
        .max_height(320.0)
        // Full width, so the scroll bar sits at the edge instead of over the time column.
        .auto_shrink([false, true])
        .show(ui, |ui| shortlist_grid(ui, &rows));
    let mut chosen: Option<PathBuf> = None;
    ui.horizontal(|ui| {
        let l = ui.label(EXPORT_PATH.get(lang));
        ui.add(egui::TextEdit::singleline(&mut ws.desks.export_path).desired_width(220.0))
            .labelled_by(l.id);
        if ui.button(EXPORT.get(lang)).clicked() && !ws.desks.export_path.trim().is_empty() {
            chosen = Some(PathBuf::from(ws.desks.export_path.trim()));
        }
        if ws.native_dialogs && ui.button(CHOOSE.get(lang)).clicked() {
            chosen = rfd::FileDialog::new()
                .add_filter("CSV", &["csv"])
                .set_file_name(format!("shortlist-{booth}.csv"))
                .save_file();
        }
    });
    if let Some(path) = chosen {
        match export_shortlist(ws, booth, &path) {
            Ok(n) => {
                ws.desks.export_path = path.display().to_string();
                ws.desks.message = Some((
                    match lang {
                        Lang::En => format!("{n} visits written to {}", path.display()),
                        Lang::Zh => format!("已写入 {n} 条到访到 {}", path.display()),
                    },
                    true,
                ));
            }
            Err(e) => ws.error(EXPORT_FAILED, e),
        }
    }
}

fn shortlist_grid(ui: &mut egui::Ui, rows: &[[String; 6]]) {
    egui::Grid::new("shortlist").striped(true).show(ui, |ui| {
        for r in rows {
            ui.label(&r[0]);
            ui.label(&r[1]);
            ui.label(if r[2].is_empty() {
                "-".to_owned()
            } else {
                format!("{}★", r[2])
            });
            ui.label(&r[3]);
            ui.label(&r[4]);
            ui.end_row();
        }
    });
}

/// Today, the other days this booth had visitors, or all of them.
fn day_picker(ui: &mut egui::Ui, ws: &mut Workspace, booth: &BoothId) {
    let lang = ws.lang();
    let today = checkin::now().date();
    let label_of = |day: ShortlistDay| match day {
        ShortlistDay::Today => match lang {
            Lang::En => format!("Today ({today})"),
            Lang::Zh => format!("今天（{today}）"),
        },
        ShortlistDay::Day(day) => day.to_string(),
        ShortlistDay::All => ALL_DAYS.get(lang).to_owned(),
    };
    let days = fairday::booth_visit_days(&ws.app.fair, booth);
    let chosen = &mut ws.desks.shortlist_day;
    ui.horizontal(|ui| {
        let l = ui.label(DAY.get(lang));
        let combo = egui::ComboBox::from_id_salt("shortlist-day")
            .selected_text(label_of(*chosen))
            .show_ui(ui, |ui| {
                ui.selectable_value(chosen, ShortlistDay::Today, label_of(ShortlistDay::Today));
                for day in days.iter().filter(|d| **d != today) {
                    ui.selectable_value(chosen, ShortlistDay::Day(*day), label_of(ShortlistDay::Day(*day)));
                }
                ui.selectable_value(chosen, ShortlistDay::All, label_of(ShortlistDay::All));
            });
        combo.response.labelled_by(l.id);
    });
}

fn worth_inviting(ui: &mut egui::Ui, ws: &mut Workspace, booth: &BoothId) {
    let lang = ws.lang();
    ui.label(egui::RichText::new(WORTH.get(lang)).strong());
    let best = ws.app.worth_inviting(booth);
    if best.is_empty() {
        ui.weak(NOBODY_TO_INVITE.get(lang));
    }
    let mut open = None;
    for (cid, pid, fit) in best.iter().take(15) {
        let name = ws
            .app
            .candidate(cid)
            .map_or_else(|| cid.to_string(), |c| c.name.clone());
        let title = ws
            .app
            .position(pid)
            .map_or_else(|| pid.to_string(), |p| p.title.clone());
        if ui.link(format!("{name} — {title} {fit:.0}")).clicked() {
            open = Some(cid.clone());
        }
    }
    if let Some(id) = open {
        ws.desks.opened = Some(id);
    }
}
