using System.Net;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Audit;
using ServicePromise.Web.Staff;

namespace ServicePromise.Tests.Letters;

/// <summary>
/// The set-password form sent twice (a double tap, a retried request on a poor connection): the second answer signs the
/// person in as the first did, not "this code does not work" — but only with the password the first one saved.
/// </summary>
public class LetterRedeemTwiceTests
{
    static bool SignsIn(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == "/"
        && response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("sp.auth", StringComparison.Ordinal));

    static Task<int> LetterUsedRowsAsync(AppFactory app) => app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.LetterUsed));

    [Fact]
    public async Task A_password_form_sent_twice_at_once_signs_the_person_in_both_times_and_uses_the_letter_once()
    {
        using var app = new AppFactory();
        var code = await LetterSteps.PrintAsync(app, await LetterSteps.IdOfAsync(app, DemoOrganisation.CashierWithoutEmail));
        var (first, second) = (app.Browser(), app.Browser());
        var (firstForm, secondForm) = (await LetterSteps.PasswordFormAsync(first, code), await LetterSteps.PasswordFormAsync(second, code));

        var answers = await Task.WhenAll(
            Task.Run(() => first.SubmitAsync(firstForm, "form", LetterSteps.PasswordFields())),
            Task.Run(() => second.SubmitAsync(secondForm, "form", LetterSteps.PasswordFields())));

        Assert.All(answers, a => Assert.True(SignsIn(a), $"{(int)a.StatusCode} {a.Headers.Location}"));
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/")).StatusCode);
        Assert.Equal(1, await LetterUsedRowsAsync(app));
    }

    [Fact]
    public async Task Sent_again_after_the_first_answer_it_signs_in_with_the_same_password_only()
    {
        using var app = new AppFactory();
        var code = await LetterSteps.PrintAsync(app, await LetterSteps.IdOfAsync(app, DemoOrganisation.CashierWithoutEmail));
        var (tab, retry, other) = (app.Browser(), app.Browser(), app.Browser());
        var forms = (await LetterSteps.PasswordFormAsync(tab, code), await LetterSteps.PasswordFormAsync(retry, code), await LetterSteps.PasswordFormAsync(other, code));

        Assert.True(SignsIn(await tab.SubmitAsync(forms.Item1, "form", LetterSteps.PasswordFields())));
        Assert.True(SignsIn(await retry.SubmitAsync(forms.Item2, "form", LetterSteps.PasswordFields())));

        // Someone else with the card, moments later, cannot choose another password with it.
        const string Another = "Otra-clave-para-la-caja-8";
        var refused = await other.SubmitAsync(forms.Item3, "form", LetterSteps.PasswordFields(Another));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Ese código no sirve", Pages.Parse(await refused.Content.ReadAsStringAsync()).Text());
        Assert.Equal(HttpStatusCode.OK, (await app.Browser().SignInAsync(DemoOrganisation.CashierWithoutEmail, Another)).StatusCode);
        await app.Browser().SignedInAsync(DemoOrganisation.CashierWithoutEmail, LetterSteps.NewPassword);
        Assert.Equal(1, await LetterUsedRowsAsync(app));
    }
}
