// The hosted verification page's small helpers; the page works without
// them (plain forms), they make it kinder: the resend countdown, passkeys,
// and moving on by itself once a trusted device has approved.
"use strict";
(function () {
  // "You can ask for a new code in 0:27": counts down the seconds the server
  // gave (its clock, not the browser's), then enables the send buttons.
  const resend = document.getElementById("resend");
  if (resend) {
    let left = Number(resend.dataset.seconds) || 0;
    const buttons = document.querySelectorAll("[data-wait-resend]");
    const show = () => {
      if (left <= 0) {
        resend.textContent = resend.dataset.ready;
        buttons.forEach((b) => b.removeAttribute("aria-disabled"));
        return false;
      }
      const clock = Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0");
      resend.textContent = resend.dataset.wait.replace("{time}", clock);
      buttons.forEach((b) => b.setAttribute("aria-disabled", "true"));
      return true;
    };
    if (show()) {
      const timer = setInterval(() => {
        left -= 1;
        if (!show()) clearInterval(timer);
      }, 1000);
    }
    buttons.forEach((b) =>
      b.addEventListener("click", (e) => {
        if (b.getAttribute("aria-disabled") === "true") e.preventDefault();
      })
    );
  }

  function say(text) {
    let status = document.getElementById("page-status");
    if (!status) {
      status = document.createElement("p");
      status.id = "page-status";
      status.className = "alert";
      status.setAttribute("role", "alert");
      document.querySelector("main h1").after(status);
    }
    status.textContent = text;
  }

  // A passkey or security key: the browser's ceremony, then the answer to
  // the server, which says where to go next.
  const passkey = document.getElementById("use-passkey");
  const optionsTag = document.getElementById("webauthn-options");
  if (passkey && optionsTag && window.Countersign) {
    passkey.addEventListener("click", async () => {
      passkey.disabled = true;
      try {
        const credential = await window.Countersign.authenticate(JSON.parse(optionsTag.textContent));
        const lang = document.documentElement.lang;
        const response = await fetch(`/verify/${passkey.dataset.challenge}/passkey?lang=${lang}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ credential }),
        });
        if (response.ok) {
          window.location.assign((await response.json()).next);
          return;
        }
        say(response.headers.get("countersign-message") || response.statusText);
      } catch (e) {
        say(e && e.message ? e.message : String(e));
      }
      passkey.disabled = false;
    });
  }

  // Waiting for a trusted device: look every two seconds; move on when the
  // challenge is decided or this step is done.
  const wait = document.getElementById("device-wait");
  if (wait) {
    const before = Number(wait.dataset.satisfied) || 0;
    const look = async () => {
      try {
        const response = await fetch(wait.dataset.poll, { cache: "no-store" });
        if (response.ok) {
          const state = await response.json();
          if (state.status !== "pending" || state.satisfied !== before) {
            window.location.assign(state.next);
            return;
          }
        }
      } catch (e) {
        // The network came and went: look again.
      }
      setTimeout(look, 2000);
    };
    setTimeout(look, 2000);
  }
})();
