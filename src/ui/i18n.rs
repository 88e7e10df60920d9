//! Every UI string in English and Chinese, in one table. Field names used in edit names live
//! with the edits (`app::field`) and are shown through the same language switch.

use crate::model::Lang;

/// A UI string in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tr {
    pub en: &'static str,
    pub zh: &'static str,
}

/// A string pair for a screen's own constants (the shared ones are in the table below).
pub const fn tr(en: &'static str, zh: &'static str) -> Tr {
    Tr { en, zh }
}

impl Tr {
    pub fn get(self, lang: Lang) -> &'static str {
        lang.pick(self.en, self.zh)
    }

    /// The message with each `{name}` slot filled in. Slots are named, not positional, because
    /// the two languages put them in different orders.
    pub fn fill(self, lang: Lang, slots: &[(&str, &dyn std::fmt::Display)]) -> String {
        let mut text = self.get(lang).to_owned();
        for (name, value) in slots {
            text = text.replace(&format!("{{{name}}}"), &value.to_string());
        }
        text
    }
}

macro_rules! table {
    ($($name:ident => $en:literal, $zh:literal;)+) => {
        $(pub const $name: Tr = Tr { en: $en, zh: $zh };)+
        /// All entries, for the completeness test.
        pub const ALL: &[Tr] = &[$($name),+];
    };
}

table! {
    FILE => "File", "文件";
    EDIT => "Edit", "编辑";
    VIEW => "View", "视图";
    SETTINGS => "Settings", "设置";
    NEW => "New", "新建";
    OPEN => "Open…", "打开…";
    OPEN_RECENT => "Open recent", "最近打开";
    OPEN_PATH => "Open path…", "按路径打开…";
    SAVE => "Save", "保存";
    SAVE_AS => "Save as…", "另存为…";
    SAVE_TO_PATH => "Save to path…", "按路径保存…";
    EXPORT_CSV => "Export CSV…", "导出 CSV…";
    IMPORT_CSV => "Import CSV…", "导入 CSV…";
    EXPORT_REPORT => "Export report (PDF or xlsx)…", "导出报告（PDF 或 xlsx）…";
    IMPORT_FAILED => "Could not import the file", "无法导入文件";
    IMPORT_BAD_ROWS_TITLE => "Some rows cannot be imported", "部分行无法导入";
    IMPORT_BAD_ROWS_BODY => "these rows have errors; nothing is imported until you choose",
        "以下各行有错误；您选择之前不会导入任何内容";
    VISITS => "Visits", "面谈记录";
    PROJECTS => "Projects", "项目";
    SESSIONS => "Sessions (docking, roadshows)", "对接会与路演";
    QUIT => "Quit", "退出";
    UNDO => "Undo", "撤销";
    REDO => "Redo", "重做";
    NONE_YET => "(none yet)", "（暂无）";
    BOOTHS => "Booths", "展位";
    POSITIONS => "Positions", "岗位";
    CANDIDATES => "Candidates", "求职者";
    MATCHES => "Unmatched", "无合适匹配";
    ALLOCATION => "Allocation", "分配";
    OPENINGS => "Openings", "招聘人数";
    UNSAVED => "unsaved changes", "有未保存的修改";
    DISMISS => "Dismiss", "关闭";
    DETAILS => "Details", "详情";
    EDIT_REFUSED => "The change was not made", "修改未执行";
    LOADING => "Opening", "正在打开";
    NO_POSITIONS_WITHOUT => "None: every position has at least one eligible candidate.",
        "无：每个岗位都至少有一位合适的求职者。";
    NO_CANDIDATES_WITHOUT => "None: every candidate has at least one eligible position.",
        "无：每位求职者都至少有一个合适的岗位。";
    ALLOCATION_NOT_RUN => "Not run yet. The allocation uses the fair as it is when you run it.",
        "尚未运行。分配按运行时的招聘会数据进行。";
    OPEN_FAILED => "Could not open the fair file", "无法打开招聘会文件";
    SAVE_FAILED => "Could not save; the file on disk is unchanged", "保存失败，磁盘上的文件未改动";
    EXPORT_FAILED => "Could not export", "导出失败";
    NEW_FAIR_NAME => "New fair", "新招聘会";
    UNSAVED_TITLE => "Unsaved changes", "未保存的修改";
    UNSAVED_BODY => "Save your changes to", "是否保存对以下招聘会的修改：";
    DISCARD => "Don't save", "不保存";
    CANCEL => "Cancel", "取消";
    OK => "OK", "确定";
    PATH => "Path", "路径";
    DELETE_BOOTH => "Delete booth", "删除展位";
    DELETE_POSITION => "Delete position", "删除岗位";
    DELETE_KEEP_VISITS => "Delete position, keep visits", "删除岗位，保留到访记录";
    BOOTH_HAS_POSITIONS => "Positions at this booth:", "该展位的岗位数：";
    DELETE_POSITIONS_TOO => "Delete its positions too", "连同岗位一起删除";
    MOVE_TO_BOOTH => "Move them to booth", "把岗位移到展位";
    MOVE_AND_DELETE => "Move and delete", "移动并删除";
    ANY => "any", "全部";
    SEARCH => "Search", "搜索";
    SEARCH_HINT => "name, pinyin (zw), employer, skill…", "姓名、拼音（zw）、单位、技能…";
    INDUSTRY => "Industry", "行业";
    ZONE => "Zone", "展区";
    EDUCATION => "Education", "学历";
    TIER => "Tier", "人才类别";
    CITY => "City", "城市";
    CHECKED_IN => "Checked in", "签到";
    ROWS => "Rows:", "行数：";
    NAME => "Name", "姓名";
    ID => "Id", "编号";
    YEARS => "Years", "年限";
    EXPECTED_SALARY => "Expects", "期望薪资";
    TITLE => "Title", "岗位名称";
    EMPLOYER => "Employer", "单位";
    SALARY => "Salary", "薪资";
    BOOTH_NUMBER => "Booth", "展位号";
    KIND => "Kind", "类型";
    ADD_BOOTH => "Add booth", "添加展位";
    ADD_POSITION => "Add position", "添加岗位";
    ADD_CANDIDATE => "Add candidate", "添加求职者";
    NEW_EMPLOYER => "New employer", "新单位";
    NEW_POSITION => "New position", "新岗位";
    NEW_CANDIDATE => "New candidate", "新求职者";
    DUPLICATE => "Duplicate", "复制";
    DELETE => "Delete", "删除";
    ID_TAKEN => "this id is already used", "该编号已被使用";
    ADD_SKILL => "Add skill", "添加技能";
    BEST_POSITIONS => "Best positions", "最匹配的岗位";
    BEST_CANDIDATES => "Best candidates", "最匹配的求职者";
    NO_MATCHES => "No eligible matches.", "没有符合条件的匹配。";
    SCORE => "score", "综合";
    FIT => "fit", "匹配度";
    APPEAL => "appeal", "吸引力";
    WORKLIST_HELP => "Positions no candidate is eligible for, and candidates eligible for no position. Click one to open it.",
        "没有合适求职者的岗位，以及没有合适岗位的求职者。点击打开。";
    POSITIONS_WITHOUT => "Positions without an eligible candidate", "没有合适求职者的岗位";
    CANDIDATES_WITHOUT => "Candidates without an eligible position", "没有合适岗位的求职者";
    ALLOCATION_HELP => "Proposes who interviews where, respecting openings (stable matching, candidates proposing).",
        "按招聘人数提出面试安排（稳定匹配，求职者优先）。";
    MATCHED_SKILLS => "has:", "具备：";
    RELATED_SKILLS => "related:", "相近：";
    MISSING_SKILLS => "missing:", "缺少：";
    MATCHED_PREFERRED => "preferred:", "优先技能：";
    WHY => "why", "原因";
    RUN_ALLOCATION => "Run allocation", "运行分配";
    ASSIGNED => "Assigned", "已分配";
    UNASSIGNED => "Not assigned", "未分配";
    UNFILLED => "Unfilled openings", "空缺名额";
    UNFILLED_BY_INDUSTRY => "Unfilled openings by industry", "各行业空缺名额";
    MATCHING => "Matching… results appear when the matcher is ready.", "正在匹配…匹配器就绪后显示结果。";
    STALE => "The fair changed since this run; run again to update.", "运行后招聘会已有修改，请重新运行。";
    CANDIDATE => "Candidate", "求职者";
    POSITION => "Position", "岗位";
    REASON => "Reason", "原因";
    APPEARANCE => "Appearance", "外观";
    LANGUAGE => "Language", "语言";
    THEME => "Theme", "主题";
    SHOW_CONTACTS => "Show contacts (phone and email in full)", "显示联系方式（完整手机号和邮箱）";
    CONTACTS_MASKED => "Contacts are masked; switch on \"Show contacts\" in Settings to see or edit them.", "联系方式已隐藏；在“设置”中打开“显示联系方式”即可查看或修改。";
    LIGHT => "Light", "浅色";
    DARK => "Dark", "深色";
    FAIR_DETAILS => "Fair", "招聘会";
    MATCHING_SETTINGS => "Matching", "匹配设置";
    RESET_DEFAULTS => "Reset to defaults", "恢复默认值";
    // Messages with slots, filled with `Tr::fill`.
    BOOTHS_FOUND => "{found} of {total} booths", "共 {total} 个展位，匹配 {found} 个";
    CHECKED_IN_AT => "checked in at {time}", "{time} 签到";
    VISITORS_ON => "Visitors on {day} (shortlist)", "{day} 到访（候选名单）";
    NO_VISITORS_TODAY => "No visitors today ({today}); the latest were on {latest}: pick that day above.",
        "今天（{today}）没有到访；最近一次是 {latest}，可在上方选择该日期。";
    TODAY_ON => "Today ({today})", "今天（{today}）";
    PLACED_ON_FLOOR => "placed on the floor plan", "已放置在平面图上";
    HOLDS_INTERVIEWS => "holds interviews (for the schedule)", "安排面试（用于面试日程）";
    PROJECTS_THAT_FIT => "Projects that fit this booth", "适合本展位的项目";
    NEGOTIABLE => "negotiable", "面议";
    DELETE_POSITION_VISITS => "{visits} visits recorded by booth staff are about this position. They are kept (rating, notes, next step) under booth {booth}, without a position. Undo restores both.",
        "展位工作人员记录的 {visits} 条到访与此岗位有关。这些记录（评分、备注、下一步）将保留在展位 {booth} 下，不再关联岗位。撤销可全部恢复。";
    IMPORT_GOOD_SKIP_BAD => "Import {good} good rows, skip {bad} bad", "导入 {good} 行正确数据，跳过 {bad} 行错误数据";
    SAME_VALUES => "Same {values}", "{values}相同";
    SAME_PERSON_KEEP => "Same person, keep {kept}", "同一人，保留 {kept}";
    LAST_DESK_ACTION => "Last desk action: {action} (not undoable)", "最近的签到/展位操作：{action}（不可撤销）";
    NEW_ZONE => "Zone {n}", "展区 {n}";
    WEIGHT_SHARE => "{weight} counts {share} % of {whole}", "{weight}占{whole} {share}%";
    APPEAL_SHARE => "appeal counts {share} % of the score", "吸引力占综合分 {share}%";
    CONSENT_TEXT => "booth staff may see phone and email", "允许展位人员查看手机和邮箱";
    CHECKED_IN_NOW => "{name} checked in at {time}", "{name} 已签到 {time}";
    ALREADY_CHECKED_IN => "{name}: already checked in at {time}", "{name}：已于 {time} 签到";
    REGISTERED_CHECKED_IN => "{name} registered and checked in ({id})", "{name} 已登记并签到（{id}）";
    ALREADY_REGISTERED => "Already registered (same {what}): {name} {badge}", "已登记过（{what}相同）：{name} {badge}";
    VISIT_RECORDED => "Visit of {name} recorded", "已记录 {name} 的到访";
    ID_REQUIRED => "an id is required; the record keeps its id until then", "编号不能为空；在此之前保留原编号";
    // Problems shown under a field.
    EMPLOYER_REQUIRED => "an employer name is required", "单位名称不能为空";
    TITLE_REQUIRED => "a title is required", "岗位名称不能为空";
    NO_SUCH_BOOTH => "no booth has this number", "没有这个展位号";
    AT_LEAST_ONE_OPENING => "at least one opening", "招聘人数至少为 1";
    MIN_ABOVE_MAX => "minimum is above maximum", "最低薪资高于最高薪资";
    NAME_REQUIRED => "a name is required", "姓名不能为空";
    PROJECT_TITLE_REQUIRED => "a project title is required", "项目名称不能为空";
    SESSION_TITLE_REQUIRED => "a session title is required", "对接会名称不能为空";
    DATE_TIME_EXPECTED => "expected a date and time like 2026-02-21 13:30", "请输入日期和时间，例如 2026-02-21 13:30";
    END_BEFORE_START => "the end must come after the start", "结束时间须晚于开始时间";
    OVER_SEATS => "{invited} invited or came: {over} more than the seats", "已邀请或到场 {invited} 人，超出座位 {over} 人";
    FIND_TO_ADD => "type to find and add", "输入以查找并添加";
    NEW_PROJECT => "New project", "新建项目";
    NEW_PROJECT_TITLE => "New project", "新项目";
    NEW_SESSION => "New session", "新建对接会";
    NEW_SESSION_TITLE => "New session", "新对接会";
    ADD_FIELD => "Add a technology field", "添加技术领域";
    PRINT_ITINERARY => "Print itinerary…", "打印行程…";
    PRINT_ITINERARY_HELP => "Writes the person's interviews and sessions as a one-page PDF to print or send (a file name ending in .txt writes plain text).", "将此人的面试和对接会安排写成一页 PDF，供打印或发送（文件名以 .txt 结尾则写成纯文本）。";
    PHONE_DIGITS => "a phone number has 7 to 15 digits", "手机号应为 7 到 15 位数字";
    EMAIL_NEEDS_AT => "an email address contains @", "邮箱应包含 @";
    YEAR_RANGE => "a year between 1950 and 2100", "年份应在 1950 到 2100 之间";
    NOT_WHOLE_NUMBER => "not a whole number; the previous value is kept", "不是整数，保留原值";
    // Data safety: recovery copies, the fair's lock, encrypted fairs.
    RECOVERY_TITLE => "Unsaved edits were recovered", "发现未保存的修改";
    RECOVERY_BODY => "A recovery copy of {file} from {time} is newer than the file: fairmatch was closed before these edits were saved. Restore opens the copy (unsaved until you save); Discard deletes it and keeps the file as it is.",
        "{file} 有一份 {time} 的恢复副本，比文件本身新：fairmatch 在这些修改保存前被关闭。“恢复”打开该副本（保存后才写入文件）；“丢弃”删除副本，文件保持原样。";
    RESTORE => "Restore", "恢复";
    DISCARD_COPY => "Discard", "丢弃";
    LOCKED_TITLE => "This fair is open elsewhere", "此招聘会已在别处打开";
    LOCKED_BODY => "{file} is open in another fairmatch window ({holder}). Two windows saving one file would overwrite each other's changes. You can open it read-only: you see everything, but it cannot be saved over.",
        "{file} 已在另一个 fairmatch 窗口中打开（{holder}）。两个窗口保存同一文件会互相覆盖修改。可以只读打开：可查看全部内容，但不能保存覆盖。";
    LOCK_HOLDER_PROCESS => "process {pid}", "进程 {pid}";
    LOCK_HOLDER_UNKNOWN => "process unknown", "进程未知";
    OPEN_READ_ONLY => "Open read-only", "只读打开";
    READ_ONLY => "read-only", "只读";
    READ_ONLY_NOTE => "Read-only: another fairmatch has this file open; Save as… to keep a copy", "只读：另一个 fairmatch 已打开此文件；可“另存为…”保存副本";
    PASSPHRASE_TITLE => "Encrypted fair", "加密的招聘会文件";
    PASSPHRASE_BODY => "{file} is encrypted. Enter its passphrase; it is kept in memory only, to save the fair encrypted again.",
        "{file} 已加密。请输入密码；密码只保存在内存中，用于再次加密保存。";
    PASSPHRASE => "Passphrase", "密码";
    ERASE => "Erase…", "清除个人信息…";
    ERASE_TITLE => "Erase {name}'s personal data?", "清除 {name} 的个人信息？";
    ERASE_BODY => "{name} ({id}) leaves the candidate list: name, phone, email and every other detail are removed. Their visits stay, without staff notes, so booth counts and ratings hold; a note that this id was erased stays in the fair. This cannot be undone: Undo will not bring it back, and the undo history is cleared. Copies elsewhere (exports, backups, other laptops) are not reached.",
        "{name}（{id}）将从求职者名单中移除：姓名、手机、邮箱及其他所有信息都将删除。其到访记录保留（不含工作人员备注），展位统计和评分不变；招聘会中会保留“此编号已清除”的记录。此操作无法撤销：撤销不会恢复，撤销历史也会清空。其他地方的副本（导出文件、备份、其他电脑）不受影响。";
    ERASE_CONFIRM => "Erase for good", "永久清除";
    ENCODING_TITLE => "Which text encoding is {file} in?", "{file} 使用哪种文字编码？";
    ENCODING_BODY => "The file reads differently in these encodings. Pick the one whose line reads right; the import then runs again.",
        "此文件在以下编码下读出的内容不同。请选择读出正确内容的编码，然后将重新导入。";
    UNKNOWN_VALUES_TITLE => "Some values in {file} match no label", "{file} 中有些值没有对应的标签";
    UNKNOWN_VALUES_BODY => "Pick the label each value means; the answers are kept in the fair for the next import. A value left unpicked keeps its rows out of the import.",
        "请为每个值选择对应的标签；选择会保存在招聘会中供下次导入使用。未选择的值所在的行不会导入。";
    UNKNOWN_VALUE_ROWS => "{rows} row(s)", "{rows} 行";
    COLUMN => "Column", "列";
    VALUE => "Value", "值";
    ROW_COUNT => "Rows", "行数";
    LABEL => "Label", "标签";
    NOT_MAPPED => "(leave unmapped)", "（不对应）";
    IMPORT_AGAIN => "Import again", "重新导入";
    WRONG_PASSPHRASE => "Wrong passphrase, or the file is damaged; nothing was opened.", "密码错误或文件已损坏；未打开任何内容。";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_string_exists_in_both_languages() {
        for tr in ALL {
            assert!(!tr.en.trim().is_empty() && !tr.zh.trim().is_empty(), "{tr:?}");
            assert!(!tr.zh.is_ascii() || tr.zh == tr.en, "{:?} looks untranslated", tr);
        }
    }

    /// Both languages of a message have the same slots, so neither shows a raw `{name}`.
    #[test]
    fn both_languages_have_the_same_slots() {
        let slots = |text: &str| {
            let mut names: Vec<String> = text
                .split('{')
                .skip(1)
                .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_owned()))
                .collect();
            names.sort();
            names
        };
        for tr in ALL {
            assert_eq!(slots(tr.en), slots(tr.zh), "{tr:?}");
        }
        assert_eq!(
            CHECKED_IN_NOW.fill(Lang::Zh, &[("name", &"张伟"), ("time", &"09:30")]),
            "张伟 已签到 09:30"
        );
    }
}
