// Long form posts (a staff import): on submit, show the progress message and stop a second submit.
(function () {
    "use strict";
    Array.prototype.forEach.call(document.querySelectorAll("form[data-progress]"), function (form) {
        form.addEventListener("submit", function (event) {
            if (form.getAttribute("data-submitted")) { event.preventDefault(); return; }
            form.setAttribute("data-submitted", "true");
            var message = form.querySelector("[data-progress-message]");
            if (message) message.hidden = false;
            Array.prototype.forEach.call(form.querySelectorAll("button[type=submit]"), function (b) { b.setAttribute("aria-disabled", "true"); });
        });
    });
})();
