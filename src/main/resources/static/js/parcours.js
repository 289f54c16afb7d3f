// Parcours workplace: small progressive enhancements, no framework. htmx requests carry the CSRF token.
document.addEventListener('htmx:configRequest', function (e) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) { e.detail.headers[header.content] = token.content; }
});
// A button with data-confirm asks before submitting (delete a scan, …).
document.addEventListener('submit', function (e) {
  var f = e.target;
  var q = f.getAttribute && (f.getAttribute('data-confirm') || (e.submitter && e.submitter.getAttribute('data-confirm')));
  if (q && !window.confirm(q)) { e.preventDefault(); }
}, true);
// Print buttons.
document.addEventListener('click', function (e) {
  var t = e.target.closest && e.target.closest('[data-print]');
  if (t) { e.preventDefault(); window.print(); }
});
// A field shown only for one choice of another (the EU citizen's residence basis): <select
// data-shows="id-of-field" data-shows-when="VALUE">. Without JavaScript every field stays visible.
(function () {
  function sync(select) {
    var target = document.getElementById(select.getAttribute('data-shows'));
    if (target) { target.hidden = select.value !== select.getAttribute('data-shows-when'); }
  }
  document.addEventListener('change', function (e) {
    if (e.target.matches && e.target.matches('select[data-shows]')) { sync(e.target); }
  });
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('select[data-shows]').forEach(sync);
  });
})();
// A file chosen for a scan: its name beside the (page-language) button that replaces the browser's own.
document.addEventListener('change', function (e) {
  var input = e.target;
  if (!input.matches || !input.matches('.file-pick input[type=file]')) { return; }
  var shown = input.closest('form') && input.closest('form').querySelector('.file-name');
  if (shown && input.files && input.files.length) { shown.textContent = input.files[0].name; }
});
