using ServicePromise.Web.Staff.Import;

namespace ServicePromise.Tests.Staff;

/// <summary>The dates HR files hold, in the ways Spanish-speaking countries and English exports write them.</summary>
public class DateTextTests
{
    [Theory]
    [InlineData("2025-03-03")]
    [InlineData("2025/03/03")]
    [InlineData("03/03/2025")]
    [InlineData("3/3/2025")]
    [InlineData("3/3/25")]
    [InlineData("03-03-2025")]
    [InlineData("3-3-25")]
    [InlineData("03.03.2025")]
    [InlineData("2025-03-03T00:00:00")]
    [InlineData("2025-03-03 00:00:00")]
    [InlineData("03/03/2025 0:00")]
    [InlineData("3 de marzo de 2025")]
    [InlineData("3 de Marzo del 2025")]
    [InlineData("lunes, 3 de marzo de 2025")]
    [InlineData("3-mar-2025")]
    [InlineData("03-Mar-25")]
    [InlineData("3 mar. 2025")]
    [InlineData("3/mar/2025")]
    [InlineData("March 3, 2025")]
    [InlineData("Mar 3, 2025")]
    [InlineData("March 3rd, 2025")]
    [InlineData("Monday, March 3, 2025")]
    [InlineData("3 March 2025")]
    [InlineData("2025-mar-03")]
    [InlineData("20250303")]
    [InlineData("45719")]
    [InlineData("45719.0")]
    public void Every_way_of_writing_the_3rd_of_march_2025_is_read(string text) =>
        Assert.Equal(new DateOnly(2025, 3, 3), DateText.Parse(text));

    [Theory]
    [InlineData("1º de abril de 2024", 2024, 4, 1)]
    [InlineData("1ro de abril de 2024", 2024, 4, 1)]
    [InlineData("15 de setiembre de 2023", 2023, 9, 15)]
    [InlineData("15-sept-2023", 2023, 9, 15)]
    [InlineData("15 ago 2023", 2023, 8, 15)]
    [InlineData("2 de enero de 1998", 1998, 1, 2)]
    [InlineData("31/12/98", 1998, 12, 31)]
    [InlineData("04/03/2025", 2025, 3, 4)]
    [InlineData("29/02/2024", 2024, 2, 29)]
    [InlineData("Dec 1, 2026", 2026, 12, 1)]
    public void Day_first_ordinals_peruvian_setiembre_and_two_digit_years_are_read(string text, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), DateText.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("mañana")]
    [InlineData("31/02/2026")]
    [InlineData("29/02/2025")]
    [InlineData("13/13/2025")]
    [InlineData("03/15/2025")]
    [InlineData("31 de febrero de 2025")]
    [InlineData("3 de marzo")]
    [InlineData("marzo de 2025")]
    [InlineData("3 de brumario de 2025")]
    [InlineData("12345")]
    [InlineData("99999")]
    [InlineData("20251332")]
    [InlineData("2025")]
    public void What_is_not_a_whole_date_is_not_read(string text) => Assert.Null(DateText.Parse(text));
}
