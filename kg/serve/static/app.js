// The kg query page: named questions with parameter forms, a SPARQL editor, results as a table.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const editor = $("editor"), select = $("named"), form = $("params");
  let queries = {}, current = null, base = "https://w3id.org/filmkg/";
  fetch("/api/config").then((r) => r.json()).then((c) => { base = c.base; }).catch(() => {});
  // An IRI under the served base opens its entity page on this server.
  function href(iri) { return iri.startsWith(base) ? "/" + iri.slice(base.length) : iri; }
  const PREFIXES = {
    "https://w3id.org/filmkg/ontology#": "kg:",
    "https://w3id.org/filmkg/resource/": "kgr:",
    "http://www.w3.org/2000/01/rdf-schema#": "rdfs:",
    "http://www.wikidata.org/entity/": "wd:",
  };

  function short(iri) {
    for (const [ns, p] of Object.entries(PREFIXES)) if (iri.startsWith(ns)) return p + iri.slice(ns.length);
    return iri;
  }

  function showError(message) {
    const box = $("error");
    box.textContent = message;
    box.hidden = !message;
  }

  function buildForm(q) {
    form.innerHTML = "";
    for (const p of q.params) {
      const label = document.createElement("label");
      label.textContent = p.name + " (" + p.type + (p.optional ? ", optional" : "") + ")";
      const input = document.createElement("input");
      input.name = p.name;
      input.id = "param-" + p.name;
      input.placeholder = p.example;
      input.value = p.optional ? "" : p.example;
      input.addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); run(); } });
      label.appendChild(input);
      form.appendChild(label);
    }
  }

  function pick() {
    current = queries[select.value] || null;
    $("description").textContent = current ? current.description : "";
    form.innerHTML = "";
    if (current) { editor.value = current.text; buildForm(current); }
  }

  function requestUrl(format, download) {
    // A named query whose text was not edited runs by name, its parameters bound by the server.
    if (current && editor.value === current.text) {
      const args = new URLSearchParams({ name: current.name });
      for (const input of form.querySelectorAll("input")) if (input.value !== "") args.append("param." + input.name, input.value);
      if (format) args.set("format", format);
      if (download) args.set("download", "1");
      return "/api/named?" + args.toString();
    }
    const args = new URLSearchParams({ query: editor.value });
    if (format) args.set("format", format);
    if (download) args.set("download", "1");
    return "/sparql?" + args.toString();
  }

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
            a.href = href(term.value); a.textContent = term.label || short(term.value); a.title = term.value;
            cell.appendChild(a);
          } else cell.textContent = term.value;
        }
      }
    }
    table.hidden = false;
    const n = data.results ? data.results.bindings.length : 1;
    $("status").textContent = n + " row" + (n === 1 ? "" : "s");
  }

  async function run() {
    showError("");
    $("results").hidden = true; $("raw").hidden = true; $("downloads").hidden = true;
    $("status").textContent = "running…";
    const url = requestUrl(null, false);
    let response;
    try {
      response = await fetch(url, { headers: { Accept: "application/sparql-results+json, text/turtle;q=0.9" } });
    } catch (err) {
      $("status").textContent = ""; showError("cannot reach the server: " + err); return;
    }
    const type = response.headers.get("Content-Type") || "";
    const text = await response.text();
    if (!response.ok) { $("status").textContent = "error " + response.status; showError(text); return; }
    if (type.startsWith("application/sparql-results+json")) {
      renderTable(JSON.parse(text));
      $("dl-csv").href = requestUrl("csv", true);
      $("dl-json").href = requestUrl("json", true);
      $("downloads").hidden = false;
    } else {
      $("raw").textContent = text; $("raw").hidden = false; $("status").textContent = "graph result";
    }
  }

  // --- questions in English (kg ask) ---
  function renderAnswer(data) {
    const box = $("ask-answer");
    box.innerHTML = "";
    box.hidden = false;
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
        p.textContent = "No " + (slot === "film" ? "film" : "person") + " of that name. ";
        box.appendChild(p);
        if (names.length) {
          const span = document.createElement("span");
          span.textContent = "Did you mean: ";
          box.appendChild(span);
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
    if (data.rows.length) {
      const bindings = data.rows.map((row, r) => {
        const b = {};
        data.columns.forEach((c, i) => {
          const iri = data.iris[r][i];
          if (iri) b[c] = { type: "uri", value: iri, label: data.labels[iri] || row[i] };
          else if (row[i] !== "") b[c] = { type: "literal", value: row[i] };
        });
        return b;
      });
      renderTable({ head: { vars: data.columns }, results: { bindings } });
    }
    if (data.sparql.length) {
      editor.value = data.sparql[0];
      select.value = ""; current = null; form.innerHTML = "";
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

  select.addEventListener("change", pick);
  $("run").addEventListener("click", run);
  editor.addEventListener("keydown", (e) => { if (e.key === "Enter" && e.ctrlKey) { e.preventDefault(); run(); } });

  fetch("/api/queries").then((r) => r.json()).then((list) => {
    for (const q of list) {
      queries[q.name] = q;
      const option = document.createElement("option");
      option.value = q.name; option.textContent = q.title + " (" + q.name + ")";
      select.appendChild(option);
    }
    const hash = new URLSearchParams(location.hash.slice(1));
    if (hash.get("ask")) { $("ask").value = hash.get("ask"); askQuestion(); }
    document.body.dataset.ready = "1";
  }).catch((err) => showError("cannot load the named queries: " + err));
})();
