// The guanxi page: the JSON API of `guanxi serve` drawn with Cytoscape.js.
// Every name and sentence goes into the page as text (textContent), never as HTML.
// Static mode: a page written by `guanxi render --format html` carries its
// data in the JSON script element #guanxi-data and asks no server.
"use strict";

const TYPES = {person: ["人物", "#aec7e8"], institution: ["机构", "#ffbb78"], project: ["项目", "#98df8a"],
  country: ["国家", "#ff9896"], event: ["活动", "#c5b0d5"], place: ["地点", "#c49c94"]};
const VERBS = {attended: ["出席", "#1f77b4"], chaired: ["主持", "#9467bd"], signed_with: ["签约", "#ff7f0e"],
  holds_position: ["任职", "#2ca02c"], held_at: ["举办于", "#8c564b"], mentioned_in: ["见于", "#7f7f7f"]};
const PAGE = 25;  // a hub's neighbours are shown this many at a time

const $ = (id) => document.getElementById(id);
const el = (tag, text, cls) => { const e = document.createElement(tag); if (text !== undefined) e.textContent = text; if (cls) e.className = cls; return e; };

const cy = cytoscape({container: $("graph"), wheelSensitivity: 0.3, maxZoom: 1.6, style: [
  {selector: "node", style: {"label": "data(name)", "background-color": "data(color)", "font-size": 11,
    "text-valign": "bottom", "width": 24, "height": 24}},
  {selector: "node.focus", style: {"border-width": 3, "border-color": "#d62728"}},
  {selector: "edge", style: {"label": "data(label)", "line-color": "data(color)", "target-arrow-color": "data(color)",
    "target-arrow-shape": "triangle", "curve-style": "bezier", "font-size": 9, "width": 1.5}}]});
window.cy = cy;  // for the browser tests
const EMBEDDED = document.getElementById("guanxi-data");
const STATIC = EMBEDDED ? JSON.parse(EMBEDDED.textContent) : null;

function status(text) { $("status").textContent = text || ""; }

async function api(path, params) {
  const query = new URLSearchParams(params || {});
  const response = await fetch(path + (query.toString() ? "?" + query : ""));
  const body = await response.json();
  if (!response.ok) { status(`${body.parameter}: ${body.error}`); throw new Error(body.error); }
  status("");
  return body;
}

function filters() {
  const f = {};
  for (const name of ["since", "until", "exclude"]) if ($(name).value.trim()) f[name] = $(name).value.trim();
  const types = [...document.querySelectorAll("#relation-types input:checked")].map((i) => i.value);
  if (types.length && types.length < Object.keys(VERBS).length) f.relations = types.join(",");
  return f;
}

function addNode(entity) {
  const id = "n" + entity.id;
  if (cy.getElementById(id).empty()) {
    cy.add({group: "nodes", data: {id, entity: entity.id, name: entity.name, type: entity.type,
      color: (TYPES[entity.type] || ["", "#fff"])[1]}});
  }
  return cy.getElementById(id);
}

function addEdge(relation) {
  const id = "r" + relation.id;
  if (cy.getElementById(id).empty() && !cy.getElementById("n" + relation.source_id).empty() &&
      !cy.getElementById("n" + relation.target_id).empty()) {
    const [verb, color] = VERBS[relation.type] || [relation.type, "#000"];
    cy.add({group: "edges", data: {id, source: "n" + relation.source_id, target: "n" + relation.target_id,
      label: verb + (relation.title ? " " + relation.title : ""), color, relation}});
  }
}

function evidence(relation) {
  const li = el("li");
  const [verb] = VERBS[relation.type] || [relation.type];
  li.append(el("div", `${relation.source} ${verb}${relation.title ? " " + relation.title : ""} ${relation.target}`));
  li.append(el("div", `「${relation.evidence.sentence}」`, "sentence"));
  const a = relation.article || {};
  li.append(el("div", [a.title, a.full_date || a.date, a.outlet, a.path].filter(Boolean).join(" · "), "source"));
  return li;
}

async function openEntity(id) {
  const card = await api("/api/entity/" + id);
  const one = Array.isArray(card) ? card[0] : card;
  const detail = $("detail");
  detail.replaceChildren(el("h2", `${one.name}  [${(TYPES[one.type] || [one.type])[0]}]  #${one.id}`));
  detail.firstChild.id = "card-title";
  if (one.aliases.length) detail.append(el("div", "别名 aliases: " + one.aliases.join("、")));
  const list = el("ul"); list.id = "card-relations";
  for (const relation of one.relations) list.append(evidence(relation));
  detail.append(list);
  // The timeline: the same relations by date, a post as first and last seen.
  const timeline = await api("/api/timeline", {name: "#" + one.id});
  detail.append(el("h3", "时间线 timeline"));
  const entries = el("ol"); entries.id = "timeline";
  for (const entry of timeline.entries) {
    const seen = entry.first_seen === entry.last_seen ? entry.first_seen || "无日期"
                                                      : `${entry.first_seen || "无日期"} … ${entry.last_seen || "无日期"}`;
    entries.append(el("li", `${seen}  ${entry.verb}  ${entry.other ? entry.other.name : ""}${entry.title ? " " + entry.title : ""}`));
  }
  detail.append(entries);
  cy.nodes().removeClass("focus");
  addNode(one).addClass("focus");
  await expand(one.id);
}

async function expand(id, shown) {
  const data = await api("/api/neighbors", {name: "#" + id, depth: 1, ...filters()});
  const start = shown || 0;
  const page = data.neighbors.slice(start, start + PAGE);
  addNode(data.centre);
  for (const n of page) addNode(n);
  for (const r of data.relations) addEdge(r);
  const old = document.querySelector("button.more"); if (old) old.remove();
  if (data.neighbors.length > start + PAGE) {
    const more = el("button", `显示更多 show more (${data.neighbors.length - start - PAGE})`, "more");
    more.onclick = () => expand(id, start + PAGE);
    $("detail").append(more);
  }
  cy.layout({name: "cose", animate: false}).run();
}

$("search-form").onsubmit = async (event) => {
  event.preventDefault();
  const hits = await api("/api/search", {q: $("search").value});
  const results = $("results");
  results.replaceChildren();
  for (const hit of hits) {
    const li = el("li", `${hit.name} (${(TYPES[hit.type] || [hit.type])[0]}) #${hit.id}`);
    li.onclick = () => openEntity(hit.id);
    results.append(li);
  }
  if (!hits.length) status("无结果 no match");
};

$("grep-form").onsubmit = async (event) => {
  event.preventDefault();
  const found = await api("/api/grep", {q: $("grep").value});
  const detail = $("detail");
  detail.replaceChildren(el("h2", `${found.total} 句 sentences` + (found.shown < found.total ? ` (前 ${found.shown})` : "")));
  const hits = el("ul"); hits.id = "grep-hits";
  for (const hit of found.hits) {
    const li = el("li");
    li.append(el("div", `「${hit.sentence}」`, "sentence"));
    const a = hit.item || {};
    li.append(el("div", [a.title, a.full_date || a.date, a.outlet, a.path].filter(Boolean).join(" · "), "source"));
    const names = el("div");
    for (const entity of hit.entities) {
      const link = el("a", entity.name + " "); link.href = "#"; link.className = "entity";
      link.onclick = (e) => { e.preventDefault(); openEntity(entity.id); };
      names.append(link);
    }
    li.append(names);
    hits.append(li);
  }
  detail.append(hits);
};

$("path-form").onsubmit = async (event) => {
  event.preventDefault();
  const data = await api("/api/path", {from: $("from").value, to: $("to").value, ...filters()});
  cy.elements().remove();
  const detail = $("detail");
  detail.replaceChildren();
  if (!data.paths.length) {
    detail.append(el("p", `${data.from.name} 与 ${data.to.name} 之间无关联 no connection`));
    detail.lastChild.id = "no-path";
    return;
  }
  const path = data.paths[0];
  // Hop order, left to right.
  path.nodes.forEach((node, i) => addNode(node).position({x: 160 * i, y: 100 + (i % 2) * 60}));
  for (const edge of path.edges) addEdge(edge);
  cy.fit(undefined, 40);
  detail.append(el("h2", `${data.length} 跳 hops`));
  const hops = el("ol"); hops.id = "hops";
  for (const edge of path.edges) hops.append(evidence(edge));
  detail.append(hops);
};

cy.on("tap", "node", (event) =>
  STATIC ? showStaticCard(event.target.data("entity")) : openEntity(event.target.data("entity")));
cy.on("tap", "edge", (event) => {
  $("detail").replaceChildren(el("ul"));
  $("detail").firstChild.id = "edge-evidence";
  $("detail").firstChild.append(evidence(event.target.data("relation")));
});

for (const [type, [verb]] of Object.entries(VERBS)) {
  const label = el("label"); const box = el("input"); box.type = "checkbox"; box.value = type; box.checked = true;
  label.append(box, verb); $("relation-types").append(label);
}
for (const [, [label, color]] of Object.entries(TYPES)) {
  const span = el("span", label); span.style.setProperty("--c", color); $("legend").append(span);
}
for (const [, [verb, color]] of Object.entries(VERBS)) {
  const span = el("span", "—" + verb + "→", "verb"); span.style.color = color; $("legend").append(span);
}

// Static mode: the embedded selection (cli/page_data.h), drawn once; a node
// shows its relations in the selection, an edge its evidence.
function showStatic(data) {
  document.body.classList.add("static");
  const heading = el("h1", data.title); heading.id = "page-title";
  document.querySelector("header").prepend(heading);
  for (const entity of data.entities) addNode(entity);
  for (const relation of data.relations) addEdge(relation);
  for (const id of data.highlight) cy.getElementById("n" + id).addClass("focus");
  const detail = $("detail");
  if (data.path) {
    // Hop order, left to right, each hop's sentence beside.
    data.path.nodes.forEach((id, i) => cy.getElementById("n" + id).position({x: 160 * i, y: 100 + (i % 2) * 60}));
    cy.fit(undefined, 40);
    detail.replaceChildren(el("h2", `${data.path.edges.length} 跳 hops`));
    const byId = new Map(data.relations.map((r) => [r.id, r]));
    const hops = el("ol"); hops.id = "hops";
    for (const id of data.path.edges) hops.append(evidence(byId.get(id)));
    detail.append(hops);
  } else {
    cy.layout({name: "cose", animate: false}).run();
    detail.replaceChildren(el("p", `${data.entities.length} 个实体 entities, ${data.relations.length} 条关系 relations。` +
      "点击节点或连线查看证据 click a node or an edge for its evidence"));
  }
}

function showStaticCard(id) {
  const one = STATIC.entities.find((e) => e.id === id);
  const detail = $("detail");
  detail.replaceChildren(el("h2", `${one.name}  [${(TYPES[one.type] || [one.type])[0]}]  #${one.id}`));
  detail.firstChild.id = "card-title";
  if (one.aliases.length) detail.append(el("div", "别名 aliases: " + one.aliases.join("、")));
  const list = el("ul"); list.id = "card-relations";
  for (const relation of STATIC.relations) {
    if (relation.source_id === id || relation.target_id === id) list.append(evidence(relation));
  }
  detail.append(list);
  cy.nodes().removeClass("focus");
  cy.getElementById("n" + id).addClass("focus");
}

if (STATIC) showStatic(STATIC);
