#!/usr/bin/env python3
"""Two people of a guanxi database some hops apart, for bench/run.sh's path query.

    python3 bench/pick_pair.py DB [--min 4] [--max 6]

Reads the database with Python's sqlite3 module (no guanxi code), walks the
relations in both directions from persons in id order and prints
"NAME_A<TAB>NAME_B<TAB>HOPS" for the first person that has another person
between --min and --max hops away (the farthest such distance, the lowest id),
both names unique among the entities so the commands need no #ID. Rejected
relations and entities, and entities merged into others, are left out, as
guanxi's queries leave them. Exit 1 when no such pair exists among the first
200 persons.
"""

import argparse
import sqlite3
import sys
from array import array
from collections import deque


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("--min", type=int, default=4)
    ap.add_argument("--max", type=int, default=6)
    args = ap.parse_args()
    con = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    live = "rejected = 0 AND merged_into IS NULL"
    ids = [row[0] for row in con.execute(f"SELECT id FROM entities WHERE {live}")]
    index = {e: i for i, e in enumerate(ids)}
    # Adjacency as two int arrays (CSR): a 250 MB archive has millions of relations.
    degree = array("l", [0]) * (len(ids) + 1)
    edges = []
    for s, t in con.execute("SELECT source_id, target_id FROM relations WHERE rejected = 0"):
        a, b = index.get(s), index.get(t)
        if a is None or b is None or a == b:
            continue
        edges.append((a, b))
        degree[a + 1] += 1
        degree[b + 1] += 1
    for i in range(len(ids)):
        degree[i + 1] += degree[i]
    start = array("l", degree)
    fill = array("l", degree)
    neighbours = array("l", [0]) * (2 * len(edges))
    for a, b in edges:
        neighbours[fill[a]] = b
        fill[a] += 1
        neighbours[fill[b]] = a
        fill[b] += 1
    del edges, fill
    unique = {}
    for name, count in con.execute("SELECT name, COUNT(*) FROM entities GROUP BY name"):
        unique[name] = count == 1
    persons = [(e, n) for e, n in con.execute(
        f"SELECT id, name FROM entities WHERE type = 'person' AND {live} ORDER BY id")]
    is_person = {index[e]: n for e, n in persons if unique.get(n)}
    for e, name in persons[:200]:
        if not unique.get(name):
            continue
        source = index[e]
        dist = {source: 0}
        queue = deque([source])
        best = {}
        while queue:
            v = queue.popleft()
            d = dist[v]
            if d >= args.max:
                continue
            for k in range(start[v], start[v + 1]):
                w = neighbours[k]
                if w not in dist:
                    dist[w] = d + 1
                    queue.append(w)
                    if d + 1 >= args.min and w in is_person and (d + 1) not in best:
                        best[d + 1] = w
        if best:
            hops = max(best)
            print(f"{name}\t{is_person[best[hops]]}\t{hops}")
            return 0
    print(f"pick_pair.py: {args.db}: no two persons {args.min}-{args.max} hops apart", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
