// Every time of day a page shows (<time datetime="…T…Z">), in the reader's
// own time zone: the server writes UTC, the only zone it knows; the browser
// knows where its reader is. In the page's language, with the zone named so
// that no time is ambiguous. Without script, the UTC text stays.
"use strict";
(function () {
  let format;
  try {
    format = new Intl.DateTimeFormat(document.documentElement.lang, {
      year: "numeric", month: "short", day: "numeric",
      hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short",
    });
  } catch (_) {
    return;
  }
  for (const el of document.querySelectorAll("time[datetime*='T']")) {
    const when = new Date(el.getAttribute("datetime"));
    if (!isNaN(when.getTime())) el.textContent = format.format(when);
  }
})();
