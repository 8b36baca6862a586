// Tenant portal: the kiosk's on-screen keypad and idle timeout, and a confirmation before switching off.
// The pages work without this script (phones): it only adds touch conveniences.
(function () {
  "use strict";
  var body = document.body;
  var target = null;
  var fields = Array.prototype.slice.call(document.querySelectorAll("input[data-keypad]"));
  fields.forEach(function (f) { f.addEventListener("focus", function () { target = f; }); });
  if (fields.length) { target = fields[0]; }
  document.querySelectorAll(".keypad button[data-key]").forEach(function (b) {
    b.addEventListener("click", function () {
      if (!target) { return; }
      var key = b.getAttribute("data-key");
      if (key === "back") { target.value = target.value.slice(0, -1); }
      else if (key === "clear") { target.value = ""; }
      else if (target.value.length < (target.maxLength > 0 ? target.maxLength : 20)) { target.value += key; }
      target.focus();
    });
  });
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (e) {
      if (!window.confirm(form.getAttribute("data-confirm"))) { e.preventDefault(); }
    });
  });
  // Kiosk: back to the sign-in screen after `data-idle` seconds without a touch or key.
  var idle = parseInt(body.getAttribute("data-idle") || "0", 10);
  if (idle > 0) {
    var timer = null;
    var expire = function () {
      var logout = document.getElementById("logout-form");
      if (logout) { logout.submit(); } else { window.location.replace("/login"); }
    };
    var reset = function () { window.clearTimeout(timer); timer = window.setTimeout(expire, idle * 1000); };
    ["pointerdown", "keydown", "touchstart", "wheel"].forEach(function (ev) {
      document.addEventListener(ev, reset, { passive: true });
    });
    reset();
  }
}());
