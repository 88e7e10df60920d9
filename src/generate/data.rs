//! Word lists the generator draws from: industries with their employers, titles and skills,
//! majors, schools, names and cities. Kept apart from the drawing logic so they read as data.

use crate::model::{Education, Industry, SkillGroup};

use Education::{Associate, Bachelor, Doctorate, HighSchool, Master};
use SkillGroup as G;

/// A job title with the education it usually asks for and the skill keys at its core.
pub struct Title {
    pub zh: &'static str,
    pub en: &'static str,
    pub education: Education,
    pub skills: &'static [&'static str],
}

const fn t(zh: &'static str, en: &'static str, education: Education, skills: &'static [&'static str]) -> Title {
    Title {
        zh,
        en,
        education,
        skills,
    }
}

/// Everything the generator knows about one industry.
pub struct Profile {
    pub industry: Industry,
    /// Index into [`ZONES`].
    pub zone: usize,
    /// Relative share of booths at a city-scale fair.
    pub weight: u32,
    /// Skill groups positions draw from, most relevant first.
    pub groups: &'static [SkillGroup],
    /// Multiplier on the base salary.
    pub salary_factor: f32,
    /// Middle part of enterprise names, e.g. `海洋科技` in 青岛海川海洋科技有限公司.
    pub company_words: &'static [&'static str],
    pub institute_words: &'static [&'static str],
    pub university_words: &'static [&'static str],
    pub government_bodies: &'static [&'static str],
    /// Cities where this industry clusters; empty means anywhere.
    pub cities: &'static [&'static str],
    pub titles: &'static [Title],
}

/// Floor zones: letter, Chinese name.
pub const ZONES: &[(&str, &str)] = &[
    ("A", "人工智能与虚拟现实"),
    ("B", "软件与大数据"),
    ("C", "智能制造与电子信息"),
    ("D", "海洋与空天"),
    ("E", "清洁能源与新材料"),
    ("F", "生物医药与健康"),
    ("G", "新媒体与电子商务"),
    ("H", "金融与教育"),
    ("J", "文旅、食品与现代农业"),
    ("K", "公共服务与人才政策"),
];

#[rustfmt::skip]
pub const PROFILES: &[Profile] = &[
    Profile {
        industry: Industry::ArtificialIntelligence,
        zone: 0,
        weight: 8,
        groups: &[G::Ai, G::Software, G::BigData],
        salary_factor: 1.35,
        company_words: &["智能科技", "人工智能", "智算科技", "视觉智能", "数智科技", "机器人", "智能网联"],
        institute_words: &["人工智能研究院", "智能计算研究院", "类脑智能研究中心"],
        university_words: &["科技大学", "理工大学"],
        government_bodies: &["工业和信息化局"],
        cities: &[],
        titles: &[
            t("机器学习工程师", "Machine Learning Engineer", Master, &["machine_learning", "python", "deep_learning"]),
            t("算法工程师", "Algorithm Engineer", Master, &["algorithms", "machine_learning", "python"]),
            t("计算机视觉工程师", "Computer Vision Engineer", Master, &["computer_vision", "deep_learning", "pytorch"]),
            t("自然语言处理工程师", "NLP Engineer", Master, &["nlp", "large_language_models", "python"]),
            t("大模型应用开发工程师", "LLM Application Developer", Bachelor, &["large_language_models", "prompt_engineering", "python"]),
            t("语音算法工程师", "Speech Algorithm Engineer", Master, &["speech_recognition", "deep_learning", "signal_processing"]),
            t("推荐算法工程师", "Recommendation Engineer", Master, &["recommender_systems", "machine_learning", "spark"]),
            t("AI产品经理", "AI Product Manager", Bachelor, &["product_management", "large_language_models"]),
            t("数据标注专员", "Data Annotator", Associate, &["data_annotation", "office_software"]),
            t("模型部署工程师", "ML Deployment Engineer", Bachelor, &["model_deployment", "docker", "cpp"]),
            t("人工智能研究员", "AI Research Scientist", Doctorate, &["deep_learning", "reinforcement_learning", "academic_research"]),
            t("自动驾驶感知工程师", "Autonomous Driving Perception Engineer", Master, &["autonomous_driving", "computer_vision", "cpp"]),
            t("AI芯片软件工程师", "AI Accelerator Software Engineer", Master, &["ai_chips", "cpp", "model_deployment"]),
        ],
    },
    Profile {
        industry: Industry::VirtualReality,
        zone: 0,
        weight: 3,
        groups: &[G::Software, G::Design, G::Ai],
        salary_factor: 1.2,
        company_words: &["虚拟现实", "元宇宙科技", "数字孪生", "XR科技", "沉浸式科技", "互动娱乐"],
        institute_words: &["虚拟现实研究院"],
        university_words: &[],
        government_bodies: &[],
        cities: &["青岛", "北京", "上海", "深圳"],
        titles: &[
            t("VR开发工程师", "VR Developer", Bachelor, &["vr_development", "unity"]),
            t("Unity开发工程师", "Unity Developer", Bachelor, &["unity", "vr_development", "game_development"]),
            t("虚幻引擎开发工程师", "Unreal Engine Developer", Bachelor, &["unreal_engine", "cpp"]),
            t("三维建模师", "3D Artist", Associate, &["3d_modeling", "game_art"]),
            t("数字孪生工程师", "Digital Twin Engineer", Bachelor, &["digital_twin", "unity", "3d_modeling"]),
            t("交互设计师", "Interaction Designer", Bachelor, &["ux_design", "prototyping"]),
            t("图形渲染工程师", "Graphics Rendering Engineer", Master, &["cpp", "algorithms", "unreal_engine"]),
            t("游戏策划", "Game Designer", Bachelor, &["game_development", "content_strategy"]),
        ],
    },
    Profile {
        industry: Industry::Software,
        zone: 1,
        weight: 10,
        groups: &[G::Software, G::BigData, G::Design],
        salary_factor: 1.2,
        company_words: &["软件", "信息技术", "网络科技", "数字科技", "云科技", "互联网科技", "信息系统"],
        institute_words: &["软件研究所"],
        university_words: &["理工大学"],
        government_bodies: &["大数据发展管理局"],
        cities: &[],
        titles: &[
            t("Java开发工程师", "Java Developer", Bachelor, &["java", "spring", "mysql"]),
            t("前端开发工程师", "Front-end Developer", Bachelor, &["frontend", "javascript", "vue"]),
            t("后端开发工程师", "Back-end Engineer", Bachelor, &["backend", "go", "redis"]),
            t("Python开发工程师", "Python Developer", Bachelor, &["python", "mysql", "linux"]),
            t("C++开发工程师", "C++ Developer", Bachelor, &["cpp", "linux", "algorithms"]),
            t("安卓开发工程师", "Android Developer", Bachelor, &["android", "java"]),
            t("iOS开发工程师", "iOS Developer", Bachelor, &["ios", "git"]),
            t("软件测试工程师", "QA Engineer", Associate, &["software_testing", "python", "linux"]),
            t("运维工程师", "DevOps Engineer", Associate, &["devops", "linux", "docker", "kubernetes"]),
            t("网络安全工程师", "Security Engineer", Bachelor, &["cybersecurity", "linux"]),
            t("小程序开发工程师", "Mini-program Developer", Associate, &["mini_program", "javascript"]),
            t("软件架构师", "Software Architect", Master, &["software_architecture", "microservices", "java"]),
            t("全栈工程师", "Full-stack Engineer", Bachelor, &["frontend", "backend", "typescript", "react"]),
            t("产品经理", "Product Manager", Bachelor, &["product_management", "prototyping"]),
            t("Rust开发工程师", "Rust Developer", Bachelor, &["rust", "linux", "algorithms"]),
        ],
    },
    Profile {
        industry: Industry::BigData,
        zone: 1,
        weight: 5,
        groups: &[G::BigData, G::Software, G::Ai],
        salary_factor: 1.2,
        company_words: &["大数据", "数据科技", "云计算", "数据服务", "信息产业", "数据集团"],
        institute_words: &["大数据研究院"],
        university_words: &[],
        government_bodies: &["大数据发展管理局", "统计局"],
        cities: &[],
        titles: &[
            t("大数据开发工程师", "Big Data Engineer", Bachelor, &["hadoop", "spark", "sql"]),
            t("数据分析师", "Data Analyst", Bachelor, &["data_analysis", "sql", "python"]),
            t("数据仓库工程师", "Data Warehouse Engineer", Bachelor, &["data_warehouse", "etl", "sql"]),
            t("实时计算工程师", "Stream Processing Engineer", Bachelor, &["flink", "kafka", "java"]),
            t("BI工程师", "BI Engineer", Bachelor, &["bi_tools", "data_visualization", "sql"]),
            t("数据治理专员", "Data Governance Specialist", Bachelor, &["data_governance", "sql"]),
            t("云计算工程师", "Cloud Engineer", Bachelor, &["cloud_computing", "linux", "docker"]),
            t("数据挖掘工程师", "Data Mining Engineer", Master, &["data_mining", "machine_learning", "python"]),
            t("GIS开发工程师", "GIS Engineer", Bachelor, &["gis", "python"]),
            t("统计分析师", "Statistician", Master, &["statistics", "r_language"]),
        ],
    },
    Profile {
        industry: Industry::GreenComputing,
        zone: 1,
        weight: 2,
        groups: &[G::BigData, G::CleanEnergy, G::Software],
        salary_factor: 1.1,
        company_words: &["绿色算力", "数据中心", "算力科技", "云数据", "昆仑算力"],
        institute_words: &["绿色算力研究院"],
        university_words: &[],
        government_bodies: &["数据局"],
        cities: &["西宁", "海东", "青岛"],
        titles: &[
            t("数据中心运维工程师", "Data Center Operations Engineer", Associate, &["data_center_operations", "linux"]),
            t("算力调度工程师", "Compute Scheduling Engineer", Bachelor, &["green_computing", "kubernetes", "cloud_computing"]),
            t("高性能计算工程师", "HPC Engineer", Master, &["hpc", "linux", "cpp"]),
            t("数据中心能效工程师", "Data Center Energy Engineer", Bachelor, &["energy_management", "data_center_operations"]),
            t("云平台架构师", "Cloud Architect", Master, &["cloud_computing", "software_architecture"]),
            t("网络工程师", "Network Engineer", Associate, &["communication_engineering", "linux"]),
        ],
    },
    Profile {
        industry: Industry::IntelligentManufacturing,
        zone: 2,
        weight: 10,
        groups: &[G::IntelligentManufacturing, G::Electronics, G::Software],
        salary_factor: 1.0,
        company_words: &["智能装备", "精密机械", "自动化设备", "重工", "机器人", "智能制造", "轨道交通装备", "汽车零部件"],
        institute_words: &["智能制造研究院", "工业技术研究院"],
        university_words: &["理工大学", "职业技术学院"],
        government_bodies: &["工业和信息化局"],
        cities: &[],
        titles: &[
            t("机械设计工程师", "Mechanical Design Engineer", Bachelor, &["mechanical_design", "solidworks", "cad"]),
            t("电气工程师", "Electrical Engineer", Bachelor, &["electrical_engineering", "plc"]),
            t("PLC工程师", "PLC Engineer", Associate, &["plc", "industrial_automation"]),
            t("工业机器人调试工程师", "Robot Commissioning Engineer", Associate, &["industrial_robotics", "plc"]),
            t("机器视觉工程师", "Machine Vision Engineer", Bachelor, &["machine_vision", "cpp", "computer_vision"]),
            t("工艺工程师", "Process Engineer", Bachelor, &["process_engineering", "lean_manufacturing"]),
            t("质量工程师", "Quality Engineer", Bachelor, &["quality_control", "six_sigma"]),
            t("数控操作员", "CNC Operator", HighSchool, &["cnc"]),
            t("焊接技术员", "Welding Technician", HighSchool, &["welding"]),
            t("设备维护工程师", "Maintenance Engineer", Associate, &["equipment_maintenance", "electrical_engineering"]),
            t("MES实施工程师", "MES Implementation Engineer", Bachelor, &["mes", "sql", "industrial_internet"]),
            t("生产计划专员", "Production Planner", Associate, &["production_planning", "office_software"]),
            t("模具设计师", "Mold Designer", Associate, &["mold_design", "cad"]),
            t("数字孪生工程师", "Digital Twin Engineer", Master, &["digital_twin", "industrial_internet"]),
        ],
    },
    Profile {
        industry: Industry::Electronics,
        zone: 2,
        weight: 7,
        groups: &[G::Electronics, G::IntelligentManufacturing, G::Software],
        salary_factor: 1.15,
        company_words: &["电子", "微电子", "半导体", "电子信息", "通信技术", "光电科技", "芯片"],
        institute_words: &["微电子研究院", "集成电路研究所"],
        university_words: &["电子科技大学"],
        government_bodies: &[],
        cities: &[],
        titles: &[
            t("嵌入式软件工程师", "Embedded Software Engineer", Bachelor, &["embedded_systems", "c_language", "microcontrollers"]),
            t("硬件工程师", "Hardware Engineer", Bachelor, &["hardware_engineering", "pcb_design", "analog_circuits"]),
            t("数字IC设计工程师", "Digital IC Design Engineer", Master, &["digital_ic", "verilog"]),
            t("FPGA工程师", "FPGA Engineer", Master, &["fpga", "verilog"]),
            t("射频工程师", "RF Engineer", Master, &["rf_engineering", "communication_engineering"]),
            t("半导体工艺工程师", "Semiconductor Process Engineer", Master, &["semiconductor_process", "materials_characterization"]),
            t("通信工程师", "Telecom Engineer", Bachelor, &["communication_engineering", "signal_processing"]),
            t("电源工程师", "Power Supply Engineer", Bachelor, &["power_electronics", "analog_circuits"]),
            t("物联网工程师", "IoT Engineer", Bachelor, &["iot", "embedded_systems"]),
            t("EMC工程师", "EMC Engineer", Bachelor, &["emc", "hardware_engineering"]),
            t("电子测试技术员", "Electronics Test Technician", Associate, &["hardware_engineering", "quality_control"]),
        ],
    },
    Profile {
        industry: Industry::HomeAppliances,
        zone: 2,
        weight: 4,
        groups: &[G::Electronics, G::IntelligentManufacturing, G::Design],
        salary_factor: 1.0,
        company_words: &["智能家电", "电器", "家居科技", "厨电", "智慧家庭"],
        institute_words: &[],
        university_words: &[],
        government_bodies: &[],
        cities: &["青岛", "济南"],
        titles: &[
            t("智能家居软件工程师", "Smart Home Software Engineer", Bachelor, &["smart_home", "embedded_systems", "iot"]),
            t("家电结构工程师", "Appliance Structural Engineer", Bachelor, &["mechanical_design", "mold_design"]),
            t("电控工程师", "Electronic Control Engineer", Bachelor, &["microcontrollers", "power_electronics"]),
            t("工业设计师", "Industrial Designer", Bachelor, &["industrial_design", "3d_modeling"]),
            t("质量工程师", "Quality Engineer", Bachelor, &["quality_control", "six_sigma"]),
            t("海外市场专员", "Overseas Marketing Specialist", Bachelor, &["international_trade", "english", "marketing"]),
            t("售后技术支持", "After-sales Technical Support", Associate, &["customer_service", "electrical_engineering"]),
            t("生产管理储备干部", "Production Management Trainee", Bachelor, &["production_planning", "lean_manufacturing", "team_leadership"]),
        ],
    },
    Profile {
        industry: Industry::Acoustics,
        zone: 2,
        weight: 2,
        groups: &[G::Electronics, G::IntelligentManufacturing],
        salary_factor: 1.1,
        company_words: &["声学", "电声科技", "音频科技", "精密声学"],
        institute_words: &["声学研究所"],
        university_words: &[],
        government_bodies: &[],
        cities: &["青岛", "潍坊"],
        titles: &[
            t("声学工程师", "Acoustic Engineer", Master, &["acoustic_engineering", "signal_processing"]),
            t("音频算法工程师", "Audio Algorithm Engineer", Master, &["signal_processing", "speech_recognition", "c_language"]),
            t("电声测试工程师", "Electroacoustic Test Engineer", Bachelor, &["acoustic_engineering", "quality_control"]),
            t("结构工程师", "Structural Engineer", Bachelor, &["mechanical_design", "solidworks"]),
            t("光学工程师", "Optical Engineer", Master, &["optical_engineering"]),
            t("硬件工程师", "Hardware Engineer", Bachelor, &["hardware_engineering", "pcb_design"]),
            t("精密制造工艺工程师", "Precision Manufacturing Engineer", Bachelor, &["process_engineering", "machine_vision"]),
        ],
    },
    Profile {
        industry: Industry::Marine,
        zone: 3,
        weight: 6,
        groups: &[G::Marine, G::BigData, G::IntelligentManufacturing],
        salary_factor: 1.05,
        company_words: &["海洋科技", "海洋装备", "海工装备", "海洋生物科技", "海洋信息技术", "港航", "蓝色科技", "远洋渔业"],
        institute_words: &["海洋研究所", "海洋装备研究院", "海洋科学与技术实验室", "海洋地质调查中心"],
        university_words: &["海洋大学", "海事学院"],
        government_bodies: &["海洋发展局"],
        cities: &["青岛", "烟台"],
        titles: &[
            t("海洋科学研究员", "Oceanography Researcher", Doctorate, &["oceanography", "ocean_data", "academic_research"]),
            t("海洋工程师", "Ocean Engineer", Master, &["ocean_engineering", "mechanical_design"]),
            t("船舶设计工程师", "Naval Architect", Bachelor, &["naval_architecture", "cad"]),
            t("水下机器人工程师", "Underwater Robotics Engineer", Master, &["underwater_robotics", "embedded_systems"]),
            t("海洋观测技术员", "Ocean Observation Technician", Associate, &["ocean_observation", "gis"]),
            t("水声工程师", "Underwater Acoustics Engineer", Master, &["underwater_acoustics", "signal_processing"]),
            t("海洋生物研究助理", "Marine Biology Research Assistant", Master, &["marine_biology", "molecular_biology"]),
            t("水产养殖技术员", "Aquaculture Technician", Associate, &["aquaculture"]),
            t("海洋环境监测工程师", "Marine Environment Monitoring Engineer", Bachelor, &["marine_ecology", "marine_chemistry", "environmental_engineering"]),
            t("海洋数据分析师", "Ocean Data Analyst", Master, &["ocean_data", "python", "data_analysis"]),
            t("港航物流专员", "Port Logistics Specialist", Bachelor, &["port_logistics", "logistics"]),
            t("海洋地质工程师", "Marine Geologist", Master, &["marine_geology", "gis"]),
        ],
    },
    Profile {
        industry: Industry::CleanEnergy,
        zone: 4,
        weight: 5,
        groups: &[G::CleanEnergy, G::Electronics, G::Materials],
        salary_factor: 1.05,
        company_words: &["新能源", "光伏科技", "风电", "储能科技", "氢能科技", "电力", "清洁能源", "光热发电"],
        institute_words: &["新能源研究院", "电力科学研究院"],
        university_words: &[],
        government_bodies: &["能源局", "发展和改革委员会"],
        cities: &["西宁", "海东", "格尔木", "青岛"],
        titles: &[
            t("光伏工艺工程师", "PV Process Engineer", Bachelor, &["photovoltaics", "process_engineering"]),
            t("储能系统工程师", "Energy Storage Engineer", Bachelor, &["energy_storage", "bms", "power_electronics"]),
            t("风电运维工程师", "Wind Turbine O&M Engineer", Associate, &["wind_power", "equipment_maintenance"]),
            t("光伏电站运维员", "PV Plant Technician", Associate, &["pv_operations", "photovoltaics"]),
            t("电力系统工程师", "Power Systems Engineer", Master, &["power_systems", "smart_grid"]),
            t("氢能研发工程师", "Hydrogen R&D Engineer", Master, &["hydrogen", "electrochemistry"]),
            t("光热发电工程师", "Solar Thermal Engineer", Bachelor, &["solar_thermal", "power_systems"]),
            t("碳资产管理专员", "Carbon Asset Specialist", Bachelor, &["carbon_accounting", "energy_management"]),
            t("BMS软件工程师", "BMS Software Engineer", Bachelor, &["bms", "embedded_systems", "c_language"]),
            t("环保工程师", "Environmental Engineer", Bachelor, &["environmental_engineering"]),
            t("新能源汽车电驱工程师", "EV Drive Engineer", Master, &["ev_powertrain", "power_electronics"]),
        ],
    },
    Profile {
        industry: Industry::Chemicals,
        zone: 4,
        weight: 2,
        groups: &[G::Materials, G::CleanEnergy, G::IntelligentManufacturing],
        salary_factor: 1.0,
        company_words: &["盐湖化工", "钾肥", "化工", "盐湖资源", "锂业", "镁业"],
        institute_words: &["盐湖资源研究院"],
        university_words: &[],
        government_bodies: &[],
        cities: &["格尔木", "西宁", "海东"],
        titles: &[
            t("化工工艺工程师", "Chemical Process Engineer", Bachelor, &["chemical_engineering", "process_engineering"]),
            t("盐湖提锂工程师", "Lithium Extraction Engineer", Master, &["lithium_extraction", "salt_lake_chemistry"]),
            t("化验分析员", "Lab Analyst", Associate, &["analytical_chemistry"]),
            t("安全工程师", "Safety Engineer", Bachelor, &["chemical_safety"]),
            t("化工设备工程师", "Chemical Equipment Engineer", Bachelor, &["equipment_maintenance", "chemical_engineering"]),
            t("盐湖资源研发工程师", "Salt-lake Resources R&D Engineer", Master, &["salt_lake_chemistry", "inorganic_chemistry"]),
            t("中控操作员", "Control Room Operator", HighSchool, &["industrial_automation", "chemical_safety"]),
        ],
    },
    Profile {
        industry: Industry::Materials,
        zone: 4,
        weight: 3,
        groups: &[G::Materials, G::CleanEnergy, G::IntelligentManufacturing],
        salary_factor: 1.05,
        company_words: &["新材料", "锂电材料", "硅材料", "先进材料", "硅业", "碳材料"],
        institute_words: &["新材料研究院", "材料研究所"],
        university_words: &[],
        government_bodies: &[],
        cities: &["西宁", "海东", "青岛"],
        titles: &[
            t("锂电材料研发工程师", "Battery Materials R&D Engineer", Master, &["lithium_battery_materials", "electrochemistry"]),
            t("多晶硅工艺工程师", "Polysilicon Process Engineer", Bachelor, &["silicon_materials", "chemical_engineering"]),
            t("材料研发工程师", "Materials R&D Engineer", Master, &["materials_science", "materials_characterization"]),
            t("高分子材料工程师", "Polymer Engineer", Master, &["polymer_materials"]),
            t("冶金工程师", "Metallurgical Engineer", Bachelor, &["metallurgy"]),
            t("镁合金研发工程师", "Magnesium Alloy R&D Engineer", Master, &["magnesium_alloys", "metallurgy"]),
            t("品质检验员", "Quality Inspector", Associate, &["quality_control", "analytical_chemistry"]),
        ],
    },
    Profile {
        industry: Industry::Biomedicine,
        zone: 5,
        weight: 5,
        groups: &[G::Biomedicine, G::Healthcare, G::BigData],
        salary_factor: 1.1,
        company_words: &["生物科技", "制药", "生物医药", "医疗器械", "基因科技", "海洋生物医药", "药业"],
        institute_words: &["生物医药研究院", "药物研究所"],
        university_words: &["医科大学"],
        government_bodies: &["药品监督管理局"],
        cities: &[],
        titles: &[
            t("药物研发工程师", "Drug R&D Scientist", Master, &["drug_discovery", "molecular_biology"]),
            t("分子生物学研究员", "Molecular Biologist", Doctorate, &["molecular_biology", "cell_culture"]),
            t("生物信息分析师", "Bioinformatician", Master, &["bioinformatics", "genomics", "python"]),
            t("临床监查员", "Clinical Research Associate", Bachelor, &["clinical_trials"]),
            t("质量保证专员", "QA Specialist (GMP)", Bachelor, &["gmp", "quality_control"]),
            t("药物分析员", "Pharmaceutical Analyst", Bachelor, &["pharmaceutical_analysis", "analytical_chemistry"]),
            t("注册专员", "Regulatory Affairs Specialist", Bachelor, &["regulatory_affairs", "english"]),
            t("发酵工艺工程师", "Fermentation Engineer", Bachelor, &["bioprocess"]),
            t("医疗器械研发工程师", "Medical Device Engineer", Master, &["medical_devices", "hardware_engineering"]),
            t("藏药研发员", "Tibetan Medicine R&D Associate", Master, &["tibetan_medicine", "chinese_materia_medica"]),
            t("海洋药物研究员", "Marine Drug Researcher", Doctorate, &["marine_pharmaceuticals", "drug_discovery"]),
            t("免疫学研究员", "Immunology Researcher", Doctorate, &["immunology", "cell_culture"]),
        ],
    },
    Profile {
        industry: Industry::Healthcare,
        zone: 5,
        weight: 5,
        groups: &[G::Healthcare, G::Biomedicine],
        salary_factor: 1.0,
        company_words: &["医院", "健康管理", "医疗科技", "康养", "互联网医院"],
        institute_words: &["医学研究院"],
        university_words: &["医学院"],
        government_bodies: &["卫生健康委员会", "第一人民医院", "第二人民医院", "中医医院", "妇女儿童医院"],
        cities: &[],
        titles: &[
            t("临床医师", "Physician", Master, &["clinical_medicine"]),
            t("护士", "Registered Nurse", Associate, &["nursing"]),
            t("影像科医师", "Radiologist", Master, &["medical_imaging", "clinical_medicine"]),
            t("检验技师", "Lab Technician", Bachelor, &["laboratory_medicine"]),
            t("耳鼻喉科医师", "ENT Physician", Doctorate, &["otolaryngology", "minimally_invasive_surgery"]),
            t("呼吸内科医师", "Respiratory Physician", Master, &["respiratory_medicine", "clinical_medicine"]),
            t("康复治疗师", "Rehabilitation Therapist", Bachelor, &["rehabilitation"]),
            t("中医师", "TCM Physician", Master, &["tcm"]),
            t("药师", "Pharmacist", Bachelor, &["clinical_pharmacy"]),
            t("养老护理员", "Elderly Caregiver", HighSchool, &["elderly_care"]),
            t("医疗信息化工程师", "Health IT Engineer", Bachelor, &["health_informatics", "sql"]),
            t("公共卫生医师", "Public Health Physician", Master, &["public_health"]),
            t("远程医疗运营专员", "Telemedicine Coordinator", Bachelor, &["telemedicine", "customer_service"]),
        ],
    },
    Profile {
        industry: Industry::Astronomy,
        zone: 3,
        weight: 1,
        groups: &[G::Astronomy, G::BigData, G::Electronics],
        salary_factor: 1.05,
        company_words: &["航天科技", "卫星科技", "空天信息", "北斗导航", "无人机"],
        institute_words: &["天文台", "空天信息研究院", "天文观测基地"],
        university_words: &[],
        government_bodies: &["气象局"],
        cities: &["西宁", "青岛", "北京"],
        titles: &[
            t("天文观测助理研究员", "Assistant Researcher, Observational Astronomy", Doctorate, &["observational_astronomy", "astronomical_data"]),
            t("望远镜工程师", "Telescope Engineer", Master, &["telescope_instrumentation", "optical_engineering"]),
            t("遥感数据工程师", "Remote Sensing Engineer", Master, &["remote_sensing", "gis", "python"]),
            t("卫星导航工程师", "GNSS Engineer", Bachelor, &["gnss", "signal_processing"]),
            t("无人机飞手", "UAV Pilot", Associate, &["uav"]),
            t("航天器结构工程师", "Spacecraft Structural Engineer", Master, &["aerospace_engineering", "mechanical_design"]),
            t("气象数据分析师", "Meteorological Data Analyst", Master, &["atmospheric_science", "data_analysis"]),
            t("卫星通信工程师", "SatCom Engineer", Bachelor, &["satellite_communication", "rf_engineering"]),
            t("天体物理博士后", "Astrophysics Postdoc", Doctorate, &["astrophysics", "python", "academic_research"]),
        ],
    },
    Profile {
        industry: Industry::NewMedia,
        zone: 6,
        weight: 4,
        groups: &[G::NewMedia, G::ECommerce, G::Design],
        salary_factor: 0.95,
        company_words: &["文化传媒", "网络传媒", "传媒", "数字文化", "直播科技", "影视", "融媒体"],
        institute_words: &[],
        university_words: &["传媒学院"],
        government_bodies: &["融媒体中心", "网信办"],
        cities: &[],
        titles: &[
            t("主播", "Live Streamer", Associate, &["live_streaming", "broadcasting"]),
            t("短视频运营", "Short Video Operator", Associate, &["short_video", "video_editing"]),
            t("视频剪辑师", "Video Editor", Associate, &["video_editing", "after_effects"]),
            t("新媒体运营专员", "New Media Specialist", Bachelor, &["new_media_operations", "copywriting"]),
            t("文案策划", "Copywriter", Bachelor, &["copywriting", "content_strategy"]),
            t("摄影摄像师", "Photographer & Videographer", Associate, &["photography", "video_editing"]),
            t("记者编辑", "Reporter & Editor", Bachelor, &["journalism", "copywriting"]),
            t("舆情分析师", "Public Opinion Analyst", Bachelor, &["public_opinion_analysis", "data_analysis"]),
            t("达人经纪", "Influencer Manager", Associate, &["influencer_marketing", "community_operations"]),
            t("数字人运营", "Virtual Human Operator", Bachelor, &["virtual_humans", "live_streaming"]),
        ],
    },
    Profile {
        industry: Industry::ECommerce,
        zone: 6,
        weight: 4,
        groups: &[G::ECommerce, G::NewMedia, G::BigData],
        salary_factor: 1.0,
        company_words: &["电子商务", "电商", "供应链", "跨境贸易", "数字商贸", "物流"],
        institute_words: &[],
        university_words: &[],
        government_bodies: &["商务局"],
        cities: &[],
        titles: &[
            t("电商运营专员", "E-commerce Operations Specialist", Associate, &["ecommerce_operations", "data_analysis"]),
            t("跨境电商运营", "Cross-border E-commerce Operator", Bachelor, &["cross_border_ecommerce", "english"]),
            t("投放优化师", "Paid Media Optimizer", Bachelor, &["paid_traffic", "data_analysis"]),
            t("选品专员", "Merchandiser", Associate, &["merchandising", "supply_chain"]),
            t("供应链专员", "Supply Chain Specialist", Bachelor, &["supply_chain", "logistics"]),
            t("客服主管", "Customer Service Lead", Associate, &["customer_service", "team_leadership"]),
            t("用户增长经理", "Growth Manager", Bachelor, &["user_growth", "digital_marketing"]),
            t("农村电商专员", "Rural E-commerce Specialist", Associate, &["rural_ecommerce", "live_streaming"]),
            t("SEO/SEM专员", "SEO/SEM Specialist", Bachelor, &["search_marketing"]),
        ],
    },
    Profile {
        industry: Industry::Finance,
        zone: 7,
        weight: 5,
        groups: &[G::Finance, G::BigData, G::Business],
        salary_factor: 1.15,
        company_words: &["银行", "证券", "金融控股", "保险", "投资", "融资租赁", "农村商业银行"],
        institute_words: &[],
        university_words: &["财经大学"],
        government_bodies: &["地方金融管理局"],
        cities: &[],
        titles: &[
            t("客户经理", "Relationship Manager", Bachelor, &["sales", "wealth_management"]),
            t("风险管理岗", "Risk Analyst", Master, &["risk_management", "statistics"]),
            t("信贷审批员", "Credit Analyst", Bachelor, &["credit_analysis", "financial_analysis"]),
            t("会计", "Accountant", Associate, &["accounting", "office_software"]),
            t("审计专员", "Auditor", Bachelor, &["auditing", "accounting"]),
            t("量化研究员", "Quant Researcher", Master, &["quantitative_analysis", "python", "statistics"]),
            t("金融科技开发工程师", "Fintech Developer", Bachelor, &["fintech", "java", "sql"]),
            t("投资经理", "Investment Manager", Master, &["investment_financing", "financial_analysis"]),
            t("税务专员", "Tax Specialist", Bachelor, &["taxation", "accounting"]),
            t("保险顾问", "Insurance Advisor", Associate, &["insurance", "sales"]),
        ],
    },
    Profile {
        industry: Industry::Education,
        zone: 7,
        weight: 5,
        groups: &[G::Education, G::Languages, G::Business],
        salary_factor: 0.9,
        company_words: &["教育科技", "教育咨询", "培训学校", "职业培训"],
        institute_words: &["教育科学研究院"],
        university_words: &["师范大学", "职业技术学院", "大学"],
        government_bodies: &["教育局"],
        cities: &[],
        titles: &[
            t("小学教师", "Primary School Teacher", Bachelor, &["teaching", "teacher_certificate"]),
            t("英语教师", "English Teacher", Bachelor, &["english", "teaching", "teacher_certificate"]),
            t("幼儿教师", "Kindergarten Teacher", Associate, &["early_childhood_education", "teacher_certificate"]),
            t("课程研发专员", "Curriculum Developer", Master, &["curriculum_design"]),
            t("在线课程讲师", "Online Instructor", Bachelor, &["online_teaching", "teaching"]),
            t("心理健康教师", "School Counselor", Master, &["psychological_counseling"]),
            t("职业培训讲师", "Vocational Trainer", Bachelor, &["vocational_training"]),
            t("编程教师", "Coding Instructor", Bachelor, &["stem_education", "python"]),
            t("辅导员", "Student Counselor", Master, &["career_guidance", "psychological_counseling"]),
            t("教育技术专员", "EdTech Specialist", Bachelor, &["educational_technology"]),
            t("特殊教育教师", "Special Education Teacher", Bachelor, &["special_education"]),
            t("高校讲师", "University Lecturer", Doctorate, &["teaching", "academic_research"]),
        ],
    },
    Profile {
        industry: Industry::CulturalTourism,
        zone: 8,
        weight: 3,
        groups: &[G::CulturalTourism, G::NewMedia, G::Languages],
        salary_factor: 0.85,
        company_words: &["文旅", "旅游发展", "文化旅游", "酒店管理", "景区管理", "国际旅行社"],
        institute_words: &[],
        university_words: &["旅游职业学院"],
        government_bodies: &["文化和旅游局"],
        cities: &["青岛", "西宁"],
        titles: &[
            t("导游", "Tour Guide", Associate, &["tour_guiding"]),
            t("酒店前厅经理", "Front Office Manager", Bachelor, &["hotel_management", "english"]),
            t("活动策划", "Event Planner", Bachelor, &["event_planning", "copywriting"]),
            t("旅游规划师", "Tourism Planner", Master, &["tourism_planning"]),
            t("非遗文创设计师", "Heritage Creative Designer", Bachelor, &["cultural_heritage", "graphic_design"]),
            t("博物馆讲解员", "Museum Docent", Associate, &["museum_curation", "tour_guiding"]),
            t("研学旅行指导师", "Study Tour Instructor", Bachelor, &["travel_products", "teaching"]),
            t("景区运营主管", "Scenic Area Operations Lead", Bachelor, &["scenic_area_management"]),
            t("文旅新媒体运营", "Tourism New Media Specialist", Bachelor, &["new_media_operations", "short_video"]),
            t("餐饮主管", "Catering Supervisor", Associate, &["catering"]),
        ],
    },
    Profile {
        industry: Industry::FoodBeverage,
        zone: 8,
        weight: 3,
        groups: &[G::Agriculture, G::IntelligentManufacturing, G::ECommerce],
        salary_factor: 0.95,
        company_words: &["啤酒", "食品", "酿造", "饮品", "乳业", "海产食品"],
        institute_words: &[],
        university_words: &[],
        government_bodies: &["市场监督管理局"],
        cities: &["青岛", "西宁", "济南"],
        titles: &[
            t("酿造工艺工程师", "Brewing Engineer", Bachelor, &["brewing", "bioprocess"]),
            t("食品研发工程师", "Food R&D Engineer", Master, &["food_science"]),
            t("食品安全专员", "Food Safety Specialist", Bachelor, &["food_science", "quality_control"]),
            t("生产操作工", "Production Operator", HighSchool, &["equipment_maintenance"]),
            t("品牌营销专员", "Brand Marketing Specialist", Bachelor, &["marketing", "brand_design"]),
            t("销售代表", "Sales Representative", Associate, &["sales"]),
            t("供应链计划员", "Supply Planner", Bachelor, &["supply_chain", "production_planning"]),
            t("设备工程师", "Equipment Engineer", Associate, &["equipment_maintenance", "plc"]),
        ],
    },
    Profile {
        industry: Industry::Agriculture,
        zone: 8,
        weight: 2,
        groups: &[G::Agriculture, G::BigData, G::ECommerce],
        salary_factor: 0.85,
        company_words: &["农业科技", "生态农业", "种业", "牧业", "农牧", "高原特色农业"],
        institute_words: &["农林科学院", "畜牧兽医科学院"],
        university_words: &["农业大学"],
        government_bodies: &["农业农村局"],
        cities: &["西宁", "海东", "青岛"],
        titles: &[
            t("农艺师", "Agronomist", Bachelor, &["agronomy", "soil_science"]),
            t("植保技术员", "Plant Protection Technician", Associate, &["plant_protection"]),
            t("畜牧兽医", "Veterinarian", Bachelor, &["veterinary_medicine", "animal_husbandry"]),
            t("智慧农业工程师", "Smart Agriculture Engineer", Bachelor, &["smart_agriculture", "iot"]),
            t("育种研究员", "Plant Breeder", Doctorate, &["plant_breeding", "molecular_biology"]),
            t("藜麦种植技术员", "Quinoa Cultivation Technician", Associate, &["plateau_agriculture", "agronomy"]),
            t("生态修复工程师", "Ecological Restoration Engineer", Master, &["ecological_restoration", "forestry"]),
            t("农机技术员", "Farm Machinery Technician", HighSchool, &["agricultural_machinery"]),
        ],
    },
    Profile {
        industry: Industry::PublicService,
        zone: 9,
        weight: 2,
        groups: &[G::Business, G::Education, G::Languages],
        salary_factor: 0.85,
        company_words: &["人才发展", "人力资源服务", "产业园运营", "国有资本投资运营"],
        institute_words: &["发展研究院"],
        university_words: &[],
        government_bodies: &["人力资源和社会保障局", "人才服务中心", "科学技术局", "投资促进局", "委组织部人才工作处"],
        cities: &[],
        titles: &[
            t("综合管理岗", "General Administration Officer", Bachelor, &["administration", "office_software"]),
            t("政策研究员", "Policy Researcher", Master, &["policy_research"]),
            t("招商专员", "Investment Promotion Officer", Bachelor, &["investment_promotion", "communication_skills"]),
            t("科技成果转化专员", "Technology Transfer Officer", Master, &["technology_transfer", "intellectual_property"]),
            t("人力资源专员", "HR Specialist", Bachelor, &["human_resources"]),
            t("法务专员", "Legal Counsel", Master, &["legal_affairs"]),
            t("外事翻译", "Foreign Affairs Translator", Master, &["translation", "english"]),
            t("项目专员", "Project Officer", Bachelor, &["project_management"]),
        ],
    },
];

/// Support roles every kind of employer recruits for.
#[rustfmt::skip]
pub const SUPPORT_TITLES: &[Title] = &[
    t("人力资源专员", "HR Specialist", Bachelor, &["human_resources", "office_software"]),
    t("财务会计", "Accountant", Bachelor, &["accounting", "taxation"]),
    t("行政专员", "Administrative Assistant", Associate, &["administration", "office_software"]),
    t("销售经理", "Sales Manager", Bachelor, &["sales", "communication_skills"]),
    t("市场专员", "Marketing Specialist", Bachelor, &["marketing", "copywriting"]),
    t("项目经理", "Project Manager", Bachelor, &["project_management", "team_leadership"]),
    t("采购专员", "Procurement Specialist", Bachelor, &["procurement", "supply_chain"]),
    t("知识产权专员", "IP Specialist", Master, &["intellectual_property", "legal_affairs"]),
];

/// Skills any position may list as nice to have. `academic_research` stays last: the generator
/// gives it only to candidates with a master's degree or higher.
pub const GENERAL_SKILLS: &[&str] = &[
    "english",
    "office_software",
    "communication_skills",
    "team_leadership",
    "project_management",
    "academic_research",
];

/// A field of study: where its graduates' skills come from and which industries they look at.
pub struct Major {
    pub zh: &'static str,
    pub weight: u32,
    pub groups: &'static [SkillGroup],
    pub industries: &'static [Industry],
}

const fn m(zh: &'static str, weight: u32, groups: &'static [SkillGroup], industries: &'static [Industry]) -> Major {
    Major {
        zh,
        weight,
        groups,
        industries,
    }
}

use Industry as I;

#[rustfmt::skip]
pub const MAJORS: &[Major] = &[
    m("计算机科学与技术", 10, &[G::Software, G::Ai, G::BigData], &[I::Software, I::ArtificialIntelligence, I::BigData]),
    m("软件工程", 8, &[G::Software, G::BigData], &[I::Software, I::ECommerce, I::Finance]),
    m("人工智能", 5, &[G::Ai, G::Software], &[I::ArtificialIntelligence, I::VirtualReality]),
    m("数据科学与大数据技术", 5, &[G::BigData, G::Ai, G::Software], &[I::BigData, I::ArtificialIntelligence, I::GreenComputing]),
    m("网络空间安全", 2, &[G::Software], &[I::Software, I::Finance, I::PublicService]),
    m("电子信息工程", 6, &[G::Electronics, G::Software], &[I::Electronics, I::HomeAppliances, I::Acoustics]),
    m("通信工程", 4, &[G::Electronics], &[I::Electronics, I::GreenComputing, I::Astronomy]),
    m("微电子科学与工程", 2, &[G::Electronics, G::Materials], &[I::Electronics]),
    m("自动化", 4, &[G::IntelligentManufacturing, G::Electronics], &[I::IntelligentManufacturing, I::HomeAppliances]),
    m("机械设计制造及其自动化", 7, &[G::IntelligentManufacturing, G::Design], &[I::IntelligentManufacturing, I::HomeAppliances, I::Marine]),
    m("电气工程及其自动化", 5, &[G::IntelligentManufacturing, G::CleanEnergy, G::Electronics], &[I::CleanEnergy, I::IntelligentManufacturing]),
    m("数字媒体技术", 3, &[G::Software, G::Design], &[I::VirtualReality, I::NewMedia]),
    m("海洋科学", 3, &[G::Marine, G::BigData], &[I::Marine, I::PublicService]),
    m("海洋技术", 2, &[G::Marine, G::Electronics], &[I::Marine]),
    m("船舶与海洋工程", 2, &[G::Marine, G::IntelligentManufacturing], &[I::Marine, I::IntelligentManufacturing]),
    m("水产养殖学", 1, &[G::Marine, G::Agriculture], &[I::Marine, I::Agriculture]),
    m("新能源科学与工程", 3, &[G::CleanEnergy, G::Materials], &[I::CleanEnergy, I::Materials]),
    m("化学工程与工艺", 3, &[G::Materials], &[I::Chemicals, I::Materials]),
    m("材料科学与工程", 3, &[G::Materials, G::CleanEnergy], &[I::Materials, I::Chemicals, I::Electronics]),
    m("应用化学", 2, &[G::Materials, G::Biomedicine], &[I::Chemicals, I::Biomedicine]),
    m("环境工程", 2, &[G::CleanEnergy, G::Agriculture], &[I::CleanEnergy, I::PublicService]),
    m("生物技术", 3, &[G::Biomedicine, G::Agriculture], &[I::Biomedicine, I::Agriculture]),
    m("药学", 3, &[G::Biomedicine, G::Healthcare], &[I::Biomedicine, I::Healthcare]),
    m("临床医学", 4, &[G::Healthcare, G::Biomedicine], &[I::Healthcare]),
    m("护理学", 4, &[G::Healthcare], &[I::Healthcare]),
    m("医学影像学", 1, &[G::Healthcare], &[I::Healthcare]),
    m("中医学", 1, &[G::Healthcare, G::Biomedicine], &[I::Healthcare, I::Biomedicine]),
    m("新闻学", 2, &[G::NewMedia, G::Languages], &[I::NewMedia, I::PublicService]),
    m("网络与新媒体", 3, &[G::NewMedia, G::ECommerce], &[I::NewMedia, I::ECommerce]),
    m("播音与主持艺术", 1, &[G::NewMedia], &[I::NewMedia, I::CulturalTourism]),
    m("电子商务", 4, &[G::ECommerce, G::NewMedia, G::BigData], &[I::ECommerce, I::NewMedia]),
    m("市场营销", 5, &[G::Business, G::ECommerce], &[I::ECommerce, I::FoodBeverage, I::HomeAppliances]),
    m("物流管理", 2, &[G::ECommerce, G::Business], &[I::ECommerce, I::Marine]),
    m("金融学", 5, &[G::Finance, G::BigData], &[I::Finance]),
    m("会计学", 6, &[G::Finance, G::Business], &[I::Finance]),
    m("工商管理", 4, &[G::Business, G::Finance], &[I::Finance, I::ECommerce, I::PublicService]),
    m("人力资源管理", 2, &[G::Business], &[I::PublicService, I::Education]),
    m("公共事业管理", 2, &[G::Business, G::Education], &[I::PublicService]),
    m("法学", 3, &[G::Business], &[I::PublicService, I::Finance]),
    m("汉语言文学", 3, &[G::Education, G::NewMedia, G::Languages], &[I::Education, I::NewMedia]),
    m("英语", 4, &[G::Languages, G::Education], &[I::Education, I::CulturalTourism, I::ECommerce]),
    m("日语", 1, &[G::Languages], &[I::Education, I::ECommerce, I::CulturalTourism]),
    m("教育学", 2, &[G::Education], &[I::Education]),
    m("学前教育", 3, &[G::Education], &[I::Education]),
    m("心理学", 2, &[G::Education, G::Healthcare], &[I::Education, I::Healthcare]),
    m("旅游管理", 2, &[G::CulturalTourism, G::Languages], &[I::CulturalTourism]),
    m("酒店管理", 2, &[G::CulturalTourism, G::Business], &[I::CulturalTourism, I::FoodBeverage]),
    m("农学", 2, &[G::Agriculture], &[I::Agriculture]),
    m("动物医学", 1, &[G::Agriculture], &[I::Agriculture]),
    m("食品科学与工程", 2, &[G::Agriculture, G::Biomedicine], &[I::FoodBeverage, I::Agriculture]),
    m("天文学", 1, &[G::Astronomy, G::BigData], &[I::Astronomy]),
    m("遥感科学与技术", 1, &[G::Astronomy, G::BigData], &[I::Astronomy, I::Marine, I::Agriculture]),
    m("飞行器设计与工程", 1, &[G::Astronomy, G::IntelligentManufacturing], &[I::Astronomy, I::IntelligentManufacturing]),
    m("视觉传达设计", 3, &[G::Design, G::NewMedia], &[I::NewMedia, I::ECommerce, I::CulturalTourism]),
    m("工业设计", 2, &[G::Design, G::IntelligentManufacturing], &[I::HomeAppliances, I::IntelligentManufacturing]),
    m("建筑学", 1, &[G::Design], &[I::CulturalTourism, I::PublicService]),
];

/// Common surnames, most frequent first (frequency falls off along the list).
#[rustfmt::skip]
pub const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林",
    "高", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁",
    "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔",
    "钟", "谭", "陆", "汪", "范", "金", "石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟", "熊", "秦",
    "邱", "江", "尹", "薛", "闫", "段", "雷", "侯", "龙", "史", "陶", "黎", "贺", "顾", "毛", "郝", "龚", "邵",
    "万", "钱", "严", "覃", "武", "戴", "莫", "孔", "向", "汤", "栾", "隋", "逄", "綦",
];

pub const COMPOUND_SURNAMES: &[&str] = &["欧阳", "司马", "诸葛", "上官", "东方", "慕容"];

/// Popular one-character given names (张伟, 王芳, 李娜, ...).
#[rustfmt::skip]
pub const GIVEN_SINGLE: &[&str] = &[
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "霞",
    "平", "刚", "桂", "鹏", "辉", "玲", "婷", "浩", "宇", "欣", "悦", "晨", "琳", "博", "凯", "萌", "雪", "阳",
    "帆", "航",
];

/// Characters combined into two-character given names.
#[rustfmt::skip]
pub const GIVEN_FIRST: &[&str] = &[
    "子", "梓", "浩", "宇", "欣", "雨", "思", "佳", "嘉", "一", "俊", "晓", "文", "明", "志", "海", "建", "秀",
    "玉", "春", "天", "书", "若", "诗", "语", "可", "家", "博", "泽", "昊", "雅", "梦", "心", "婉", "晨", "智",
    "鑫", "振", "永", "国", "新", "君", "安", "静", "婧", "彦", "奕", "沐",
];

#[rustfmt::skip]
pub const GIVEN_SECOND: &[&str] = &[
    "涵", "轩", "然", "怡", "萱", "辰", "宁", "琪", "杰", "豪", "涛", "颖", "婷", "华", "平", "英", "伟", "军",
    "峰", "磊", "霖", "阳", "瑶", "彤", "晴", "诚", "远", "航", "铭", "楠", "洁", "菲", "东", "强", "敏", "博",
    "睿", "哲", "琳", "妍", "恒", "凡", "翔", "鹏", "蕾", "悦",
];

/// Full Tibetan names, common among candidates from Qinghai.
#[rustfmt::skip]
pub const TIBETAN_NAMES: &[&str] = &[
    "扎西多杰", "才让卓玛", "拉毛措", "索南才让", "多杰加", "卓玛吉", "尼玛次仁", "央金", "更登", "旦增",
    "格桑梅朵", "才旦", "桑吉", "仁青措", "贡保", "普布",
];

#[rustfmt::skip]
pub const ENGLISH_FIRST: &[&str] = &[
    "David", "Emily", "Michael", "Sophia", "Daniel", "Olivia", "James", "Grace", "Kevin", "Amy", "Jason", "Lily",
    "Andrew", "Chloe", "Eric", "Hannah", "Thomas", "Laura", "Lukas", "Anna", "Hiroshi", "Yuki", "Raj", "Priya",
];

#[rustfmt::skip]
pub const ENGLISH_LAST: &[&str] = &[
    "Chen", "Wang", "Zhang", "Li", "Liu", "Lin", "Huang", "Zhao", "Smith", "Johnson", "Brown", "Müller", "Schmidt",
    "Martin", "Tanaka", "Sato", "Kim", "Park", "Patel", "Nguyen", "Garcia", "Novak", "Rossi", "Cohen",
];

/// Work cities with a salary factor (Qingdao = 1.0) and a weight for booth home cities.
#[rustfmt::skip]
pub const CITIES: &[(&str, f32, u32)] = &[
    ("青岛", 1.0, 50),
    ("济南", 0.95, 8),
    ("烟台", 0.9, 3),
    ("潍坊", 0.85, 2),
    ("西宁", 0.85, 7),
    ("海东", 0.8, 3),
    ("格尔木", 0.9, 2),
    ("北京", 1.55, 5),
    ("上海", 1.55, 5),
    ("深圳", 1.5, 4),
    ("杭州", 1.3, 3),
    ("南京", 1.2, 2),
    ("武汉", 1.05, 2),
    ("成都", 1.05, 2),
];

/// Hometowns (生源地) with weights: the return-home campaign mostly draws Qingdao students.
#[rustfmt::skip]
pub const HOMETOWNS: &[(&str, u32)] = &[
    ("青岛", 40),
    ("潍坊", 6),
    ("烟台", 5),
    ("济南", 5),
    ("临沂", 5),
    ("日照", 3),
    ("淄博", 3),
    ("威海", 2),
    ("德州", 2),
    ("西宁", 6),
    ("海东", 3),
    ("海西", 1),
    ("玉树", 1),
    ("兰州", 2),
    ("郑州", 2),
    ("哈尔滨", 2),
    ("石家庄", 2),
    ("合肥", 2),
];

/// Universities by level: research universities, regional universities, vocational colleges.
#[rustfmt::skip]
pub const TOP_SCHOOLS: &[&str] = &[
    "中国海洋大学", "山东大学", "北京大学", "清华大学", "浙江大学", "复旦大学", "上海交通大学", "武汉大学",
    "华中科技大学", "哈尔滨工业大学", "西安交通大学", "南京大学", "中山大学", "四川大学", "中国科学院大学",
    "同济大学", "天津大学", "厦门大学", "大连理工大学", "中国石油大学（华东）",
];

#[rustfmt::skip]
pub const REGIONAL_SCHOOLS: &[&str] = &[
    "青岛大学", "青岛科技大学", "青岛理工大学", "山东科技大学", "青岛农业大学", "山东师范大学", "济南大学",
    "烟台大学", "鲁东大学", "潍坊学院", "青海大学", "青海师范大学", "青海民族大学", "山东财经大学", "青岛滨海学院",
    "兰州大学", "郑州大学", "山东理工大学", "齐鲁工业大学", "临沂大学",
];

#[rustfmt::skip]
pub const VOCATIONAL_SCHOOLS: &[&str] = &[
    "青岛职业技术学院", "青岛酒店管理职业技术学院", "青岛港湾职业技术学院", "山东商业职业技术学院",
    "青岛远洋船员职业学院", "青海柴达木职业技术学院", "青海卫生职业技术学院", "青海交通职业技术学院",
    "日照职业技术学院", "潍坊职业学院", "青岛黄海学院", "烟台职业学院",
];

#[rustfmt::skip]
pub const HIGH_SCHOOLS: &[&str] = &[
    "青岛市城阳区职业教育中心", "青岛电子学校", "青岛交通职业学校", "西宁市第一职业中学", "海东市职业技术学校",
    "青岛市黄岛区职业教育中心",
];

#[rustfmt::skip]
pub const OVERSEAS_SCHOOLS: &[&str] = &[
    "University of Cambridge", "Imperial College London", "National University of Singapore", "University of Tokyo",
    "Technical University of Munich", "University of Toronto", "University of Melbourne", "ETH Zurich",
    "University of California, San Diego", "KAIST", "University of Sydney", "Delft University of Technology",
    "University of Southampton", "Kyoto University",
];

/// Two-character brand words for enterprise names.
#[rustfmt::skip]
pub const BRANDS: &[&str] = &[
    "海川", "蓝海", "瑞丰", "华创", "中科", "金桥", "恒信", "启明", "鼎盛", "天润", "昆仑", "三江", "柴达", "琴岛",
    "崂峰", "胶澳", "黄海", "海纳", "远航", "博远", "万象", "星河", "青云", "汇通", "宏达", "浩瀚", "融创", "卓越",
    "明德", "嘉禾", "正泰", "海晟", "聚源", "高原", "雪域", "湟源", "东岳", "齐鲁", "鲁信", "泰山", "瀚海", "蔚蓝",
    "澜沧", "凌云", "盛景", "长青", "天工", "锦程", "同创", "智远", "弘毅", "北辰", "朝阳", "百川", "瑞海", "鸿鹄",
];

pub const UNIVERSITY_PLACES: &[&str] = &[
    "黄海",
    "胶东",
    "崂山",
    "昆仑",
    "三江源",
    "齐鲁",
    "琴岛",
    "柴达木",
    "湟水",
    "渤海",
    "青岛",
    "西宁",
];

pub const QINGDAO_DISTRICTS: &[&str] = &[
    "市南区",
    "市北区",
    "李沧区",
    "崂山区",
    "黄岛区",
    "城阳区",
    "即墨区",
    "胶州市",
    "平度市",
    "莱西市",
];

#[rustfmt::skip]
pub const BENEFITS: &[&str] = &[
    "五险一金", "双休", "带薪年假", "人才公寓", "安家补贴", "年终奖", "弹性工作", "免费班车", "餐补", "定期体检",
    "股权激励", "落户支持", "子女入学协调", "科研启动经费",
];

pub const GOOD_NOTES: &[&str] = &[
    "专业基础扎实，沟通顺畅",
    "项目经验丰富，可安排复试",
    "对岗位很感兴趣，已加微信",
    "英语口语流利",
    "有相关实习经历，动手能力强",
    "科研成果突出，建议部门负责人面谈",
    "表达清晰，逻辑性强",
    "可尽快到岗",
];

pub const NEUTRAL_NOTES: &[&str] = &[
    "需补充作品集",
    "期望薪资略高，待评估",
    "专业方向略有偏差，可考虑其他岗位",
    "应届生，可先安排实习",
    "对工作地点有顾虑",
    "回去考虑后再联系",
];

pub const POOR_NOTES: &[&str] = &[
    "技能与岗位要求差距较大",
    "经验不足",
    "期望薪资远超预算",
    "不接受出差",
    "学历不符合要求",
];
