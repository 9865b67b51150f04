// Keeps what the person types in the browser until the server has it, so a reload, a closed tab or a
// failed post never loses a reflection. The server's save time tells stale local copies apart.
(function () {
    "use strict";
    var form = document.querySelector("form[data-autosave]");
    if (!form) return;
    var area = form.querySelector("textarea");
    var count = document.getElementById("text-count");
    var notice = document.getElementById("restored-notice");
    var key = form.getAttribute("data-autosave");
    var savedAt = form.getAttribute("data-saved-at");
    var hasError = !!form.querySelector(".field-error .field-validation-error");

    function updateCount() {
        if (!count) return;
        count.textContent = (count.getAttribute("data-template") || "{0}").replace("{0}", area.value.trim().length);
    }

    function readLocal() {
        try { return JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { return null; }
    }

    var local = readLocal();
    if (local && local.savedAt === savedAt && local.text !== area.value && !area.readOnly && !hasError) {
        area.value = local.text;
        if (notice) notice.hidden = false;
    } else if (local && local.savedAt !== savedAt) {
        // The server has a newer save than the one this copy was typed against.
        localStorage.removeItem(key);
    }

    // After a refused post, put the person back in the box, next to the message that says why.
    // Done after load: scrolling to the #reflection anchor would otherwise take the focus away again.
    if (area.getAttribute("aria-invalid") === "true") {
        window.addEventListener("load", function () { setTimeout(function () { area.focus(); }, 0); });
    }

    area.addEventListener("input", function () {
        updateCount();
        try { localStorage.setItem(key, JSON.stringify({ savedAt: savedAt, text: area.value })); } catch (e) { /* storage full or off */ }
    });
    updateCount();
})();
