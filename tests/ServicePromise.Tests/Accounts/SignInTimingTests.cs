using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Accounts;

namespace ServicePromise.Tests.Accounts;

/// <summary>
/// Every refused sign-in runs the password hasher once, as a real check does, so its time does not tell whether the
/// email has an account (proven by counting the hasher's work; the times are in docs/benchmarks.md).
/// </summary>
public class SignInTimingTests(SignInTimingTests.CountingAppFactory app) : IClassFixture<SignInTimingTests.CountingAppFactory>
{
    public sealed class CountingAppFactory : AppFactory
    {
        public int Verifications => _verifications;
        int _verifications;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddScoped<IPasswordHasher<AppUser>>(sp =>
                new CountingHasher(new PasswordHasher<AppUser>(sp.GetRequiredService<IOptions<PasswordHasherOptions>>()), () => Interlocked.Increment(ref _verifications))));
        }
    }

    sealed class CountingHasher(IPasswordHasher<AppUser> inner, Action counted) : IPasswordHasher<AppUser>
    {
        public string HashPassword(AppUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            counted();
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Fact]
    public async Task An_unknown_email_runs_the_password_hasher_like_a_known_one()
    {
        Assert.Equal(1, await VerificationsForAsync("manuel.ortiz@demo.mercadosolivo.es", "wrong-password-1"));
        Assert.Equal(1, await VerificationsForAsync("nadie.jamas@demo.mercadosolivo.es", "wrong-password-1"));
    }

    [Fact]
    public async Task Someone_who_has_left_a_locked_account_and_an_invited_one_run_it_too()
    {
        await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == "MO-0404").ExecuteUpdateAsync(u => u.SetProperty(e => e.IsActive, false)));
        Assert.Equal(1, await VerificationsForAsync("jorge.pena@demo.mercadosolivo.es", Pages.Password));

        await app.WithDbAsync(db => db.Users.Where(u => u.Email == "oscar.nunez@demo.mercadosolivo.es").ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnd, DateTimeOffset.UtcNow.AddMinutes(10))));
        Assert.Equal(1, await VerificationsForAsync("oscar.nunez@demo.mercadosolivo.es", Pages.Password));

        await app.WithDbAsync(db => db.Users.Where(u => u.Email == "marcos.gomez@demo.mercadosolivo.es").ExecuteUpdateAsync(u => u.SetProperty(x => x.PasswordHash, (string?)null)));
        Assert.Equal(1, await VerificationsForAsync("marcos.gomez@demo.mercadosolivo.es", Pages.Password));
    }

    async Task<int> VerificationsForAsync(string email, string password)
    {
        var client = app.Browser();
        _ = await client.GetPageAsync("/account/login");
        var before = app.Verifications;
        var response = await client.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // refused, same page
        return app.Verifications - before;
    }
}
