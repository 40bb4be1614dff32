// Drafts of open forms, kept in the browser as they are typed (issue #15 item 15), so a dropped connection, a server
// restart or a closed tab does not lose a half-typed form. One mechanism for every form: a page places <FormDraft />
// (Components/Shared/FormDraft.razor), which calls attach() when the page is live and offers a draft found for it.
//
// - A draft is the values of the page's fields (input, select, textarea with an id or data-testid, inside the main
//   content; never passwords, hidden, read-only or disabled fields), saved to localStorage on every keystroke the user
//   makes, under "hr-draft:{user id}:{page address}": so per user and per resident (the address names the resident).
// - Restoring sets the values back and fires the same input/change events typing does, in passes, because an answer
//   can reveal more fields (a 其他 text, a second disease's section) that the server renders a moment later.
// - Cleared: when the page's save button was pressed and the page then closed (the save succeeded and navigated
//   away), when the user discards it, after 24 hours, and for every user when anyone signs out or the sign-in page
//   opens, so nothing is kept on a shared computer after sign-out.
(function () {
    const PREFIX = "hr-draft:";
    const MAX_AGE_MS = 24 * 60 * 60 * 1000;
    let current = null; // { key, saveSelector, savedClickAt, typedSinceSave, pending }

    function keyFor(user) {
        return PREFIX + user + ":" + location.pathname + location.search;
    }

    function root() {
        return document.querySelector(".mud-main-content") || document.body;
    }

    function isField(e) {
        return e.matches("input, select, textarea")
            && !["password", "hidden", "file", "button", "submit"].includes(e.type)
            && !e.readOnly && !e.disabled
            && (e.id || e.dataset.testid)
            && !e.closest("[data-draft-ignore]");
    }

    function fields() {
        return Array.from(root().querySelectorAll("input, select, textarea")).filter(isField);
    }

    function nameOf(e) {
        return e.id ? "#" + e.id : "@" + e.dataset.testid;
    }

    function isCheck(e) {
        return e.type === "checkbox" || e.type === "radio";
    }

    function save() {
        if (!current || current.pending) {
            return;
        }
        const values = {};
        for (const e of fields()) {
            values[nameOf(e)] = isCheck(e) ? e.checked : e.value;
        }
        try {
            localStorage.setItem(current.key, JSON.stringify({ savedAt: Date.now(), values }));
        } catch (err) {
            // storage full or disabled: the form still works, only without a draft
        }
    }

    function read(key) {
        const raw = localStorage.getItem(key);
        if (!raw) {
            return null;
        }
        try {
            const draft = JSON.parse(raw);
            if (!draft || !draft.values || Date.now() - draft.savedAt > MAX_AGE_MS) {
                localStorage.removeItem(key);
                return null;
            }
            return draft;
        } catch (err) {
            localStorage.removeItem(key);
            return null;
        }
    }

    function onEdit(ev) {
        if (!current || !ev.isTrusted || !(ev.target instanceof Element) || !root().contains(ev.target) || !isField(ev.target)) {
            return;
        }
        current.typedSinceSave = true;
        save();
    }

    function onClick(ev) {
        if (current && ev.isTrusted && ev.target instanceof Element && ev.target.closest(current.saveSelector)) {
            current.savedClickAt = Date.now();
            current.typedSinceSave = false;
        }
    }

    function pad(n) {
        return String(n).padStart(2, "0");
    }

    function when(ms) {
        const d = new Date(ms);
        return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
    }

    function fire(e) {
        e.dispatchEvent(new Event("input", { bubbles: true }));
        e.dispatchEvent(new Event("change", { bubbles: true }));
    }

    function clearAll() {
        for (let i = localStorage.length - 1; i >= 0; i--) {
            const key = localStorage.key(i);
            if (key && key.startsWith(PREFIX)) {
                localStorage.removeItem(key);
            }
        }
    }

    window.hrDrafts = {
        /** Starts keeping this page's draft; returns the draft already kept for it ({ savedAt, fields }) or null. */
        attach(user, saveSelector) {
            const key = keyFor(user);
            const draft = read(key);
            current = { key, saveSelector: saveSelector || '[data-testid="save"]', savedClickAt: 0, typedSinceSave: false, pending: !!draft };
            return draft ? { savedAt: when(draft.savedAt), fields: Object.keys(draft.values).length } : null;
        },

        /** Puts the kept values back, as if typed, and goes on keeping the draft. */
        async restore() {
            if (!current) {
                return 0;
            }
            const draft = read(current.key);
            current.pending = false;
            if (!draft) {
                return 0;
            }
            let restored = 0;
            for (let pass = 0; pass < 8; pass++) {
                let changed = 0;
                for (const e of fields()) {
                    const name = nameOf(e);
                    if (!(name in draft.values)) {
                        continue;
                    }
                    const value = draft.values[name];
                    if (isCheck(e) ? e.checked === value : e.value === value) {
                        continue;
                    }
                    if (isCheck(e)) {
                        e.checked = value;
                    } else {
                        e.value = value;
                    }
                    fire(e);
                    changed++;
                }
                restored += changed;
                if (changed === 0) {
                    break;
                }
                await new Promise(resolve => setTimeout(resolve, 300)); // the server renders the fields these answers reveal
            }
            save();
            return restored;
        },

        /** Forgets this page's draft. */
        discard() {
            if (current) {
                localStorage.removeItem(current.key);
                current.pending = false;
            }
        },

        /** The page is closing: a draft whose save was pressed (and nothing typed since) was saved, so it goes. */
        detach() {
            if (current && current.savedClickAt && !current.typedSinceSave) {
                localStorage.removeItem(current.key);
            }
            current = null;
        },

        clearAll,
    };

    document.addEventListener("input", onEdit, true);
    document.addEventListener("change", onEdit, true);
    document.addEventListener("click", onClick, true);
    // Signing out (the button, or session.js on idle, which lands on the sign-in page) leaves no draft behind.
    document.addEventListener("submit", ev => {
        if (ev.target && ev.target.id === "logout-form") {
            clearAll();
        }
    }, true);
    if (location.pathname.startsWith("/login")) {
        clearAll();
    }
})();
