// The print pages' "打印" button. A file, not an inline onclick, so the Content-Security-Policy can forbid inline script.
document.addEventListener('click', e => {
    if (e.target instanceof Element && e.target.closest('.print-now')) {
        window.print();
    }
});
