/* The hosted checkout's small script (no framework, no CDN). Without it the page still works:
   both source fields show, and the server refuses an expired rate. With it: only the chosen
   source's field shows, the locked rate counts down (from the server's own seconds-left, so
   an injected clock in tests is respected), an expired rate disables Pay and offers a new
   rate, and Pay is disabled once submitted so a double click sends one request. The currency
   list does not submit itself on change: keyboard users move through it with the arrow keys. */
(function () {
  "use strict";

  var payForm = document.getElementById("pay-form");
  var payButton = payForm ? payForm.querySelector("button[type=submit]") : null;

  function showSource() {
    var chosen = payForm.querySelector("input[name=source]:checked");
    payForm.querySelectorAll("[data-source]").forEach(function (field) {
      field.hidden = !chosen || field.getAttribute("data-source") !== chosen.value;
    });
  }
  if (payForm) {
    payForm.querySelectorAll("input[name=source]").forEach(function (radio) {
      radio.addEventListener("change", showSource);
    });
    showSource();
    payForm.addEventListener("submit", function (event) {
      if (payButton.disabled) { event.preventDefault(); return; }
      payButton.disabled = true;
      payButton.setAttribute("aria-busy", "true");
      payButton.textContent = "Paying…";
    });
  }

  var quote = document.querySelector(".quote[data-quote]");
  if (!quote) { return; }
  var countdown = quote.querySelector("[data-countdown]");
  var timer = quote.querySelector("[data-testid=quote-timer]");
  var expired = quote.querySelector("[data-testid=quote-expired]");
  var deadline = Date.now() + Number(quote.getAttribute("data-seconds-left")) * 1000;

  function tick() {
    var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    var seconds = left % 60;
    countdown.textContent = Math.floor(left / 60) + ":" + (seconds < 10 ? "0" : "") + seconds;
    if (left > 0) { return true; }
    timer.hidden = true;
    expired.hidden = false;
    if (payButton) { payButton.disabled = true; }
    return false;
  }
  if (tick()) {
    var interval = window.setInterval(function () {
      if (!tick()) { window.clearInterval(interval); }
    }, 1000);
  }
})();
