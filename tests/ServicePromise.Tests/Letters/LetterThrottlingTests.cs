using System.Net;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Letters;
using ServicePromise.Web.Staff;

namespace ServicePromise.Tests.Letters;

/// <summary>
/// Letter codes are guessed no faster than sign-in passwords, yet a store's shift on one Wi-Fi uses its letters freely:
/// only codes that do not work count, per client address.
/// </summary>
public class LetterThrottlingTests
{
    [Fact]
    public async Task Fifteen_people_on_one_address_use_their_letters_in_turn_but_the_thirty_first_wrong_code_is_throttled()
    {
        using var app = new AppFactory { Settings = { ["Throttling:LetterCodePerAddress:Permits"] = "30", ["Throttling:LetterCodePerAddress:WindowSeconds"] = "3600" } };
        var people = await app.WithDbAsync(db => db.Employees.Where(e => e.IsActive && !db.UserRoles.Any(r => r.UserId == e.UserId
                && db.Roles.Any(x => x.Id == r.RoleId && (x.Name == Roles.HR || x.Name == Roles.Admin))))
            .OrderBy(e => e.Id).Select(e => e.Id).Take(15).ToListAsync());
        Assert.Equal(15, people.Count);
        // A shift of cashiers without email.
        await app.WithDbAsync(db => db.Users.Where(u => db.Employees.Any(e => people.Contains(e.Id) && e.UserId == u.Id))
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.Email, (string?)null).SetProperty(x => x.NormalizedEmail, (string?)null)));
        const string Store = "203.0.113.40";
        foreach (var id in people)
        {
            var code = await LetterSteps.PrintAsync(app, id);
            var phone = ClientAddress.From(app, Store);
            Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/account/letter?code=" + code)).StatusCode); // an older letter's link
            await LetterSteps.ChoosePasswordAsync(phone, code, $"Cajas-de-madera-{id}-junto-al-rio");
        }

        // Someone guessing on the same Wi-Fi: 30 codes that do not work are answered; then not even a working one is looked at.
        var guesser = ClientAddress.From(app, Store);
        for (var i = 0; i < 30; i++) await LetterSteps.AssertRefusedAsync(guesser, LetterCodes.NewCode());
        var working = await LetterSteps.PrintAsync(app, await LetterSteps.IdOfAsync(app, DemoOrganisation.CashierWithoutEmail));
        var throttled = await LetterSteps.SendCodeAsync(guesser, working);
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.NotNull(throttled.Headers.RetryAfter);
        Assert.Contains("Vuelve a intentarlo dentro de 60 min.", await throttled.Content.ReadAsStringAsync());

        // Another address is not affected.
        await LetterSteps.PasswordFormAsync(ClientAddress.From(app, "203.0.113.41"), working);
    }
}
