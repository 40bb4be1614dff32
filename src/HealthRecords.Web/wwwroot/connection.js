// The buttons of the live page's connection dialog (#components-reconnect-modal in App.razor). Blazor itself shows
// the dialog's states; this script only acts on them:
// - 重试: reconnect now; if the server no longer knows this page (e.g. it restarted), load the page again;
// - 继续: resume a page the server paused;
// - 刷新页面: load the page again;
// - after a failed reconnect, try again as soon as the user comes back to the tab.
(function () {
    const modal = document.getElementById("components-reconnect-modal");
    if (!modal) {
        return;
    }

    async function retry() {
        document.removeEventListener("visibilitychange", retryWhenVisible);
        try {
            // true: reconnected; false: the server was reached but no longer has this page
            if (!await Blazor.reconnect()) {
                location.reload();
            }
        } catch {
            document.addEventListener("visibilitychange", retryWhenVisible);
        }
    }

    async function resume() {
        try {
            if (!await Blazor.resumeCircuit()) {
                location.reload();
            }
        } catch {
            modal.classList.replace("components-reconnect-paused", "components-reconnect-resume-failed");
        }
    }

    function retryWhenVisible() {
        if (document.visibilityState === "visible") {
            retry();
        }
    }

    modal.addEventListener("click", function (e) {
        const action = e.target instanceof Element ? e.target.getAttribute("data-reconnect") : null;
        if (action === "retry") {
            retry();
        } else if (action === "resume") {
            resume();
        } else if (action === "reload") {
            location.reload();
        }
    });
    modal.addEventListener("components-reconnect-state-changed", function (e) {
        if (e.detail && e.detail.state === "failed") {
            document.addEventListener("visibilitychange", retryWhenVisible);
        }
    });
})();
