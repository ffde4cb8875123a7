// The coder workstation's enhancements. The page works as a plain form without this script; with it: document tabs,
// find in the record, evidence picked by selecting words, rows added, moved and removed, code-book search as you
// type, PCS tables, live checks, the timer and autosave. No framework, no network but this site's API.
(function () {
  "use strict";
  const ws = document.querySelector(".workstation");
  if (!ws) return;
  document.documentElement.classList.add("js");
  const caseId = ws.dataset.case;
  const form = document.getElementById("coding");
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const $ = (sel, root) => (root || document).querySelector(sel);
  const $$ = (sel, root) => Array.from((root || document).querySelectorAll(sel));
  const el = (tag, props, ...kids) => {
    const e = document.createElement(tag);
    Object.assign(e, props || {});
    for (const k of kids) e.append(k);
    return e;
  };
  const debounce = (fn, ms) => {
    let t;
    return (...a) => { clearTimeout(t); t = setTimeout(() => fn(...a), ms); };
  };
  const api = (url, opts) => fetch(url, Object.assign({ credentials: "same-origin", headers: { "X-CSRF-Token": csrf } }, opts || {}));

  // ---- document tabs ----
  const tabs = $$('[role="tab"]');
  const panels = $$('[role="tabpanel"]');
  function select(tab) {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute("aria-selected", on ? "true" : "false");
      t.tabIndex = on ? 0 : -1;
      document.getElementById(t.getAttribute("aria-controls")).hidden = !on;
    }
  }
  tabs.forEach((t, i) => {
    t.addEventListener("click", () => select(t));
    t.addEventListener("keydown", (e) => {
      const d = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
      if (!d) return;
      const next = tabs[(i + d + tabs.length) % tabs.length];
      select(next);
      next.focus();
    });
  });
  if (tabs.length) select(tabs[0]);

  // ---- find in the record ----
  const texts = $$("pre.text", $(".record"));
  for (const p of texts) p.dataset.original = p.textContent;
  const find = $("#find");
  find.addEventListener("input", debounce(() => {
    const q = find.value.trim().toLowerCase();
    let count = 0;
    let first = null;
    for (const p of texts) {
      const text = p.dataset.original;
      p.textContent = "";
      if (q.length < 2) { p.textContent = text; continue; }
      const lower = text.toLowerCase();
      let at = 0;
      for (;;) {
        const i = lower.indexOf(q, at);
        if (i < 0) break;
        p.append(text.slice(at, i));
        const m = el("mark", { className: "found", textContent: text.slice(i, i + q.length) });
        p.append(m);
        if (!first) first = m;
        count++;
        at = i + q.length;
      }
      p.append(text.slice(at));
    }
    $("#find-count").textContent = q.length < 2 ? "" : count + " found";
    if (first) {
      const panel = first.closest('[role="tabpanel"]');
      const tab = tabs.find((t) => t.getAttribute("aria-controls") === panel.id);
      if (tab) select(tab);
      first.scrollIntoView({ block: "center" });
    }
  }, 200));

  // ---- rows ----
  let current = $("li.row", form);
  form.addEventListener("focusin", (e) => {
    const row = e.target.closest("li.row, fieldset[data-group=em], fieldset[data-group=an]");
    if (!row) return;
    if (current) current.classList.remove("current");
    current = row;
    row.classList.add("current");
  });
  function renumber(group) {
    $$("li.row", group).forEach((row, n) => {
      row.dataset.row = n;
      for (const f of $$("[name]", row)) f.name = f.name.replace(/^(\w+)\.\d+\./, "$1." + n + ".");
      for (const f of $$("[id]", row)) f.id = f.id.replace(/^(\w+)-\d+/, "$1-" + n);
      for (const l of $$("label[for]", row)) l.htmlFor = l.htmlFor.replace(/^(\w+)-\d+/, "$1-" + n);
      for (const num of $$(".n", row)) num.textContent = n + 1;
      for (const [cls, words] of [["up", "Move row N up"], ["down", "Move row N down"], ["remove", "Remove row N"]]) {
        const b = $("button." + cls, row);
        if (b) b.setAttribute("aria-label", words.replace("N", n + 1));
      }
    });
    changed();
  }
  form.addEventListener("click", (e) => {
    const b = e.target.closest("button");
    if (!b || b.type !== "button") return;
    const row = b.closest("li.row");
    const group = b.closest("fieldset.group");
    if (b.dataset.add) {
      const rows = $$("li.row", group);
      const copy = rows[rows.length - 1].cloneNode(true);
      for (const f of $$("input, textarea", copy)) f.value = "";
      for (const s of $$("select", copy)) s.selectedIndex = 0;
      for (const u of $$(".evidence-list", copy)) u.textContent = "";
      for (const c of $$(".check", copy)) c.textContent = "";
      $("ol.rows", group).append(copy);
      renumber(group);
      const first = $("input:not([type=hidden])", copy);
      if (first) first.focus();
    } else if (b.classList.contains("up") && row.previousElementSibling) {
      row.parentNode.insertBefore(row, row.previousElementSibling);
      renumber(group);
      b.focus();
    } else if (b.classList.contains("down") && row.nextElementSibling) {
      row.parentNode.insertBefore(row.nextElementSibling, row);
      renumber(group);
      b.focus();
    } else if (b.classList.contains("remove")) {
      if ($$("li.row", group).length > 1) row.remove();
      else for (const f of $$("input:not([type=hidden]), textarea", row)) f.value = "";
      renumber(group);
    }
  });

  // ---- evidence picked by selecting words ----
  const useButton = $("#use-evidence");
  const meat = el("select", { id: "meat", hidden: true, title: "MEAT element" });
  for (const [v, l] of [["m", "Monitored"], ["e", "Evaluated"], ["a", "Assessed"], ["t", "Treated"]]) meat.append(el("option", { value: v, textContent: l }));
  useButton.after(meat);
  let picked = null;
  document.addEventListener("selectionchange", () => {
    const s = document.getSelection();
    picked = null;
    if (s && !s.isCollapsed && s.rangeCount) {
      const r = s.getRangeAt(0);
      const pre = r.commonAncestorContainer.nodeType === 1 ? r.commonAncestorContainer.closest("pre.text") : r.commonAncestorContainer.parentElement.closest("pre.text");
      if (pre && pre.closest(".record")) {
        const before = document.createRange();
        before.setStart(pre, 0);
        before.setEnd(r.startContainer, r.startOffset);
        const quote = r.toString();
        // The server counts in UTF-8 bytes.
        const at = new TextEncoder().encode(before.toString()).length;
        if (quote.trim()) picked = { doc: pre.closest("[data-doc]").dataset.doc, quote, at };
      }
    }
    useButton.disabled = !picked;
    meat.hidden = !(current && current.querySelector("[data-meat]"));
  });
  function evidenceInputs(row) {
    return $$("input.evidence", row);
  }
  function drawEvidence(row) {
    const list = $(".evidence-list", row);
    if (!list) return;
    list.textContent = "";
    for (const input of evidenceInputs(row)) {
      let items = [];
      try { items = JSON.parse(input.value || "[]"); } catch (_) { items = []; }
      items.forEach((ev, i) => {
        const remove = el("button", { type: "button", textContent: "remove", ariaLabel: "Remove this evidence" });
        remove.addEventListener("click", () => {
          items.splice(i, 1);
          input.value = items.length ? JSON.stringify(items) : "";
          drawEvidence(row);
          changed();
        });
        const label = input.dataset.meat ? input.dataset.meat + ": " : "";
        list.append(el("li", {}, label + "“" + ev.quote + "”", remove));
      });
    }
  }
  useButton.addEventListener("mousedown", (e) => e.preventDefault()); // keep the selection
  useButton.addEventListener("click", () => {
    if (!picked || !current) return;
    const inputs = evidenceInputs(current);
    if (!inputs.length) return;
    const input = inputs.find((i) => i.dataset.meat && i.name.endsWith("." + meat.value)) || inputs[0];
    let items = [];
    try { items = JSON.parse(input.value || "[]"); } catch (_) { items = []; }
    items.push(picked);
    input.value = JSON.stringify(items);
    const details = $("details.rationale", current);
    if (details) details.open = true;
    drawEvidence(current);
    changed();
  });
  for (const row of $$("li.row, fieldset[data-group=em]", form)) drawEvidence(row);

  // ---- code-book panel ----
  const q = $("#cb-q");
  const results = $("#cb-results");
  const detail = $("#cb-detail");
  function useCode(code) {
    const target = current ? $("input.code", current) : null;
    if (target) {
      target.value = code;
      target.dispatchEvent(new Event("input", { bubbles: true }));
      target.focus();
    }
  }
  async function showCode(code) {
    const r = await api("/api/codes/" + encodeURIComponent(code));
    const j = await r.json();
    detail.textContent = "";
    if (!r.ok) { detail.append(el("p", { className: "error", textContent: j.error.message })); return; }
    detail.append(el("h3", { textContent: j.code + " " + j.title }), el("p", { textContent: (j.billable ? "Billable" : "Not billable as it stands") + " · " + j.path.map((p) => p.code).join(" › ") }));
    for (const n of j.notes) detail.append(el("p", { className: "note", textContent: n.kind + " (" + n.from + "): " + n.text }));
  }
  q.addEventListener("input", debounce(async () => {
    const text = q.value.trim();
    if (!text) { results.textContent = ""; return; }
    const r = await api("/api/search?limit=25&q=" + encodeURIComponent(text));
    const j = await r.json();
    results.textContent = "";
    if (!r.ok) { results.append(el("li", { className: "error", textContent: j.error.message })); return; }
    if (!j.hits.length) results.append(el("li", { textContent: "No matches" }));
    for (const h of j.hits) {
      const use = el("button", { type: "button", textContent: "Use", ariaLabel: "Use " + h.code, title: "Put " + h.code + " in the row you are on" });
      use.addEventListener("click", () => useCode(h.code));
      const more = el("button", { type: "button", textContent: h.code, title: "Notes of " + h.code });
      more.addEventListener("click", () => showCode(h.code));
      results.append(el("li", {}, use, more, " " + h.title + (h.billable ? "" : " (not billable)")));
    }
  }, 150));
  const pcs = $("#cb-pcs");
  pcs.addEventListener("input", debounce(async () => {
    const p = pcs.value.trim();
    const box = $("#cb-table");
    box.textContent = "";
    if (p.length < 3) return;
    const r = await api("/api/pcs/" + encodeURIComponent(p.slice(0, 3)));
    const j = await r.json();
    if (!r.ok) { box.append(el("p", { className: "error", textContent: j.error.message })); return; }
    box.append(el("p", { textContent: j.axes.map((a) => a.name + ": " + a.values[0].value + " " + a.values[0].label).join(" · ") }));
    j.rows.forEach((row, i) => {
      const t = el("table", {}, el("caption", { textContent: "Row " + (i + 1) }));
      for (const a of row) t.append(el("tr", {}, el("th", { scope: "row", textContent: a.name }), el("td", { textContent: a.values.map((v) => v.value + " " + v.label).join(" · ") })));
      box.append(t);
    });
  }, 250));

  // ---- live checks ----
  const checks = $("#checks");
  const check = debounce(async () => {
    const r = await api("/api/cases/" + encodeURIComponent(caseId) + "/check", { method: "POST", headers: { "X-CSRF-Token": csrf, "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(new FormData(form)).toString() });
    if (!r.ok) return;
    const j = await r.json();
    for (const c of $$(".check", form)) { c.textContent = ""; c.className = "check"; }
    for (const c of j.codes) {
      const input = form.elements.namedItem(c.field);
      const out = input && input.closest(".line") ? $(".check", input.closest(".line")) : null;
      if (!out) continue;
      out.className = "check " + (c.valid ? "ok" : "bad");
      out.textContent = c.valid ? "✓ " + (c.title || "") : "✗ " + (c.message || "not a reportable code");
    }
    checks.textContent = "";
    if (j.error) checks.append(el("p", { className: "edit", textContent: j.error.message }));
    for (const e of j.edits) checks.append(el("p", { className: "edit", textContent: e.name + ": " + e.message }));
  }, 400);

  // ---- timer and autosave ----
  const secondsInput = $("#seconds");
  let seconds = parseInt(secondsInput.value || "0", 10) || 0;
  const timer = $("#timer");
  setInterval(() => {
    if (document.visibilityState !== "visible") return;
    seconds++;
    secondsInput.value = seconds;
    const m = Math.floor(seconds / 60);
    timer.textContent = "Time on this record: " + (m ? m + " min " : "") + (seconds % 60) + " s";
  }, 1000);
  const saved = $("#saved");
  let dirty = false;
  async function save(keepalive) {
    if (!dirty) return;
    dirty = false;
    const body = JSON.stringify({ form: new URLSearchParams(new FormData(form)).toString(), seconds });
    try {
      const r = await api("/api/cases/" + encodeURIComponent(caseId) + "/draft", { method: "PUT", keepalive: !!keepalive, headers: { "X-CSRF-Token": csrf, "Content-Type": "application/json" }, body });
      if (r.ok) saved.textContent = "Draft saved " + new Date().toLocaleTimeString();
      else { dirty = true; saved.textContent = "Draft not saved (" + r.status + "); still trying"; }
    } catch (_) {
      dirty = true;
      saved.textContent = "Draft not saved (offline?); still trying";
    }
  }
  const saveSoon = debounce(() => save(false), 1200);
  function changed() {
    dirty = true;
    saveSoon();
    check();
  }
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  setInterval(() => save(false), 15000);
  // Leaving the page saves what is there, unless it is being submitted (the submit clears the draft).
  document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden" && !submitting) { dirty = true; save(true); } });
  window.addEventListener("pagehide", () => { if (!submitting) { dirty = true; save(true); } });
  let submitting = false;
  form.addEventListener("submit", (e) => {
    if (submitting) { e.preventDefault(); return; }
    submitting = true;
    dirty = false;
    secondsInput.value = seconds;
    $("#submit").disabled = true;
  });
  check();
})();
