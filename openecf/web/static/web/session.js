// Warn two minutes before the Central Sign-On session ends for inactivity.
(function () {
  var box = document.getElementById("session-warning");
  if (!box) { return; }
  var expires = Date.parse(box.getAttribute("data-expires"));
  if (isNaN(expires)) { return; }
  var wait = expires - Date.now() - 120000;
  setTimeout(function () { box.hidden = false; }, Math.max(wait, 0));
})();
