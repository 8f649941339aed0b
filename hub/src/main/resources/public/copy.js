// The tracking page's copy button: copies the code (or, where the browser refuses, selects it so the
// resident can long-press and copy). A file of its own because the CSP allows no inline script.
document.addEventListener('click', function (event) {
  var button = event.target.closest('button[data-copy]');
  if (!button) return;
  var target = document.getElementById(button.getAttribute('data-copy'));
  var text = target.textContent.trim();
  var selectIt = function () {
    var range = document.createRange();
    range.selectNodeContents(target);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    try { document.execCommand('copy'); } catch (e) { /* selected is enough */ }
  };
  var done = function () { button.textContent = button.getAttribute('data-copied'); };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(done, function () { selectIt(); done(); });
  } else {
    selectIt();
    done();
  }
});
