// Campaign pages: forms marked data-confirm ask before they submit (publishing and closing cannot be undone).
document.addEventListener('submit', function (event) {
  var message = event.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});
