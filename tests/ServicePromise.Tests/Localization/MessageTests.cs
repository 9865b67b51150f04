using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServicePromise.Web;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Tests.Localization;

public class MessageTests
{
    static readonly Messages L = new();

    static string InCulture(Message message, string culture)
    {
        var localizer = new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance).Create(typeof(SharedResource));
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            return message.In(localizer);
        }
        finally
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void A_message_and_the_messages_inside_it_are_translated_for_the_reader()
    {
        var message = L["{0}: 'correct' debe ser true o false", L["{0}, opción {1}", L["pregunta {0} de la prueba", 2], 3]];
        Assert.Equal("pregunta 2 de la prueba, opción 3: 'correct' debe ser true o false", InCulture(message, "es"));
        Assert.Equal("check question 2, option 3: 'correct' must be true or false", InCulture(message, "en"));
    }

    [Fact]
    public void Logs_get_english_whatever_the_current_culture()
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("es");
            Assert.Equal("'title' is 201 characters long; the maximum is 200", L["'{0}' tiene {1} caracteres; el máximo es {2}", "title", 201, 200].ToString());
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void A_key_without_english_text_still_reads_rather_than_failing()
    {
        Assert.Equal("sin traducir 7", new Message("sin traducir {0}", 7).ToString());
    }
}
