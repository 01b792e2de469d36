// Quick exit (templates/tags/quickExit.html): without script the link simply opens the neutral
// page; with it, the current page is replaced in the history, so "Back" does not return here.
(function () {
  var link = document.getElementById('quick-exit');
  if (!link) {
    return;
  }
  link.addEventListener('click', function (event) {
    event.preventDefault();
    window.location.replace(link.href);
  });
})();
