// paysetu web pages: the only script. A form posts once: a second submit of the same page
// (a double click on "Refund", Enter pressed twice) is ignored until the next page loads.
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (!(form instanceof HTMLFormElement) || form.method.toLowerCase() !== "post") {
    return;
  }
  if (form.dataset.submitted === "yes") {
    event.preventDefault();
    return;
  }
  form.dataset.submitted = "yes";
});
