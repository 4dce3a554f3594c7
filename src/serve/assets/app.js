// The workbench page. Everything from the server (article, speakers, notes, sources) goes
// into the page as text: elements are built with createElement and filled with
// textContent or form values, never innerHTML. The server's Content-Security-Policy allows
// this file and app.css only.
"use strict";

const errors = [];
window.addEventListener("error", (e) => { errors.push(String(e.message)); say("Script error: " + e.message, true); });
window.addEventListener("unhandledrejection", (e) => { errors.push(String(e.reason)); say(String(e.reason), true); });
window.quotecheckErrors = errors;

const EDITOR_KEY = "quotecheck-editor";
const KINDS = ["direct", "partial", "term", "indirect", "dismissed"];
const STATUSES = ["unchecked", "checked", "wrong"];
const LOW = 0.5;

function el(tag, props, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "text") e.textContent = v;
    else if (k === "value") e.value = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    e.append(typeof c === "string" ? document.createTextNode(c) : c);
  }
  return e;
}

function say(message, isError) {
  const s = document.getElementById("status");
  if (!s) return;
  s.textContent = message;
  s.className = isError ? "error" : "";
}

async function api(method, path, body) {
  const init = { method, headers: {}, credentials: "same-origin" };
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const r = await fetch(path, init);
  const data = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(data.error || ("HTTP " + r.status));
  return data;
}

function editorName() {
  return (document.getElementById("editor").value || "").trim();
}

function readFile(input) {
  return new Promise((resolve, reject) => {
    const f = input.files && input.files[0];
    if (!f) { resolve(null); return; }
    const reader = new FileReader();
    reader.onload = () => resolve({ name: f.name, text: String(reader.result) });
    reader.onerror = () => reject(new Error("cannot read " + f.name));
    reader.readAsText(f);
  });
}

// A text area or a file: `{name, text}` or `{name, html}` for .html/.htm files.
async function pastedOrUploaded(textarea, file, name) {
  const upload = await readFile(file);
  if (upload) {
    const isHtml = /\.html?$/i.test(upload.name);
    return isHtml ? { name: name || upload.name, html: upload.text } : { name: name || upload.name, text: upload.text };
  }
  if (!textarea.value.trim()) throw new Error("paste the text or choose a file");
  return { name: name || "pasted text", text: textarea.value };
}

function loadForm(id, label, onSubmit, withName) {
  const name = el("input", { type: "text", placeholder: "name", "aria-label": "Name", maxlength: 500 });
  const area = el("textarea", { class: "paste", "aria-label": "Text", placeholder: "paste the text here, or choose a file" });
  const file = el("input", { type: "file", accept: ".txt,.html,.htm,.srt,.vtt,text/plain,text/html", "aria-label": "File" });
  const button = el("button", { type: "button", text: label });
  button.addEventListener("click", async () => {
    try {
      button.disabled = true;
      await onSubmit(await pastedOrUploaded(area, file, name.value.trim()));
    } catch (e) {
      say(e.message, true);
    } finally {
      button.disabled = false;
    }
  });
  return el("div", { class: "load", id }, withName ? name : null, area, el("div", {}, file, " ", button));
}

// ---- the story list ----

async function showList(app) {
  const data = await api("GET", "/api/documents");
  app.replaceChildren();
  const rows = [];
  for (const s of data.stories) {
    const last = s.versions[s.versions.length - 1];
    rows.push(el("tr", {},
      el("td", {}, el("a", { href: "/documents/" + encodeURIComponent(last.id), text: s.name })),
      el("td", {}, ...s.versions.map((v, k) => el("span", {}, k ? ", " : "",
        el("a", { href: "/documents/" + encodeURIComponent(v.id), text: "v" + v.number })))),
      el("td", { text: String(last.quotes) }),
      el("td", { text: String(last.flagged) })));
  }
  app.append(
    el("h1", { text: "Stories" }),
    rows.length
      ? el("table", {}, el("thead", {}, el("tr", {}, el("th", { text: "Story" }), el("th", { text: "Versions" }),
          el("th", { text: "Quotes (latest)" }), el("th", { text: "Flagged" }))), el("tbody", {}, ...rows))
      : el("p", { text: "No stories yet." }),
    el("section", {}, el("h2", { text: "Open a new story" }),
      loadForm("new-story", "Load story", async (doc) => {
        const made = await api("POST", "/api/documents", doc);
        location.assign("/documents/" + made.id);
      }, true)));
}

// ---- a story ----

const state = { doc: null, current: -1 };

function codePoints(s) { return Array.from(s); }

function speakerClasses(quotes) {
  const counts = new Map();
  for (const q of quotes) if (q.speaker) counts.set(q.speaker, (counts.get(q.speaker) || 0) + 1);
  const order = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const cls = new Map();
  order.forEach(([name], k) => cls.set(name, "sp" + (k % 8)));
  return cls;
}

function article(doc, cls) {
  const chars = codePoints(doc.text);
  const box = el("div", { class: "article", id: "article" });
  const quotes = [...doc.quotes].sort((a, b) => a.start - b.start);
  let at = 0;
  for (const q of quotes) {
    if (q.start < at || q.end > chars.length) continue; // nested in the one before
    box.append(chars.slice(at, q.start).join(""));
    const mark = el("mark", {
      "data-quote-id": q.quote_id,
      // Reported speech is set apart from quoted words (italic, no fill).
      class: (q.speaker ? cls.get(q.speaker) : "none") + (q.kind === "indirect" ? " indirect" : ""),
      title: (q.speaker || "no speaker") + " · " + q.kind,
    }, chars.slice(q.start, q.end).join(""));
    mark.addEventListener("click", () => focusQuote(q.quote_id));
    box.append(mark);
    at = q.end;
  }
  box.append(chars.slice(at).join(""));
  return box;
}

function flagsOf(q) {
  const f = [...(q.flags || [])];
  if (q.low_confidence) f.push("low confidence");
  if (q.verdict && !["exact", "cosmetic", "elided", "paraphrase"].includes(q.verdict.verdict)) f.push("source: " + q.verdict.verdict.replace("_", " "));
  if (q.change && q.change.what.some((w) => w === "reworded" || w === "reattributed")) f.push(q.change.what.join(", "));
  return f;
}

async function save(q, field, value) {
  const editor = editorName();
  if (!editor) {
    say("Set your name (top of the page) before editing.", true);
    document.getElementById("editor").focus();
    return;
  }
  try {
    const body = { editor };
    body[field] = value;
    await api("PUT", "/api/documents/" + state.doc.id + "/quotes/" + encodeURIComponent(q.quote_id), body);
    say("Saved " + field + " of #" + q.index + ".");
    await reload({ quote: q.quote_id, field });
  } catch (e) {
    say("Not saved: " + e.message, true);
  }
}

function quoteItem(q, doc) {
  const speaker = el("input", {
    type: "text", list: "people", value: q.speaker || "", "aria-label": "Speaker of quote " + q.index,
    "data-field": "speaker", maxlength: 200, placeholder: "no speaker",
  });
  speaker.addEventListener("change", () => save(q, "speaker", speaker.value.trim() || null));
  const kind = el("select", { "aria-label": "Kind of quote " + q.index, "data-field": "kind" },
    ...KINDS.map((k) => el("option", { value: k, text: k, selected: q.kind === k })));
  kind.addEventListener("change", () => save(q, "kind", kind.value));
  const status = el("select", { "aria-label": "Check of quote " + q.index, "data-field": "status" },
    ...STATUSES.map((s) => el("option", { value: s, text: s, selected: q.status === s })));
  status.addEventListener("change", () => save(q, "status", status.value));
  const note = el("textarea", { "aria-label": "Note on quote " + q.index, "data-field": "note", value: q.note || "", placeholder: "note" });
  note.addEventListener("change", () => save(q, "note", note.value));
  const set = (q.editor_set || []).map((f) => {
    const d = q.decisions[f];
    return f + " by " + d.editor + " (" + d.at.slice(0, 16).replace("T", " ") + ", v" + d.version + ")";
  });
  const verdict = q.verdict
    ? el("div", { class: ["exact", "cosmetic", "elided"].includes(q.verdict.verdict) ? "verdict-ok" : "verdict-bad",
        text: "Source: " + q.verdict.verdict.replace("_", " ") + (q.verdict.source ? " in " + q.verdict.source + (q.verdict.line ? ":" + q.verdict.line : "") : "") })
    : null;
  const change = q.change && q.change.what.length
    ? el("div", { class: "meta", text: "Since v" + doc.previous_number + ": " + q.change.what.join(", ") +
        (q.change.previous_text && q.change.previous_text !== q.text ? " (was: “" + q.change.previous_text + "”)" : "") +
        (q.change.what.includes("reattributed") ? " (speaker was " + (q.change.previous_speaker || "none") + ")" : "") })
    : null;
  const li = el("li", { tabindex: 0, "data-quote-id": q.quote_id, "data-index": q.index },
    el("div", { class: "text" }, el("strong", { text: "#" + q.index + " " }),
      q.kind === "indirect" ? el("em", { text: q.text }) : "“" + q.text + "”"),
    el("div", { class: "meta", text: [q.speaker || "no speaker", q.kind, q.method || "", q.confidence == null ? "" : "confidence " + q.confidence.toFixed(2)].filter(Boolean).join(" · ") }),
    el("div", {}, ...flagsOf(q).map((f) => el("span", { class: "flag", text: f }))),
    verdict, change,
    set.length ? el("div", { class: "meta", text: "Set by an editor: " + set.join("; ") }) : null,
    el("div", { class: "controls" }, speaker, kind, status, note));
  li.addEventListener("focusin", () => markCurrent(q.quote_id));
  return li;
}

function visibleItems() {
  return [...document.querySelectorAll(".quotes li")].filter((li) => !li.classList.contains("hidden"));
}

function markCurrent(id) {
  for (const e of document.querySelectorAll(".current")) e.classList.remove("current");
  for (const e of document.querySelectorAll("[data-quote-id]")) {
    if (e.getAttribute("data-quote-id") === id) e.classList.add("current");
  }
}

function focusQuote(id) {
  const li = [...document.querySelectorAll(".quotes li")].find((x) => x.getAttribute("data-quote-id") === id);
  if (li) { li.focus(); li.scrollIntoView({ block: "nearest" }); }
}

function applyFilters() {
  const f = (name) => document.getElementById(name);
  const speaker = f("f-speaker").value, kind = f("f-kind").value;
  for (const li of document.querySelectorAll(".quotes li")) {
    const q = state.doc.quotes.find((x) => x.quote_id === li.getAttribute("data-quote-id"));
    let show = true;
    if (f("f-flagged").checked && flagsOf(q).length === 0) show = false;
    if (f("f-unattributed").checked && q.speaker) show = false;
    if (f("f-low").checked && !(q.confidence != null && q.confidence < LOW && !(q.editor_set || []).includes("speaker"))) show = false;
    if (speaker && (q.speaker || "") !== speaker) show = false;
    if (kind && q.kind !== kind) show = false;
    li.classList.toggle("hidden", !show);
  }
}

function filters(doc) {
  const speakers = [...new Set(doc.quotes.map((q) => q.speaker || ""))].sort();
  const box = el("div", { class: "filters", role: "group", "aria-label": "Filters" },
    el("label", {}, el("input", { type: "checkbox", id: "f-flagged" }), " flagged"),
    el("label", {}, el("input", { type: "checkbox", id: "f-unattributed" }), " unattributed"),
    el("label", {}, el("input", { type: "checkbox", id: "f-low" }), " low confidence"),
    el("label", {}, "speaker ", el("select", { id: "f-speaker" }, el("option", { value: "", text: "any" }),
      ...speakers.filter(Boolean).map((s) => el("option", { value: s, text: s })))),
    el("label", {}, "kind ", el("select", { id: "f-kind" }, el("option", { value: "", text: "any" }),
      ...KINDS.map((k) => el("option", { value: k, text: k })))));
  box.addEventListener("change", applyFilters);
  return box;
}

function changesSection(doc) {
  if (!doc.changes) return null;
  const s = doc.summary;
  const items = doc.changes.map((c) => el("li", { "data-quote-id": c.quote_id },
    el("strong", { text: c.what.join(", ") + ": " }),
    c.previous_text != null && c.text != null && c.previous_text !== c.text
      ? el("span", {}, el("del", { text: "“" + c.previous_text + "”" }), " → ", el("ins", { text: "“" + c.text + "”" }))
      : el("span", { text: "“" + (c.text != null ? c.text : c.previous_text) + "”" }),
    c.what.includes("reattributed") ? el("span", { class: "meta", text: " (" + (c.previous_speaker || "none") + " → " + (c.speaker || "none") + ")" }) : null));
  return el("section", { id: "changes" },
    el("h2", { text: "Changes since v" + doc.previous_number }),
    el("p", { text: s.reworded + " reworded, " + s.reattributed + " reattributed, " + s.removed + " removed, " + s.added + " added, " + s.edited + " otherwise edited" }),
    items.length ? el("ul", { class: "changes" }, ...items) : el("p", { text: "No quote changed." }));
}

function renderStory(app, doc) {
  const cls = speakerClasses(doc.quotes);
  const people = el("datalist", { id: "people" }, ...doc.people.map((p) => el("option", { value: p })));
  const flagged = doc.quotes.filter((q) => flagsOf(q).length).length;
  const versions = doc.versions.map((v, k) => el("span", {}, k ? " · " : "",
    v.id === doc.id ? el("strong", { text: "v" + v.number }) : el("a", { href: "/documents/" + v.id, text: "v" + v.number })));
  const exp = (f) => el("a", { href: "/api/documents/" + doc.id + "/export?format=" + f + (f === "csv" ? "&excel_safe=true" : ""), download: "", text: f === "csv" ? "CSV (spreadsheet-safe)" : f.toUpperCase() });
  const sources = doc.sources.length
    ? el("ul", {}, ...doc.sources.map((s) => el("li", { text: s.name })))
    : el("p", { text: "No sources attached." });
  app.replaceChildren(
    el("h1", { text: doc.story }),
    el("p", { class: "meta" }, "Version ", String(doc.number), " (", doc.name, ") · ", String(doc.quotes.length), " quotes, ",
      String(flagged), " flagged · versions: ", ...versions, " · export ", exp("csv"), " ", exp("jsonl")),
    el("p", { class: "meta", text: "Keys: j / ↓ next quote, k / ↑ previous, s edit the speaker, Esc back to the list." }),
    changesSection(doc),
    people,
    el("div", { class: "story-page" },
      el("section", {}, el("h2", { text: "Article" }), article(doc, cls)),
      el("section", {}, el("h2", { text: "Quotes" }), filters(doc),
        el("ul", { class: "quotes", id: "quotes" }, ...doc.quotes.map((q) => quoteItem(q, doc))))),
    el("section", {}, el("h2", { text: "Sources" }), sources,
      loadForm("attach-source", "Attach source", async (src) => {
        if (src.html !== undefined) throw new Error("attach sources as text, SRT or WebVTT");
        await api("POST", "/api/documents/" + doc.id + "/sources", { name: src.name, text: src.text });
        say("Source attached.");
        await reload();
      }, true)),
    el("section", {}, el("h2", { text: "Load the next version" }),
      loadForm("next-version", "Load as next version", async (next) => {
        next.previous = doc.id;
        if (!next.name || next.name === "pasted text") next.name = doc.story + " v" + (doc.versions.length + 1);
        const made = await api("POST", "/api/documents", next);
        location.assign("/documents/" + made.id);
      }, true)));
  applyFilters();
}

async function reload(keep) {
  const app = document.getElementById("app");
  state.doc = await api("GET", "/api/documents/" + state.doc.id);
  renderStory(app, state.doc);
  if (keep && keep.quote) {
    const li = [...document.querySelectorAll(".quotes li")].find((x) => x.getAttribute("data-quote-id") === keep.quote);
    const control = li && li.querySelector('[data-field="' + keep.field + '"]');
    if (control) control.focus(); else if (li) li.focus();
  }
}

async function showStory(app, id) {
  state.doc = await api("GET", "/api/documents/" + encodeURIComponent(id));
  document.title = state.doc.story + " · quotecheck workbench";
  renderStory(app, state.doc);
}

document.addEventListener("keydown", (e) => {
  if (!state.doc) return;
  const t = e.target;
  const typing = t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT");
  if (e.key === "Escape" && typing) {
    const li = t.closest(".quotes li");
    if (li) li.focus();
    return;
  }
  if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
  const items = visibleItems();
  if (!items.length) return;
  const at = items.indexOf(document.activeElement && document.activeElement.closest(".quotes li"));
  let next = null;
  if (e.key === "j" || e.key === "ArrowDown") next = items[Math.min(at + 1, items.length - 1)];
  else if (e.key === "k" || e.key === "ArrowUp") next = items[Math.max(at - 1, 0)];
  else if (e.key === "s" && at >= 0) {
    e.preventDefault();
    items[at].querySelector('[data-field="speaker"]').focus();
    return;
  }
  if (next) { e.preventDefault(); next.focus(); next.scrollIntoView({ block: "nearest" }); }
});

async function main() {
  const editor = document.getElementById("editor");
  editor.value = localStorage.getItem(EDITOR_KEY) || "";
  editor.addEventListener("change", () => { localStorage.setItem(EDITOR_KEY, editor.value.trim()); say("Name saved."); });
  const app = document.getElementById("app");
  const m = location.pathname.match(/^\/documents\/(\d+)$/);
  try {
    if (m) await showStory(app, m[1]);
    else await showList(app);
  } catch (e) {
    app.replaceChildren(el("p", { class: "error", text: e.message }));
    say(e.message, true);
  }
}

main();
