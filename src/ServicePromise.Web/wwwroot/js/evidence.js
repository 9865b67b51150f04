// The evidence pack page: while a pack is being prepared, ask for its progress every two seconds and update the
// row; when it is ready (or failed), reload to show the download. Without JavaScript the page refreshes itself.
(function () {
    "use strict";
    if (!document.querySelector("[data-evidence-poll]") || !window.fetch) return;
    function poll() {
        fetch("/hr/evidence?handler=Status", { credentials: "same-origin", headers: { "Accept": "application/json" } })
            .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
            .then(function (packs) {
                var open = {};
                packs.forEach(function (p) { open[p.id] = p; });
                var finished = false;
                Array.prototype.forEach.call(document.querySelectorAll("tr[data-pack]"), function (row) {
                    var bar = row.querySelector("[data-progress-bar]");
                    if (!bar) return;
                    var p = open[row.getAttribute("data-pack")];
                    if (!p) { finished = true; return; }
                    var text = row.querySelector("[data-progress-text]");
                    if (text && text.textContent !== p.text) text.textContent = p.text;
                    if (p.total !== null) { bar.max = Math.max(p.total, 1); bar.value = p.done; }
                });
                if (finished) window.location.reload();
                else window.setTimeout(poll, 2000);
            })
            .catch(function () { window.setTimeout(poll, 5000); });
    }
    window.setTimeout(poll, 2000);
})();
