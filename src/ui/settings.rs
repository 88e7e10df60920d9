//! Settings: fair details and matching weights (in the fair file, undoable), language and theme
//! (per user, remembered).

use super::command::{Command, Pref, ViewCtx};
use super::{EditorState, i18n};
use crate::app::{Edit, Field, field};
use crate::model::Lang;

macro_rules! setting_fields {
    ($($name:ident => $en:literal, $zh:literal;)+) => {
        $(const $name: Field = Field { en: $en, zh: $zh };)+
    };
}

setting_fields! {
    TOP_K => "matches kept per candidate and position", "每人/每岗保留的匹配数";
    FIT_WEIGHT => "weight of fit in the score (appeal gets the rest)", "综合分中匹配度的权重（其余为吸引力）";
    REQUIRED => "fit: required skills", "匹配度：必备技能";
    PREFERRED => "fit: preferred skills", "匹配度：优先技能";
    EDUCATION => "fit: education", "匹配度：学历";
    EXPERIENCE => "fit: experience", "匹配度：经验";
    RATING => "fit bonus for a 5-star visit", "5 星面谈的匹配度加分";
    SALARY => "appeal: salary", "吸引力：薪资";
    CITY => "appeal: city", "吸引力：城市";
    INDUSTRY => "appeal: industry", "吸引力：行业";
    WORK_MODE => "appeal: work mode", "吸引力：工作方式";
    GROUP => "credit for a skill of the same group", "同类技能的折算分";
    MIN_SCORE => "ineligible when fit and appeal are both below", "匹配度和吸引力都低于此值则不推荐";
    FAIR_NAME => "fair name", "招聘会名称";
    VENUE => "venue", "场馆";
    FAIR_CITY => "city", "城市";
    STARTS => "starts on", "开始日期";
    ENDS => "ends on", "结束日期";
}

pub fn show(ui: &mut egui::Ui, cx: &mut ViewCtx, editor: &mut EditorState) {
    egui::ScrollArea::vertical().id_salt("settings_scroll").show(ui, |ui| {
        ui.heading(cx.t(i18n::SETTINGS));
        ui.add_space(6.0);
        ui.strong(cx.t(i18n::APPEARANCE));
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
        ui.separator();
        station(ui, cx);
        ui.separator();
        fair_details(ui, cx, editor);
        ui.separator();
        matching(ui, cx, editor);
    });
}

const STATION: i18n::Tr = i18n::tr("This laptop", "本机");
const STATION_HELP: i18n::Tr = i18n::tr(
    "Desk actions (check-ins, walk-ins, visits) are recorded under this name in station logs.",
    "签到、现场登记和到访在工位日志中以此名称记录。",
);

/// The station id this laptop records desk actions under (a per-user setting).
fn station(ui: &mut egui::Ui, cx: &mut ViewCtx) {
    ui.strong(cx.t(STATION));
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
    ui.strong(cx.t(i18n::FAIR_DETAILS));
    let original = &cx.app.fair().meta;
    let mut meta = original.clone();
    let mut form = editor.form(cx.lang(), "fair");
    ui.vertical(|ui| {
        ui.set_max_width(760.0);
        form.text(ui, FAIR_NAME, &mut meta.name, None);
        form.text(ui, VENUE, &mut meta.venue, None);
        form.text(ui, FAIR_CITY, &mut meta.city, None);
        form.text(ui, STARTS, &mut meta.starts_on, None);
        form.text(ui, ENDS, &mut meta.ends_on, None);
        form.list(ui, field::ZONE, &mut meta.zones);
    });
    if form.changed.is_some() && meta != *original {
        cx.push(Command::Apply(Edit::SetMeta { value: meta }));
    }
}

fn matching(ui: &mut egui::Ui, cx: &mut ViewCtx, editor: &mut EditorState) {
    ui.strong(cx.t(i18n::MATCHING_SETTINGS));
    let original = &cx.app.fair().settings;
    let mut s = original.clone();
    let mut form = editor.form(cx.lang(), "settings");
    ui.vertical(|ui| {
        ui.set_max_width(520.0);
        form.number(ui, TOP_K, &mut s.top_k, 1..=200, None);
        form.number(ui, FIT_WEIGHT, &mut s.fit_weight, 0.0..=1.0, None);
        form.number(ui, REQUIRED, &mut s.required_skills_weight, 0.0..=1.0, None);
        form.number(ui, PREFERRED, &mut s.preferred_skills_weight, 0.0..=1.0, None);
        form.number(ui, EDUCATION, &mut s.education_weight, 0.0..=1.0, None);
        form.number(ui, EXPERIENCE, &mut s.experience_weight, 0.0..=1.0, None);
        form.number(ui, RATING, &mut s.rating_bonus, 0.0..=50.0, None);
        form.number(ui, SALARY, &mut s.salary_weight, 0.0..=1.0, None);
        form.number(ui, CITY, &mut s.city_weight, 0.0..=1.0, None);
        form.number(ui, INDUSTRY, &mut s.industry_weight, 0.0..=1.0, None);
        form.number(ui, WORK_MODE, &mut s.work_mode_weight, 0.0..=1.0, None);
        form.number(ui, GROUP, &mut s.group_match_credit, 0.0..=1.0, None);
        form.number(ui, MIN_SCORE, &mut s.min_score, 0.0..=100.0, None);
    });
    if let Some(changed) = form.changed
        && s != *original
    {
        cx.push(Command::Apply(Edit::SetSettings {
            value: s,
            field: changed,
        }));
    }
    if ui.button(cx.t(i18n::RESET_DEFAULTS)).clicked() && *original != crate::model::MatchSettings::default() {
        cx.push(Command::Apply(Edit::SetSettings {
            value: crate::model::MatchSettings::default(),
            field: field::MATCH_SETTINGS,
        }));
    }
}
