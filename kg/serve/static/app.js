// The kg query page: a question box, examples from the named queries, a SPARQL editor (YASGUI's
// Yasqe when `make web` installed it, else a plain textarea), permalinks, and results as a table,
// a graph, a timeline or raw text, with downloads in every format the endpoint speaks.
// Nothing is fetched from another machine: every request goes to this server.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const select = $("named"), form = $("params");
  let queries = {}, current = null, base = "https://w3id.org/filmkg/", last = null, vocabulary = [];
  const PREFIXES = {
    "https://w3id.org/filmkg/ontology#": "kg:",
    "https://w3id.org/filmkg/resource/": "kgr:",
    "http://www.w3.org/2000/01/rdf-schema#": "rdfs:",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf:",
    "http://www.w3.org/2001/XMLSchema#": "xsd:",
    "http://www.wikidata.org/entity/": "wd:",
  };

  // --- the editor: Yasqe when installed, else the textarea -------------------------------------
  const textarea = $("editor");
  let yasqe = null;
  if (window.Yasgui && window.Yasgui.Yasqe && !window.kgNoVendor) {
    try {
      const Yasqe = window.Yasgui.Yasqe;
      Yasqe.registerAutocompleter({
        name: "kg-terms",
        bulk: true,
        autoShow: true,
        persistenceId: null,
        get: () => fetch("/api/vocabulary").then((r) => r.json()),  // kg:Film, kg:director ...
        isValidCompletionPosition: (editor) => {
          const token = editor.getCompleteToken();
          return /^kg:/.test(token.string || "");
        },
      });
      const box = $("editor-box");
      yasqe = new Yasqe(box, {
        value: textarea.value,
        persistenceId: null,
        showQueryButton: false,
        resizeable: true,
        editorHeight: "260px",
        autocompleters: ["prefixes", "variables", "kg-terms"],
        requestConfig: { endpoint: location.origin + "/sparql" },
        consumeShareLink: null,
        createShareableLink: null,
        syntaxErrorCheck: false,  // kg: needs no PREFIX line here; the server reports real errors
      });
      textarea.hidden = true;
      box.classList.add("yasqe-on");
      window.kgYasqe = yasqe;
      $("editor-kind").textContent = "Editor: YASGUI.";
    } catch (err) {
      yasqe = null;
      console.warn("YASGUI failed, using the plain editor", err);
    }
  }
  if (!yasqe) $("editor-kind").textContent = "Editor: plain (run `make web` for highlighting and completion).";
  const editor = {
    getValue: () => (yasqe ? yasqe.getValue() : textarea.value),
    setValue: (text) => { if (yasqe) yasqe.setValue(text); else textarea.value = text; },
    markLine: (line) => {
      if (yasqe && line > 0) yasqe.addLineClass(line - 1, "background", "kg-error-line");
    },
    clearMarks: () => {
      if (yasqe) for (let i = 0; i < yasqe.lineCount(); i++) yasqe.removeLineClass(i, "background", "kg-error-line");
    },
  };
  window.kgEditor = editor;
  window.kgEditorKind = yasqe ? "yasqe" : "plain";

  fetch("/api/config").then((r) => r.json()).then((c) => { base = c.base; }).catch(() => {});
  function href(iri) { return iri.startsWith(base) ? "/" + iri.slice(base.length) : iri; }
  function short(iri) {
    for (const [ns, p] of Object.entries(PREFIXES)) if (iri.startsWith(ns)) return p + iri.slice(ns.length);
    return iri;
  }

  // --- errors at the line of the user's own text -----------------------------------------------
  function showError(message, text) {
    const box = $("error");
    box.innerHTML = "";
    box.hidden = !message;
    editor.clearMarks();
    if (!message) return;
    const match = /at (\d+):(\d+)/.exec(message);
    const head = document.createElement("div");
    head.textContent = message;
    box.appendChild(head);
    if (match && text !== undefined) {
      const line = parseInt(match[1], 10), column = parseInt(match[2], 10);
      const lines = text.split("\n");
      if (line >= 1 && line <= lines.length) {
        const where = document.createElement("div");
        where.className = "where";
        where.textContent = "line " + line + ", column " + column + ":";
        const code = document.createElement("pre");
        code.textContent = lines[line - 1] + "\n" + " ".repeat(Math.max(0, column - 1)) + "^";
        box.appendChild(where); box.appendChild(code);
        editor.markLine(line);
        box.dataset.line = String(line);
      }
    }
  }

  // --- named queries (examples) and permalinks -------------------------------------------------
  function buildForm(q, values) {
    form.innerHTML = "";
    for (const p of q.params) {
      const label = document.createElement("label");
      label.textContent = p.name + " (" + p.type + (p.optional ? ", optional" : "") + ")";
      const input = document.createElement("input");
      input.name = p.name; input.id = "param-" + p.name; input.placeholder = p.example;
      input.value = values && p.name in values ? values[p.name] : (p.optional ? "" : p.example);
      input.addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); run(); } });
      label.appendChild(input); form.appendChild(label);
    }
  }
  function pick(values) {
    current = queries[select.value] || null;
    $("description").textContent = current ? current.description : "";
    form.innerHTML = "";
    if (current) { editor.setValue(current.text); buildForm(current, values); }
  }
  function isNamed() { return current && editor.getValue() === current.text; }
  function params() {
    const out = {};
    for (const input of form.querySelectorAll("input")) if (input.value !== "") out[input.name] = input.value;
    return out;
  }
  function permalink() {
    const args = new URLSearchParams();
    if (isNamed()) {
      args.set("name", current.name);
      for (const [k, v] of Object.entries(params())) args.set("param." + k, v);
    } else {
      args.set("query", editor.getValue());
    }
    return location.origin + location.pathname + "#" + args.toString();
  }
  function requestUrl(format, download) {
    const args = new URLSearchParams();
    let path;
    if (isNamed()) {
      args.set("name", current.name);
      for (const [k, v] of Object.entries(params())) args.append("param." + k, v);
      path = "/api/named?";
    } else {
      args.set("query", editor.getValue());
      path = "/sparql?";
    }
    if (format) args.set("format", format);
    if (download) args.set("download", "1");
    return path + args.toString();
  }

  // --- views -----------------------------------------------------------------------------------
  const VIEWS = ["table", "graph", "timeline", "raw"];
  function showView(name) {
    for (const v of VIEWS) {
      const el = v === "table" ? $("results") : $(v);
      el.hidden = v !== name;
      $("view-" + v).classList.toggle("active", v === name);
    }
    if (name === "graph" && last) drawGraph(last);
    if (name === "timeline" && last) drawTimeline(last);
  }
  for (const button of document.querySelectorAll("#views button")) {
    button.addEventListener("click", () => showView(button.dataset.view));
  }

  function cellValue(term) { return term.label || (term.type === "uri" ? short(term.value) : term.value); }

  function renderTable(data) {
    const table = $("results"), head = table.tHead, body = table.tBodies[0];
    head.innerHTML = ""; body.innerHTML = "";
    const row = head.insertRow();
    if ("boolean" in data) {
      row.appendChild(Object.assign(document.createElement("th"), { textContent: "answer" }));
      body.insertRow().insertCell().textContent = String(data.boolean);
    } else {
      const vars = data.head.vars;
      for (const v of vars) row.appendChild(Object.assign(document.createElement("th"), { textContent: v }));
      for (const b of data.results.bindings) {
        const tr = body.insertRow();
        for (const v of vars) {
          const cell = tr.insertCell(), term = b[v];
          if (!term) continue;
          if (term.type === "uri") {
            const a = document.createElement("a");
            a.href = href(term.value); a.textContent = cellValue(term); a.title = term.value;
            cell.appendChild(a);
          } else cell.textContent = term.value;
        }
      }
    }
    const n = data.results ? data.results.bindings.length : 1;
    $("status").textContent = n + " row" + (n === 1 ? "" : "s");
  }

  // edges for the graph view: triples (CONSTRUCT/DESCRIBE) or rows with two IRIs (co-stars...)
  function graphOf(result) {
    const nodes = new Map(), edges = [];
    const node = (iri, label) => {
      if (!nodes.has(iri)) nodes.set(iri, { id: iri, label: label || short(iri), degree: 0 });
      else if (label) nodes.get(iri).label = label;
      return nodes.get(iri);
    };
    if (result.triples) {
      const labels = {};
      for (const t of result.triples) if (t.p.endsWith("#label") || t.p.endsWith("#title") || t.p.endsWith("#name")) labels[t.s] = t.o;
      for (const t of result.triples) {
        if (!t.oIri) continue;
        edges.push({ a: node(t.s, labels[t.s]), b: node(t.o, labels[t.o]), label: short(t.p) });
      }
    } else if (result.select && result.select.results) {
      const vars = result.select.head.vars;
      for (const b of result.select.results.bindings) {
        const iris = vars.filter((v) => b[v] && b[v].type === "uri");
        const nameOf = (v) => {
          const i = vars.indexOf(v);
          for (let j = i + 1; j < vars.length; j++) if (b[vars[j]] && b[vars[j]].type !== "uri") return b[vars[j]].value;
          return b[v].label;
        };
        for (let i = 1; i < iris.length; i++) edges.push({ a: node(b[iris[0]].value, nameOf(iris[0])), b: node(b[iris[i]].value, nameOf(iris[i])), label: iris[i] });
        if (iris.length === 1 && result.about) edges.push({ a: node(result.about[0], result.about[1]), b: node(b[iris[0]].value, nameOf(iris[0])), label: "" });
      }
    }
    for (const e of edges) { e.a.degree++; e.b.degree++; }
    return { nodes: [...nodes.values()].slice(0, 400), edges: edges.filter((e) => nodes.has(e.a.id)).slice(0, 1500) };
  }

  function drawGraph(result) {
    const box = $("graph");
    box.innerHTML = "";
    const g = graphOf(result);
    if (!g.edges.length) { box.textContent = "No links between IRIs in this result to draw."; return; }
    const W = Math.max(600, box.clientWidth || 900), H = 520, NS = "http://www.w3.org/2000/svg";
    // a seeded force layout: repulsion between all nodes, springs along edges
    let seed = 7; const rand = () => { seed = (seed * 16807) % 2147483647; return seed / 2147483647; };
    for (const n of g.nodes) { n.x = W / 2 + (rand() - 0.5) * W * 0.6; n.y = H / 2 + (rand() - 0.5) * H * 0.6; }
    const k = Math.sqrt((W * H) / Math.max(1, g.nodes.length)) * 0.6;
    for (let it = 0; it < 220; it++) {
      const t = 0.1 * (1 - it / 220) * W / 10 + 0.5;
      for (const n of g.nodes) { n.dx = 0; n.dy = 0; }
      for (let i = 0; i < g.nodes.length; i++) for (let j = i + 1; j < g.nodes.length; j++) {
        const a = g.nodes[i], b = g.nodes[j]; let dx = a.x - b.x, dy = a.y - b.y; const d = Math.hypot(dx, dy) || 0.01;
        const f = (k * k) / d; dx /= d; dy /= d; a.dx += dx * f; a.dy += dy * f; b.dx -= dx * f; b.dy -= dy * f;
      }
      for (const e of g.edges) {
        let dx = e.a.x - e.b.x, dy = e.a.y - e.b.y; const d = Math.hypot(dx, dy) || 0.01; const f = (d * d) / k;
        dx /= d; dy /= d; e.a.dx -= dx * f; e.a.dy -= dy * f; e.b.dx += dx * f; e.b.dy += dy * f;
      }
      for (const n of g.nodes) {
        n.dx += (W / 2 - n.x) * 0.15; n.dy += (H / 2 - n.y) * 0.15;  // gravity keeps components near
        const d = Math.hypot(n.dx, n.dy) || 1;
        n.x += (n.dx / d) * Math.min(d, t); n.y += (n.dy / d) * Math.min(d, t);
      }
    }
    // fit the layout into the box (room for labels on the right), never pile nodes on its edges
    const xs = g.nodes.map((n) => n.x), ys = g.nodes.map((n) => n.y);
    const x0 = Math.min(...xs), y0 = Math.min(...ys);
    const sx = (W - 200) / Math.max(1, Math.max(...xs) - x0), sy = (H - 50) / Math.max(1, Math.max(...ys) - y0);
    for (const n of g.nodes) { n.x = 20 + (n.x - x0) * sx; n.y = 25 + (n.y - y0) * sy; }
    const svg = document.createElementNS(NS, "svg");
    svg.setAttribute("viewBox", "0 0 " + W + " " + H); svg.setAttribute("width", W); svg.setAttribute("height", H);
    svg.id = "graph-svg";
    for (const e of g.edges) {
      const l = document.createElementNS(NS, "line");
      l.setAttribute("x1", e.a.x); l.setAttribute("y1", e.a.y); l.setAttribute("x2", e.b.x); l.setAttribute("y2", e.b.y);
      l.setAttribute("class", "edge"); l.appendChild(Object.assign(document.createElementNS(NS, "title"), { textContent: e.label }));
      svg.appendChild(l);
    }
    const top = Math.max(...g.nodes.map((n) => n.degree));
    for (const n of g.nodes) {
      const a = document.createElementNS(NS, "a");
      if (!n.id.startsWith("about:")) a.setAttribute("href", href(n.id));
      const c = document.createElementNS(NS, "circle");
      c.setAttribute("cx", n.x); c.setAttribute("cy", n.y); c.setAttribute("r", 4 + 8 * n.degree / top);
      c.setAttribute("class", n.id.startsWith(base + "resource/film/") ? "node film" : "node");
      const t = document.createElementNS(NS, "text");
      t.setAttribute("x", n.x + 7); t.setAttribute("y", n.y + 3); t.textContent = n.label;
      a.appendChild(c); a.appendChild(t); svg.appendChild(a);
      n.text = t;
    }
    box.appendChild(svg);
    labelNodes(g.nodes.filter((n) => n.label === short(n.id) && !n.id.startsWith("about:")));
    const legend = document.createElement("div");
    legend.className = "legend";
    legend.innerHTML = "<span><i class='film'></i>film</span><span><i></i>other (people, companies…)</span><span>size: links in this result</span>";
    box.appendChild(legend);
  }

  // names for the nodes a result left unlabelled (a CONSTRUCT without rdfs:label): one query here
  async function labelNodes(nodes) {
    if (!nodes.length) return;
    const values = nodes.slice(0, 400).map((n) => "<" + n.id + ">").join(" ");
    const query = "SELECT ?s (SAMPLE(?l) AS ?label) WHERE { VALUES ?s { " + values + " } ?s rdfs:label ?l } GROUP BY ?s";
    try {
      const response = await fetch("/sparql", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/sparql-results+json" },
        body: new URLSearchParams({ query }),
      });
      if (!response.ok) return;
      const byIri = new Map(nodes.map((n) => [n.id, n]));
      for (const b of (await response.json()).results.bindings) {
        const n = byIri.get(b.s.value);
        if (n && b.label) { n.label = b.label.value; n.text.textContent = n.label; }
      }
    } catch (err) { /* the compact IRIs stay */ }
  }

  const DATE = /^-?\d{4}(-\d{2}(-\d{2})?)?/;
  function datedRows(result) {
    if (!result.select || !result.select.results) return [];
    const vars = result.select.head.vars;
    const out = [];
    for (const b of result.select.results.bindings) {
      const dv = vars.find((v) => b[v] && b[v].type !== "uri" && (/(date|gYear)$/.test(b[v].datatype || "") || (/^(year|date|released)/i.test(v) && DATE.test(b[v].value))));
      if (!dv) continue;
      const m = DATE.exec(b[dv].value); if (!m) continue;
      const parts = m[0].split("-").map(Number);
      const when = parts[0] + ((parts[1] || 7) - 1) / 12 + ((parts[2] || 1) - 1) / 365;
      const label = vars.map((v) => b[v]).find((t) => t && t.type !== "uri" && !DATE.test(t.value));
      const iri = vars.map((v) => b[v]).find((t) => t && t.type === "uri");
      out.push({ when, text: b[dv].value, label: label ? label.value : (iri ? cellValue(iri) : b[dv].value), iri: iri && iri.value });
    }
    return out.sort((a, b) => a.when - b.when);
  }

  function drawTimeline(result) {
    const box = $("timeline");
    box.innerHTML = "";
    const rows = datedRows(result).slice(0, 300);
    if (!rows.length) { box.textContent = "No dates in this result."; return; }
    const NS = "http://www.w3.org/2000/svg", W = Math.max(600, box.clientWidth || 900), lane = 18;
    const min = rows[0].when, max = rows[rows.length - 1].when, span = Math.max(1, max - min);
    const x = (w) => 40 + ((w - min) / span) * (W - 240);
    const ends = [];
    const placed = rows.map((r) => { let l = 0; while (ends[l] !== undefined && ends[l] > x(r.when)) l++; ends[l] = x(r.when) + 8 + r.label.length * 6.5; return { ...r, lane: l }; });
    const H = 50 + (Math.max(...placed.map((p) => p.lane)) + 1) * lane;
    const svg = document.createElementNS(NS, "svg");
    svg.setAttribute("width", W); svg.setAttribute("height", H); svg.id = "timeline-svg";
    const axis = document.createElementNS(NS, "line");
    axis.setAttribute("x1", 40); axis.setAttribute("x2", W - 200); axis.setAttribute("y1", 30); axis.setAttribute("y2", 30); axis.setAttribute("class", "axis");
    svg.appendChild(axis);
    const step = span > 60 ? 10 : span > 15 ? 5 : 1;
    for (let y = Math.ceil(min / step) * step; y <= max; y += step) {
      const t = document.createElementNS(NS, "text"); t.setAttribute("x", x(y)); t.setAttribute("y", 20); t.setAttribute("class", "tick"); t.textContent = y; svg.appendChild(t);
    }
    for (const p of placed) {
      const a = document.createElementNS(NS, "a"); if (p.iri) a.setAttribute("href", href(p.iri));
      const c = document.createElementNS(NS, "circle"); c.setAttribute("cx", x(p.when)); c.setAttribute("cy", 44 + p.lane * lane); c.setAttribute("r", 4);
      const t = document.createElementNS(NS, "text"); t.setAttribute("x", x(p.when) + 7); t.setAttribute("y", 48 + p.lane * lane); t.textContent = p.label + " (" + p.text + ")";
      a.appendChild(c); a.appendChild(t); svg.appendChild(a);
    }
    box.appendChild(svg);
  }

  function parseNTriples(text) {
    const out = [];
    const re = /^(<[^>]*>|_:\S+)\s+<([^>]*)>\s+(<[^>]*>|_:\S+|"(?:[^"\\]|\\.)*"(?:\^\^<[^>]*>|@[\w-]+)?)\s*\.\s*$/;
    for (const line of text.split("\n")) {
      const m = re.exec(line); if (!m) continue;
      const strip = (t) => t.startsWith("<") ? t.slice(1, -1) : t;
      const o = m[3];
      out.push({ s: strip(m[1]), p: m[2], o: o.startsWith('"') ? JSON.parse(o.replace(/(\^\^<[^>]*>|@[\w-]+)$/, "")) : strip(o), oIri: o.startsWith("<") });
    }
    return out;
  }

  function setDownloads(kind) {
    const links = $("dl-links");
    links.innerHTML = "";
    const formats = kind === "graph"
      ? [["ttl", "Turtle"], ["nt", "N-Triples"], ["jsonld", "JSON-LD"], ["rdf", "RDF/XML"]]
      : [["json", "JSON"], ["xml", "XML"], ["csv", "CSV"], ["tsv", "TSV"]];
    formats.forEach(([fmt, name], i) => {
      const a = document.createElement("a");
      a.id = "dl-" + fmt; a.href = requestUrl(fmt, true); a.textContent = name;
      links.appendChild(a);
      if (i < formats.length - 1) links.appendChild(document.createTextNode(" · "));
    });
    $("downloads").hidden = false;
  }

  function showResult(result, preferred) {
    last = result;
    $("views").hidden = false;
    const hasGraph = graphOf(result).edges.length > 0, hasTime = datedRows(result).length > 0;
    $("view-graph").disabled = !hasGraph;
    $("view-timeline").disabled = !hasTime;
    $("view-table").disabled = !result.select;
    if (result.select) renderTable(result.select);
    if (result.raw !== undefined) $("raw").textContent = result.raw;
    showView(preferred || (result.select ? "table" : hasGraph ? "graph" : "raw"));
  }

  async function run() {
    showError("");
    $("warning").hidden = true;
    $("views").hidden = true; $("downloads").hidden = true;
    for (const v of VIEWS) (v === "table" ? $("results") : $(v)).hidden = true;
    $("status").textContent = "running…";
    const text = editor.getValue();
    const url = requestUrl(null, false);
    let response;
    try {
      response = await fetch(url, { headers: { Accept: "application/sparql-results+json, application/n-triples;q=0.9" } });
    } catch (err) { $("status").textContent = ""; showError("cannot reach the server: " + err); return; }
    const type = response.headers.get("Content-Type") || "";
    const body = await response.text();
    if (!response.ok) { $("status").textContent = "error " + response.status; showError(body.trim(), isNamed() ? undefined : text); return; }
    const warning = response.headers.get("X-KG-Warning");
    if (warning) { $("warning").textContent = "Warning: " + warning; $("warning").hidden = false; }
    if (type.startsWith("application/sparql-results+json")) {
      const data = JSON.parse(body);
      const given = isNamed() ? Object.values(params())[0] : null;  // a star around the parameter
      showResult({ select: data, raw: JSON.stringify(data, null, 2), about: given ? ["about:" + given, given] : null });
      setDownloads("select");
    } else {
      const triples = parseNTriples(body);
      showResult({ triples, raw: body });
      $("status").textContent = triples.length + " triple" + (triples.length === 1 ? "" : "s");
      setDownloads("graph");
    }
    document.body.dataset.ran = String(Number(document.body.dataset.ran || 0) + 1);
  }

  // --- questions in English (kg ask) -----------------------------------------------------------
  function renderAnswer(data) {
    const box = $("ask-answer");
    box.innerHTML = ""; box.hidden = false;
    box.className = data.understood ? "" : "not-understood";
    const head = document.createElement("div");
    head.className = "headline";
    if (!data.understood) {
      head.textContent = "Not understood. Questions of these forms are:";
      box.appendChild(head);
      const list = document.createElement("ul");
      for (const example of data.forms) {
        const li = document.createElement("li"), a = document.createElement("a");
        a.className = "try"; a.textContent = example;
        a.addEventListener("click", () => { $("ask").value = example; askQuestion(); });
        li.appendChild(a); list.appendChild(li);
      }
      box.appendChild(list);
      return;
    }
    if (Object.keys(data.suggestions).length) {
      for (const [slot, names] of Object.entries(data.suggestions)) {
        const p = document.createElement("div");
        p.className = "headline";
        p.textContent = "No " + (slot === "film" ? "film" : "person") + " named “" + data.slots[slot] + "”. ";
        box.appendChild(p);
        if (names.length) {
          box.appendChild(document.createTextNode("Did you mean: "));
          names.forEach((name, i) => {
            const a = document.createElement("a");
            a.className = "try suggestion"; a.textContent = name;
            a.addEventListener("click", () => { $("ask").value = data.question.split(data.slots[slot]).join(name); askQuestion(); });
            box.appendChild(a);
            if (i < names.length - 1) box.appendChild(document.createTextNode(" · "));
          });
        }
      }
      return;
    }
    head.textContent = data.headline || "No answer in this graph.";
    box.appendChild(head);
    const bindings = data.rows.map((row, r) => {
      const b = {};
      data.columns.forEach((c, i) => {
        const iri = data.iris[r][i];
        if (iri) b[c] = { type: "uri", value: iri, label: data.labels[iri] || row[i] };
        else if (row[i] !== "") b[c] = { type: "literal", value: row[i] };
      });
      return b;
    });
    const about = Object.values(data.entities).flat()[0];
    if (data.sparql.length) { editor.setValue(data.sparql[0]); select.value = ""; current = null; form.innerHTML = ""; $("description").textContent = ""; }
    if (data.rows.length) {
      const select_ = { head: { vars: data.columns }, results: { bindings } };
      showResult({ select: select_, raw: data.text, about });
      setDownloads("select");
    }
  }
  async function askQuestion() {
    const question = $("ask").value.trim();
    if (!question) return;
    history.replaceState(null, "", "#ask=" + encodeURIComponent(question));
    $("status").textContent = "asking…";
    try {
      const response = await fetch("/api/ask?q=" + encodeURIComponent(question));
      const data = await response.json();
      $("status").textContent = "";
      renderAnswer(data);
    } catch (err) { showError("cannot ask the server: " + err); }
  }
  $("ask-form").addEventListener("submit", (e) => { e.preventDefault(); askQuestion(); });

  select.addEventListener("change", () => pick());
  $("run").addEventListener("click", run);
  $("permalink").addEventListener("click", () => {
    const link = permalink();
    history.replaceState(null, "", link);
    if (navigator.clipboard) navigator.clipboard.writeText(link).catch(() => {});
    $("status").textContent = "link in the address bar (and copied)";
  });
  textarea.addEventListener("keydown", (e) => { if (e.key === "Enter" && e.ctrlKey) { e.preventDefault(); run(); } });
  if (yasqe) yasqe.on("keydown", (_, e) => { if (e.key === "Enter" && e.ctrlKey) { e.preventDefault(); run(); } });

  // a permalink: #ask=QUESTION, #name=NAMED&param.P=VALUE or #query=SPARQL
  function fromHash() {
    const hash = new URLSearchParams(location.hash.slice(1));
    if (hash.get("ask")) { $("ask").value = hash.get("ask"); askQuestion(); }
    else if (hash.get("name") && queries[hash.get("name")]) {
      select.value = hash.get("name");
      const values = {};
      for (const [k, v] of hash.entries()) if (k.startsWith("param.")) values[k.slice(6)] = v;
      pick(values); run();
    } else if (hash.get("query")) { select.value = ""; current = null; form.innerHTML = ""; editor.setValue(hash.get("query")); run(); }
  }

  Promise.all([
    fetch("/api/queries").then((r) => r.json()),
    fetch("/api/vocabulary").then((r) => r.json()).catch(() => []),
  ]).then(([list, terms]) => {
    vocabulary = terms;
    for (const q of list) {
      queries[q.name] = q;
      const option = document.createElement("option");
      option.value = q.name; option.textContent = q.title + " (" + q.name + ")";
      select.appendChild(option);
    }
    fromHash();
    window.addEventListener("hashchange", fromHash);
    document.body.dataset.ready = "1";
  }).catch((err) => showError("cannot load the named queries: " + err));
})();
