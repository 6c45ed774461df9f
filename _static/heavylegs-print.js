/* Heavy Legs: open every closed <details> of the article for printing (quiz choices show their
   feedback, dropdowns their content) and close them again afterwards, so the reader's page is as
   they left it. Jupyter Book adds this file to every page; it does nothing until a print starts. */
(function () {
  var openedForPrint = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll(".bd-article details:not([open])").forEach(function (details) {
      details.open = true;
      openedForPrint.push(details);
    });
  });
  window.addEventListener("afterprint", function () {
    openedForPrint.forEach(function (details) { details.open = false; });
    openedForPrint = [];
  });
})();
