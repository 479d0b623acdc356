#!/usr/bin/env python3
"""No lexicon holds a name of the development set.

Lexicons under extract/data/ must hold general knowledge only (posts, endings,
verbs, surnames, countries, the administrative divisions of China), never the
names that the scored pages print. This test reads every word of every data
file and fails when one equals a person name of ../shared/corpus/dev/gold or
the proper part of one of its institution names (the name without a leading
place or country and without its institutional ending: 扬翔 of
广西扬翔股份有限公司). Generated files (a first line saying GENERATED, the
gazetteer) are made by a script from a pinned package and are not read: a
town's short form may coincide with somebody's name (白龙 of 白龙镇), which is
no leak.

usage: lexicon_leak_test.py SOURCE_DIR
Exits 77 (skipped) when ../shared/corpus/dev/gold is absent.
"""
import glob
import json
import os
import sys

SKIP = 77


def data_words(data_dir):
    """Every white-space separated field of every non-comment line, by file."""
    words = {}
    for path in sorted(glob.glob(os.path.join(data_dir, "*.txt"))):
        found = set()
        with open(path, encoding="utf-8") as f:
            if "GENERATED" in f.readline():
                continue
            f.seek(0)
            for line in f:
                if line.startswith("#"):
                    continue
                found.update(field for field in line.split() if len(field) >= 2)
        words[os.path.basename(path)] = found
    return words


def first_fields(path):
    """The first field of each non-comment line of a data file."""
    if not os.path.exists(path):
        return set()
    with open(path, encoding="utf-8") as f:
        return {line.split()[0] for line in f if line.strip() and not line.startswith("#")}


def proper_part(name, endings, prefixes):
    """`name` without its longest institutional ending and leading place."""
    for ending in sorted(endings, key=len, reverse=True):
        if name.endswith(ending) and len(name) > len(ending):
            name = name[: -len(ending)]
            break
    for prefix in sorted(prefixes, key=len, reverse=True):
        if name.startswith(prefix) and len(name) > len(prefix):
            name = name[len(prefix):]
            break
    return name


def gold_names(gold_dir, endings, prefixes):
    """(name, what it is) pairs that no lexicon may hold."""
    names = set()
    for path in sorted(glob.glob(os.path.join(gold_dir, "*.json"))):
        with open(path, encoding="utf-8") as f:
            page = json.load(f)
        for article in page["articles"]:
            for entity in article["entities"]:
                if entity["type"] == "person":
                    names.add((entity["name"], "person"))
                elif entity["type"] == "institution":
                    for name in [entity["name"]] + entity.get("aliases", []):
                        part = proper_part(name, endings, prefixes)
                        if len(part) >= 2 and part not in prefixes and part not in endings:
                            names.add((part, "institution " + entity["name"]))
    return names


def main():
    source_dir = sys.argv[1]
    gold_dir = os.path.join(source_dir, "..", "shared", "corpus", "dev", "gold")
    if not os.path.isdir(gold_dir):
        print(f"skipped: {gold_dir} not found")
        return SKIP
    data_dir = os.path.join(source_dir, "extract", "data")
    # Institutional endings and the trades that end companies' short names
    # (中南光电: 光电 is general knowledge, 中南 the proper part).
    endings = first_fields(os.path.join(data_dir, "institution_suffixes.txt"))
    endings |= first_fields(os.path.join(data_dir, "company_endings.txt"))
    # Places, countries and national prefixes (中共, 国际) start names; general
    # knowledge in their own right, and no proper part of a name by themselves.
    prefixes = set()
    for place_file in ("divisions.txt", "places.txt", "countries.txt", "org_prefixes.txt"):
        path = os.path.join(data_dir, place_file)
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                for line in f:
                    if not line.startswith("#"):
                        prefixes.update(field for field in line.split() if len(field) >= 2)
    words = data_words(data_dir)
    leaks = []
    for name, what in sorted(gold_names(gold_dir, endings, prefixes)):
        for file_name, file_words in words.items():
            if name in file_words:
                leaks.append(f"{file_name}: {name} ({what})")
    for leak in leaks:
        print("leak:", leak)
    print(f"{len(leaks)} leaks in {len(words)} data files")
    return 1 if leaks else 0


if __name__ == "__main__":
    sys.exit(main())
