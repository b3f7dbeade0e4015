// factcheck's claim-diff page: paste a draft, POST /v1/compare, and see the draft with its
// findings beside the reference with its claims (confirmed, contradicted, not mentioned).
// User text and report content are only ever inserted with textContent / text nodes.
"use strict";

const STORE_KEY = "factcheck.draft";
const ACCEPTED_KEY = "factcheck.accepted";
const PASTE = "__paste";
const KINDS = {
  conflict: { icon: "\u21c4", label: "conflict between sources", plural: "conflicts" },
  contradiction: { icon: "\u2717", label: "contradiction", plural: "contradictions" },
  agreement: { icon: "\u2713", label: "agreement", plural: "agreements" },
  new_claim: { icon: "+", label: "new claim", plural: "new claims" },
};
const STRENGTH = ["contradiction", "conflict", "new_claim", "agreement"];   // what a sentence shows first
const CLAIM_STATUS = { contradiction: "contradicted", agreement: "confirmed" };
const PROBLEMS = new Set(["contradiction", "conflict", "new_claim"]);

let lastReport = null;
let lastText = "";
let lastReference = null;          // {id, text} the report's evidence offsets point into
let spans = [];                    // the draft's sentences with findings, in order
const shown = { contradiction: true, conflict: true, new_claim: true, agreement: false };
const sourceTexts = new Map();

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

const plural = (n, kind) => `${n} ${n === 1 ? KINDS[kind].label : KINDS[kind].plural}`;

// The report's offsets count code points (Python); JS strings count UTF-16 units.
function codePointIndex(text) {
  const map = [0];
  let units = 0;
  for (const ch of text) { units += ch.length; map.push(units); }
  return (cp) => map[Math.min(cp, map.length - 1)];
}

// `text` with the [start, end) ranges (code points, relative to the text) wrapped in <strong
// class="value">: the values a finding compared ("60-minute"), marked where they are written.
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

// The ranges, relative to `base`, of the values the findings compared on one side.
function valueRanges(findings, side, base) {
  const out = [];
  for (const f of findings) for (const r of f.rules) if (r[side]) out.push([r[side].start - base, r[side].end - base]);
  return out;
}

function showStatus(title, detail) {
  const box = $("status");
  box.replaceChildren(el("span", { class: "title" }, title), el("span", {}, detail || ""));
  box.hidden = false;
}

function clearStatus() { $("status").hidden = true; $("status").replaceChildren(); }

function announce(message) { $("announce").textContent = message; }

// --- accepted findings: a suppressions file kept in the browser --------------------------------

function accepted() {
  try { return JSON.parse(localStorage.getItem(ACCEPTED_KEY) || "[]"); } catch (err) { return []; }
}

function setAccepted(list) {
  try { localStorage.setItem(ACCEPTED_KEY, JSON.stringify(list)); } catch (err) { /* private mode: kept for this page only */ }
  acceptedNow = list;
  $("accepted-count").textContent = `${list.length} accepted finding${list.length === 1 ? "" : "s"}`;
  // each one listed, to be forgotten on its own
  $("accepted-list").replaceChildren(...list.map((entry, i) => {
    const forget = el("button", { type: "button", class: "forget", "aria-label": `Forget the accepted finding of ${entry.claim}` }, "Forget");
    forget.addEventListener("click", async () => {
      setAccepted(acceptedNow.filter((_, k) => k !== i));
      announce(`Forgotten: ${entry.claim} is checked again.`);
      if (lastReport) await check();
    });
    return el("li", {}, el("code", {}, entry.claim), " ", clip(entry.sentence, 70), " ", forget);
  }));
}

let acceptedNow = [];

async function accept(finding) {
  const entry = { claim: finding.claim.id, sentence: finding.text, reason: "accepted in the factcheck editor" };
  if (!acceptedNow.some((e) => e.claim === entry.claim && e.sentence === entry.sentence)) setAccepted([...acceptedNow, entry]);
  closePanel(false);
  await check();
  $("results-title").focus();        // the highlight that had focus is gone
  announce(`Accepted: the ${KINDS[finding.kind].label} of ${finding.claim.id} is now suppressed.`);
}

function exportAccepted() {
  download(JSON.stringify({ description: "accepted in the factcheck editor", suppressions: acceptedNow }, null, 2),
    "factcheck-suppressions.json");             // browsers drop a leading dot from a download's name
}

async function importAccepted(file) {
  try {
    const doc = JSON.parse(await file.text());
    const list = doc && doc.suppressions;
    if (!Array.isArray(list) || !list.every((e) => e && typeof e.claim === "string" && typeof e.sentence === "string" && e.sentence)) {
      throw new Error("not a suppressions file");
    }
    setAccepted(list.map((e) => ({ claim: e.claim, sentence: e.sentence, reason: typeof e.reason === "string" ? e.reason : "" })));
    announce(`Imported ${plural0(list.length, "accepted finding")}.`);
    if (lastReport) await check();
  } catch (err) {
    showStatus("That file is not a suppressions file.", 'It must be JSON like {"suppressions": [{"claim": "...", "sentence": "..."}]}.');
  }
}

const plural0 = (n, noun) => `${n} ${noun}${n === 1 ? "" : "s"}`;
const pasted = () => $("source").value === PASTE;

// --- checking ---------------------------------------------------------------------------------

function requestBody(text) {
  const body = { text };
  const source = $("source").value;
  if (source === PASTE) body.reference = $("reference-text").value;
  else if (source) body.source = source;
  if (acceptedNow.length) body.suppressions = acceptedNow;
  return body;
}

async function check() {
  const text = $("draft").value;          // never cleared: the draft is kept whatever happens
  clearStatus();
  if (!text.trim()) {
    showStatus("The draft is empty.", "Paste or type a draft first, then press Check.");
    $("draft").focus();
    return;
  }
  if ($("source").value === PASTE && !$("reference-text").value.trim()) {
    showStatus("The reference is empty.", "Paste the reference article, or choose a bundled reference.");
    $("reference-text").focus();
    return;
  }
  $("check").disabled = true;
  $("check").setAttribute("aria-busy", "true");
  announce("Checking\u2026");
  try {
    const resp = await fetch("/v1/compare", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json, application/problem+json" },
      body: JSON.stringify(requestBody(text)),
    });
    const type = resp.headers.get("Content-Type") || "";
    const body = type.includes("json") ? await resp.json() : null;
    if (!resp.ok) {
      const title = (body && body.title) || `The server answered ${resp.status}.`;
      const detail = (body && body.detail) || "Your draft is still here; try again in a moment.";
      showStatus(title, detail);
      announce(title);
      return;
    }
    lastReport = body;
    lastText = text;
    lastReference = await referenceOf(body);
    render();
    const s = body.summary;
    announce(`Checked ${body.reference ? `against ${body.reference}` : "against no reference"}: ` +
      `${plural(s.contradictions, "contradiction")}, ${plural(s.new_claims, "new_claim")}, ${plural(s.agreements, "agreement")}` +
      (s.suppressed ? `, ${s.suppressed} suppressed.` : "."));
  } catch (err) {
    showStatus("The service could not be reached.", "Your draft is still here; check the connection and try again.");
  } finally {
    $("check").disabled = false;
    $("check").removeAttribute("aria-busy");
  }
}

async function referenceOf(report) {
  if ($("source").value === PASTE) return { id: report.reference || "pasted", text: $("reference-text").value };
  if (!report.reference) return null;
  if (!sourceTexts.has(report.reference)) {
    const resp = await fetch(`/v1/sources/${encodeURIComponent(report.reference)}`);
    if (!resp.ok) return null;
    sourceTexts.set(report.reference, (await resp.json()).text);
  }
  return { id: report.reference, text: sourceTexts.get(report.reference) };
}

// --- rendering --------------------------------------------------------------------------------

function render() {
  $("results").hidden = false;
  closePanel(false);
  renderSummary(lastReport.summary, lastReport.reference);
  renderDraft();
  renderReference();
  renderFindingsList();
  renderOmitted(lastReport.omitted);
}

function visible(f) { return shown[f.kind]; }

function renderDraft() {
  const text = lastText;
  const toUnits = codePointIndex(text);
  const bySpan = new Map();
  for (const f of lastReport.findings) {
    if (!visible(f)) continue;
    const key = `${f.span.start}:${f.span.end}`;
    if (!bySpan.has(key)) bySpan.set(key, []);
    bySpan.get(key).push(f);
  }
  spans = [...bySpan.entries()].map(([key, findings]) => {
    const [s, e] = key.split(":").map(Number);
    findings.sort((a, b) => STRENGTH.indexOf(a.kind) - STRENGTH.indexOf(b.kind));
    return { start: toUnits(s), end: toUnits(e), cpStart: s, findings };
  }).sort((a, b) => a.start - b.start);
  const out = $("rendered");
  out.replaceChildren();
  let pos = 0;
  spans.forEach((span, i) => {
    if (span.start < pos) return;               // spans never overlap; be safe if they did
    if (span.start > pos) out.append(document.createTextNode(text.slice(pos, span.start)));
    const kind = span.findings[0].kind;
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
    span.mark = mark;
    out.append(mark);
    pos = span.end;
  });
  if (pos < text.length) out.append(document.createTextNode(text.slice(pos)));
}

// Every claim of the reference the report names (found or omitted), with what the draft does to it.
function referenceClaims() {
  const claims = new Map();
  const status = (id) => claims.get(id).status;
  for (const f of lastReport.findings) {
    if (!f.claim) continue;
    if (!claims.has(f.claim.id)) claims.set(f.claim.id, { claim: f.claim, status: "omitted", findings: [] });
    const entry = claims.get(f.claim.id);
    entry.findings.push(f);
    if (f.kind === "contradiction" || (f.kind === "agreement" && status(f.claim.id) === "omitted")) entry.status = CLAIM_STATUS[f.kind];
  }
  for (const c of lastReport.omitted) if (!claims.has(c.id)) claims.set(c.id, { claim: c, status: "omitted", findings: [] });
  return claims;
}

const STATUS_ORDER = ["contradicted", "confirmed", "omitted"];

function renderReference() {
  const out = $("reference-rendered");
  out.replaceChildren();
  $("reference-name").textContent = lastReference ? (pasted() ? "(the one you pasted)" : `(${lastReference.id})`) : "";
  if (!lastReference) {
    out.append(el("p", { class: "muted" }, "The draft matched no reference, so there is nothing to put beside it."));
    return;
  }
  const text = lastReference.text;
  const chars = Array.from(text);
  const claims = [...referenceClaims().values()].filter((c) => c.claim.source === lastReference.id || $("source").value === PASTE);
  const values = [];
  for (const c of claims) for (const r of c.findings.flatMap((f) => f.rules)) {
    if (r.reference) values.push([r.reference.start, r.reference.end]);
  }
  const cuts = new Set([0, chars.length]);
  for (const c of claims) { cuts.add(c.claim.evidence.start); cuts.add(c.claim.evidence.end); }
  for (const [s, e] of values) { cuts.add(s); cuts.add(e); }
  const points = [...cuts].filter((p) => p >= 0 && p <= chars.length).sort((a, b) => a - b);
  // consecutive pieces covered by the same claims make one mark
  let group = null;
  const flush = () => {
    if (!group) return;
    if (!group.claims.length) { out.append(...group.nodes); group = null; return; }
    const top = group.claims.slice().sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status))[0];
    const ids = group.claims.map((c) => c.claim.id);
    const mark = el("mark", {
      class: `claim ${top.status}`, tabindex: "0", role: "button", "aria-pressed": "false", "data-claims": ids.join(" "),
      "data-status": top.status, "aria-label": `${top.status === "omitted" ? "not mentioned" : top.status}: ${top.claim.statement}`,
    }, ...group.nodes);
    mark.addEventListener("click", () => openClaim(mark.claimEntries, mark));
    mark.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); openClaim(mark.claimEntries, mark); }
    });
    mark.claimEntries = group.claims;
    out.append(mark);
    group = null;
  };
  for (let i = 0; i + 1 < points.length; i++) {
    const [s, e] = [points[i], points[i + 1]];
    if (s === e) continue;
    const covering = claims.filter((c) => c.claim.evidence.start <= s && e <= c.claim.evidence.end);
    const key = covering.map((c) => c.claim.id).join(" ");
    const piece = chars.slice(s, e).join("");
    const node = values.some(([vs, ve]) => vs <= s && e <= ve) ? el("strong", { class: "value" }, piece) : document.createTextNode(piece);
    if (group && group.key === key) group.nodes.push(node);
    else { flush(); group = { key, claims: covering, nodes: [node] }; }
  }
  flush();
}

function renderFindingsList() {
  const list = $("findings-list");
  const ordered = spans.flatMap((span) => span.findings.map((f) => ({ f, span })))
    .sort((a, b) => STRENGTH.indexOf(a.f.kind) - STRENGTH.indexOf(b.f.kind) || a.span.start - b.span.start);
  list.replaceChildren(...ordered.map(({ f, span }) => {
    const button = el("button", { type: "button", class: `linklike ${f.kind}` },
      `${KINDS[f.kind].icon} ${KINDS[f.kind].label}: `, (f.rules[0] || {}).message || "", " \u2014 ", clip(f.text));
    button.addEventListener("click", () => { span.mark.scrollIntoView({ block: "center" }); openPanel(span, span.mark); });
    return el("li", { "data-kind": f.kind }, button);
  }));
  if (!ordered.length) {
    list.append(el("li", { class: "muted" }, lastReport.findings.length ? "Nothing to show with these filters." : "No findings."));
  }
}

const clip = (t, n = 90) => (t.length > n ? `${t.slice(0, n - 1)}\u2026` : t);

function renderSummary(s, reference) {
  const kinds = ["contradiction", ...(s.conflicts ? ["conflict"] : []), "new_claim", "agreement"];
  const pills = kinds.map((k) => {
    const n = s[KINDS[k].plural.replace(" ", "_")] ?? 0;
    return el("span", { class: `pill ${k}`, "data-kind": k }, `${KINDS[k].icon} ${plural(n, k)}`);
  });
  pills.push(el("span", { class: "pill", "data-kind": "sentences" }, plural0(s.sentences, "sentence")));
  pills.push(el("span", { class: "pill", "data-kind": "omitted" }, `${plural0(s.omitted, "reference claim")} not mentioned`));
  if (s.suppressed) pills.push(el("span", { class: "pill", "data-kind": "suppressed" }, `${s.suppressed} suppressed`));
  pills.push(el("span", { class: "pill", "data-kind": "reference" },
    reference ? `checked against: ${pasted() ? "the reference you pasted" : reference}` : "matched no reference"));
  $("summary").replaceChildren(...pills);
}

function renderOmitted(claims) {
  $("omitted-title").textContent = `Reference claims the draft leaves out (${claims.length})`;
  $("omitted").replaceChildren(...claims.map((c) => el("li", {}, c.statement, " ", el("code", {}, c.id))));
}

// --- selection: a finding and its claim, a claim and its sentences ------------------------------

let openMark = null;

function unlink() {
  for (const node of document.querySelectorAll(".linked")) node.classList.remove("linked");
}

function select(mark) {
  if (openMark) openMark.setAttribute("aria-pressed", "false");
  openMark = mark;
  mark.setAttribute("aria-pressed", "true");
  unlink();
}

function referenceMarksOf(claimId) {
  return [...document.querySelectorAll("#reference-rendered mark.claim")].filter((m) => m.dataset.claims.split(" ").includes(claimId));
}

function openPanel(span, mark, focusPanel = true) {
  select(mark);
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
    if (f.kind === "conflict") {
      box.append(el("h3", {}, "The sources disagree"));
      for (const side of f.sides) {
        box.append(el("p", { class: `side ${side.verdict}` },
          `${KINDS[side.verdict].icon} ${side.verdict === "agreement" ? "agrees with" : "contradicts"} `,
          el("strong", {}, side.source), side.published ? ` (${side.published})` : "", ": ",
          side.claim.statement, " ", el("code", {}, side.claim.id)));
        box.append(el("blockquote", { class: "evidence" }, "\u201c", side.claim.evidence.text, "\u201d"));
      }
    } else if (f.claim) {
      box.append(el("h3", {}, "Reference claim"));
      box.append(el("p", { class: "claim-statement" }, f.claim.statement, " ", el("code", {}, f.claim.id)));
      box.append(el("h3", {}, "Reference evidence"));
      const quoted = withValues(f.claim.evidence.text, valueRanges([f], "reference", f.claim.evidence.start));
      box.append(el("blockquote", { class: "evidence" }, "\u201c", ...quoted, "\u201d"));
      const linked = referenceMarksOf(f.claim.id);
      linked.forEach((m) => m.classList.add("linked"));
      if (linked.length && !narrow()) linked[0].scrollIntoView({ block: "nearest" });   // side by side only
      box.append(el("p", { class: "muted" }, `from ${pasted() ? "the reference you pasted" : `the reference ${f.claim.source}`}; marked in the reference pane`));
      if (f.also && f.also.length) {
        box.append(el("h3", {}, "Other sources say the same"));
        for (const c of f.also) box.append(el("p", { class: "claim-statement" }, el("strong", {}, c.source), ": ", c.statement, " ", el("code", {}, c.id)));
      }
      if (f.kind === "contradiction") {
        const button = el("button", { type: "button", class: "accept" }, "Accept as intended (suppress)");
        button.addEventListener("click", () => accept(f));
        box.append(button);
      }
    }
    body.append(box);
  }
  $("panel-title").textContent = `${span.findings.length} finding${span.findings.length > 1 ? "s" : ""} for this sentence`;
  showPanel(focusPanel);
}

function openClaim(entries, mark) {
  select(mark);
  $("panel-sentence").replaceChildren(...withValues(mark.textContent, []));
  const body = $("panel-body");
  body.replaceChildren();
  const ordered = [...entries].sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status));
  for (const entry of ordered) {
    const label = entry.status === "omitted" ? "not mentioned" : entry.status;
    const box = el("section", { class: "finding", "data-status": entry.status },
      el("p", { class: `verdict ${entry.status}` }, `Reference claim: ${label}`),
      el("p", { class: "claim-statement" }, entry.claim.statement, " ", el("code", {}, entry.claim.id)));
    if (entry.findings.length) {
      box.append(el("h3", {}, "In the draft"));
      for (const f of entry.findings) {
        const span = spans.find((s) => s.findings.includes(f));
        const button = el("button", { type: "button", class: `linklike ${f.kind}` }, `${KINDS[f.kind].icon} ${clip(f.text)}`);
        if (span) {
          span.mark.classList.add("linked");
          button.addEventListener("click", () => { span.mark.scrollIntoView({ block: "center" }); openPanel(span, span.mark); });
        } else {
          button.disabled = true;            // hidden by a filter
        }
        box.append(el("p", {}, button));
      }
    } else {
      box.append(el("p", { class: "muted" }, "No sentence of the draft speaks about it."));
    }
    body.append(box);
  }
  $("panel-title").textContent = entries.length > 1 ? `${entries.length} reference claims here` : "Reference claim";
  showPanel(true);
}

// a phone or a narrow window: the panes are stacked and the panel is a sheet at the bottom
const narrow = () => window.matchMedia("(max-width: 900px)").matches;

function showPanel(focusPanel) {
  const panel = $("panel");
  panel.hidden = false;
  if (focusPanel) panel.focus({ preventScroll: true });
  if (narrow() && openMark) {
    // keep what was selected in view above the sheet
    const top = openMark.getBoundingClientRect().top;
    if (top < 0 || top > window.innerHeight - panel.offsetHeight - 40) window.scrollBy(0, top - 60);
  }
}

function closePanel(refocus = true) {
  $("panel").hidden = true;
  unlink();
  if (openMark) {
    openMark.setAttribute("aria-pressed", "false");
    if (refocus) openMark.focus();
    openMark = null;
  }
}

// "n" and "p": the next and previous contradiction or new claim, in the draft's order
function moveToProblem(step) {
  const problems = spans.filter((s) => PROBLEMS.has(s.findings[0].kind));
  if (!problems.length) { announce("No contradictions or new claims to move to."); return; }
  const current = problems.findIndex((s) => s.mark === openMark);
  const at = current === -1 ? (step > 0 ? 0 : problems.length - 1) : (current + step + problems.length) % problems.length;
  const next = problems[at];
  next.mark.focus();
  next.mark.scrollIntoView({ block: "center" });
  openPanel(next, next.mark, false);
}

function setFilter(kind, on) {
  shown[kind] = on;
  for (const b of document.querySelectorAll(`.filter[data-kind="${kind}"]`)) b.setAttribute("aria-pressed", String(on));
  if (lastReport) { closePanel(false); renderDraft(); renderFindingsList(); }
}

// --- the rest: export, storage, wiring ----------------------------------------------------------

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

function download(content, name) {
  const blob = new Blob([content], { type: "application/json" });
  const a = el("a", { href: URL.createObjectURL(blob), download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

function downloadReport() { if (lastReport) download(reportJSON(), "factcheck-report.json"); }

async function loadSample(firstVisit) {
  const resp = await fetch(document.querySelector("script[src*='editor.js']").src.replace("editor.js", "sample-draft.txt"));
  const sample = await resp.text();
  if (firstVisit === true && $("draft").value !== "") return;   // typed before the sample came: keep what was typed
  $("draft").value = sample;
  save();
}

function save() {
  try { localStorage.setItem(STORE_KEY, $("draft").value); $("saved").textContent = "Draft saved in this browser."; }
  catch (err) { $("saved").textContent = ""; }
}

async function loadSources() {
  try {
    const resp = await fetch("/v1/sources");
    if (!resp.ok) return;
    const paste = $("source").querySelector(`option[value="${PASTE}"]`);
    for (const s of await resp.json()) paste.before(el("option", { value: s.id }, `${s.id} (${s.claims} claims)`));
  } catch (err) { /* the bundled choice still works */ }
}

function typing(target) { return target.closest("textarea, input, select"); }

document.addEventListener("DOMContentLoaded", () => {
  const kept = localStorage.getItem(STORE_KEY);
  if (kept !== null) $("draft").value = kept;
  else loadSample(true);                   // first visit: a sample to try
  setAccepted(accepted());
  loadSources();
  $("draft").addEventListener("input", save);
  $("check").addEventListener("click", check);
  $("sample").addEventListener("click", loadSample);
  $("source").addEventListener("change", () => {
    $("paste-box").hidden = $("source").value !== PASTE;
    if (!$("paste-box").hidden) $("reference-text").focus();
  });
  for (const b of document.querySelectorAll(".filter")) {
    b.addEventListener("click", () => setFilter(b.dataset.kind, b.getAttribute("aria-pressed") !== "true"));
  }
  $("next-problem").addEventListener("click", () => moveToProblem(1));
  $("prev-problem").addEventListener("click", () => moveToProblem(-1));
  $("export").addEventListener("click", exportAccepted);
  $("import").addEventListener("change", (ev) => { if (ev.target.files[0]) importAccepted(ev.target.files[0]); ev.target.value = ""; });
  $("clear-accepted").addEventListener("click", () => { setAccepted([]); announce("No findings are accepted now."); });
  $("copy").addEventListener("click", copyReport);
  $("download").addEventListener("click", downloadReport);
  $("close").addEventListener("click", () => closePanel());
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); check(); return; }
    if (ev.key === "Escape" && !$("panel").hidden) { closePanel(); return; }
    if (!lastReport || typing(ev.target) || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (ev.key === "n") { ev.preventDefault(); moveToProblem(1); }
    if (ev.key === "p") { ev.preventDefault(); moveToProblem(-1); }
  });
});
