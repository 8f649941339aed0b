// The ballot of a livelihood projects' vote: how many FOR votes are left, as the deputy chooses.
// The server counts them again and refuses a ballot with too many; this only saves a wasted send.
document.addEventListener('DOMContentLoaded', () => {
  const form = document.querySelector('form.lv-ballot');
  const left = form && form.querySelector('.lv-left');
  if (!left) {
    return;
  }
  const choices = Number(form.dataset.choices);
  const words = left.textContent;
  const shown = String(Math.max(0, choices - form.querySelectorAll('input[value=FOR]:checked').length));
  // The number in the page's words is the server's; only it changes.
  const at = words.lastIndexOf(shown);
  const before = at < 0 ? words : words.slice(0, at);
  const after = at < 0 ? '' : words.slice(at + shown.length);
  const update = () => {
    const chosen = form.querySelectorAll('input[value=FOR]:checked').length;
    // Over the limit: none left, in red; the hub would refuse the ballot as it stands.
    left.textContent = before + Math.max(0, choices - chosen) + after;
    left.classList.toggle('field-error', chosen > choices);
  };
  form.addEventListener('change', update);
});
