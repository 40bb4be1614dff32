// Idle sign-out and keep-alive for live (Blazor Server) pages.
// A live page talks over its WebSocket, so the sliding sign-in cookie would neither be renewed while the user
// works nor expire while the page sits open. This script does both, with the server's idle limit
// (body data-idle-seconds, from Security:IdleTimeoutMinutes):
// - after that long without a key, click, touch or scroll it posts the page's sign-out form (reason=idle);
// - while the user is active it asks /api/auth/me now and then, which renews the cookie.
(function () {
    const started = Date.now();
    let lastActivity = Date.now();
    let lastPing = Date.now();
    let timer = null;

    function limitMs() {
        const seconds = Number(document.body.dataset.idleSeconds || "0");
        return seconds > 0 ? seconds * 1000 : 0;
    }

    function signOut() {
        const form = document.getElementById("logout-form");
        if (!form) {
            return;
        }
        const reason = form.querySelector("input[name=reason]");
        if (reason) {
            reason.value = "idle";
        }
        form.submit();
    }

    function check() {
        const limit = limitMs();
        if (!limit || !document.getElementById("logout-form")) {
            return;
        }
        const now = Date.now();
        if (now - lastActivity >= limit) {
            signOut();
            return;
        }
        if (lastActivity > lastPing && now - lastPing >= limit / 4) {
            lastPing = now;
            fetch("/api/auth/me", { credentials: "same-origin", cache: "no-store" }).catch(() => { });
        }
    }

    function restart() {
        if (timer) {
            clearInterval(timer);
        }
        const limit = limitMs();
        timer = setInterval(check, Math.max(500, Math.min(30000, limit / 4)));
    }

    for (const type of ["keydown", "mousedown", "touchstart", "wheel", "scroll"]) {
        window.addEventListener(type, () => { lastActivity = Date.now(); }, { passive: true, capture: true });
    }
    window.hrSession = { restart, idleForMs: () => Date.now() - lastActivity, startedAt: started };
    restart();
})();
