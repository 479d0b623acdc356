#!/usr/bin/env python3
"""Anchors for guanxi's path query: networkx or igraph on guanxi's own GraphML.

    /usr/bin/python3 bench/graph_anchors.py networkx|igraph GRAPHML NAME_A NAME_B [--runs 5]

Loads the GraphML export (`guanxi export --format graphml`), then finds a
shortest path between the two entities named (node attribute `name`),
ignoring edge direction as `guanxi path` does, --runs times in the warm
process. Prints one line: "load S s; path M ms (median of N); H hops; V nodes,
E edges". networkx: nx.read_graphml, then nx.bidirectional_shortest_path on
an undirected copy (made once, counted in load). igraph:
Graph.Read_GraphML, then get_shortest_paths(mode="all"). Exit 2 when the
library is missing, 1 when a name is not in the graph or not connected.
"""

import argparse
import statistics
import sys
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("library", choices=("networkx", "igraph"))
    ap.add_argument("graphml")
    ap.add_argument("a")
    ap.add_argument("b")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    try:
        lib = __import__(args.library)
    except ImportError:
        print(f"graph_anchors.py: {args.library} is not installed", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    if args.library == "networkx":
        g = lib.read_graphml(args.graphml).to_undirected()
        nodes = {d.get("name"): n for n, d in g.nodes(data=True)}
        size = (g.number_of_nodes(), g.number_of_edges())
    else:
        g = lib.Graph.Read_GraphML(args.graphml)
        nodes = {name: i for i, name in enumerate(g.vs["name"])}
        size = (g.vcount(), g.ecount())
    load_s = time.perf_counter() - t0
    if args.a not in nodes or args.b not in nodes:
        print(f"graph_anchors.py: {args.graphml}: no node named {args.a} or {args.b}", file=sys.stderr)
        return 1
    a, b = nodes[args.a], nodes[args.b]
    times, hops = [], None
    for _ in range(args.runs):
        t0 = time.perf_counter()
        if args.library == "networkx":
            path = lib.bidirectional_shortest_path(g, a, b)
        else:
            path = g.get_shortest_paths(a, to=b, mode="all", output="vpath")[0]
        times.append(time.perf_counter() - t0)
        hops = len(path) - 1
    if hops is None or hops < 0:
        print(f"graph_anchors.py: {args.a} and {args.b} are not connected", file=sys.stderr)
        return 1
    print(f"load {load_s:.3f} s; path {statistics.median(times) * 1e3:.3f} ms "
          f"(median of {args.runs}); {hops} hops; {size[0]} nodes, {size[1]} edges")
    return 0


if __name__ == "__main__":
    sys.exit(main())
