// A button marked data-print prints the page (print styles hide the menus): no inline script.
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.addEventListener("click", function () { window.print(); });
});
