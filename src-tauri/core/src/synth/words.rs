//! Vocabulary for synthetic conferences: Chinese words with their English counterparts, so a
//! generated title and its `other_title` say the same thing in both languages, as WAIC's do.
//!
//! The words are the ones a WAIC programme is made of (大模型, 具身智能, 算力 …); searching a
//! synthetic store for 智能 or 机器人 therefore hits about as often as it does on the real thing.

/// `(中文, English)` topics that titles are built from.
pub const TOPICS: &[(&str, &str)] = &[
    ("大模型", "Large Models"),
    ("具身智能", "Embodied AI"),
    ("人形机器人", "Humanoid Robots"),
    ("智能算力", "AI Computing"),
    ("自动驾驶", "Autonomous Driving"),
    ("智能制造", "Smart Manufacturing"),
    ("人工智能治理", "AI Governance"),
    ("数据安全", "Data Security"),
    ("开源生态", "Open Source Ecosystems"),
    ("多模态", "Multimodal AI"),
    ("智慧医疗", "AI in Healthcare"),
    ("智慧城市", "Smart Cities"),
    ("科学智能", "AI for Science"),
    ("芯片设计", "Chip Design"),
    ("量子计算", "Quantum Computing"),
    ("脑机接口", "Brain-Computer Interfaces"),
    ("智能体", "AI Agents"),
    ("生成式人工智能", "Generative AI"),
    ("机器学习", "Machine Learning"),
    ("计算机视觉", "Computer Vision"),
    ("自然语言处理", "Natural Language Processing"),
    ("金融科技", "Fintech"),
    ("智慧教育", "AI in Education"),
    ("低空经济", "Low-altitude Economy"),
    ("工业互联网", "Industrial Internet"),
    ("隐私计算", "Privacy Computing"),
    ("边缘计算", "Edge Computing"),
    ("数字孪生", "Digital Twins"),
    ("绿色低碳", "Green Computing"),
    ("人才培养", "Talent Development"),
];

/// `(中文, English, kind)`: what a session is called and its normalised kind.
pub const SESSION_KINDS: &[(&str, &str, &str)] = &[
    ("论坛", "Forum", "forum"),
    ("论坛", "Forum", "forum"),
    ("论坛", "Forum", "forum"),
    ("高峰论坛", "Summit", "forum"),
    ("主题演讲", "Keynote", "keynote"),
    ("圆桌对话", "Panel", "talk"),
    ("专题报告", "Talk", "talk"),
    ("工作坊", "Workshop", "workshop"),
    ("发布会", "Launch", "launch"),
];

/// `(中文, English)` for titles of the form "2025 {城市}{主题}{论坛}".
pub const ORGANISERS: &[(&str, &str)] = &[
    ("上海", "Shanghai"),
    ("长三角", "Yangtze River Delta"),
    ("全球", "Global"),
    ("青年", "Youth"),
    ("中外", "Sino-foreign"),
    ("产业", "Industry"),
    ("前沿", "Frontier"),
    ("国际", "International"),
];

/// Sentence templates for Chinese abstracts; `{}` is replaced by a topic.
pub const ABSTRACT_SENTENCES: &[&str] = &[
    "本论坛聚焦{}领域的最新进展与产业落地。",
    "来自高校、科研院所和头部企业的专家将围绕{}展开深入对话。",
    "会议将发布{}年度报告，并探讨技术路线与标准建设。",
    "我们将分享{}在真实场景中的应用案例与经验。",
    "与会嘉宾将讨论{}带来的机遇、风险与治理框架。",
    "活动还将展示{}相关的创新成果与开源项目。",
    "面向开发者，本场将介绍{}的工具链与最佳实践。",
    "报告回顾了{}的发展历程，并展望未来五年的趋势。",
];

/// `(中文, pinyin)` brand stems for Chinese company names.
pub const BRANDS: &[(&str, &str)] = &[
    ("星辰", "Xingchen"),
    ("云图", "Yuntu"),
    ("深度", "Shendu"),
    ("天工", "Tiangong"),
    ("灵犀", "Lingxi"),
    ("智元", "Zhiyuan"),
    ("商汤", "Shangtang"),
    ("百川", "Baichuan"),
    ("月影", "Yueying"),
    ("极光", "Jiguang"),
    ("华智", "Huazhi"),
    ("卓越", "Zhuoyue"),
    ("新原", "Xinyuan"),
    ("海纳", "Haina"),
    ("启明", "Qiming"),
    ("远望", "Yuanwang"),
    ("未来", "Weilai"),
    ("天枢", "Tianshu"),
    ("凌云", "Lingyun"),
    ("思必", "Sibi"),
    ("墨子", "Mozi"),
    ("鲲鹏", "Kunpeng"),
    ("青松", "Qingsong"),
    ("赛博", "Saibo"),
    ("光年", "Guangnian"),
    ("乐聚", "Leju"),
    ("傅利叶", "Fourier"),
    ("宇树", "Yushu"),
    ("元戎", "Yuanrong"),
    ("燧原", "Suiyuan"),
];

/// `(中文, English)` what a company does, between brand and suffix.
pub const FIELDS: &[(&str, &str)] = &[
    ("智能", "Intelligent"),
    ("机器人", "Robotics"),
    ("数据", "Data"),
    ("芯片", "Semiconductor"),
    ("视觉", "Vision"),
    ("语音", "Speech"),
    ("云计算", "Cloud"),
    ("信息", "Information"),
    ("医疗", "Medical"),
    ("汽车", "Automotive"),
    ("网络", "Networks"),
    ("软件", "Software"),
];

/// `(中文, English)` company-type suffixes.
pub const SUFFIXES: &[(&str, &str)] = &[
    ("科技", "Technology"),
    ("科技有限公司", "Technology Co., Ltd."),
    ("集团", "Group"),
    ("研究院", "Research Institute"),
    ("实验室", "Lab"),
];

/// `(中文, English)` cities that prefix some company names.
pub const CITIES: &[(&str, &str)] = &[
    ("上海", "Shanghai"),
    ("北京", "Beijing"),
    ("深圳", "Shenzhen"),
    ("杭州", "Hangzhou"),
    ("苏州", "Suzhou"),
    ("南京", "Nanjing"),
    ("合肥", "Hefei"),
    ("成都", "Chengdu"),
    ("武汉", "Wuhan"),
    ("广州", "Guangzhou"),
];

/// English stems for international exhibitors, whose Chinese names are transliterations.
pub const WESTERN_BRANDS: &[(&str, &str)] = &[
    ("Nova", "诺瓦"),
    ("Apex", "艾派克斯"),
    ("Vertex", "维泰克斯"),
    ("Lumen", "卢门"),
    ("Orbit", "奥比特"),
    ("Helix", "赫利克斯"),
    ("Quanta", "昆塔"),
    ("Zenith", "泽尼斯"),
];

/// `(中文, English)` product kinds.
pub const PRODUCTS: &[(&str, &str)] = &[
    ("人形机器人", "Humanoid Robot"),
    ("四足机器人", "Quadruped Robot"),
    ("推理芯片", "Inference Chip"),
    ("训练集群", "Training Cluster"),
    ("智能眼镜", "Smart Glasses"),
    ("大语言模型", "Large Language Model"),
    ("机械臂", "Robotic Arm"),
    ("智能音箱", "Smart Speaker"),
    ("自动驾驶平台", "Autonomous Driving Platform"),
    ("数字人", "Digital Human"),
    ("服务机器人", "Service Robot"),
    ("视觉模组", "Vision Module"),
    ("开发套件", "Developer Kit"),
    ("智能座舱", "Smart Cockpit"),
    ("医疗影像系统", "Medical Imaging System"),
    ("边缘服务器", "Edge Server"),
];

/// `(中文, English)` exhibitor and product categories.
pub const CATEGORIES: &[(&str, &str)] = &[
    ("大模型", "Large models"),
    ("智能算力", "AI computing"),
    ("AI芯片", "AI chips"),
    ("机器人", "Robotics"),
    ("智能终端", "Smart devices"),
    ("自动驾驶", "Autonomous driving"),
    ("智慧医疗", "Healthcare"),
    ("工业应用", "Industrial applications"),
    ("金融科技", "Fintech"),
    ("教育", "Education"),
];

/// `(中文, English)` exhibition halls, and the code booths are numbered with.
pub const HALLS: &[(&str, &str, &str)] = &[
    ("核心技术馆", "Core Technologies Hall", "H1"),
    ("行业应用馆", "Industrial Applications Hall", "H2"),
    ("智能终端馆", "Smart Devices Hall", "H3"),
    ("机器人馆", "Robotics Hall", "H4"),
    ("前沿科技馆", "Frontier Technologies Hall", "W1"),
    ("国际馆", "International Pavilion", "W2"),
];

/// Countries of exhibitors, China repeated for its real share.
pub const COUNTRIES: &[&str] = &[
    "China",
    "China",
    "China",
    "China",
    "China",
    "China",
    "China",
    "China",
    "China",
    "China",
    "China",
    "China",
    "China",
    "China",
    "China",
    "China",
    "United States",
    "Germany",
    "France",
    "Japan",
    "Korea",
    "Singapore",
    "United Kingdom",
    "Switzerland",
];

/// `(中文, pinyin)` family names.
pub const SURNAMES: &[(&str, &str)] = &[
    ("王", "Wang"),
    ("李", "Li"),
    ("张", "Zhang"),
    ("刘", "Liu"),
    ("陈", "Chen"),
    ("杨", "Yang"),
    ("赵", "Zhao"),
    ("黄", "Huang"),
    ("周", "Zhou"),
    ("吴", "Wu"),
    ("徐", "Xu"),
    ("孙", "Sun"),
    ("胡", "Hu"),
    ("朱", "Zhu"),
    ("高", "Gao"),
    ("林", "Lin"),
    ("何", "He"),
    ("郭", "Guo"),
    ("马", "Ma"),
    ("罗", "Luo"),
];

/// `(中文, pinyin)` given names.
pub const GIVEN_NAMES: &[(&str, &str)] = &[
    ("伟", "Wei"),
    ("芳", "Fang"),
    ("娜", "Na"),
    ("敏", "Min"),
    ("静", "Jing"),
    ("磊", "Lei"),
    ("强", "Qiang"),
    ("洋", "Yang"),
    ("艳", "Yan"),
    ("杰", "Jie"),
    ("志明", "Zhiming"),
    ("晓东", "Xiaodong"),
    ("海峰", "Haifeng"),
    ("雪梅", "Xuemei"),
    ("建国", "Jianguo"),
    ("子涵", "Zihan"),
    ("思远", "Siyuan"),
    ("一鸣", "Yiming"),
    ("欣怡", "Xinyi"),
    ("博文", "Bowen"),
];

/// First and last names of international speakers, who have no Chinese name.
pub const WESTERN_FIRST: &[&str] = &[
    "Anna", "David", "Maria", "James", "Sophie", "Lukas", "Elena", "Thomas", "Aisha", "Kenji",
];

/// See [`WESTERN_FIRST`].
pub const WESTERN_LAST: &[&str] = &[
    "Müller", "Smith", "Dubois", "Rossi", "Tanaka", "Kim", "Novak", "García", "Okafor", "Berg",
];

/// `(中文, English)` affiliations that are not exhibitors.
pub const INSTITUTIONS: &[(&str, &str)] = &[
    ("清华大学", "Tsinghua University"),
    ("北京大学", "Peking University"),
    ("复旦大学", "Fudan University"),
    ("上海交通大学", "Shanghai Jiao Tong University"),
    ("浙江大学", "Zhejiang University"),
    ("上海人工智能实验室", "Shanghai AI Laboratory"),
    ("中国科学院", "Chinese Academy of Sciences"),
    ("联合国教科文组织", "UNESCO"),
];

/// `(中文, English)` job titles for speaker bios.
pub const ROLES: &[(&str, &str)] = &[
    ("首席科学家", "Chief Scientist"),
    ("教授", "Professor"),
    ("创始人兼首席执行官", "Founder and CEO"),
    ("研究员", "Researcher"),
    ("副总裁", "Vice President"),
    ("首席技术官", "CTO"),
];
