// i18n-exempt-file: the page's markup, style and script; every word on it comes from the catalog (area ui) as data
import { words } from "../i18n/catalog.js";
import type { Lang } from "../i18n/lang.js";
import { SOURCE_EXTENSIONS } from "../watch/ignore-rules.js";
import type { UiStatus } from "./model.js";

/**
 * The one page of `watch --ui`: markup, style and script inline (no CDN, no fonts, no build step),
 * readable on a phone. Its words are the catalog's, in the page's language, handed to the script as
 * JSON with the first status; the script fills the page with textContent only (never HTML from
 * data), then follows the live stream (`/api/events`).
 */

/** The fixed words the script needs (the rest comes worded in each status). */
function pageWords(lang: Lang): Record<string, string> {
  const t = words(lang);
  return {
    service: t.uiServiceHeading(),
    chart: t.uiChartHeading(),
    ago: t.uiChartAgo(),
    now: t.uiChartNow(),
    campaigns: t.uiCampaignsHeading(),
    empty: t.uiNoCampaigns({ kinds: SOURCE_EXTENSIONS.join(", ") }),
    pause: t.uiPauseButton(),
    resume: t.uiResumeButton(),
    failed: t.uiActionFailed(),
    live: t.uiLive(),
    reconnecting: t.uiReconnecting(),
    problems: t.uiProblemsHeading(),
    report: t.uiReportLink(),
  };
}

/** JSON inside a <script> element: nothing in it can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}

const STYLE = `
:root { color-scheme: light dark; --fg: #1b1f24; --muted: #5b6470; --bg: #f6f7f9; --card: #fff;
  --line: #d9dde3; --accent: #1f6feb; --ok: #1a7f37; --warn: #9a6700; --bad: #cf222e; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9aa4af; --bg: #0d1117;
  --card: #161b22; --line: #30363d; --accent: #4493f8; --ok: #3fb950; --warn: #d29922; --bad: #f85149; } }
* { box-sizing: border-box; }
body { margin: 0; padding: 12px; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--fg); background: var(--bg); overflow-wrap: anywhere; }
main { max-width: 960px; margin: 0 auto; }
h1 { font-size: 1.25rem; margin: 0 0 4px; }
h2 { font-size: 1.05rem; margin: 0 0 8px; }
h3 { font-size: 1rem; margin: 0; }
h4 { font-size: .9rem; margin: 8px 0 4px; }
.muted { color: var(--muted); margin: 0 0 12px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 12px; margin: 0 0 12px; }
ul { margin: 0; padding-left: 18px; }
.alert { border-left: 4px solid var(--warn); padding: 6px 10px; margin: 10px 0; background: rgba(210,153,34,.12); }
.alert p { margin: 0 0 4px; }
button { font: inherit; margin-top: 8px; padding: 8px 14px; border-radius: 6px; border: 1px solid var(--accent);
  background: var(--accent); color: #fff; cursor: pointer; min-height: 40px; }
button.resume { background: var(--ok); border-color: var(--ok); }
button:disabled { opacity: .6; cursor: default; }
.error { color: var(--bad); }
svg { width: 100%; height: 140px; display: block; }
svg .bar { fill: var(--accent); }
svg .base { stroke: var(--line); }
.axis { display: flex; justify-content: space-between; gap: 8px; font-size: .8rem; color: var(--muted); white-space: nowrap; }
.chart-meta { display: flex; flex-wrap: wrap; gap: 4px 16px; margin: 0 0 6px; color: var(--muted); font-size: .9rem; }
.campaign { display: block; }
.head { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 4px 12px; align-items: baseline; }
.state { font-weight: 600; }
.state.dialing { color: var(--ok); }
.state.failed { color: var(--bad); }
.state.paused, .state.waits, .state.call-window { color: var(--warn); }
.track { height: 12px; border-radius: 6px; background: var(--line); overflow: hidden; margin: 8px 0 4px; }
.fill { height: 100%; width: 0; background: var(--ok); transition: width .4s; }
.line { margin: 2px 0; }
.counts { display: flex; flex-wrap: wrap; gap: 4px 8px; margin: 4px 0; padding: 0; list-style: none; }
.counts li { border: 1px solid var(--line); border-radius: 10px; padding: 0 8px; font-size: .85rem; }
a { color: var(--accent); }
`;

const SCRIPT = `
(function () {
  "use strict";
  var boot = JSON.parse(document.getElementById("boot").textContent);
  var w = boot.words;
  var busy = false;
  var stopped = false;
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); }
  function $(id) { return document.getElementById(id); }
  document.querySelectorAll("[data-w]").forEach(function (e) { e.textContent = w[e.getAttribute("data-w")]; });
  function chart(c) {
    var svg = $("chart");
    clear(svg);
    var ns = "http://www.w3.org/2000/svg";
    var max = Math.max(1, Math.max.apply(null, c.perMinute));
    var n = c.perMinute.length, width = 600, height = 130, step = width / n;
    c.perMinute.forEach(function (v, i) {
      if (v <= 0) return;
      var h = Math.max(2, Math.round((v / max) * (height - 4)));
      var r = document.createElementNS(ns, "rect");
      r.setAttribute("class", "bar");
      r.setAttribute("x", String(i * step + 1));
      r.setAttribute("y", String(height - h));
      r.setAttribute("width", String(Math.max(1, step - 2)));
      r.setAttribute("height", String(h));
      var tip = document.createElementNS(ns, "title");
      tip.textContent = String(v);
      r.appendChild(tip);
      svg.appendChild(r);
    });
    var base = document.createElementNS(ns, "line");
    base.setAttribute("class", "base");
    base.setAttribute("x1", "0"); base.setAttribute("x2", String(width));
    base.setAttribute("y1", String(height)); base.setAttribute("y2", String(height));
    svg.appendChild(base);
    svg.setAttribute("data-total", String(c.total));
    $("chart-max").textContent = c.maxText;
    $("chart-total").textContent = c.totalText;
  }
  function campaign(c) {
    var a = el("article", "card campaign");
    a.setAttribute("data-id", c.id);
    a.setAttribute("data-state", c.state);
    var head = el("div", "head");
    head.appendChild(el("h3", "name", c.name));
    head.appendChild(el("span", "state " + c.state, c.stateText));
    a.appendChild(head);
    var track = el("div", "track");
    track.setAttribute("role", "progressbar");
    track.setAttribute("aria-valuemin", "0");
    track.setAttribute("aria-valuemax", String(c.known));
    track.setAttribute("aria-valuenow", String(c.settled));
    var fill = el("div", "fill");
    fill.style.width = (c.known > 0 ? Math.min(100, (100 * c.settled) / c.known) : 0).toFixed(1) + "%";
    track.appendChild(fill);
    a.appendChild(track);
    a.appendChild(el("p", "line progress", c.progressText));
    var counts = el("ul", "counts");
    Object.keys(c.counts).forEach(function (k) {
      if (!c.counts[k]) return;
      var li = el("li", "count", k + " " + c.counts[k]);
      li.setAttribute("data-status", k);
      li.setAttribute("data-count", String(c.counts[k]));
      counts.appendChild(li);
    });
    a.appendChild(counts);
    if (c.state === "dialing") a.appendChild(el("p", "line rate", c.rateText + (c.etaText ? "; " + c.etaText : "")));
    if (c.problems.length) {
      a.appendChild(el("h4", "", w.problems));
      var ul = el("ul", "problems");
      c.problems.forEach(function (p) { ul.appendChild(el("li", "", p.line)); });
      a.appendChild(ul);
    }
    if (c.report) {
      var link = el("a", "report", w.report);
      link.href = c.report;
      link.setAttribute("download", "");
      a.appendChild(link);
    }
    return a;
  }
  function render(s) {
    document.title = s.service.title;
    $("title").textContent = s.service.title;
    var lines = $("service-lines");
    clear(lines);
    s.service.lines.forEach(function (l) { lines.appendChild(el("li", "", l)); });
    var alert = $("alert");
    clear(alert);
    (s.service.alert || []).forEach(function (l) { alert.appendChild(el("p", "", l)); });
    alert.hidden = !s.service.alert;
    var toggle = $("toggle");
    var held = !!s.service.held;
    toggle.textContent = held ? w.resume : w.pause;
    toggle.className = held ? "resume" : "pause";
    toggle.setAttribute("data-action", held ? "resume" : "pause");
    toggle.disabled = !s.service.running || busy;
    chart(s.chart);
    var list = $("campaigns");
    clear(list);
    s.campaigns.forEach(function (c) { list.appendChild(campaign(c)); });
    $("empty").hidden = s.campaigns.length > 0;
    if (!s.service.running) {
      stopped = true;
      $("live").textContent = s.service.lines[0];
      $("live").setAttribute("data-stopped", "");
    }
    document.body.setAttribute("data-version", String(s.version));
  }
  $("toggle").addEventListener("click", function () {
    var action = $("toggle").getAttribute("data-action");
    busy = true;
    $("toggle").disabled = true;
    $("action-error").hidden = true;
    fetch("/api/" + action, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": boot.csrf },
      body: "{}"
    }).then(function (r) {
      if (!r.ok) throw new Error(String(r.status));
      return r.json();
    }).then(function (s) { busy = false; render(s); }, function () {
      busy = false;
      $("toggle").disabled = stopped;
      $("action-error").hidden = false;
    });
  });
  render(boot.status);
  if (stopped || typeof EventSource === "undefined") return;
  $("live").textContent = w.live;
  var source = new EventSource("/api/events?lang=" + encodeURIComponent(boot.status.lang));
  source.onmessage = function (e) {
    $("live").textContent = w.live;
    render(JSON.parse(e.data));
  };
  source.addEventListener("stopped", function (e) {
    render(JSON.parse(e.data));
    source.close();
  });
  source.onerror = function () { if (!stopped) $("live").textContent = w.reconnecting; };
})();
`;

/** The page with its first status in it. `nonce`: the one the Content-Security-Policy allows. */
export function pageHtml(status: UiStatus, csrf: string, nonce: string): string {
  const boot = { words: pageWords(status.lang), csrf, status };
  return `<!doctype html>
<html lang="${status.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(status.service.title)}</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<main>
<header><h1 id="title"></h1><p id="live" class="muted"></p></header>
<section class="card" id="service"><h2 data-w="service"></h2><ul id="service-lines"></ul>
<div id="alert" class="alert" hidden></div>
<button id="toggle" type="button"></button> <span id="action-error" class="error" data-w="failed" hidden></span>
</section>
<section class="card"><h2 data-w="chart"></h2>
<p class="chart-meta"><span id="chart-total"></span><span id="chart-max"></span></p>
<svg id="chart" viewBox="0 0 600 130" preserveAspectRatio="none" role="img"></svg>
<div class="axis"><span data-w="ago"></span><span data-w="now"></span></div>
</section>
<section><h2 data-w="campaigns"></h2><p id="empty" class="muted" data-w="empty"></p><div id="campaigns"></div></section>
</main>
<script type="application/json" id="boot">${scriptJson(boot)}</script>
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>
`;
}

/** The page that asks for the token once (the answer is kept in an HttpOnly cookie). */
export function tokenPageHtml(lang: Lang, wrong: boolean, nonce: string): string {
  const t = words(lang);
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t.uiTokenHeading())}</title>
<style nonce="${nonce}">${STYLE} input { font: inherit; padding: 8px; width: 100%; margin: 8px 0; }</style>
</head>
<body>
<main class="card">
<h1>${escapeHtml(t.uiTokenHeading())}</h1>
<p>${escapeHtml(t.uiTokenExplain())}</p>
${wrong ? `<p class="error">${escapeHtml(t.uiTokenWrong())}</p>` : ""}
<form method="post" action="/login?lang=${lang}">
<input type="password" name="token" autocomplete="current-password" required autofocus>
<button type="submit">${escapeHtml(t.uiTokenButton())}</button>
</form>
</main>
</body>
</html>
`;
}
