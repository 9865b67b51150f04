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
