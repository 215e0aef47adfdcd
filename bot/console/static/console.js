// The helpline console page. Everything from the caller or the directory is shown with textContent.
"use strict";

const BASE = "/webhooks/helpline";
const $ = (id) => document.getElementById(id);
let call = null;

async function api(path, body) {
  const options = body === undefined ? {} : {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
  };
  const reply = await fetch(BASE + path, { credentials: "same-origin", ...options });
  const data = await reply.json().catch(() => ({}));
  if (!reply.ok) {
    if (reply.status === 401 && path !== "/login") showLogin();
    throw new Error(data.error || `The console answered ${reply.status}.`);
  }
  return data;
}

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function showLogin() {
  $("console-view").hidden = true;
  $("who").hidden = true;
  $("login-view").hidden = false;
}

function showConsole(session) {
  $("login-view").hidden = true;
  $("console-view").hidden = false;
  $("who").hidden = false;
  $("staff-user").textContent = `Logged in as ${session.user}`;
  $("transfer-number").textContent = session.helpline;
}

function say(who, text, className) {
  const line = element("li", undefined, className);
  line.append(element("span", who, "who"), element("span", text));
  $("transcript").append(line);
  line.scrollIntoView({ block: "nearest" });
}

function offer(buttons) {
  const box = $("choices");
  box.replaceChildren();
  for (const button of buttons) {
    const choice = element("button", button.title);
    choice.type = "button";
    choice.addEventListener("click", () => send(button.payload, button.title));
    box.append(choice);
  }
}

const SUMMARY_FIELDS = [
  ["For", "who_for"], ["Substances", "substances"], ["How often", "use_frequency"],
  ["Mental health", "mental_health"], ["Withdrawal risk", "withdrawal_risk"],
  ["Safety flags", "safety_flags", true], ["Crisis during the call", "crises", true],
  ["Suggested level of care", "level"], ["Reasons", "reasons"], ["Location", "location"],
  ["Payment", "payment"], ["Preferences", "preferences"],
];

function showSummary(summary) {
  const list = $("summary");
  list.replaceChildren();
  for (const [label, key, flag] of SUMMARY_FIELDS) {
    const value = summary[key];
    const values = Array.isArray(value) ? value : [value || "not asked yet"];
    list.append(element("dt", label));
    const dd = element("dd", values.length ? values.join("; ") : (flag ? "none" : "not asked yet"));
    if (flag && values.length) dd.className = "flag";
    list.append(dd);
  }
  list.append(element("dt", "Programmes discussed"));
  if (!summary.programmes.length) list.append(element("dd", "none yet"));
  for (const programme of summary.programmes) {
    const demo = programme.demo ? "[DEMO - fictional] " : "";
    list.append(element("dd", `${programme.number}. ${demo}${programme.name}: intake ${programme.intake_phone}`));
  }
}

function busy(state) {
  for (const id of ["answer", "send", "end-call"]) $(id).disabled = state || call === null;
  for (const button of $("choices").querySelectorAll("button")) button.disabled = state;
}

async function send(message, shownAs) {
  if (call === null) return;
  $("call-error").textContent = "";
  if (shownAs !== null) say("Caller", shownAs, "caller");
  busy(true);
  try {
    const turn = await api("/message", { call, message });
    let buttons = [];
    for (const bot of turn.messages) {
      if (bot.text) say("Assistant", bot.text, bot.crisis ? "bot crisis-line" : "bot");
      if (bot.buttons && bot.buttons.length) buttons = bot.buttons;
    }
    if (!turn.messages.length) say("Assistant", "(No answer this time. Record the answer again, or in other words.)", "bot");
    offer(buttons);
    showSummary(turn.summary);
  } catch (error) {
    $("call-error").textContent = error.message;
  } finally {
    busy(false);
    $("answer").focus();
  }
}

async function newCall() {
  $("call-error").textContent = "";
  try {
    call = (await api("/call", {})).call;
  } catch (error) {
    $("call-error").textContent = error.message;
    return;
  }
  $("call-id").textContent = call;
  $("transcript").replaceChildren();
  $("handoff").hidden = true;
  offer([]);
  say("Call", "Call started.", "bot");
  await send("/greet", null);
}

async function endCall() {
  try {
    const result = await api(`/summary?call=${encodeURIComponent(call)}`);
    showSummary(result.summary);
    $("note").textContent = result.note;
    const list = $("checklist");
    list.replaceChildren();
    result.checklist.forEach((step, index) => {
      const item = element("li");
      const label = element("label");
      const box = element("input");
      box.type = "checkbox";
      box.id = `check-${index}`;
      label.htmlFor = box.id;
      label.append(box, element("span", step));
      item.append(label);
      list.append(item);
    });
    $("handoff").hidden = false;
    $("note").focus();
  } catch (error) {
    $("call-error").textContent = error.message;
  }
}

async function copyNote() {
  const text = $("note").textContent;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const range = document.createRange();
    range.selectNodeContents($("note"));
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    document.execCommand("copy");
  }
  $("copy-status").textContent = "Copied.";
}

document.addEventListener("DOMContentLoaded", () => {
  $("login-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    $("login-error").textContent = "";
    try {
      showConsole(await api("/login", { user: $("login-user").value, password: $("login-password").value }));
      $("login-password").value = "";
    } catch (error) {
      $("login-error").textContent = error.message;
    }
  });
  $("logout").addEventListener("click", async () => {
    await api("/logout", {}).catch(() => {});
    call = null;
    showLogin();
  });
  $("new-call").addEventListener("click", newCall);
  $("end-call").addEventListener("click", endCall);
  $("answer-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const text = $("answer").value.trim();
    if (!text) return;
    $("answer").value = "";
    send(text, text);
  });
  $("copy-note").addEventListener("click", copyNote);
  $("print-note").addEventListener("click", () => window.print());
  api("/session").then(showConsole, showLogin);
});
