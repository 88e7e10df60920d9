//! Closed vocabularies (education, work mode, ...) with English and Chinese labels.
//!
//! Free-typed values split filters ("本科" vs "Bachelor" vs "bachelor's"), so every
//! categorical field is an enum that parses from either language and prints in both.

/// Defines a `Copy` enum whose variants carry an English label, a Chinese label and
/// extra accepted spellings. Generates `ALL`, `en()`, `zh()`, `label(lang)` and `parse()`.
macro_rules! labeled_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $variant:ident => ($en:literal, $zh:literal $(, $alias:literal)* ) ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        pub enum $name { $( $variant ),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[ $( $name::$variant ),+ ];

            pub fn en(self) -> &'static str {
                match self { $( $name::$variant => $en ),+ }
            }

            pub fn zh(self) -> &'static str {
                match self { $( $name::$variant => $zh ),+ }
            }

            pub fn label(self, lang: crate::model::Lang) -> &'static str {
                match lang {
                    crate::model::Lang::En => self.en(),
                    crate::model::Lang::Zh => self.zh(),
                }
            }

            /// Parses an English or Chinese label, a variant name or a known alias,
            /// ignoring case, surrounding spaces, `-`, `_` and inner spaces.
            pub fn parse(text: &str) -> Option<$name> {
                let key = crate::text::fold(text);
                $(
                    if key == crate::text::fold($en)
                        || key == crate::text::fold($zh)
                        || key == crate::text::fold(stringify!($variant))
                        $( || key == crate::text::fold($alias) )*
                    {
                        return Some($name::$variant);
                    }
                )+
                None
            }

            /// Every spelling [`Self::parse`] accepts for `self`: labels, variant name, aliases.
            pub fn spellings(self) -> Vec<&'static str> {
                match self {
                    $( $name::$variant => vec![$en, $zh, stringify!($variant) $(, $alias)*] ),+
                }
            }

            /// Every accepted English and Chinese label, for "expected one of" messages.
            pub fn expected() -> String {
                let labels: Vec<String> = Self::ALL.iter().map(|v| format!("{}/{}", v.en(), v.zh())).collect();
                labels.join(", ")
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.en())
            }
        }
    };
}

pub(crate) use labeled_enum;

/// Comparison key for labels (see [`crate::text::fold`]); kept here for existing callers.
pub use crate::text::fold;

/// A closed vocabulary that sheets' cells are read into; the target of a [`LabelMapping`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum Vocabulary {
    Education,
    WorkMode,
    TalentTier,
    Industry,
    EmployerKind,
}

impl Vocabulary {
    pub const ALL: [Vocabulary; 5] = [
        Vocabulary::Education,
        Vocabulary::WorkMode,
        Vocabulary::TalentTier,
        Vocabulary::Industry,
        Vocabulary::EmployerKind,
    ];

    /// Every label of the vocabulary as `(English label, every accepted spelling)`.
    pub fn labels(self) -> Vec<(&'static str, Vec<&'static str>)> {
        fn collect<T: Copy>(
            all: &[T],
            en: fn(T) -> &'static str,
            spellings: fn(T) -> Vec<&'static str>,
        ) -> Vec<(&'static str, Vec<&'static str>)> {
            all.iter().map(|&v| (en(v), spellings(v))).collect()
        }
        match self {
            Vocabulary::Education => collect(Education::ALL, Education::en, Education::spellings),
            Vocabulary::WorkMode => collect(WorkMode::ALL, WorkMode::en, WorkMode::spellings),
            Vocabulary::TalentTier => collect(TalentTier::ALL, TalentTier::en, TalentTier::spellings),
            Vocabulary::Industry => collect(Industry::ALL, Industry::en, Industry::spellings),
            Vocabulary::EmployerKind => collect(EmployerKind::ALL, EmployerKind::en, EmployerKind::spellings),
        }
    }

    /// The English label `text` names in this vocabulary (any accepted spelling), if any.
    pub fn parse(self, text: &str) -> Option<&'static str> {
        match self {
            Vocabulary::Education => Education::parse(text).map(Education::en),
            Vocabulary::WorkMode => WorkMode::parse(text).map(WorkMode::en),
            Vocabulary::TalentTier => TalentTier::parse(text).map(TalentTier::en),
            Vocabulary::Industry => Industry::parse(text).map(Industry::en),
            Vocabulary::EmployerKind => EmployerKind::parse(text).map(EmployerKind::en),
        }
    }

    /// "expected one of ..." text.
    pub fn expected(self) -> String {
        match self {
            Vocabulary::Education => Education::expected(),
            Vocabulary::WorkMode => WorkMode::expected(),
            Vocabulary::TalentTier => TalentTier::expected(),
            Vocabulary::Industry => Industry::expected(),
            Vocabulary::EmployerKind => EmployerKind::expected(),
        }
    }
}

/// An organizer's word for a label: cells reading `value` (compared folded: case, width and
/// spaces ignored) in `vocabulary` mean `label` (an English label, e.g. `Returnee`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LabelMapping {
    pub vocabulary: Vocabulary,
    pub value: String,
    pub label: String,
}

/// UI and report language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// The one of a pair of texts (or any values) written in this language.
    pub fn pick<T>(self, en: T, zh: T) -> T {
        match self {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }
}

labeled_enum! {
    /// Highest completed education. Ordered: a higher variant satisfies a lower minimum.
    pub enum Education {
        HighSchool => ("High school", "高中", "中专", "secondary", "vocational secondary", "高中及以上", "不限", "any"),
        Associate => ("Associate", "大专", "专科", "college", "associate degree", "大专及以上"),
        Bachelor => ("Bachelor", "本科", "学士", "bachelors", "BA", "BS", "BSc", "undergraduate", "本科及以上"),
        Master => ("Master", "硕士", "研究生", "masters", "MA", "MS", "MSc", "MBA", "硕士及以上"),
        Doctorate => ("Doctorate", "博士", "PhD", "doctor", "doctoral", "博士研究生"),
    }
}

impl Education {
    /// Rank used for "more than one level below the minimum" checks.
    pub fn level(self) -> i32 {
        self as i32
    }
}

labeled_enum! {
    /// How the work is done. `Flexible` covers part-time, consulting and visiting experts.
    pub enum WorkMode {
        OnSite => ("On-site", "现场", "onsite", "坐班", "全职", "full-time", "office", "线下"),
        Hybrid => ("Hybrid", "混合", "混合办公"),
        Remote => ("Remote", "远程", "远程办公", "线上", "wfh"),
        Flexible => ("Flexible", "柔性", "兼职", "part-time", "parttime", "柔性引进", "顾问", "consulting", "visiting"),
    }
}

labeled_enum! {
    pub enum TalentTier {
        Student => ("Student", "学生", "应届生", "graduate", "应届毕业生", "在校生"),
        Returnee => ("Returnee", "返乡", "回乡", "归雁", "returning"),
        Experienced => ("Experienced", "社会人才", "有经验", "professional", "在职"),
        HighLevel => ("High-level", "高层次人才", "高层次", "highlevel", "expert", "专家"),
        OverseasHighLevel => ("Overseas high-level", "海外高层次人才", "海外高层次", "overseas", "海外人才", "海归"),
    }
}

labeled_enum! {
    pub enum EmployerKind {
        Enterprise => ("Enterprise", "企业", "company", "公司", "民营企业", "国有企业", "国企"),
        University => ("University", "高校", "大学", "college", "学院", "院校"),
        Institute => ("Institute", "科研院所", "研究所", "研究院", "research institute", "院所"),
        Government => ("Government", "政府机关", "政府", "事业单位", "机关", "public sector"),
        Park => ("Industrial park", "产业园区", "园区", "开发区", "高新区", "孵化器", "park", "incubator"),
        Investor => ("Investor", "投资机构", "投资", "基金", "创投", "风投", "VC", "fund"),
    }
}

labeled_enum! {
    /// What booth staff decided after talking to a candidate.
    pub enum NextStep {
        None => ("None", "无", "待定", "-", "none yet"),
        Interview => ("Interview", "面试", "邀请面试"),
        Offer => ("Offer", "录用意向", "offer", "发offer"),
        Reject => ("Reject", "不合适", "淘汰", "rejected", "拒绝"),
        Hired => ("Hired", "已录用", "录用", "签约", "signed"),
    }
}

labeled_enum! {
    /// Industries from the fairs fairmatch serves. A closed list so filters never split.
    pub enum Industry {
        ArtificialIntelligence => ("Artificial intelligence", "人工智能", "AI"),
        VirtualReality => ("Virtual reality", "虚拟现实", "VR", "AR/VR", "元宇宙"),
        Software => ("Software & internet", "软件与互联网", "software", "internet", "互联网", "软件", "IT"),
        BigData => ("Big data & cloud", "大数据与云计算", "big data", "大数据", "cloud", "云计算"),
        GreenComputing => ("Green computing", "绿色算力", "data center", "数据中心", "算力"),
        IntelligentManufacturing => ("Intelligent manufacturing", "智能制造", "manufacturing", "制造", "装备制造"),
        Electronics => ("Electronics", "电子信息", "electronic", "电子", "半导体", "semiconductor"),
        HomeAppliances => ("Home appliances", "家电", "家用电器", "appliances"),
        Acoustics => ("Acoustics", "声学", "声学器件", "audio"),
        Marine => ("Marine science", "海洋科学", "marine", "海洋", "ocean"),
        CleanEnergy => ("Clean energy", "清洁能源", "new energy", "新能源", "光伏", "solar"),
        Chemicals => ("Salt-lake chemicals", "盐湖化工", "chemicals", "化工", "chemical"),
        Materials => ("New materials", "新材料", "materials", "锂电材料", "硅基材料", "lithium", "silicon"),
        Biomedicine => ("Biomedicine", "生物医药", "biotech", "生物", "医药", "pharma"),
        Healthcare => ("Healthcare", "医疗健康", "medicine", "医疗", "医院", "hospital"),
        Astronomy => ("Astronomy & aerospace", "天文与航天", "astronomy", "天文", "aerospace", "航天"),
        NewMedia => ("New media", "新媒体", "media", "传媒", "直播", "live streaming"),
        ECommerce => ("E-commerce", "电子商务", "ecommerce", "电商"),
        Finance => ("Finance", "金融", "banking", "银行"),
        Education => ("Education", "教育", "training", "培训"),
        CulturalTourism => ("Cultural tourism", "文化旅游", "tourism", "文旅", "旅游"),
        FoodBeverage => ("Food & beverage", "食品饮料", "food", "beverage", "brewing", "啤酒", "食品"),
        Agriculture => ("Agriculture", "现代农业", "农业", "farming", "农牧"),
        PublicService => ("Public service", "公共服务", "government", "政府", "public"),
    }
}

labeled_enum! {
    /// How far a project has come.
    pub enum ProjectStage {
        Idea => ("Idea", "创意", "概念", "idea stage"),
        Prototype => ("Prototype", "原型", "样机", "研发", "demo"),
        Revenue => ("Revenue", "已有营收", "营收", "收入", "商业化"),
        Scaling => ("Scaling", "规模化", "扩张", "成长期"),
    }
}

labeled_enum! {
    /// A project's way from registration to landing in the region (落地).
    pub enum ProjectStatus {
        Registered => ("Registered", "已登记", "登记"),
        Matched => ("Matched", "已对接", "对接"),
        Negotiating => ("Negotiating", "洽谈中", "洽谈"),
        IntentionSigned => ("Intention signed", "签订意向", "意向", "intention"),
        ContractSigned => ("Contract signed", "签约", "签订合同", "contract"),
        Landed => ("Landed", "已落地", "落地"),
    }
}

labeled_enum! {
    /// What a session is for.
    pub enum SessionKind {
        Docking => ("Docking session", "对接会", "供需对接会", "docking"),
        Roadshow => ("Roadshow", "路演", "项目路演"),
        Interviews => ("Interview block", "集中面试", "面试专场", "interviews"),
    }
}
