// The support center's self-service tools: join a verified video call, and
// check that an agent is genuine. Plain fetch() to Countersign's customer
// endpoints; every text shown comes from the page (data-* attributes), so
// the page's language is the user's.
"use strict";
(function () {
  const page = document.body.dataset;
  const $ = (id) => document.getElementById(id);

  async function post(path, body) {
    const r = await fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    const data = await r.json().catch(() => ({}));
    return { ok: r.ok, status: r.status, data };
  }

  function say(el, text, kind) {
    el.textContent = text;
    el.className = "status" + (kind ? " " + kind : "");
  }

  // A problem's code, in the page's words.
  function explain(problem) {
    const key = "msg" + (problem.code || "error").replace(/(^|_)(\w)/g, (_, __, c) => c.toUpperCase());
    let text = page[key] || page.msgError;
    if (problem.attempts_left !== undefined) text += " " + page.msgAttemptsLeft.replace("{n}", problem.attempts_left);
    if (problem.retry_after !== undefined && problem.code === "rate_limited") text += " " + page.msgRetry.replace("{n}", Math.ceil(problem.retry_after / 60));
    return text;
  }

  const joinForm = $("join-code");
  if (joinForm) {
    let challenge = null;
    let appointment = null;
    const verifyForm = $("join-verify");
    const status = $("join-status");
    joinForm.addEventListener("submit", async (e) => {
      e.preventDefault();
      say(status, page.msgWorking);
      const r = await post("/v1/support/appointments/join", { appointment_code: $("appointment-code").value });
      if (!r.ok) return say(status, explain(r.data), "bad");
      challenge = r.data.id;
      appointment = r.data.appointment_id;
      $("email-to").textContent = r.data.email.to;
      $("agent-name").textContent = r.data.agent;
      joinForm.hidden = true;
      verifyForm.hidden = false;
      say(status, "");
      $("totp-code").focus();
    });
    verifyForm.addEventListener("submit", async (e) => {
      e.preventDefault();
      say(status, page.msgWorking);
      for (const [method, input] of [["totp", "totp-code"], ["email", "email-code"]]) {
        const r = await post("/v1/support/appointments/join/verify", { challenge_id: challenge, method, code: $(input).value });
        if (!r.ok && r.data.code !== "method_unavailable") return say(status, explain(r.data), "bad");
      }
      const t = await post("/v1/support/appointments/" + appointment + "/token", { challenge_id: challenge });
      if (!t.ok) return say(status, explain(t.data), "bad");
      verifyForm.hidden = true;
      const link = $("join-link");
      // Jitsi Meet reads the room token from the address; it is added only
      // now, when the user follows the link.
      link.href = t.data.join_url + "?jwt=" + encodeURIComponent(t.data.token);
      $("joined").hidden = false;
      say(status, page.msgVerified, "ok");
      link.focus();
    });
  }

  const agentForm = $("agent-check");
  if (agentForm) {
    const status = $("agent-status");
    agentForm.addEventListener("submit", async (e) => {
      e.preventDefault();
      say(status, page.msgWorking);
      const r = await post("/v1/support/agent-check", {
        appointment_code: $("check-appointment-code").value,
        agent_code: $("check-agent-code").value,
      });
      if (!r.ok) return say(status, explain(r.data), "bad");
      if (r.data.genuine) say(status, page.msgGenuine.replace("{agent}", r.data.agent), "ok");
      else say(status, page.msgNotGenuine, "bad");
    });
  }
})();
