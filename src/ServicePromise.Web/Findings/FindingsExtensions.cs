using ServicePromise.Web.Measurement;

namespace ServicePromise.Web.Findings;

public static class FindingsExtensions
{
    public static IHostApplicationBuilder AddFindings(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<IAuditResultsListener, FindingRaiser>();
        builder.Services.AddScoped<FindingQueries>();
        builder.Services.AddScoped<FindingDecisions>();
        return builder;
    }
}
