// The residents' opinion form: with no photo chosen it is sent as a plain form body
// (application/x-www-form-urlencoded), which the hub reads for a fraction of what decoding a
// multipart one costs it (docs/BENCHMARKS.md, the opinion over HTTP); with a photo, or where no
// script runs, as the page says, multipart. The browser reads the form's enctype after the submit
// event, so setting it here changes this very submission. A file of its own because the CSP allows
// no inline script.
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (!form.hasAttribute('data-plain-without-photos')) return;
  var files = form.querySelectorAll('input[type=file]');
  var chosen = false;
  for (var i = 0; i < files.length; i++) {
    if (files[i].files && files[i].files.length > 0) chosen = true;
  }
  form.enctype = chosen ? 'multipart/form-data' : 'application/x-www-form-urlencoded';
});
