#!/usr/bin/env python3
"""Scores `guanxi extract --json` with the referee (../shared/eval/score.py) and
fails when any figure falls below its floor.

Usage: referee_test.py GUANXI SOURCE_DIR CORPUS FLOORS_JSON
  CORPUS "shared": ../shared/corpus/seeds/*.txt against ../shared/corpus/gold
  CORPUS "dev": ../shared/corpus/dev/articles/*.txt against ../shared/corpus/dev/gold
  CORPUS "golden": tests/golden/<case>/input.txt against tests/golden/<case>/gold.json
Exits 77 (ctest: skipped) when ../shared/eval/score.py is not beside the clone.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

SKIPPED = 77


def shared_cases(source_dir, pages="seeds", gold="gold"):
    """(name, page, gold) for every page of a set of the shared corpus: the
    seeds (seeds/, gold/) or the real web items (dev/articles/, dev/gold/)."""
    corpus = os.path.join(source_dir, "..", "shared", "corpus")
    pages, gold = os.path.join(corpus, pages), os.path.join(corpus, gold)
    if not os.path.isdir(pages):
        return None
    return [(name[:-4], os.path.join(pages, name), os.path.join(gold, name[:-4] + ".json"))
            for name in sorted(os.listdir(pages)) if name.endswith(".txt")]


def golden_cases(source_dir):
    """(name, page, gold) for every case of our own held-out-style set."""
    golden = os.path.join(source_dir, "tests", "golden")
    return [(case, os.path.join(golden, case, "input.txt"), os.path.join(golden, case, "gold.json"))
            for case in sorted(os.listdir(golden))
            if os.path.isfile(os.path.join(golden, case, "gold.json"))]


def figures_of(scores):
    figures = {"entity_f1": scores["entity_f1"], "relation_f1": scores["relation_f1"],
               "articles_f1": scores["articles"][2]}
    for kind in ("entity", "relation"):
        for name, (_, _, f1) in scores[kind].items():
            figures[f"{name}_f1"] = f1
    return figures


def main(binary, source_dir, corpus, floors_path):
    score = os.path.normpath(os.path.join(source_dir, "..", "shared", "eval", "score.py"))
    if corpus == "shared":
        cases = shared_cases(source_dir)
    elif corpus == "dev":
        cases = shared_cases(source_dir, os.path.join("dev", "articles"), os.path.join("dev", "gold"))
    else:
        cases = golden_cases(source_dir)
    if not os.path.isfile(score) or cases is None:
        print(f"SKIPPED: the referee is not beside the clone ({score})")
        return SKIPPED
    with open(floors_path, encoding="utf-8") as f:
        floors = {k: v for k, v in json.load(f).items() if not k.startswith("_")}

    with tempfile.TemporaryDirectory() as work:
        gold_dir, out_dir = os.path.join(work, "gold"), os.path.join(work, "out")
        os.makedirs(gold_dir)
        os.makedirs(out_dir)
        for name, page, gold in cases:
            shutil.copy(gold, os.path.join(gold_dir, name + ".json"))
            with open(os.path.join(out_dir, name + ".json"), "w", encoding="utf-8") as out:
                subprocess.run([binary, "extract", "--json", page], stdout=out, check=True)
        result = subprocess.run([sys.executable, score, gold_dir, out_dir, "--json"],
                                capture_output=True, text=True, check=True)
        subprocess.run([sys.executable, score, gold_dir, out_dir], check=True)
    scores = json.loads(result.stdout)
    if scores.get("missing"):
        print("missing outputs:", scores["missing"])
        return 1
    figures = figures_of(scores)
    failures = [f"{key} {figures.get(key, 0.0):.3f} < floor {floor:.3f}"
                for key, floor in sorted(floors.items()) if figures.get(key, 0.0) < floor]
    for failure in failures:
        print("BELOW FLOOR:", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))
