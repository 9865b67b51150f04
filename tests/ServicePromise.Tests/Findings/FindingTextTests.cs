using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServicePromise.Web;
using ServicePromise.Web.Findings;
using ServicePromise.Web.Measurement;

namespace ServicePromise.Tests.Findings;

/// <summary>The finding in plain words, as the person redoing the pillar reads it on the lesson.</summary>
public class FindingTextTests
{
    static readonly IStringLocalizer L = new StringLocalizer<SharedResource>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance));

    [Fact]
    public void A_standard_written_as_a_sentence_is_quoted_without_its_full_stop()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("es-ES");
        var banner = new FindingBanner(1, true, new DateOnly(2026, 10, 1), PeriodKind.Month, 62.5m, 80m,
            "El cliente puede terminar de explicarse antes de que le respondamos.", []);
        Assert.Equal(
            "En la auditoría de octubre de 2026, los clientes de tu tienda dieron 62,5 sobre 100 a «El cliente puede terminar de explicarse antes de que le respondamos»; nuestro estándar es 80.",
            FindingText.Sentence(banner, L));
        Assert.Equal("Sin punto", StandardWording.InSentence("Sin punto"));
    }
}
