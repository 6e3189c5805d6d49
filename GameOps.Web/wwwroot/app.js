// Ctrl+K (or Cmd+K) focuses the global search box.
document.addEventListener('keydown', function (e) {
    if ((e.ctrlKey || e.metaKey) && (e.key === 'k' || e.key === 'K')) {
        var box = document.querySelector('.global-search input');
        if (box) { e.preventDefault(); box.focus(); }
    }
});
