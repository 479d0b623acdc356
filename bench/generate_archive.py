#!/usr/bin/env python3
"""Archive-like corpora of Chinese county news at any size, for bench/run.sh.

    python3 bench/generate_archive.py --out DIR --mb N [--seed S] [--counties K] [--single-file]

Writes pages in the layout of samples/*.txt (headline lines, a dateline lead
"本报讯(记者 …)M月D日,…", sentences broken across blank lines, photo captions,
"(下转N版)" / "(上接N版)" markers; web pages with 发布时间/来源/责任编辑 lines)
until N * 10^6 bytes are written: about 1,000 files per MB (two thirds web pages
of one item, one third print pages of 1-3 items), in DIR/NNNN/ folders of 1,000
pages (with --single-file: DIR/archive.txt, every page in one file).

The world is fixed by the seed, whatever the size: --counties real counties of
extract/data/divisions.txt (one per prefecture, with four of their real towns),
each with its bodies (县委, 县人民政府, 县人大常委会, 县政协, bureaus, towns,
companies, a hospital, a school; the prefecture's college and government) and
55 people holding posts in them (2,640 for 48 counties), names drawn without repetition from
surname + given-name characters. Items are meetings chaired and attended,
signings between bodies, inspections, delegations from other counties and
short notices, with posts printed before names (县委书记X, 副县长Y) so that
guanxi's extractor reads holds_position, attended, chaired and signed_with.
A person appears in their own county's items, and some in other counties'
(delegations, signings, prefecture leaders), with their county printed. About
2% of the items are reprinted by another outlet (a web page with its own
headline and furniture): `guanxi build` folds them into the stored article.

Deterministic: the same --seed and --mb give the same bytes. Python 3 standard
library only. All text comes from the templates and word lists below, written
for this script; only the place names are real (the gazetteer). DIR/generated.json
records the parameters and what was written (pages, items, bytes).
"""

import argparse
import json
import os
import random
import sys

FORMAT_VERSION = 2  # bump when the output changes, so that bench/run.sh regenerates
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(REPO, "extract", "data")

SURNAMES = ("王李张刘陈杨黄赵吴周徐马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋"
            "蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范廖石贾韦夏付方邹熊孟秦邱侯江尹薛闫段"
            "雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文")
GIVEN = ("明伟华建国志文海红丽军平勇杰斌涛峰辉静敏燕霞玲芳娟鑫磊鹏宇浩凯晨欣怡琳颖婷雪莉洁"
         "倩梅兰秀英春秋松柏林森彬嘉瑞祥福荣昌盛兴旺泽润清源江波洋铭锋钢锦翔飞腾跃骏驰远航"
         "帆舟岩峻岚崇立振宏广博雅思睿智慧聪敬诚信忠义仁德贤良善益永恒达通顺宁康健乐悦喜庆"
         "吉利丰裕富金玉珍珠彩艳丹青晓曦旭阳光辰星云雨露霖雷俊豪毅刚坤培")

TOPICS = ("乡村振兴 招商引资 安全生产 生态环境保护 防汛抗旱 森林防火 文明城市创建 营商环境优化 "
          "重点项目建设 民营经济发展 教育高质量发展 医疗卫生服务 农村人居环境整治 耕地保护 粮食生产 "
          "文旅融合发展 基层治理 就业创业 消费帮扶 城乡供水 高标准农田建设 数字经济发展 电商产业发展 "
          "林下经济 茶产业发展 中药材产业发展 特色农业 工业园区建设 老旧小区改造 交通基础设施建设 "
          "养老服务 平安建设 河长制 林长制 科技创新 人才引进 民族团结进步 宣传思想文化 党风廉政建设 "
          "巡察整改 作风建设 干部教育培训 国有企业改革 金融服务实体经济 冬春农田水利建设 "
          "农村集体经济 消防安全 食品安全 城乡环境卫生 义务教育均衡发展 全民健身 非遗保护").split()
MEETINGS = "工作会议 工作推进会 工作调度会 工作部署会 工作座谈会 专题会议 工作现场会 工作培训会 联席会议".split()
ADVERBS = "要 要切实 要持续 要着力 必须 要进一步 要全力 要扎实 要不断 要主动 要始终 要加快 要坚决 要精准".split()
VERBS = ("抓好 推进 落实 提升 强化 完善 优化 健全 深化 巩固 拓展 筑牢 压实 守牢 培育 壮大 补齐 激活 "
         "释放 做实 擦亮 打造 构建 夯实 统筹 聚焦 服务 保障 破解 盘活 推动 带动 扩大 稳定 改善 用好 "
         "织密 理顺 盯紧 厚植 发挥 延伸 畅通 规范").split()
MODIFIERS = ("基层 产业 项目 要素 服务 民生 园区 乡村 城乡 企业 人才 资金 土地 数字 绿色 安全 治理 监管 "
             "考核 责任 应急 市场 消费 投资 财政 公共 医疗 教育 文化 旅游 生态 交通 水利 能源 物流 "
             "集体 村级 网格 信用 品牌 科技 金融 要素 县域 流域 片区").split()
NOUNS = ("体系 机制 链条 能力 水平 质量 效能 基础 底线 短板 活力 动能 优势 格局 环境 保障 网络 平台 "
         "载体 队伍 品牌 布局 结构 韧性 闭环 清单 台账 制度 合力 覆盖面 供给 标准 成效 路径 抓手").split()
PURPOSES = ("确保各项任务落地见效 推动工作再上新台阶 为全县发展提供有力支撑 切实增强群众获得感 "
            "以实绩实效检验工作成色 努力交出满意答卷 不断开创工作新局面 推动政策红利直达基层 "
            "形成上下联动的工作格局 守住不发生重大风险的底线 让发展成果更多惠及群众 "
            "全力冲刺全年目标任务 为高质量发展注入新动能 把各项部署落到实处").split()
FACTS = ("今年以来,全县已{verb}{mod}{noun}建设项目{n}个,完成投资{x}亿元,同比增长{p}%。",
         "截至目前,全县共有{n}家企业参与{topic}工作,带动{m}余人就业。",
         "{town}已建成{mod}服务站{n}处,覆盖{m}户群众。",
         "去年,全县{topic}工作综合排名位居全市第{k},{mod}{noun}持续改善。",
         "全县累计投入资金{x}亿元,实施{mod}{noun}提升工程{n}项。",
         "{town}因地制宜发展{crop}种植{m}亩,亩均增收{n}元。",
         "今年全县计划实施{topic}项目{n}个,总投资{x}亿元,目前已开工{k}个。",
         "{company}今年前{k}个月实现产值{x}亿元,同比增长{p}%。")
CROPS = "油茶 脐橙 茶叶 蔬菜 食用菌 中药材 蓝莓 猕猴桃 花卉苗木 水稻 生姜 辣椒 葡萄 核桃".split()
BRANDS = ("绿源 恒泰 华瑞 金穗 嘉信 远景 汇丰 鼎盛 宏达 科创 天润 盛隆 泽丰 新程 锦华 通达 "
          "瑞康 博远 益农 昌隆 聚力 信诚 华晟 东方 兴旺 万家 惠民 星辰 荣盛 兆丰").split()
TRADES = ("农业科技 食品 新材料 电子科技 生物科技 建材 纺织 机械制造 物流 新能源 文化旅游 "
          "茶业 医药 环保科技 智能装备 农产品开发 家居 矿业").split()
BUREAUS = ("教育局 农业农村局 文化和旅游局 商务局 自然资源局 交通运输局 卫生健康局 工业和信息化局 "
           "水利局 应急管理局").split()
VILLAGES = "新华 红旗 桃花 石桥 柳塘 杏林 青松 泉水 枫树 岭脚 梅岭 松坪 竹园 岭下 双溪 安乐".split()
PLACES_OF_VISIT = "项目建设现场 种植基地 便民服务中心 村史馆 养老服务站 卫生室 文化广场".split()
WEEKDAYS = "星期一 星期二 星期三 星期四 星期五 星期六 星期日".split()

# Roles of a county: (key, body, title, local print, print with the county named).
# {C} is the county's full name (峡江县), {T} a town's.
COUNTY_ROLES = [
    ("sec", "县委", "书记", "县委书记", "{C}委书记"),
    ("mayor", "县人民政府", "县长", "县委副书记、县长", "{C}委副书记、县长"),
    ("dsec", "县委", "副书记", "县委副书记", "{C}委副书记"),
    ("exec", "县人民政府", "常务副县长", "县委常委、常务副县长", "{C}委常委、常务副县长"),
    ("prop", "县委宣传部", "部长", "县委常委、宣传部部长", "{C}委常委、宣传部部长"),
    ("org", "县委组织部", "部长", "县委常委、组织部部长", "{C}委常委、组织部部长"),
    ("disc", "县纪委", "书记", "县委常委、县纪委书记", "{C}委常委、纪委书记"),
    ("uf", "县委统战部", "部长", "县委常委、统战部部长", "{C}委常委、统战部部长"),
] + [("vm", "县人民政府", "副县长", "副县长", "{C}副县长")] * 4 + [
    ("npc", "县人大常委会", "主任", "县人大常委会主任", "{C}人大常委会主任"),
] + [("npcv", "县人大常委会", "副主任", "县人大常委会副主任", "{C}人大常委会副主任")] * 3 + [
    ("cppcc", "县政协", "主席", "县政协主席", "{C}政协主席"),
] + [("cppccv", "县政协", "副主席", "县政协副主席", "{C}政协副主席")] * 3


class World:
    """The fixed population: counties, their bodies and the people in them."""

    def __init__(self, seed, n_counties):
        rng = random.Random(f"world-{seed}")
        self.counties, places = pick_counties(rng, n_counties)
        # Place names the extractor looks for in running text (towns by full name
        # only): the filler must hold none (壮大城乡 holds Taiwan's 大城乡).
        self.places = {w for w in places if not w.endswith(("镇", "乡")) or len(w) > 2}
        names = name_source(rng, {w for w in places if len(w) == 2})
        self.reporters = [next(names) for _ in range(120)]
        self.people = []
        for c in self.counties:
            c["people"] = {}  # role key -> [person]
            def add(key, local, qualified):
                p = {"name": next(names), "county": c, "local": local, "qualified": qualified}
                c["people"].setdefault(key, []).append(p)
                self.people.append(p)
            C = c["name"]
            for key, _body, _title, local, qualified in COUNTY_ROLES:
                add(key, local, qualified.format(C=C))
            for bureau in c["bureaus"]:
                add("bureau", f"县{bureau}局长", f"{C}{bureau}局长")
                add("bureau", f"县{bureau}副局长", f"{C}{bureau}副局长")
            for town in c["towns"]:
                add("town", f"{town}党委书记", f"{C}{town}党委书记")
                add("town", f"{town}{town[-1]}长", f"{C}{town}{town[-1]}长")
            for company in c["companies"]:
                add("company", f"{company}董事长", f"{company}董事长")
                add("company", f"{company}总经理", f"{company}总经理")
            add("hospital", f"{C}人民医院院长", f"{C}人民医院院长")
            add("hospital", f"{C}人民医院党委书记", f"{C}人民医院党委书记")
            add("school", f"{C}第一中学校长", f"{C}第一中学校长")
            college = c["prefecture_short"] + "职业技术学院"
            add("college", f"{college}院长", f"{college}院长")
            add("college", f"{college}党委书记", f"{college}党委书记")
            add("pref", f"{c['prefecture']}副市长", f"{c['prefecture']}副市长")
            add("pref", f"{c['prefecture']}副市长", f"{c['prefecture']}副市长")


def read_divisions():
    rows = []
    with open(os.path.join(DATA, "divisions.txt"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            parts = line.split()
            rows.append({"name": parts[0], "level": parts[1], "parent": parts[2],
                         "code": parts[3], "short": parts[4:]})
    return rows


def pick_counties(rng, n):
    """n counties 县 of distinct prefectures 市, whose names and short forms name
    one place only and hold no one-character boundary word of the extractor
    (犍为县: 为 ends a name), each with four towns 镇 of unique names. Also
    returns every two-character place name, for name_source."""
    rows = read_divisions()
    with open(os.path.join(DATA, "boundary_words.txt"), encoding="utf-8") as f:
        boundary = {w.split()[-1] for w in f if w.strip() and not w.startswith(("#", "!"))}
    uses = {}
    for r in rows:
        for word in [r["name"]] + r["short"]:
            uses[word] = uses.get(word, 0) + 1
    prefectures = {r["code"]: r for r in rows if r["level"] == "prefecture"}
    towns = {}
    for r in rows:
        if r["level"] == "town" and r["name"].endswith("镇") and len(r["name"]) == 3 \
                and uses[r["name"]] == 1:
            towns.setdefault(r["code"][:6], []).append(r["name"])
    candidates = []
    for r in rows:
        pref = prefectures.get(r["code"][:4])
        if (r["level"] != "county" or not r["name"].endswith("县") or len(r["name"]) != 3
                or any(ch in boundary for ch in r["name"][:2])
                or "自治" in r["name"] or uses[r["name"]] != 1 or len(r["short"]) != 1
                or uses[r["short"][0]] != 1 or pref is None or not pref["name"].endswith("市")
                or len(pref["short"]) != 1 or uses[pref["name"]] != 1
                or len(towns.get(r["code"], [])) < 4):
            continue
        candidates.append((r, pref))
    rng.shuffle(candidates)
    chosen, seen = [], set()
    for r, pref in candidates:
        if pref["code"] in seen:
            continue
        seen.add(pref["code"])
        brands = rng.sample(BRANDS, 4)
        chosen.append({
            "name": r["name"], "short": r["short"][0], "code": r["code"],
            "prefecture": pref["name"], "prefecture_short": pref["short"][0],
            "towns": rng.sample(towns[r["code"]], 4),
            "bureaus": rng.sample(BUREAUS, 6),
            "companies": [f"{r['short'][0]}{b}{rng.choice(TRADES)}有限公司" for b in brands],
        })
        if len(chosen) == n:
            break
    if len(chosen) < n:
        sys.exit(f"generate_archive.py: only {len(chosen)} suitable counties in divisions.txt")
    chosen.sort(key=lambda c: c["code"])
    places = set()
    for r in rows:
        places.add(r["name"])
        if r["level"] != "town":
            places.update(r["short"])
    return chosen, places


def name_source(rng, places):
    """Distinct Chinese names, surname + one or two given-name characters, never a
    common word of the extractor's stop lists nor holding a place's name
    (肖宁德 holds 宁德: the extractor would count the city)."""
    stop = set()
    for fname in ("name_stop_words.txt", "name_stop_chars.txt"):
        with open(os.path.join(DATA, fname), encoding="utf-8") as f:
            stop.update(w.strip() for w in f if w.strip() and not w.startswith("#"))
    given = [c for c in GIVEN if c not in stop]
    used = set()
    while True:
        n_given = 1 if rng.random() < 0.15 else 2
        g = "".join(rng.choice(given) for _ in range(n_given))
        name = rng.choice(SURNAMES) + g
        if name in used or g in stop or g[:2] in stop or (n_given == 2 and g[0] == g[1]) \
                or any(name[i:i + 2] in places for i in range(len(name) - 1)):
            continue
        used.add(name)
        yield name


class Writer:
    """Builds items and pages from the world; one random stream for the text."""

    def __init__(self, world, seed, pages_expected):
        self.w = world
        self.rng = random.Random(f"text-{seed}")
        self.pages_expected = max(1, pages_expected)  # spreads the dates over two years
        self.items = 0
        self.reprint_pool = []  # items a web page may print again: (item, year, month, day)
        self.reprints = 0
        self.pending = None  # an item continued "(下转N版)" whose rest is still to print

    # -- words ---------------------------------------------------------------
    def clause(self):
        r = self.rng
        while True:
            text = f"{r.choice(ADVERBS)}{r.choice(VERBS)}{r.choice(MODIFIERS)}{r.choice(NOUNS)}"
            if not any(text[i:j] in self.w.places
                       for i in range(len(text)) for j in range(i + 2, min(i + 6, len(text) + 1))):
                return text

    def speech(self, speaker, verb=None):
        r = self.rng
        verb = verb or r.choice(("指出", "强调", "要求", "表示", "希望"))
        parts = [self.clause() for _ in range(r.randint(2, 3))]
        return f"{speaker}{verb},{','.join(parts)},{r.choice(PURPOSES)}。"

    def fact(self, c, topic):
        r = self.rng
        return r.choice(FACTS).format(
            verb=r.choice(VERBS), mod=r.choice(MODIFIERS), noun=r.choice(NOUNS), topic=topic,
            n=r.randint(3, 480), m=r.randint(120, 9800), x=f"{r.uniform(0.3, 60):.1f}",
            p=f"{r.uniform(1, 30):.1f}", k=r.randint(2, 11), town=r.choice(c["towns"]),
            crop=r.choice(CROPS), company=r.choice(c["companies"]))

    def people(self, c, key, k=1):
        pool = c["people"][key]
        return self.rng.sample(pool, min(k, len(pool)))

    def listing(self, people, local=True, sep="、"):
        return sep.join((p["local"] if local else p["qualified"]) + p["name"] for p in people)

    def others(self, c):
        return [o for o in self.w.counties if o is not c]

    # -- items: (title lines, lead, body paragraphs) ---------------------------
    def meeting(self, c, date):
        r = self.rng
        topic, kind = r.choice(TOPICS), r.choice(MEETINGS)
        sec, mayor = c["people"]["sec"][0], c["people"]["mayor"][0]
        if r.random() < 0.6:
            speaker, chair = sec, mayor
        else:
            speaker, chair = mayor, r.choice(c["people"]["exec"] + c["people"]["vm"])
        event = f"全县{topic}{kind}"
        slogan = f"{r.choice(VERBS)}{r.choice(MODIFIERS)}{r.choice(NOUNS)} {r.choice(PURPOSES)}"
        titles = r.choice(([f"{c['name']}召开{topic}{kind}"],
                           [f"{speaker['name']}在{event}上强调", slogan],
                           [f"{event}召开", f"{speaker['name']}出席并讲话"]))
        attendees = (self.people(c, "npc") + self.people(c, "cppcc")
                     + self.people(c, "vm", r.randint(2, 4))
                     + self.people(c, r.choice(("dsec", "prop", "org", "uf", "disc"))))
        attendees = [p for p in attendees if p is not chair]
        lead = (f"{date},{c['name']}{topic}{kind}召开。{speaker['local']}{speaker['name']}出席会议并讲话。"
                f"{chair['local']}{chair['name']}主持会议。{self.listing(attendees)}出席会议。")
        body = []
        reporters = self.people(c, r.choice(("bureau", "town")), r.randint(2, 3))
        body.append(f"会上,{self.listing(reporters)}先后作交流发言。{self.fact(c, topic)}")
        body.append(self.speech(speaker["name"]) + self.speech(speaker["name"], "强调"))
        if r.random() < 0.5:
            body.append(self.speech(chair["name"], "要求"))
        body.append(f"各乡镇、县直有关部门主要负责人参加会议。")
        return titles, lead, body, (f"{c['name']}召开{topic}{kind}", "图为会议现场。")

    def signing(self, c, date):
        r = self.rng
        topic = r.choice(TOPICS)
        if r.random() < 0.7:
            company = r.choice(c["companies"] if r.random() < 0.5 else r.choice(self.others(c))["companies"])
            owner = next(o for o in self.w.counties if company in o["companies"])
            boss, manager = [p for p in owner["people"]["company"] if p["local"].startswith(company)]
            project = f"年产{r.randint(2, 90)}万件{r.choice(TRADES)}产品项目" if r.random() < 0.5 else \
                f"{c['short']}{r.choice(CROPS)}产业园项目"
            titles = [f"{c['name']}与{company}签约{project}", f"总投资{r.randint(2, 60)}亿元"]
            leaders = [c["people"]["sec"][0], c["people"]["mayor"][0]]
            vm = self.people(c, "vm")[0]
            local = owner is c  # else the hosts' county is printed, as the guest's is
            lead = (f"{date},{c['name']}人民政府与{company}签署{project}投资协议。"
                    f"{self.listing(leaders, local, ',')},{company}董事长{boss['name']}出席签约仪式。"
                    f"{self.listing(self.people(c, 'exec'), local)}主持签约仪式。")
            body = [f"活动中,{vm['local' if local else 'qualified']}{vm['name']}与{company}董事长{boss['name']}代表双方签约。"
                    f"{self.fact(c, topic)}",
                    f"{company}总经理{manager['name']}介绍了项目情况。" +
                    self.speech(leaders[0]["name"], "表示") + self.speech(boss["name"], "表示")]
        else:
            college = c["prefecture_short"] + "职业技术学院"
            head, secretary = c["people"]["college"]
            company = r.choice(c["companies"])
            titles = [f"{college}与{company}签订校企合作协议"]
            lead = (f"{date},{college}与{company}在{c['name']}签订校企合作协议。"
                    f"{self.listing(self.people(c, 'vm'))},{secretary['local']}{secretary['name']}、"
                    f"院长{head['name']}出席签约仪式。"
                    f"{self.listing(self.people(c, 'bureau', 2))}参加。")
            body = [self.speech(head["name"], "表示"), self.fact(c, topic)]
        return titles, lead, body, (f"{c['name']}举行项目签约仪式", "图为签约现场。")

    def inspection(self, c, date):
        r = self.rng
        topic, town = r.choice(TOPICS), r.choice(c["towns"])
        if r.random() < 0.15:
            leader = self.people(c, "pref")[0]
            who, where = f"{leader['local']}{leader['name']}", f"{c['name']}"
        else:
            leader = r.choice([c["people"]["sec"][0], c["people"]["mayor"][0]] + c["people"]["vm"])
            who, where = f"{leader['local']}{leader['name']}", town
        titles = [f"{leader['name']}到{where}调研{topic}工作"]
        escort = self.people(c, "vm", r.randint(1, 2)) + self.people(c, "bureau", r.randint(1, 3)) + \
            [p for p in c["people"]["town"] if p["local"].startswith(town)]
        lead = f"{date},{who}率队到{c['name']}{town}调研{topic}工作。{self.listing(escort)}陪同调研。"
        village = r.choice(VILLAGES) + "村"
        body = [f"{leader['name']}一行先后来到{town}{village}{r.choice(PLACES_OF_VISIT)}、{r.choice(c['companies'])},"
                f"详细了解{topic}推进情况。{self.fact(c, topic)}",
                self.speech(leader["name"])]
        return titles, lead, body, (f"{leader['name']}在{where}调研{topic}工作", "图为调研现场。")

    def delegation(self, c, date):
        r = self.rng
        guest = r.choice(self.others(c))
        q = [guest["people"]["sec"][0]] if r.random() < 0.5 else [guest["people"]["mayor"][0]]
        q += self.people(guest, "vm") + self.people(guest, "bureau", r.randint(1, 2))
        hosts = [c["people"]["sec"][0], c["people"]["mayor"][0]] + self.people(c, "vm")
        topic = r.choice(TOPICS)
        titles = [f"{guest['name']}党政代表团来{c['name']}考察交流"]
        lead = (f"{date},{q[0]['qualified']}{q[0]['name']}率{guest['name']}党政代表团来{c['name']}考察交流。"
                f"{self.listing(q[1:], local=False)}参加考察。{self.listing(hosts, local=False)}陪同考察。")
        body = [f"代表团一行先后来到{r.choice(c['towns'])}、{r.choice(c['companies'])}等地,实地考察{topic}工作。",
                f"座谈会上,{hosts[0]['name']}介绍了{c['name']}经济社会发展情况。" + self.speech(q[0]["name"], "表示")]
        if r.random() < 0.4:
            body.append(f"会上,{c['name']}人民政府与{guest['name']}人民政府签署{topic}合作框架协议。"
                        f"{hosts[2]['qualified']}{hosts[2]['name']}参加签约。")
        return titles, lead, body, (f"{guest['name']}党政代表团在{c['name']}考察", "图为考察现场。")

    def session(self, c, date):
        r = self.rng
        key = r.choice(("npc", "cppcc"))
        head, vices = c["people"][key][0], c["people"][key + "v"]
        n = r.randint(2, 60)
        body_name = "县人大常委会" if key == "npc" else "县政协"
        what = f"第{n}次主任会议" if key == "npc" else f"第{n}次主席会议"
        topic = r.choice(TOPICS)
        titles = [f"{body_name}召开{what}"]
        lead = (f"{date},{c['name']}{body_name[1:]}召开{what}。{head['local']}{head['name']}主持会议。"
                f"{self.listing(r.sample(vices, r.randint(2, 3)))}出席会议。"
                f"{self.listing(self.people(c, 'exec') + self.people(c, 'vm'))}列席会议。")
        body = [f"会议听取了{c['name']}关于{topic}工作情况的汇报。{self.fact(c, topic)}",
                self.speech(head["name"], "要求")]
        return titles, lead, body, (f"{c['name']}{body_name[1:]}召开{what}", "图为会议现场。")

    def notice(self, c, date):
        r = self.rng
        topic = r.choice(TOPICS)
        heads = self.people(c, r.choice(("bureau", "hospital", "school", "town")), 2)
        titles = [f"{c['name']}{topic}{r.choice(('工作取得新进展', '扎实推进', '见实效', '有序开展'))}"]
        lead = (f"{date},{self.listing(heads)}带队到{r.choice(c['towns'])}检查{topic}工作。"
                f"{self.fact(c, topic)}")
        return titles, lead, [self.clause()[1:] + "," + r.choice(PURPOSES) + "。"], None

    KINDS = (("meeting", 30), ("signing", 12), ("inspection", 22), ("delegation", 8),
             ("session", 12), ("notice", 16))

    def item(self, c, month, day):
        r = self.rng
        kind = r.choices([k for k, _ in self.KINDS], [w for _, w in self.KINDS])[0]
        date = f"{month}月{day}日"
        titles, lead, body, caption = getattr(self, kind)(c, date)
        self.items += 1
        return {"titles": titles, "lead": lead, "body": body, "date": date, "county": c,
                "caption": caption}

    # -- layout --------------------------------------------------------------
    def reporter(self):
        name = self.rng.choice(self.w.reporters)
        return " ".join(name) if len(name) == 2 else name

    def broken(self, paragraph):
        """A paragraph broken across a blank line inside a sentence, as print pages
        are; in its second half, away from punctuation (where the names are not)."""
        cut = self.rng.randint(len(paragraph) // 2, len(paragraph) - 3)
        while cut < len(paragraph) - 2 and (paragraph[cut - 1] in "。,、" or paragraph[cut] in "。,、"):
            cut += 1
        return paragraph[:cut] + "\n\n" + paragraph[cut:]

    def print_item(self, it, continued):
        r = self.rng
        out = [t for t in it["titles"]]
        lead = f"本报讯(记者 {self.reporter()})" + it["lead"] if r.random() < 0.8 else it["lead"]
        paragraphs = [lead] + it["body"]
        if r.random() < 0.3:
            i = r.randrange(1, len(paragraphs))
            paragraphs[i] = self.broken(paragraphs[i])
        text = "\n\n".join(out) + "\n\n" + "\n\n".join(paragraphs)
        if it["caption"] and r.random() < 0.15:
            scene, photo = it["caption"]
            text += f"\n\n{it['date']},{scene}。{photo}\n记者 {self.reporter()} 摄"
        if continued:
            text += f"\n(下转{r.randint(2, 8)}版)"
        return text

    def web_item(self, it, year, month, day, outlet, title=None):
        r = self.rng
        lines = [title or it["titles"][0], "",
                 f"发布时间：{year}-{month:02d}-{day:02d} {r.randint(7, 21):02d}:{r.randint(0, 59):02d}"
                 f"　来源：{outlet}", ""]
        lead = it["lead"].replace(",", "，")
        if r.random() < 0.5:
            lead = f"{it['county']['short']}讯（通讯员 {self.reporter()}）" + lead
        lines += [lead, ""] + [p.replace(",", "，") + "\n" for p in it["body"]]
        lines.append(f"责任编辑：{r.choice(self.w.reporters)}")
        return "\n".join(lines)

    def page(self, index):
        """One page file's text: a print page of 1-3 items of one county, or a web
        page of one item (now and then a reprint of an earlier item)."""
        r = self.rng
        days = index * 730 // self.pages_expected
        month, day = month_day(days % 365)
        year = 2025 + days // 365
        c = r.choice(self.w.counties)
        if r.random() < 0.66:
            if self.reprint_pool and r.random() < 0.04:
                it, y, m, d = self.reprint_pool.pop(r.randrange(len(self.reprint_pool)))
                self.reprints += 1
                outlet = f"{it['county']['prefecture']}新闻网"
                title = f"{it['county']['name']}：" + it["titles"][0]
                return "\n\n" + self.web_item(it, y, m, d, outlet, title) + "\n"
            it = self.item(c, month, day)
            if r.random() < 0.05:
                self.reprint_pool.append((it, year, month, day))
            outlet = r.choice((f"{c['short']}县融媒体中心", f"今日{c['short']}", f"{c['name']}人民政府网"))
            return "\n\n" + self.web_item(it, year, month, day, outlet) + "\n"
        n = r.choice((1, 1, 2, 2, 3))
        parts = [f"{year}年{month}月{day}日 {WEEKDAYS[(days + 2) % 7]}"] if r.random() < 0.3 else []
        for i in range(n):
            it = self.item(c, month, day if r.random() < 0.6 else max(1, day - 1))
            continued = i == n - 1 and r.random() < 0.2
            parts.append(self.print_item(it, continued))
            if continued:
                self.pending = it
        if self.pending is not None and r.random() < 0.3:
            it = self.pending
            self.pending = None
            parts.append(f"{it['titles'][0]}\n\n(上接1版)\n\n" + "\n\n".join(
                [self.speech("会议", "要求"), self.fact(it["county"], r.choice(TOPICS))]))
        return "\n\n" + "\n\n\n".join(parts) + "\n"


def month_day(day_of_year):
    lengths = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
    for m, n in enumerate(lengths, 1):
        if day_of_year < n:
            return m, day_of_year + 1
        day_of_year -= n
    return 12, 31


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, help="folder to write (created; must be empty or absent)")
    ap.add_argument("--mb", type=float, required=True, help="size to write, in 10^6 bytes")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--counties", type=int, default=48, help="counties in the world (default 48)")
    ap.add_argument("--single-file", action="store_true", help="write every page into DIR/archive.txt")
    args = ap.parse_args()
    if os.path.isdir(args.out) and os.listdir(args.out):
        sys.exit(f"generate_archive.py: {args.out}: not empty")
    os.makedirs(args.out, exist_ok=True)
    world = World(args.seed, args.counties)
    target = int(args.mb * 1e6)
    writer = Writer(world, args.seed, target // 1000)
    written, pages = 0, 0
    single = open(os.path.join(args.out, "archive.txt"), "wb") if args.single_file else None
    while written < target:
        data = writer.page(pages).encode("utf-8")
        if single:
            single.write(data)
        else:
            folder = os.path.join(args.out, f"{pages // 1000:04d}")
            if pages % 1000 == 0:
                os.makedirs(folder, exist_ok=True)
            with open(os.path.join(folder, f"{pages:06d}.txt"), "wb") as f:
                f.write(data)
        written += len(data)
        pages += 1
    if single:
        single.close()
    summary = {"format": FORMAT_VERSION, "seed": args.seed, "mb": args.mb, "counties": args.counties,
               "single_file": args.single_file, "pages": pages, "items": writer.items,
               "reprints": writer.reprints, "bytes": written, "people": len(world.people)}
    with open(os.path.join(args.out, "generated.json"), "w", encoding="utf-8") as f:
        json.dump(summary, f, ensure_ascii=False)
        f.write("\n")
    print(json.dumps(summary, ensure_ascii=False))


if __name__ == "__main__":
    main()
