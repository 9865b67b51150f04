// The reflection form: counts each part as the person types, keeps a copy in the browser until the server has
// it (a reload, a closed tab or a lost connection never loses text), and saves drafts to the server a moment
// after typing stops. The server checks the revision each save was made from: if another tab or device saved
// in between, the form is sent the ordinary way and the server shows both versions to choose from.
(function () {
    "use strict";
    // The page is showing both versions of a conflict: the local copy has been handed to the server already.
    Array.prototype.forEach.call(document.querySelectorAll("[data-clear-local]"), function (el) {
        try { localStorage.removeItem(el.getAttribute("data-clear-local")); } catch (e) { /* storage off */ }
    });
    var form = document.querySelector("form[data-autosave]");
    if (!form) return;
    var areas = Array.prototype.slice.call(form.querySelectorAll("textarea"));
    var key = form.getAttribute("data-autosave");
    var revisionField = form.querySelector("input[name=Revision]");
    var status = document.getElementById("autosave-status");
    var notice = document.getElementById("restored-notice");
    var drafts = form.getAttribute("data-drafts") === "on";
    var url = form.getAttribute("data-autosave-url");
    var hasError = areas.some(function (a) { return a.getAttribute("aria-invalid") === "true"; });
    var timer = null, saving = false, pending = false;

    function text(name) { return status ? status.getAttribute("data-" + name) || "" : ""; }
    function say(message) { if (status) status.textContent = message; }

    function updateCount(area) {
        var count = document.getElementById(area.id + "-count");
        if (!count) return;
        var template = count.getAttribute("data-template") || "{0}";
        count.textContent = template.replace("{0}", area.value.trim().length);
    }

    function values() {
        var v = {};
        areas.forEach(function (a) { v[a.name] = a.value; });
        return v;
    }

    function readLocal() {
        try { return JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { return null; }
    }

    function writeLocal() {
        try { localStorage.setItem(key, JSON.stringify({ revision: revisionField.value, values: values() })); } catch (e) { /* storage full or off */ }
    }

    // A copy typed against the revision the server still has, and different from it: put it back.
    var local = readLocal();
    if (local && local.revision === revisionField.value && !hasError && !areas.some(function (a) { return a.readOnly; })) {
        var changed = false;
        areas.forEach(function (a) {
            if (local.values && typeof local.values[a.name] === "string" && local.values[a.name] !== a.value) { a.value = local.values[a.name]; changed = true; }
        });
        if (changed && notice) notice.hidden = false;
        if (changed) schedule();
    } else if (local && local.revision !== revisionField.value) {
        // The server has a newer save than the one this unsaved copy was typed against (another tab or device):
        // send the copy as it was, and the server will show both versions to choose from. Nothing is dropped.
        var differs = local.values && areas.some(function (a) { return typeof local.values[a.name] === "string" && local.values[a.name] !== a.value; });
        if (differs && drafts) {
            areas.forEach(function (a) { if (typeof local.values[a.name] === "string") a.value = local.values[a.name]; });
            revisionField.value = local.revision;
            form.setAttribute("action", form.getAttribute("action").replace("handler=Submit", "handler=Draft"));
            form.submit();
            return;
        }
        localStorage.removeItem(key);
    }

    function schedule() {
        if (!drafts || !url || !window.fetch) return;
        clearTimeout(timer);
        timer = setTimeout(save, 1500);
    }

    function save() {
        if (saving) { pending = true; return; }
        saving = true;
        say(text("saving"));
        var body = new FormData(form);
        fetch(url, { method: "POST", body: body, credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
            .then(function (response) {
                if (response.status === 409) {
                    // Another tab or device saved first: let the server show both versions.
                    form.setAttribute("action", form.getAttribute("action").replace("handler=Submit", "handler=Draft"));
                    form.submit();
                    return null;
                }
                if (!response.ok) { say(text("notsaved")); return null; }
                return response.json();
            })
            .then(function (result) {
                if (!result) return;
                revisionField.value = String(result.revision);
                writeLocal();
                say(text("saved"));
            })
            .catch(function () { say(text("offline")); })
            .then(function () {
                saving = false;
                if (pending) { pending = false; save(); }
            });
    }

    // After a refused post, put the person back in the first box with a problem, next to the message that says why.
    // Done after load: scrolling to the #reflection anchor would otherwise take the focus away again.
    var invalid = areas.filter(function (a) { return a.getAttribute("aria-invalid") === "true"; })[0];
    if (invalid) window.addEventListener("load", function () { setTimeout(function () { invalid.focus(); }, 0); });

    areas.forEach(function (area) {
        area.addEventListener("input", function () {
            updateCount(area);
            writeLocal();
            schedule();
        });
        updateCount(area);
    });
    form.addEventListener("submit", function () { clearTimeout(timer); });
    window.addEventListener("online", function () { if (drafts) save(); });
})();
