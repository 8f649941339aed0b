// The playlist editor's rows move without a page reload: drag a row by its handle (mouse or finger),
// or focus the handle and press the up and down arrow keys. The new order is posted at once, as the
// form itself would post it on 保存. Without this script the handles stay hidden and the 上移 / 下移
// buttons move rows through the server. A file of its own: the CSP allows no inline script.
(function () {
  var form = document.querySelector('form.playlist');
  if (!form || !window.fetch || !window.FormData) return;
  var status = document.querySelector('.order-status');
  var words = function (name, n) { return (form.getAttribute('data-' + name) || '').replace('{0}', n); };
  var say = function (text) { if (status) status.textContent = text; };
  form.classList.add('sortable');

  // After a move every row of the list gets its place again: ids, the buttons' actions and names.
  var renumber = function (list) {
    var rows = list.querySelectorAll(':scope > li.entry');
    var key = list.getAttribute('data-key');
    rows.forEach(function (row, i) {
      row.id = key + '-' + i;
      var buttons = row.querySelectorAll('.moves button');
      var up = buttons[0], down = buttons[1], remove = buttons[2];
      if (up) { up.value = 'up:' + key + ':' + i; up.disabled = i === 0; up.setAttribute('aria-label', words('up-n', i + 1)); }
      if (down) { down.value = 'down:' + key + ':' + i; down.disabled = i === rows.length - 1; down.setAttribute('aria-label', words('down-n', i + 1)); }
      if (remove) { remove.value = 'remove:' + key + ':' + i; remove.setAttribute('aria-label', words('remove-n', i + 1)); }
      var grip = row.querySelector('.grip');
      if (grip) grip.setAttribute('aria-label', words('grip-n', i + 1));
    });
  };

  var saving = null;
  var save = function () {
    var data = new URLSearchParams(new FormData(form));
    data.set('action', 'save');
    say(words('saving'));
    // form.action would be the buttons named "action": the address is the attribute.
    var sent = fetch(form.getAttribute('action'), { method: 'POST', body: data, credentials: 'same-origin',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    saving = sent;
    sent.then(function (answer) {
      if (saving !== sent) return;
      say(answer.ok ? words('saved') : words('failed'));
      var unsaved = document.querySelector('.notice.unsaved');
      if (answer.ok && unsaved) unsaved.hidden = true;
    }, function () { if (saving === sent) say(words('failed')); });
  };

  var moved = function (row) {
    var list = row.parentNode;
    renumber(list);
    var place = Array.prototype.indexOf.call(list.querySelectorAll(':scope > li.entry'), row) + 1;
    say(words('moved', place));
    save();
  };

  form.querySelectorAll('ol.entries').forEach(function (list) {
    var first = list.querySelector('li.entry');
    list.setAttribute('data-key', first ? first.id.replace(/-\d+$/, '') : '');
  });

  // The keys: up and down move the row one place and keep the handle in focus.
  form.addEventListener('keydown', function (event) {
    var grip = event.target.closest('.grip');
    if (!grip || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    var row = grip.closest('li.entry');
    var other = event.key === 'ArrowUp' ? row.previousElementSibling : row.nextElementSibling;
    if (!other) return;
    if (event.key === 'ArrowUp') row.parentNode.insertBefore(row, other);
    else row.parentNode.insertBefore(other, row);
    grip.focus();
    moved(row);
  });

  // Dragging by the handle: the row follows the pointer among the rows of its own list.
  form.addEventListener('pointerdown', function (event) {
    var grip = event.target.closest('.grip');
    if (!grip || event.button !== 0) return;
    event.preventDefault();
    var row = grip.closest('li.entry');
    var list = row.parentNode;
    var before = Array.prototype.indexOf.call(list.children, row);
    row.classList.add('dragging');
    grip.setPointerCapture(event.pointerId);
    var follow = function (e) {
      var rows = Array.prototype.filter.call(list.querySelectorAll(':scope > li.entry'), function (r) { return r !== row; });
      var next = null;
      for (var i = 0; i < rows.length; i++) {
        var box = rows[i].getBoundingClientRect();
        if (e.clientY < box.top + box.height / 2) { next = rows[i]; break; }
      }
      if (next) list.insertBefore(row, next); else list.appendChild(row);
    };
    var drop = function () {
      grip.removeEventListener('pointermove', follow);
      grip.removeEventListener('pointerup', drop);
      grip.removeEventListener('pointercancel', drop);
      row.classList.remove('dragging');
      grip.focus();
      if (Array.prototype.indexOf.call(list.children, row) !== before) moved(row);
    };
    grip.addEventListener('pointermove', follow);
    grip.addEventListener('pointerup', drop);
    grip.addEventListener('pointercancel', drop);
  });
})();
