// The security center's passkey and security-key page: asks the server for
// creation options, lets the browser make the credential
// (Countersign.register, from webauthn.js), and sends it back. Both calls
// carry the session's CSRF token; every text shown comes from the page.
"use strict";
(function () {
  const box = document.getElementById("webauthn-add");
  if (!box) return;
  const status = document.getElementById("webauthn-status");
  const button = document.getElementById("webauthn-start");

  function say(text, kind) {
    status.textContent = text;
    status.className = "status" + (kind ? " " + kind : "");
  }

  async function post(path, body) {
    const r = await fetch(path, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": box.dataset.csrf },
      body: JSON.stringify(body),
    });
    return { ok: r.ok, data: await r.json().catch(() => ({})) };
  }

  button.addEventListener("click", async () => {
    button.disabled = true;
    say(box.dataset.msgWorking);
    try {
      const label = document.getElementById("webauthn-label").value.trim();
      const start = await post("/security/webauthn", { kind: box.dataset.kind, label: label || null });
      if (!start.ok) throw new Error("start");
      let credential;
      try {
        credential = await Countersign.register(start.data.options);
      } catch (_) {
        button.disabled = false;
        return say(box.dataset.msgCancelled, "bad");
      }
      const done = await post(`/security/webauthn/${encodeURIComponent(start.data.id)}/activate`, { credential });
      if (!done.ok) throw new Error("activate");
      location.assign("/security?notice=added");
    } catch (_) {
      button.disabled = false;
      say(box.dataset.msgFailed, "bad");
    }
  });
})();
