// The staff's menu folds into 菜单 on a narrow screen and stands open beside the page on a wide one.
// The page sends it open, so without this script (or before it runs) every link is still there.
(function () {
  var fold = document.querySelector('.menu-fold');
  if (!fold || !window.matchMedia) return;
  var narrow = window.matchMedia('(max-width: 56rem)');
  var fit = function () { fold.open = !narrow.matches; };
  fit();
  if (narrow.addEventListener) narrow.addEventListener('change', fit);
})();
