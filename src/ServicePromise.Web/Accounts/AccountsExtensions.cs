using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServicePromise.Web.Data;

namespace ServicePromise.Web.Accounts;

public static class AccountsExtensions
{
    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddIdentity<AppUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // Any character: a user name here is always the person's email, already checked by StaffFile.IsEmail
                // (and the single-line text rule) wherever one is set — import and person page. Identity's default
                // list refuses addresses that rule accepts (o'neill@…, josé@…); the import writes those accounts in
                // bulk, past UserManager, and every later update of them (setting a password from the invitation,
                // counting a failed sign-in, a reset) would then fail validation. One rule, not two.
                options.User.AllowedUserNameCharacters = "";
                options.SignIn.RequireConfirmedAccount = false;
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Tokens.ProviderMap[InvitationTokens.ProviderName] = new TokenProviderDescriptor(typeof(InvitationTokenProvider));
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddUserManager<AppUserManager>()
            .AddSignInManager<ActiveEmployeeSignInManager>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddPasswordValidator<StrongPasswordValidator>()
            .AddClaimsPrincipalFactory<EmployeeClaimsFactory>();
        // People without email have accounts too (see OptionalEmailUserValidator); everyone else's email stays unique.
        builder.Services.Replace(ServiceDescriptor.Scoped<IUserValidator<AppUser>, OptionalEmailUserValidator>());
        builder.Services.AddTransient<InvitationTokenProvider>();
        builder.Services.Configure<InvitationTokenProviderOptions>(o =>
        {
            o.Name = InvitationTokens.ProviderName;
            o.TokenLifespan = TimeSpan.FromDays(7);
        });
        builder.Services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(2));
        builder.Services.AddScoped<AccountLinks>();
        builder.AddSessions();
        builder.AddThrottling();

        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = "sp.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(12);
            // Every request, not Identity's every 30 minutes: see SessionValidator.
            options.Events.OnValidatePrincipal = SessionValidator.ValidateAsync;
        });
        return builder;
    }

    /// <summary>Sessions end on their next request when the person signs out, leaves or changes password, email or role.</summary>
    static void AddSessions(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AccountsOptions>().BindConfiguration(AccountsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<SessionCache>();
        builder.Services.AddSingleton<SessionChangeInterceptor>();
        builder.Services.AddScoped<SessionValidator>();
        builder.Services.AddScoped<UserSessions>();
        builder.Services.ConfigureDbContext<AppDbContext>((services, options) => options.AddInterceptors(services.GetRequiredService<SessionChangeInterceptor>()));
    }
}
