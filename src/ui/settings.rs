//! Settings in five sections: this laptop's station, live sync (`sync_settings`), the matching weights (sliders that say
//! what they weigh, with the selected candidate's top matches re-ranking as they move), the
//! fair's details, and the display. Fair details and weights are in the fair file (undoable);
//! the station, language and theme are per user (remembered).

use super::command::{Command, Pref, ViewCtx};
use super::i18n::{self, Tr, tr};
use super::{EditorState, style};
use crate::app::{Edit, Field, field};
use crate::model::{CandidateId, Lang, MatchSettings};

macro_rules! setting_fields {
    ($($name:ident => $en:literal, $zh:literal;)+) => {
        $(const $name: Field = Field { en: $en, zh: $zh };)+
    };
}

setting_fields! {
    TOP_K => "matches kept per candidate and position", "每人/每岗保留的匹配数";
    FIT_WEIGHT => "weight of fit in the score (appeal gets the rest)", "综合分中匹配度的权重（其余为吸引力）";
    REQUIRED => "required skills", "必备技能";
    PREFERRED => "preferred skills", "优先技能";
    EDUCATION => "education", "学历";
    EXPERIENCE => "experience", "经验";
    RATING => "fit bonus for a 5-star visit", "5 星面谈的匹配度加分";
    SALARY => "salary", "薪资";
    CITY => "city", "城市";
    INDUSTRY => "industry", "行业";
    WORK_MODE => "work mode", "工作方式";
    GROUP => "credit for a skill of the same group", "同类技能的折算分";
    MIN_SCORE => "ineligible when fit and appeal are both below", "匹配度和吸引力都低于此值则不推荐";
    FAIR_NAME => "fair name", "招聘会名称";
    VENUE => "venue", "场馆";
    FAIR_CITY => "city", "城市";
    STARTS => "starts on", "开始日期";
    ENDS => "ends on", "结束日期";
}

const STATION: Tr = tr("This laptop (station)", "本机（工位）");
const STATION_HELP: Tr = tr(
    "Desk actions (check-ins, walk-ins, visits) are recorded under this name in station logs.",
    "签到、现场登记和到访在工位日志中以此名称记录。",
);
const WEIGHTS: Tr = tr("Matching weights", "匹配权重");
const FIT_PARTS: Tr = tr(
    "Fit: how well the candidate meets the position's needs",
    "匹配度：求职者满足岗位要求的程度",
);
const APPEAL_PARTS: Tr = tr(
    "Appeal: how well the position meets the candidate's wishes",
    "吸引力：岗位满足求职者意愿的程度",
);
const OTHER: Tr = tr("Other matching rules", "其他匹配规则");
const FAIR_DAY: Tr = tr("Fair and fair day", "招聘会与现场");
const DISPLAY: Tr = tr("Display", "显示");
const PREVIEW: Tr = tr("Top 5 positions for", "最匹配的 5 个岗位：");
const PREVIEW_NONE: Tr = tr(
    "Select a candidate (Candidates) to see their top matches re-rank as you drag.",
    "在“求职者”中选择一人，拖动滑块时可看到其最佳匹配的变化。",
);
const ADD_ZONE: Tr = tr("Add zone", "添加展区");
const REMOVE: Tr = tr("Remove", "删除");

pub fn show(ui: &mut egui::Ui, cx: &mut ViewCtx, editor: &mut EditorState) {
    ui.heading(cx.t(i18n::SETTINGS));
    // The preview stays in sight beside the sliders while the sections scroll.
    egui::Panel::right("settings_preview")
        .resizable(false)
        .exact_size(320.0)
        .show(ui, |ui| preview(ui, cx));
    egui::ScrollArea::vertical().id_salt("settings_scroll").show(ui, |ui| {
        ui.set_max_width(720.0);
        section(ui, cx.t(STATION), |ui| station(ui, cx));
        section(ui, cx.t(super::sync_settings::SYNC), |ui| {
            super::sync_settings::body(ui, cx)
        });
        section(ui, cx.t(WEIGHTS), |ui| matching(ui, cx, editor));
        section(ui, cx.t(FAIR_DAY), |ui| fair_details(ui, cx, editor));
        section(ui, cx.t(DISPLAY), |ui| display(ui, cx));
    });
}

fn section(ui: &mut egui::Ui, title: &str, body: impl FnOnce(&mut egui::Ui)) {
    ui.add_space(style::SPACE_GROUP);
    egui::Frame::group(ui.style())
        .inner_margin(egui::Margin::same(10))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(egui::RichText::new(title).size(style::LARGE).strong());
            ui.add_space(style::SPACE_ROW);
            body(ui);
        });
}

fn display(ui: &mut egui::Ui, cx: &mut ViewCtx) {
    let prefs = cx.app.prefs();
    let mut lang = prefs.lang;
    let mut dark = prefs.dark;
    ui.horizontal(|ui| {
        ui.label(cx.t(i18n::LANGUAGE));
        ui.radio_value(&mut lang, Lang::Zh, "中文");
        ui.radio_value(&mut lang, Lang::En, "English");
    });
    ui.horizontal(|ui| {
        ui.label(cx.t(i18n::THEME));
        ui.radio_value(&mut dark, false, cx.t(i18n::LIGHT));
        ui.radio_value(&mut dark, true, cx.t(i18n::DARK));
    });
    if lang != prefs.lang {
        cx.push(Command::Pref(Pref::Lang(lang)));
    }
    if dark != prefs.dark {
        cx.push(Command::Pref(Pref::Dark(dark)));
    }
    // Off by default: a laptop at a venue is seen by passers-by.
    let mut show_contacts = prefs.show_contacts;
    if ui.checkbox(&mut show_contacts, cx.t(i18n::SHOW_CONTACTS)).changed() {
        cx.push(Command::Pref(Pref::ShowContacts(show_contacts)));
    }
}

/// The station id this laptop records desk actions under (a per-user setting).
fn station(ui: &mut egui::Ui, cx: &mut ViewCtx) {
    let mut id = cx.app.prefs().station_id.clone();
    ui.horizontal(|ui| {
        let label = ui.label(cx.t(super::dialogs::STATION_ID));
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut id)
                    .desired_width(200.0)
                    .hint_text("entrance-1"),
            )
            .labelled_by(label.id);
        if response.changed() {
            cx.push(Command::Pref(Pref::StationId(id)));
        }
    });
    ui.weak(cx.t(STATION_HELP));
}

fn fair_details(ui: &mut egui::Ui, cx: &mut ViewCtx, editor: &mut EditorState) {
    let original = &cx.app.fair().meta;
    let mut meta = original.clone();
    let mut form = editor.form(cx.lang(), "fair");
    form.text(ui, FAIR_NAME, &mut meta.name, None);
    form.text(ui, VENUE, &mut meta.venue, None);
    form.text(ui, FAIR_CITY, &mut meta.city, None);
    ui.horizontal(|ui| {
        ui.vertical(|ui| form.text(ui, STARTS, &mut meta.starts_on, None));
        ui.vertical(|ui| form.text(ui, ENDS, &mut meta.ends_on, None));
    });
    let changed = zones(ui, cx.lang(), &mut meta.zones);
    if (form.changed.is_some() || changed.is_some()) && meta != *original {
        cx.push(Command::Apply(Edit::SetMeta { value: meta }));
    }
}

/// The zones as an editable list: one row per zone, add and remove.
fn zones(ui: &mut egui::Ui, lang: Lang, zones: &mut Vec<String>) -> Option<()> {
    ui.add_space(style::SPACE_TIGHT);
    let mut changed = None;
    let mut remove = None;
    for (i, zone) in zones.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            let name = format!("{} {}", super::widgets::field_label(field::ZONE, lang), i + 1);
            let label = ui.add_sized([70.0, 20.0], egui::Label::new(name));
            let response = ui
                .add(egui::TextEdit::singleline(zone).desired_width(300.0))
                .labelled_by(label.id);
            if response.changed() {
                changed = Some(());
            }
            if ui.small_button("✕").on_hover_text(REMOVE.get(lang)).clicked() {
                remove = Some(i);
            }
        });
    }
    if let Some(i) = remove {
        zones.remove(i);
        changed = Some(());
    }
    if ui.button(ADD_ZONE.get(lang)).clicked() {
        zones.push(i18n::NEW_ZONE.fill(lang, &[("n", &(zones.len() + 1))]));
        changed = Some(());
    }
    changed
}

/// One weight as a slider, with what it amounts to: "required skills counts 55 % of fit".
fn weight(ui: &mut egui::Ui, lang: Lang, name: Field, value: &mut f32, share_of: f32, of: Tr) -> bool {
    let share = if share_of > 0.0 { *value / share_of * 100.0 } else { 0.0 };
    let text = i18n::WEIGHT_SHARE.fill(
        lang,
        &[
            ("weight", &lang.pick(name.en, name.zh)),
            ("share", &format!("{share:.0}")),
            ("whole", &of.get(lang)),
        ],
    );
    ui.horizontal(|ui| {
        let slider = ui.add(egui::Slider::new(value, 0.0..=1.0).show_value(false).fixed_decimals(2));
        let label = ui.label(text);
        slider.labelled_by(label.id).changed()
    })
    .inner
}

const OF_FIT: Tr = tr("fit", "匹配度");
const OF_APPEAL: Tr = tr("appeal", "吸引力");
const OF_SCORE: Tr = tr("the score", "综合分");

fn matching(ui: &mut egui::Ui, cx: &mut ViewCtx, editor: &mut EditorState) {
    let lang = cx.lang();
    let original = &cx.app.fair().settings;
    let mut s = original.clone();
    let mut changed: Option<Field> = None;
    let mut mark = |moved: bool, f: Field| {
        if moved {
            changed = Some(f);
        }
    };
    let fit_sum = s.required_skills_weight + s.preferred_skills_weight + s.education_weight + s.experience_weight;
    let appeal_sum = s.salary_weight + s.city_weight + s.industry_weight + s.work_mode_weight;
    let fit_share = s.fit_weight;
    mark(
        weight(ui, lang, OF_FIT_FIELD, &mut s.fit_weight, 1.0, OF_SCORE),
        FIT_WEIGHT,
    );
    let appeal_share = format!("{:.0}", (1.0 - fit_share) * 100.0);
    ui.weak(i18n::APPEAL_SHARE.fill(lang, &[("share", &appeal_share)]));
    ui.add_space(style::SPACE_ROW);
    ui.strong(FIT_PARTS.get(lang));
    let fit_parts = [
        (REQUIRED, &mut s.required_skills_weight),
        (PREFERRED, &mut s.preferred_skills_weight),
        (EDUCATION, &mut s.education_weight),
        (EXPERIENCE, &mut s.experience_weight),
    ];
    for (name, value) in fit_parts {
        mark(weight(ui, lang, name, value, fit_sum, OF_FIT), name);
    }
    ui.add_space(style::SPACE_ROW);
    ui.strong(APPEAL_PARTS.get(lang));
    let appeal_parts = [
        (SALARY, &mut s.salary_weight),
        (CITY, &mut s.city_weight),
        (INDUSTRY, &mut s.industry_weight),
        (WORK_MODE, &mut s.work_mode_weight),
    ];
    for (name, value) in appeal_parts {
        mark(weight(ui, lang, name, value, appeal_sum, OF_APPEAL), name);
    }
    ui.add_space(style::SPACE_ROW);
    ui.strong(OTHER.get(lang));
    let mut form = editor.form(lang, "settings");
    form.number(ui, TOP_K, &mut s.top_k, 1..=200, None);
    form.number(ui, RATING, &mut s.rating_bonus, 0.0..=50.0, None);
    form.number(ui, GROUP, &mut s.group_match_credit, 0.0..=1.0, None);
    form.number(ui, MIN_SCORE, &mut s.min_score, 0.0..=100.0, None);
    let changed = form.changed.or(changed);
    if let Some(changed) = changed
        && s != *original
    {
        cx.push(Command::Apply(Edit::SetSettings {
            value: s,
            field: changed,
        }));
    }
    ui.add_space(style::SPACE_ROW);
    if ui.button(cx.t(i18n::RESET_DEFAULTS)).clicked() && *original != MatchSettings::default() {
        cx.push(Command::Apply(Edit::SetSettings {
            value: MatchSettings::default(),
            field: field::MATCH_SETTINGS,
        }));
    }
}

const OF_FIT_FIELD: Field = Field {
    en: "fit",
    zh: "匹配度",
};

/// The selected candidate's best five positions, re-ranked as the weights move (the matcher
/// follows in the background).
fn preview(ui: &mut egui::Ui, cx: &mut ViewCtx) {
    let app = cx.app;
    let lang = cx.lang();
    let selected: Option<&CandidateId> = app
        .selection()
        .candidate
        .as_ref()
        .filter(|id| app.candidate(id).is_some());
    let Some(id) = selected else {
        ui.add_space(style::SPACE_SECTION);
        ui.weak(PREVIEW_NONE.get(lang));
        return;
    };
    let name = app.candidate(id).map_or_else(|| id.to_string(), |c| c.name.clone());
    ui.add_space(style::SPACE_SECTION);
    ui.label(egui::RichText::new(format!("{} {name}", PREVIEW.get(lang))).strong());
    ui.add_space(style::SPACE_ROW);
    if app.is_matching() {
        // The list below is the last one computed until the new weights are matched.
        super::match_panel::matching_notice(ui, cx);
    }
    let top = app.matcher().top_positions(id);
    if top.is_empty() {
        ui.weak(cx.t(i18n::NO_MATCHES));
    }
    for (rank, s) in top.iter().take(5).enumerate() {
        let title = app
            .position(&s.position)
            .map_or_else(|| s.position.to_string(), |p| p.title.clone());
        ui.label(format!("{}. {title}", rank + 1));
        super::widgets::score_bar(ui, cx.t(i18n::SCORE), s.score, 200.0);
        ui.add_space(style::SPACE_TIGHT);
    }
}
