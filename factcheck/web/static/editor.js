// factcheck editor page: paste a draft, POST /v1/compare, show each finding over its span.
// User text and report content are only ever inserted with textContent / text nodes.
"use strict";

const STORE_KEY = "factcheck.draft";
const KINDS = {
  contradiction: { icon: "\u2717", label: "contradiction", plural: "contradictions" },
  agreement: { icon: "\u2713", label: "agreement", plural: "agreements" },
  new_claim: { icon: "+", label: "new claim", plural: "new claims" },
};
const STRENGTH = ["contradiction", "agreement", "new_claim"];

let lastReport = null;
let lastText = "";

const $ = (id) => document.getElementById(id);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

// The report's offsets count code points (Python); JS strings count UTF-16 units.
function codePointIndex(text) {
  const map = [0];
  let units = 0;
  for (const ch of text) { units += ch.length; map.push(units); }
  return (cp) => map[Math.min(cp, map.length - 1)];
}

// `text` with the [start, end) ranges (code points, relative to the text) wrapped in <strong
// class="value">: the values a finding compared ("60-minute"), marked inside their sentence.
function withValues(text, ranges) {
  const chars = Array.from(text);
  const out = [];
  let pos = 0;
  for (const [s, e] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (s < pos || e > chars.length || e <= s) continue;
    if (s > pos) out.push(document.createTextNode(chars.slice(pos, s).join("")));
    out.push(el("strong", { class: "value" }, chars.slice(s, e).join("")));
    pos = e;
  }
  if (pos < chars.length) out.push(document.createTextNode(chars.slice(pos).join("")));
  return out;
}

// The ranges, relative to `base`, of the values the contradictions of `findings` compared on one side.
function valueRanges(findings, side, base) {
  const out = [];
  for (const f of findings) {
    if (f.kind !== "contradiction") continue;
    for (const r of f.rules) if (r[side]) out.push([r[side].start - base, r[side].end - base]);
  }
  return out;
}

function showStatus(title, detail) {
  const box = $("status");
  box.replaceChildren(el("span", { class: "title" }, title), el("span", {}, detail || ""));
  box.hidden = false;
}

function clearStatus() { $("status").hidden = true; $("status").replaceChildren(); }

async function check() {
  const text = $("draft").value;          // never cleared: the draft is kept whatever happens
  clearStatus();
  if (!text.trim()) {
    showStatus("The draft is empty.", "Paste or type a draft first, then press Check.");
    $("draft").focus();
    return;
  }
  $("check").disabled = true;
  $("check").setAttribute("aria-busy", "true");
  try {
    const resp = await fetch("/v1/compare", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json, application/problem+json" },
      body: JSON.stringify({ text }),
    });
    const type = resp.headers.get("Content-Type") || "";
    const body = type.includes("json") ? await resp.json() : null;
    if (!resp.ok) {
      const title = (body && body.title) || `The server answered ${resp.status}.`;
      const detail = (body && body.detail) || "Your draft is still here; try again in a moment.";
      showStatus(title, detail);
      return;
    }
    lastReport = body;
    lastText = text;
    render(body, text);
  } catch (err) {
    showStatus("The service could not be reached.", "Your draft is still here; check the connection and try again.");
  } finally {
    $("check").disabled = false;
    $("check").removeAttribute("aria-busy");
  }
}

function render(report, text) {
  $("results").hidden = false;
  closePanel();
  renderSummary(report.summary, report.reference);
  const toUnits = codePointIndex(text);
  const bySpan = new Map();
  for (const f of report.findings) {
    const key = `${f.span.start}:${f.span.end}`;
    if (!bySpan.has(key)) bySpan.set(key, []);
    bySpan.get(key).push(f);
  }
  const spans = [...bySpan.entries()].map(([key, findings]) => {
    const [s, e] = key.split(":").map(Number);
    return { start: toUnits(s), end: toUnits(e), cpStart: s, findings };
  }).sort((a, b) => a.start - b.start);
  const out = $("rendered");
  out.replaceChildren();
  let pos = 0;
  spans.forEach((span, i) => {
    if (span.start < pos) return;               // spans never overlap; be safe if they did
    if (span.start > pos) out.append(document.createTextNode(text.slice(pos, span.start)));
    const kind = STRENGTH.find((k) => span.findings.some((f) => f.kind === k));
    const info = KINDS[kind];
    const mark = el("mark", {
      class: `hl ${kind}`, tabindex: "0", role: "button", "aria-pressed": "false",
      "data-kind": kind, "data-label": info.label, "data-index": String(i),
      "aria-label": `${info.label}: ${text.slice(span.start, span.end)}`,
    }, el("span", { class: "badge", "aria-hidden": "true" }, info.icon),
      ...withValues(text.slice(span.start, span.end), valueRanges(span.findings, "found", span.cpStart)));
    mark.addEventListener("click", () => openPanel(span, mark));
    mark.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); openPanel(span, mark); }
    });
    out.append(mark);
    pos = span.end;
  });
  if (pos < text.length) out.append(document.createTextNode(text.slice(pos)));
  renderOmitted(report.omitted);
  $("results-title").focus?.();
}

function renderSummary(s, reference) {
  const pills = ["contradiction", "agreement", "new_claim"].map((k) => {
    const n = s[KINDS[k].plural.replace(" ", "_")] ?? 0;
    return el("span", { class: `pill ${k}`, "data-kind": k }, `${KINDS[k].icon} ${n} ${n === 1 ? KINDS[k].label : KINDS[k].plural}`);
  });
  pills.push(el("span", { class: "pill", "data-kind": "sentences" }, `${s.sentences} sentences`));
  pills.push(el("span", { class: "pill", "data-kind": "omitted" }, `${s.omitted} reference claims not mentioned`));
  if (s.suppressed) pills.push(el("span", { class: "pill", "data-kind": "suppressed" }, `${s.suppressed} suppressed`));
  pills.push(el("span", { class: "pill", "data-kind": "reference" },
    reference ? `checked against: ${reference}` : "matched no reference"));
  $("summary").replaceChildren(...pills);
}

function renderOmitted(claims) {
  $("omitted-title").textContent = `Reference claims the draft leaves out (${claims.length})`;
  $("omitted").replaceChildren(...claims.map((c) => el("li", {}, c.statement, " ", el("code", {}, c.id))));
}

let openMark = null;

function openPanel(span, mark) {
  if (openMark) openMark.setAttribute("aria-pressed", "false");
  openMark = mark;
  mark.setAttribute("aria-pressed", "true");
  $("panel-sentence").replaceChildren(...withValues(span.findings[0].text, valueRanges(span.findings, "found", span.cpStart)));
  const body = $("panel-body");
  body.replaceChildren();
  for (const f of span.findings) {
    const box = el("section", { class: "finding", "data-kind": f.kind },
      el("p", { class: `verdict ${f.kind}` }, `${KINDS[f.kind].icon} ${KINDS[f.kind].label}`));
    box.append(el("h3", {}, "Why"));
    for (const r of f.rules) {
      box.append(el("p", { class: "rule" }, el("code", {}, r.id), ` [${r.category}] `, r.message));
    }
    if (f.claim) {
      box.append(el("h3", {}, "Reference claim"));
      box.append(el("p", { class: "claim" }, f.claim.statement, " ", el("code", {}, f.claim.id)));
      box.append(el("h3", {}, "Reference evidence"));
      const quoted = withValues(f.claim.evidence.text, valueRanges([f], "reference", f.claim.evidence.start));
      box.append(el("blockquote", { class: "evidence" }, "\u201c", ...quoted, "\u201d"));
      box.append(el("p", { class: "muted" }, `from the reference ${f.claim.source}`));
    }
    body.append(box);
  }
  $("panel-title").textContent = `${span.findings.length} finding${span.findings.length > 1 ? "s" : ""} for this sentence`;
  const panel = $("panel");
  panel.hidden = false;
  panel.focus();
}

function closePanel() {
  $("panel").hidden = true;
  if (openMark) { openMark.setAttribute("aria-pressed", "false"); openMark.focus(); openMark = null; }
}

function reportJSON() { return JSON.stringify(lastReport, null, 2); }

async function copyReport() {
  if (!lastReport) return;
  try {
    await navigator.clipboard.writeText(reportJSON());
    $("copied").textContent = "Report copied.";
  } catch (err) {
    $("copied").textContent = "Copying is not allowed here; use Download report.";
  }
}

function downloadReport() {
  if (!lastReport) return;
  const blob = new Blob([reportJSON()], { type: "application/json" });
  const a = el("a", { href: URL.createObjectURL(blob), download: "factcheck-report.json" });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

async function loadSample() {
  const resp = await fetch(document.querySelector("script[src*='editor.js']").src.replace("editor.js", "sample-draft.txt"));
  $("draft").value = await resp.text();
  save();
}

function save() {
  try { localStorage.setItem(STORE_KEY, $("draft").value); $("saved").textContent = "Draft saved in this browser."; }
  catch (err) { $("saved").textContent = ""; }
}

document.addEventListener("DOMContentLoaded", () => {
  const kept = localStorage.getItem(STORE_KEY);
  if (kept !== null) $("draft").value = kept;
  else loadSample();                       // first visit: a sample to try
  $("draft").addEventListener("input", save);
  $("check").addEventListener("click", check);
  $("sample").addEventListener("click", loadSample);
  $("copy").addEventListener("click", copyReport);
  $("download").addEventListener("click", downloadReport);
  $("close").addEventListener("click", closePanel);
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); check(); }
    if (ev.key === "Escape" && !$("panel").hidden) closePanel();
  });
});
