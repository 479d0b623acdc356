#!/usr/bin/env python3
"""A page of many ordinary paragraphs, for bench/page_shapes.sh.

    python3 bench/make_paragraph_page.py --mb N [--seed S] [--item-kb K] [--out FILE]

Writes about N * 10^6 bytes of UTF-8 in the layout of samples/*.txt: a headline,
a subtitle, a dateline lead "本报讯(青溪日报记者 X)M月D日,…", then paragraphs
of meetings, speeches, inspections and signings with posts printed before
names (区委书记X, 区长Y), so that guanxi's extractor reads holds_position,
attended, chaired and signed_with in every paragraph. By default the whole
page is one news item (the issue's "20 MB page of ordinary paragraphs");
with --item-kb K a new item (headline, subtitle, dateline) starts every K
kilobytes, giving a file of many items.

The world is fictional, as in samples/: the district 青溪区 of the city 云岭市,
its bodies and companies. A standing roster of 40 leaders recurs throughout,
and new people (village secretaries, company managers, school heads) keep
being introduced, one every few paragraphs (up to 60,000 names), so that the
number of distinct names grows with the page as it does in a long real page. Deterministic: the
same --seed, --mb and --item-kb give the same bytes. Python 3 standard library
only; writes to FILE or to stdout.
"""

import argparse
import random
import sys

SURNAMES = "柏贺沈闵葛邬钱韦戴俞施窦滕卞庞苏周林岑邰龚覃蔺阎喻鲍甘祁姬伍蓝樊骆"
GIVEN = ("嘉禾明远立川云舒春林海平若溪树书澄南乔文澜一帆思可欣夏岚景远川禾泽霖晓曦宁"
         "安和清朗辰星雨露峻岭松柏竹梅兰芷若航舟砚墨知行致远怀瑾")
TOWNS = ("石门镇 白沙镇 青林镇 枫溪镇 云台镇 双河镇 临江镇 桂湾镇").split()
VILLAGES = "桃源村 杏花村 新塘村 柳溪村 石桥村 竹山村 松岗村 清泉村 梅坞村 上坪村".split()
COMPANIES = ("云岭数智装备集团有限公司 青禾新材料科技有限公司 远帆智能物流有限公司 "
             "青溪绿源农业科技有限公司 云岭恒泰建材有限公司 青溪锦华纺织有限公司").split()
BUREAUS = "教育局 农业农村局 商务局 交通运输局 卫生健康局 文化和旅游局 水利局 应急管理局".split()
TOPICS = ("乡村振兴 招商引资 安全生产 生态环境保护 防汛抗旱 文明城市创建 营商环境优化 "
          "重点项目建设 民营经济发展 基层治理 就业创业 高标准农田建设 数字经济发展").split()
MEETINGS = "工作会议 工作推进会 工作调度会 专题会议 工作座谈会".split()
ADVERBS = "要 要切实 要持续 要着力 必须 要进一步 要扎实".split()
VERBS = "抓好 推进 落实 提升 强化 完善 优化 健全 深化 巩固 夯实 统筹".split()
NOUNS = "工作机制 服务体系 责任链条 治理能力 发展质量 基础设施 产业布局 要素保障".split()

# The district's standing posts: (printed post, how many hold it).
ROSTER = [("区委书记", 1), ("区委副书记、区长", 1), ("区委副书记", 1),
          ("区委常委、常务副区长", 1), ("区委常委、宣传部部长", 1), ("区委常委、组织部部长", 1),
          ("副区长", 4), ("区人大常委会主任", 1), ("区人大常委会副主任", 3),
          ("区政协主席", 1), ("区政协副主席", 3)] + [(f"区{b}局长", 1) for b in BUREAUS] + \
         [(f"{t}党委书记", 1) for t in TOWNS]


# Distinct names at most (the name space holds about 150,000): a page of
# 100 MB and more introduces no one after that.
MAX_PEOPLE = 60_000


class Names:
    """Distinct fictional names: a surname and one or two given characters."""

    def __init__(self, rng):
        self.rng = rng
        self.used = set()

    def new(self):
        while True:
            name = self.rng.choice(SURNAMES) + "".join(
                self.rng.choice(GIVEN) for _ in range(self.rng.choice((1, 2, 2))))
            if name not in self.used:
                self.used.add(name)
                return name


class Page:
    def __init__(self, seed):
        self.rng = random.Random(f"paragraph-page-{seed}")
        self.names = Names(self.rng)
        self.roster = [(post, self.names.new()) for post, n in ROSTER for _ in range(n)]
        self.newcomers = []  # (post, name), introduced as the page goes on
        self.reporters = [self.names.new() for _ in range(6)]
        self.day = 0

    def leader(self):
        return self.rng.choice(self.roster)

    def newcomer(self):
        """A person introduced now, or one introduced before (once MAX_PEOPLE
        names are in use, always one introduced before)."""
        if not self.newcomers or (self.rng.random() < 0.35
                                  and len(self.names.used) < MAX_PEOPLE):
            village = self.rng.choice(VILLAGES)
            post = self.rng.choice((f"{self.rng.choice(TOWNS)}{village}党支部书记",
                                    f"{self.rng.choice(COMPANIES)}总经理",
                                    f"青溪第{self.rng.randint(1, 9)}中学校长"))
            self.newcomers.append((post, self.names.new()))
        return self.rng.choice(self.newcomers[-200:])

    def date(self):
        self.day += 1
        return f"{self.day % 12 + 1}月{self.day % 28 + 1}日"

    def clause(self):
        r = self.rng
        return (f"{r.choice(ADVERBS)}{r.choice(VERBS)}{r.choice(TOPICS)}{r.choice(NOUNS)},"
                f"{r.choice(VERBS)}{r.choice(NOUNS)}")

    def paragraph(self):
        r = self.rng
        kind = r.random()
        if kind < 0.35:
            chair, speaker = self.leader(), self.leader()
            others = [self.leader() for _ in range(r.randint(1, 3))] + [self.newcomer()]
            topic = r.choice(TOPICS) + r.choice(MEETINGS)
            listed = ",".join(f"{p}{n}" for p, n in others)
            return (f"{self.date()},全区{topic}召开。{chair[0]}{chair[1]}主持会议。"
                    f"{speaker[0]}{speaker[1]}出席会议并讲话。{listed}参加。"
                    f"{speaker[1]}强调,{self.clause()},{self.clause()}。")
        if kind < 0.6:
            lead, guide = self.leader(), self.newcomer()
            town = r.choice(TOWNS)
            return (f"{self.date()},{lead[0]}{lead[1]}到{town}调研{r.choice(TOPICS)}工作。"
                    f"{guide[0]}{guide[1]}陪同调研。{lead[1]}指出,{self.clause()}。"
                    f"{lead[1]}要求,{self.clause()},{self.clause()}。")
        if kind < 0.75:
            company = r.choice(COMPANIES)
            signer = self.leader()
            return (f"{self.date()},青溪区人民政府与{company}签署{r.choice(TOPICS)}合作协议。"
                    f"{signer[0]}{signer[1]}出席签约仪式。双方将{self.clause()}。")
        person = self.newcomer()
        return (f"{person[0]}{person[1]}介绍,今年以来,{self.clause()},"
                f"累计投入资金{r.randint(2, 90)}亿元,带动{r.randint(100, 9000)}余人就业。")

    def headline(self):
        r = self.rng
        lead = self.leader()
        return (f"青溪区{r.choice(TOPICS)}{r.choice(MEETINGS)}召开\n\n{lead[1]}出席\n\n"
                f"本报讯(青溪日报记者 {r.choice(self.reporters)}){self.date()},"
                f"青溪区{r.choice(TOPICS)}{r.choice(MEETINGS)}召开。"
                f"{lead[0]}{lead[1]}出席会议并讲话。\n\n")


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, required=True, help="size in 10^6 bytes")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--item-kb", type=float, default=0,
                    help="start a new item every K kilobytes (default: one item)")
    ap.add_argument("--out", help="output file (default: stdout)")
    args = ap.parse_args(argv)
    page = Page(args.seed)
    target = int(args.mb * 1_000_000)
    item_bytes = int(args.item_kb * 1000)
    out = open(args.out, "wb") if args.out else sys.stdout.buffer
    written = 0
    since_item = 0
    chunk = []
    first = True
    while written < target:
        if first or (item_bytes and since_item >= item_bytes):
            text = page.headline()
            since_item = 0
            first = False
        else:
            text = page.paragraph() + "\n\n"
        data = text.encode("utf-8")
        if written + len(data) > target and written > 0:
            break
        chunk.append(data)
        written += len(data)
        since_item += len(data)
        if len(chunk) >= 4096:
            out.write(b"".join(chunk))
            chunk = []
    out.write(b"".join(chunk))
    if args.out:
        out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
