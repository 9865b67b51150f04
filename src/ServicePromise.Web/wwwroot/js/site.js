// Signing out on a shared till or phone also forgets any unsaved reflection text kept in this browser.
(function () {
    "use strict";
    var logout = document.querySelector("form[action='/account/logout']");
    if (!logout) return;
    logout.addEventListener("submit", function () {
        try {
            for (var i = localStorage.length - 1; i >= 0; i--) {
                var key = localStorage.key(i);
                if (key && key.indexOf("sp-reflection-") === 0) localStorage.removeItem(key);
            }
        } catch (e) { /* storage unavailable */ }
    });
})();

// The menu button: on a narrow screen the navigation folds behind it (site.css). Without this script the button
// stays hidden and every link is shown. Escape closes the open menu and puts the focus back on its button.
(function () {
    "use strict";
    var toggle = document.querySelector(".nav-toggle");
    var menu = toggle && document.getElementById(toggle.getAttribute("aria-controls"));
    if (!menu) return;
    var open = function (value) { toggle.setAttribute("aria-expanded", value ? "true" : "false"); };
    toggle.hidden = false;
    toggle.addEventListener("click", function () { open(toggle.getAttribute("aria-expanded") !== "true"); });
    document.addEventListener("keydown", function (e) {
        if (e.key !== "Escape" || toggle.getAttribute("aria-expanded") !== "true") return;
        if (document.activeElement !== toggle && !menu.contains(document.activeElement)) return;
        open(false);
        toggle.focus();
    });
})();
