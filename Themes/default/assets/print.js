// The print button on document and procedure pages. It is a file, not an inline
// script, so the site's Content-Security-Policy ('self') allows it. Without
// JavaScript the button stays hidden and the browser's own Print works the same.
document.querySelectorAll(".print-button").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
