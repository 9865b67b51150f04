using System.Globalization;
using Microsoft.Playwright;

namespace ServicePromise.BrowserTests;

/// <summary>
/// A person with a keyboard (or a switch, or a phone's keyboard) goes through a page with Tab from its start: every
/// control shown is reached, in the order it is read (top to bottom), and each one, when it has the focus, is on the
/// screen — not off to the side — and shows a focus ring.
/// </summary>
public static class KeyboardWalk
{
    // Filled in by Playwright from the page's answer, which needs a class with setters.
    sealed class Step
    {
        public string Index { get; set; } = "";
        public string Name { get; set; } = "";
        public double Left { get; set; }
        public double Right { get; set; }
        public double Top { get; set; }
        public double Bottom { get; set; }
        public double Width { get; set; }
        public double Height { get; set; }
        public bool OnScreen { get; set; }
        public bool Ring { get; set; }
        public bool Inline { get; set; }
    }

    // Marks the controls a person can Tab to, in document order (one radio button per group: the checked one, else the
    // first), and returns how many. Hidden ones (a folded menu) do not count.
    const string Mark = """
        () => {
            const selector = 'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]';
            const groups = new Set();
            const found = [];
            for (const el of document.querySelectorAll(selector)) {
                delete el.dataset.spTab;
                if (el.tabIndex < 0 || !el.checkVisibility({ visibilityProperty: true })) continue;
                if (el.type === 'radio' && el.name) {
                    const group = [...document.getElementsByName(el.name)].filter(r => r.form === el.form);
                    const chosen = group.find(r => r.checked) ?? group[0];
                    if (chosen !== el || groups.has(el.name)) continue;
                    groups.add(el.name);
                }
                found.push(el);
            }
            found.forEach((el, i) => el.dataset.spTab = String(i));
            // Tab starts again from the top of the page: the body takes the focus for a moment (a blur alone would leave
            // the starting point where the focus was).
            document.body.tabIndex = -1;
            document.body.focus();
            document.body.removeAttribute('tabindex');
            window.scrollTo(0, 0);
            return found.length;
        }
        """;

    const string Focused = """
        () => {
            const el = document.activeElement;
            if (!el || el === document.body || el === document.documentElement) return null;
            const box = el.getBoundingClientRect();
            const style = getComputedStyle(el);
            const text = (el.getAttribute('aria-label') || el.innerText || el.value || el.name || '').trim().replace(/\s+/g, ' ').slice(0, 50);
            return {
                index: el.dataset.spTab ?? '',
                name: el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (text ? ' "' + text + '"' : ''),
                left: box.left, right: box.right, top: box.top + window.scrollY, bottom: box.bottom + window.scrollY,
                width: box.width, height: box.height,
                onScreen: box.left >= -0.5 && box.right <= document.documentElement.clientWidth + 0.5 && box.bottom > 0 && box.top < window.innerHeight,
                // A text link, or a box ticked by its label too: its target is more than its own box.
                inline: el.tagName === 'A' || ((el.type === 'checkbox' || el.type === 'radio') && el.labels?.length > 0),
                ring: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none',
            };
        }
        """;

    /// <summary>Tabs through the whole page and fails naming every control that was skipped, out of order, off the screen or without a focus ring.</summary>
    public static async Task AssertAsync(IPage page)
    {
        var count = await page.EvaluateAsync<int>(Mark);
        var steps = new List<Step>();
        for (var i = 0; i < count + 3; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var step = await page.EvaluateAsync<Step?>(Focused);
            if (step is null || (steps.Count > 0 && step.Index == steps[0].Index && step.Name == steps[0].Name)) break;
            steps.Add(step);
        }

        var problems = new List<string>();
        var reached = steps.Select(s => s.Index).Where(i => i.Length > 0).ToHashSet();
        for (var i = 0; i < count; i++)
            if (!reached.Contains(i.ToString(CultureInfo.InvariantCulture)))
                problems.Add($"never reached by Tab: control {i} ({await page.EvaluateAsync<string>($"() => document.querySelector('[data-sp-tab=\"{i}\"]').outerHTML.slice(0, 120)")})");
        for (var i = 0; i < steps.Count; i++)
        {
            var s = steps[i];
            if (!s.OnScreen) problems.Add($"{s.Name}: focused off the screen, at {s.Left:0}–{s.Right:0} px across, {s.Top:0} px down");
            if (!s.Ring) problems.Add($"{s.Name}: no visible focus ring");
            // Read order: the next control does not start above the one before (a control beside it on the same row may follow).
            if (i > 0 && s.Top + s.Height / 2 < steps[i - 1].Top - 1)
                problems.Add($"{s.Name}: reached after {steps[i - 1].Name}, which is below it ({s.Top:0} px vs {steps[i - 1].Top:0} px)");
        }
        // A thumb needs room: every control at least 24 × 24 px (WCAG 2.2's minimum target size), text links aside.
        foreach (var s in steps.Where(s => !s.Inline && (s.Width < 24 || s.Height < 24)))
            problems.Add($"{s.Name}: only {s.Width:0} × {s.Height:0} px to tap");
        Assert.True(problems.Count == 0, $"By keyboard on {page.Url} ({steps.Count} stops):\n- " + string.Join("\n- ", problems));
    }
}
