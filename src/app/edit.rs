//! The one enum of organizer changes to a fair, each undoable. Views build edits;
//! [`super::AppState::apply`] applies them. Desk actions are apart: [`super::DeskAction`].

use crate::app::merge::{LogMerge, LogUnmerge};
use crate::model::{
    Booth, BoothId, Candidate, CandidateId, DuplicateDecision, FairMeta, FloorSpot, Interview, LocalTime,
    MatchSettings, Position, PositionId, Project, ProjectId, ScheduleSettings, Session, SessionId, Visit, VisitId,
};

/// A field's name in both languages, used in edit names ("change skills of 张伟") and form labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    pub en: &'static str,
    pub zh: &'static str,
}

macro_rules! fields {
    ($($name:ident => $en:literal, $zh:literal;)+) => {
        /// Every editable field of booths, positions, candidates and settings.
        pub mod field {
            use super::Field;
            $(pub const $name: Field = Field { en: $en, zh: $zh };)+
        }
    };
}

fields! {
    ID => "id", "编号";
    EMPLOYER => "employer", "单位名称";
    EMPLOYER_KIND => "employer kind", "单位类型";
    INDUSTRY => "industry", "行业";
    ZONE => "zone", "展区";
    FLOOR => "floor spot", "展位坐标";
    INTERVIEW_HOURS => "interview hours", "面试安排";
    STAFF => "staff", "工作人员";
    TITLE => "title", "岗位名称";
    BOOTH => "booth", "展位";
    OPENINGS => "openings", "招聘人数";
    REQUIRED_SKILLS => "required skills", "必备技能";
    PREFERRED_SKILLS => "preferred skills", "优先技能";
    MIN_EDUCATION => "minimum education", "学历要求";
    MIN_EXPERIENCE => "minimum experience", "经验要求";
    SALARY => "salary", "薪资";
    CITY => "city", "工作地点";
    WORK_MODE => "work mode", "工作方式";
    DESCRIPTION => "description", "岗位描述";
    NAME => "name", "姓名";
    PHONE => "phone", "手机";
    EMAIL => "email", "邮箱";
    EDUCATION => "education", "学历";
    SCHOOL => "school", "学校";
    MAJOR => "major", "专业";
    GRADUATION_YEAR => "graduation year", "毕业年份";
    EXPERIENCE => "experience", "工作年限";
    SKILLS => "skills", "技能";
    EXPECTED_SALARY => "expected salary", "期望薪资";
    CITIES => "preferred cities", "意向城市";
    INDUSTRIES => "preferred industries", "意向行业";
    WORK_MODES => "accepted work modes", "接受的工作方式";
    TIER => "talent tier", "人才类别";
    HOMETOWN => "hometown", "生源地";
    CONSENT => "consent to share", "同意共享";
    BADGE => "badge", "胸卡号";
    CHECKED_IN => "check-in", "签到";
    FAIR_NAME => "fair details", "招聘会信息";
    MATCH_SETTINGS => "matching settings", "匹配设置";
    PROJECT_TITLE => "project title", "项目名称";
    LEAD => "lead", "负责人";
    TEAM => "team", "团队成员";
    TECH_FIELDS => "technology fields", "技术领域";
    STAGE => "stage", "阶段";
    INVESTMENT => "investment sought (万元)", "融资需求（万元）";
    SEEKS => "also seeks", "其他需求";
    STATUS => "status", "进度";
    COUNTERPARTY => "counterparty", "对接方";
    AMOUNT => "amount agreed (万元)", "签约金额（万元）";
    PROJECT_DESCRIPTION => "about the project", "项目简介";
    SESSION_TITLE => "session title", "对接会名称";
    SESSION_KIND => "kind", "类型";
    ROOM => "room", "会议室";
    START => "start", "开始时间";
    END => "end", "结束时间";
    CAPACITY => "seats (0: no limit)", "容量（0 为不限）";
    HOSTS => "host booths", "主办展位";
    INVITEES => "invitees", "受邀人";
    SESSION_PROJECTS => "projects presented", "参会项目";
}

/// What happens to a booth's positions when the booth is deleted.
#[derive(Debug, Clone, PartialEq)]
pub enum BoothPositions {
    /// Delete them too (the booth has none, or the organizer chose so).
    Delete,
    /// Move them to another booth first.
    MoveTo(BoothId),
}

/// One change to the fair. Every edit has an inverse computed when it is applied, so undo and
/// redo replay commands instead of keeping copies of the fair.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Replace the booth `id` with `value` (its id may change); `field` names what changed.
    SetBooth {
        id: BoothId,
        value: Booth,
        field: Field,
    },
    SetPosition {
        id: PositionId,
        value: Position,
        field: Field,
    },
    SetCandidate {
        id: CandidateId,
        value: Candidate,
        field: Field,
    },
    /// Insert at `at` (end when `None` or past the end).
    AddBooth {
        value: Booth,
        at: Option<usize>,
    },
    DeleteBooth {
        id: BoothId,
        positions: BoothPositions,
    },
    AddPosition {
        value: Position,
        at: Option<usize>,
    },
    /// Deletes the position. Visits that name it are booth staff's records: they are kept,
    /// under their booth without a position, and undo gives them their position back.
    DeletePosition {
        id: PositionId,
    },
    /// Sets which position each listed visit is about (`None`: the booth in general).
    SetVisitPositions {
        visits: Vec<(VisitId, Option<PositionId>)>,
    },
    /// `visits` are the candidate's visits with their former indexes, restored by undo.
    AddCandidate {
        value: Candidate,
        at: Option<usize>,
        visits: Vec<(usize, Visit)>,
    },
    /// Deletes the candidate and their visits.
    DeleteCandidate {
        id: CandidateId,
    },
    SetSettings {
        value: MatchSettings,
        field: Field,
    },
    SetMeta {
        value: FairMeta,
    },
    /// Records appended at the end of each list in one step (a CSV import); `name` says from where.
    Append {
        name: EditName,
        booths: Vec<Booth>,
        positions: Vec<Position>,
        candidates: Vec<Candidate>,
    },
    /// Removes the records with these ids (the inverse of [`Edit::Append`]). By id, not by
    /// count: a walk-in registered after an import must survive the import's undo.
    RemoveAppended {
        name: EditName,
        booths: Vec<BoothId>,
        positions: Vec<PositionId>,
        candidates: Vec<CandidateId>,
    },
    /// Station logs merged in one step (File → Merge station logs…): what the merge adds,
    /// computed off the frame against the fair as it was (see [`crate::app::merge::plan_merge`]).
    MergeLogs(Box<LogMerge>),
    /// Takes a merge back by id (the inverse of [`Edit::MergeLogs`]): desk actions recorded
    /// since survive it.
    UnmergeLogs(Box<LogUnmerge>),
    /// The organizer's answer to a possible duplicate found by merging station logs.
    ResolveDuplicate {
        decision: DuplicateDecision,
    },
    /// Takes a [`Edit::ResolveDuplicate`] back (its inverse); `restore` is what the merge of
    /// one candidate into another changed.
    UnresolveDuplicate {
        decision: DuplicateDecision,
        restore: Option<Box<crate::app::merge::MergedAway>>,
    },
    /// The interview timetable replaced as a whole (Schedule → Make schedule).
    SetInterviews {
        interviews: Vec<Interview>,
        settings: ScheduleSettings,
    },
    /// A project replaced whole (its editor, or its card moved on the pipeline board with a
    /// new step); `id` is the project's id before the edit.
    SetProject {
        id: ProjectId,
        value: Project,
        field: Field,
    },
    /// Insert at `at` (end when `None` or past the end).
    AddProject {
        value: Project,
        at: Option<usize>,
    },
    /// Deletes the project; sessions that present it drop it (undo gives it back to them).
    DeleteProject {
        id: ProjectId,
    },
    /// A session replaced whole (its editor, or invitations added), except who came: that is
    /// recorded at the door ([`crate::app::DeskAction::SessionCheckIn`]) and kept.
    SetSession {
        id: SessionId,
        value: Session,
        field: Field,
    },
    AddSession {
        value: Session,
        at: Option<usize>,
    },
    DeleteSession {
        id: SessionId,
    },
    /// One interview moved to another time at its booth; refused with the reason if the new
    /// time breaks a rule (booth hours, interviewers at once, the candidate's other interviews).
    MoveInterview {
        candidate: CandidateId,
        booth: BoothId,
        start: LocalTime,
    },
    /// The fair's label mappings (values in organizers' own words mapped to labels), replaced
    /// whole; an import that asked about unknown values keeps the answers this way.
    SetLabelMappings {
        value: Vec<crate::model::LabelMapping>,
    },
    /// Puts booths at spots on the floor plan (`None`: no spot), in one step: a booth dragged
    /// on the plan, or the unplaced booths laid out. Its own variant rather than
    /// [`Edit::SetBooth`], so two drags of one booth stay two undo steps and nothing but the
    /// spots is recomputed.
    SetFloorSpots {
        spots: Vec<(BoothId, Option<FloorSpot>)>,
    },
    /// Several edits undone as one, e.g. a booth deleted together with its positions.
    Batch {
        name: EditName,
        edits: Vec<Edit>,
    },
}

/// The human name of an edit in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EditName {
    pub en: String,
    pub zh: String,
}

impl EditName {
    pub fn new(en: impl Into<String>, zh: impl Into<String>) -> Self {
        Self {
            en: en.into(),
            zh: zh.into(),
        }
    }

    pub fn get(&self, lang: crate::model::Lang) -> &str {
        match lang {
            crate::model::Lang::En => &self.en,
            crate::model::Lang::Zh => &self.zh,
        }
    }
}

fn booth_label(booth: &Booth) -> String {
    if booth.employer.is_empty() {
        booth.id.to_string()
    } else {
        format!("{} {}", booth.id, booth.employer)
    }
}

fn position_label(position: &Position) -> String {
    if position.title.is_empty() {
        position.id.to_string()
    } else {
        position.title.clone()
    }
}

fn candidate_label(candidate: &Candidate) -> String {
    if candidate.name.is_empty() {
        candidate.id.to_string()
    } else {
        candidate.name.clone()
    }
}

impl Edit {
    /// The name shown in Edit → Undo/Redo, e.g. "change skills of 张伟" / "修改 张伟 的技能".
    pub fn name(&self) -> EditName {
        let change = |field: &Field, what: String| {
            EditName::new(
                format!("change {} of {what}", field.en),
                format!("修改 {what} 的{}", field.zh),
            )
        };
        match self {
            Edit::SetBooth { value, field, .. } => change(field, booth_label(value)),
            Edit::SetPosition { value, field, .. } => change(field, position_label(value)),
            Edit::SetCandidate { value, field, .. } => change(field, candidate_label(value)),
            Edit::AddBooth { value, .. } => {
                let what = booth_label(value);
                EditName::new(format!("add booth {what}"), format!("添加展位 {what}"))
            }
            Edit::DeleteBooth { id, .. } => EditName::new(format!("delete booth {id}"), format!("删除展位 {id}")),
            Edit::AddPosition { value, .. } => {
                let what = position_label(value);
                EditName::new(format!("add position {what}"), format!("添加岗位 {what}"))
            }
            Edit::DeletePosition { id } => EditName::new(format!("delete position {id}"), format!("删除岗位 {id}")),
            Edit::AddCandidate { value, .. } => {
                let what = candidate_label(value);
                EditName::new(format!("add candidate {what}"), format!("添加求职者 {what}"))
            }
            Edit::DeleteCandidate { id } => EditName::new(format!("delete candidate {id}"), format!("删除求职者 {id}")),
            Edit::SetSettings { field, .. } => {
                EditName::new(format!("change {}", field.en), format!("修改{}", field.zh))
            }
            Edit::SetMeta { .. } => EditName::new("change fair details", "修改招聘会信息"),
            Edit::SetLabelMappings { .. } => EditName::new("map imported values to labels", "将导入的值对应到标签"),
            Edit::SetVisitPositions { visits } => EditName::new(
                format!("change the position of {} visits", visits.len()),
                format!("修改 {} 条到访记录的岗位", visits.len()),
            ),
            Edit::ResolveDuplicate { decision } | Edit::UnresolveDuplicate { decision, .. } => match decision {
                DuplicateDecision::SamePerson { kept, merged } => EditName::new(
                    format!("merge duplicate {merged} into {kept}"),
                    format!("合并重复登记 {merged} 到 {kept}"),
                ),
                DuplicateDecision::DifferentPeople { a, b } => EditName::new(
                    format!("mark {a} and {b} as different people"),
                    format!("标记 {a} 与 {b} 为不同的人"),
                ),
            },
            Edit::SetProject { value, field, .. } => EditName::new(
                format!("change {} of project {}", field.en, value.title),
                format!("修改项目 {} 的{}", value.title, field.zh),
            ),
            Edit::AddProject { value, .. } => EditName::new(
                format!("add project {}", value.title),
                format!("添加项目 {}", value.title),
            ),
            Edit::DeleteProject { id } => EditName::new(format!("delete project {id}"), format!("删除项目 {id}")),
            Edit::SetSession { value, field, .. } => EditName::new(
                format!("change {} of session {}", field.en, value.title),
                format!("修改对接会 {} 的{}", value.title, field.zh),
            ),
            Edit::AddSession { value, .. } => EditName::new(
                format!("add session {}", value.title),
                format!("添加对接会 {}", value.title),
            ),
            Edit::DeleteSession { id } => EditName::new(format!("delete session {id}"), format!("删除对接会 {id}")),
            Edit::SetInterviews { .. } => EditName::new("make the interview schedule", "生成面试日程"),
            Edit::MoveInterview { candidate, start, .. } => EditName::new(
                format!("move {candidate}'s interview to {}", start.format("%H:%M")),
                format!("将 {candidate} 的面试改到 {}", start.format("%H:%M")),
            ),
            Edit::SetFloorSpots { spots } => match spots.as_slice() {
                [(id, _)] => EditName::new(
                    format!("move booth {id} on the floor plan"),
                    format!("在平面图上移动展位 {id}"),
                ),
                _ => EditName::new(
                    format!("place {} booths on the floor plan", spots.len()),
                    format!("在平面图上排布 {} 个展位", spots.len()),
                ),
            },
            Edit::MergeLogs(merge) => merge.name.clone(),
            Edit::UnmergeLogs(unmerge) => unmerge.name.clone(),
            Edit::Batch { name, .. } | Edit::Append { name, .. } | Edit::RemoveAppended { name, .. } => name.clone(),
        }
    }

    /// Identifies the record and field a `Set*` edit changes, so consecutive keystrokes in one
    /// field merge into one undo step.
    pub(crate) fn merge_key(&self) -> Option<(u8, String, Field)> {
        match self {
            Edit::SetBooth { value, field, .. } => Some((0, value.id.0.clone(), *field)),
            Edit::SetPosition { value, field, .. } => Some((1, value.id.0.clone(), *field)),
            Edit::SetCandidate { value, field, .. } => Some((2, value.id.0.clone(), *field)),
            Edit::SetSettings { field, .. } => Some((3, String::new(), *field)),
            Edit::SetMeta { .. } => Some((4, String::new(), field::FAIR_NAME)),
            // A pipeline move or an invitation is a step of its own.
            Edit::SetProject { value, field, .. } if *field != field::STATUS && *field != field::TEAM => {
                Some((5, value.id.0.clone(), *field))
            }
            Edit::SetSession { value, field, .. } if ![field::INVITEES, field::HOSTS].contains(field) => {
                Some((6, value.id.0.clone(), *field))
            }
            _ => None,
        }
    }
}
