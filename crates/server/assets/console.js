// The operator console's script: passkey sign-in and enrolment (the
// #console-passkey box names its start and finish addresses), and the
// step-up before a change: a form marked data-step-up first asks the
// operator's passkey again (unless the session passed a step-up lately),
// then takes the new CSRF token the step-up's new cookie goes with, and is
// sent; a call's page keeps its customer's status and the agent's code up
// to date; the booking form sends the browser's time zone. Every text
// shown comes from the page (data-msg-*, data-*).
"use strict";
(function () {
  const msg = document.body.dataset;
  const status = document.getElementById("console-status");

  function say(text, kind) {
    if (!status) return;
    status.textContent = text;
    status.className = "status" + (kind ? " " + kind : "");
  }

  async function post(path, body, csrf) {
    const headers = { "Content-Type": "application/json" };
    if (csrf) headers["X-CSRF-Token"] = csrf;
    const r = await fetch(path, { method: "POST", credentials: "same-origin", headers, body: JSON.stringify(body) });
    return { ok: r.ok, data: await r.json().catch(() => ({})) };
  }

  // One ceremony: options from `start`, the browser's credential to
  // `finish`; the finish's answer, or null (said why).
  async function ceremony(start, finish, register, csrf) {
    say(msg.msgWorking);
    const begun = await post(start, {}, csrf);
    if (!begun.ok) {
      say(msg.msgRefused, "bad");
      return null;
    }
    let credential;
    try {
      credential = register
        ? await Countersign.register(begun.data.options)
        : await Countersign.authenticate(begun.data.options);
    } catch (_) {
      say(msg.msgCancelled, "bad");
      return null;
    }
    const done = await post(finish, { ceremony: begun.data.ceremony, credential }, csrf);
    if (!done.ok) {
      say(msg.msgRefused, "bad");
      return null;
    }
    say("");
    return done.data;
  }

  const box = document.getElementById("console-passkey");
  if (box) {
    const button = document.getElementById("console-passkey-button");
    button.addEventListener("click", async () => {
      button.disabled = true;
      const done = await ceremony(box.dataset.start, box.dataset.finish, box.dataset.register === "1");
      if (done) location.assign(done.next);
      else button.disabled = false;
    });
  }

  const nav = document.querySelector(".console-nav");
  let steppedUp = nav && nav.dataset.steppedUp === "1";
  for (const form of document.querySelectorAll("form[data-step-up]")) {
    form.addEventListener("submit", async (event) => {
      if (steppedUp) return;
      event.preventDefault();
      const csrf = form.querySelector("input[name=csrf]").value;
      const done = await ceremony("/console/step-up/start", "/console/step-up/finish", false, csrf);
      if (!done) return;
      for (const input of document.querySelectorAll("input[name=csrf]")) input.value = done.csrf;
      steppedUp = true;
      form.submit();
    });
  }
})();

// A call's page: the customer's verification and the agent's code, as they
// change, without a reload.
(function () {
  const box = document.getElementById("call-live");
  if (!box) return;
  const status = document.getElementById("call-status");
  const code = document.getElementById("agent-code");
  const until = document.getElementById("agent-code-until");
  async function refresh() {
    try {
      const r = await fetch(box.dataset.live, { credentials: "same-origin", cache: "no-store" });
      if (!r.ok) return;
      const call = await r.json();
      const text = call.status === "cancelled" ? box.dataset.cancelled
        : call.customer_verified_at ? box.dataset.verified : box.dataset.waiting;
      if (status.textContent !== text) status.textContent = text;
      if (code && call.agent_code && code.textContent !== call.agent_code.code) {
        code.textContent = call.agent_code.code;
        const time = document.createElement("time");
        time.dateTime = call.agent_code.valid_until;
        time.textContent = new Date(call.agent_code.valid_until).toLocaleString();
        until.replaceChildren(time);
      }
    } catch (_) {
      // The next round tries again.
    }
  }
  setInterval(refresh, 2000);
})();

// The booking form: the browser's time zone, so that "15:30" is the
// agent's 15:30.
(function () {
  for (const form of document.querySelectorAll("form[data-local-time]")) {
    form.querySelector("input[name=tz_offset]").value = String(new Date().getTimezoneOffset());
  }
})();

// A service's policy editor: the draft is checked as it is typed (the
// server's own rules, nothing written), and the preview shows what each
// purpose would ask of a user with the ticked methods.
(function () {
  const form = document.getElementById("service-form");
  if (!form) return;
  const draft = document.getElementById("policies");
  const said = document.getElementById("policies-check");
  const preview = document.getElementById("policy-preview");
  const words = preview.dataset;
  let timer;
  async function check() {
    const methods = [...form.querySelectorAll("input[name=preview_method]:checked")].map((i) => i.value);
    const r = await fetch(form.dataset.check, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": form.querySelector("input[name=csrf]").value },
      body: JSON.stringify({ policies: draft.value, methods }),
    });
    if (!r.ok) return;
    const result = await r.json();
    said.textContent = result.error || document.body.dataset.msgPolicyOk;
    said.className = "status " + (result.error ? "bad" : "ok");
    draft.setAttribute("aria-invalid", result.error ? "true" : "false");
    preview.replaceChildren(...result.preview.map((p) => {
      const row = document.createElement("tr");
      const needs = p.all_of.map((group) => group.join(` ${words.or} `)).join(`; ${words.and} `);
      for (const text of [p.purpose, needs, p.passable ? words.yes : words.no]) {
        const cell = document.createElement("td");
        cell.textContent = text;
        row.append(cell);
      }
      return row;
    }));
  }
  function soon() {
    clearTimeout(timer);
    timer = setTimeout(check, 300);
  }
  draft.addEventListener("input", soon);
  form.addEventListener("change", soon);
  check();
})();

// The help-center editor: the preview follows the Markdown as the operator
// types, rendered by the server as the help center renders it (the answer
// is that renderer's output, which shows raw HTML as text).
(function () {
  const body = document.querySelector("textarea[data-preview]");
  if (!body) return;
  const into = document.getElementById(body.dataset.previewInto);
  const csrf = body.form.querySelector("input[name=csrf]").value;
  let timer = null;
  let latest = 0;
  async function refresh() {
    const asked = ++latest;
    try {
      const r = await fetch(body.dataset.preview, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
        body: JSON.stringify({ body: body.value }),
      });
      if (!r.ok || asked !== latest) return;
      into.innerHTML = (await r.json()).html;
    } catch (_) {
      // The next keystroke tries again.
    }
  }
  body.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 300);
  });
})();
