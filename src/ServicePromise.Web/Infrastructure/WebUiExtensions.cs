using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Accounts;

namespace ServicePromise.Web.Infrastructure;

public static class WebUiExtensions
{
    public static IHostApplicationBuilder AddWebUi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AppOptions>().BindConfiguration(AppOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(ShiftedClock.For(builder.Environment, builder.Configuration));
        builder.Services.AddSingleton<OrganisationClock>();
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Languages.Formatting(Languages.Default), Languages.Texts(Languages.Default));
            o.SupportedCultures = [Languages.Formatting("es"), Languages.Formatting("en")];
            o.SupportedUICultures = [Languages.Texts("es"), Languages.Texts("en")];
            o.RequestCultureProviders = [new LanguageRequestCultureProvider()];
        });

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        builder.Services.AddOptions<Microsoft.AspNetCore.Mvc.MvcOptions>()
            .Configure<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>((mvc, L) => UseLocalizedBindingMessages(mvc, L));
        builder.Services.AddRazorPages(o => o.RootDirectory = "/")
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "sp.af";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // like the sign-in cookie: Secure behind TLS
        });
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.AddServerHeader = false);
        builder.Services.AddRequestGuards();
        // An antiforgery cookie it cannot decrypt (from before a restore or a key-ring change, or another site on the same
        // host) is simply replaced with a new one, yet logged as an error with a stack trace — its only error entry.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Antiforgery.DefaultAntiforgery", level => level is LogLevel.Warning or LogLevel.Critical);
        // Razor still escapes markup; this only stops it turning every "á" into "&#xE1;" in Spanish pages.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        return builder;
    }

    /// <summary>MVC's own messages for values it cannot bind ("abc" for a number), in the reader's language.</summary>
    static void UseLocalizedBindingMessages(Microsoft.AspNetCore.Mvc.MvcOptions mvc, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> L)
    {
        var messages = mvc.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => L["El valor «{0}» no es válido para {1}.", value, field]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => L["El valor «{0}» no es válido.", value]);
        messages.SetValueIsInvalidAccessor(value => L["El valor «{0}» no es válido.", value]);
        messages.SetValueMustBeANumberAccessor(field => L["{0} debe ser un número.", field]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => L["Este campo debe ser un número."]);
        messages.SetValueMustNotBeNullAccessor(field => L["Falta un valor para {0}.", field]);
        messages.SetMissingBindRequiredValueAccessor(field => L["Falta un valor para {0}.", field]);
        messages.SetMissingKeyOrValueAccessor(() => L["Falta un valor."]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => L["Falta el contenido de la petición."]);
        messages.SetUnknownValueIsInvalidAccessor(field => L["El valor no es válido para {0}.", field]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => L["El valor no es válido."]);
    }

    /// <summary>
    /// Nothing shown to a signed-in person is kept by the browser or a proxy: pages, the certificate and Mi historial
    /// PDFs, the CSV export, the certificate ZIP, the evidence pack — one rule for every response instead of one per download.
    /// </summary>
    static void UseNoStoreWhenSignedIn(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                if (context.User.Identity?.IsAuthenticated == true) context.Response.Headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            await next();
        });

    public static WebApplication UseWebUi(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<AppOptions>>().Value;
        if (options.TrustForwardedHeaders)
        {
            // Only the named proxies: a client's own X-Forwarded-For must not choose its address (throttling) or scheme.
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            foreach (var proxy in options.KnownProxies) forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            foreach (var network in options.KnownNetworks) forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            app.UseForwardedHeaders(forwarded);
        }
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }
        else
        {
            app.UseExceptionHandler("/error");
        }
        app.UseStatusCodePagesWithReExecute("/status/{0}");
        Provisioning.ScimEndpoints.UseScimAnswers(app);
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
            await next();
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.UseThrottling();
        app.UseAuthentication();
        app.UseNoStoreWhenSignedIn();
        app.UseRequestLocalization(app.Services.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value);
        app.UseAuthorization();
        app.UseRequestGuards();
        app.MapRazorPages();
        Provisioning.ScimEndpoints.MapScim(app);
        app.MapHealthChecks("/healthz").AllowAnonymous();
        return app;
    }
}
