#!/usr/bin/env python3
"""Scores `guanxi extract --json` on ../shared/corpus with ../shared/eval/score.py
and fails when any figure falls below its floor in floors.json.

Usage: referee_test.py GUANXI_BINARY SOURCE_DIR
Exits 77 (ctest: skipped) when ../shared/corpus is not beside the clone.
"""
import json
import os
import subprocess
import sys
import tempfile

SKIPPED = 77


def main(binary, source_dir):
    shared = os.path.normpath(os.path.join(source_dir, "..", "shared"))
    seeds = os.path.join(shared, "corpus", "seeds")
    gold = os.path.join(shared, "corpus", "gold")
    score = os.path.join(shared, "eval", "score.py")
    if not (os.path.isdir(seeds) and os.path.isdir(gold) and os.path.isfile(score)):
        print(f"SKIPPED: no referee corpus at {shared} (clone guanxi beside shared/)")
        return SKIPPED
    with open(os.path.join(os.path.dirname(__file__), "floors.json"), encoding="utf-8") as f:
        floors = json.load(f)

    with tempfile.TemporaryDirectory() as out:
        for name in sorted(os.listdir(seeds)):
            if not name.endswith(".txt"):
                continue
            with open(os.path.join(out, name[:-4] + ".json"), "w", encoding="utf-8") as f:
                subprocess.run([binary, "extract", "--json", os.path.join(seeds, name)],
                               stdout=f, check=True)
        result = subprocess.run([sys.executable, score, gold, out, "--json"],
                                capture_output=True, text=True, check=True)
        subprocess.run([sys.executable, score, gold, out])
    scores = json.loads(result.stdout)

    figures = {
        "entity_f1": scores["entity_f1"],
        "relation_f1": scores["relation_f1"],
        "articles_f1": scores["articles"][2],
    }
    for kind in ("entity", "relation"):
        for name, (_, _, f1) in scores[kind].items():
            figures[f"{name}_f1"] = f1
    failures = [f"{key} {figures[key]:.3f} < {floor:.3f}"
                for key, floor in floors.items() if not key.startswith("_") and
                figures.get(key, 0.0) < floor]
    for failure in failures:
        print("BELOW FLOOR:", failure)
    if scores.get("missing"):
        print("missing outputs:", scores["missing"])
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
