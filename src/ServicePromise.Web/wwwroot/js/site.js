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

// A welcome letter's QR code carries its code after "#", which the browser never sends, so no server or proxy log keeps
// it: put it in the field and take it out of the address (and so out of the phone's history); the person then presses
// Continuar. Without this script the person types the code printed under the QR code.
(function () {
    "use strict";
    var form = document.querySelector("form[data-letter-code]");
    var field = form && form.querySelector("input[name='Code']");
    var code = window.location.hash.slice(1);
    if (!field || !code) return;
    try { code = decodeURIComponent(code); } catch (e) { return; }
    field.value = code.slice(0, 40);
    history.replaceState(null, "", window.location.pathname + window.location.search);
})();

// A form marked data-submit-once is sent once: a second click or Enter while the first answer is on its way is ignored
// (a second letter print would end the codes of the first PDF). The button keeps the focus — aria-disabled, not
// disabled — and works again after a few seconds, since a downloaded PDF leaves the page where it was.
(function () {
    "use strict";
    document.addEventListener("submit", function (e) {
        var form = e.target;
        if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-submit-once")) return;
        if (form.getAttribute("data-sending") === "true") {
            e.preventDefault();
            return;
        }
        form.setAttribute("data-sending", "true");
        var buttons = form.querySelectorAll("button[type='submit'], button:not([type])");
        for (var i = 0; i < buttons.length; i++) buttons[i].setAttribute("aria-disabled", "true");
        window.setTimeout(function () {
            form.removeAttribute("data-sending");
            for (var j = 0; j < buttons.length; j++) buttons[j].removeAttribute("aria-disabled");
        }, 5000);
    });
})();

// An element marked data-focus-on-load="true" (the weekly question's result, just after the person answered) takes the focus
// once the page has loaded, so a screen reader reads the result and the keyboard carries on from there. After load:
// the scroll to the page's #anchor would otherwise take the focus away again.
(function () {
    "use strict";
    var target = document.querySelector("[data-focus-on-load='true']");
    if (!target) return;
    window.addEventListener("load", function () { setTimeout(function () { target.focus(); }, 0); });
})();
