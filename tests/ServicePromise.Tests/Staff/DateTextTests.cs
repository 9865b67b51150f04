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

    [Fact]
    public void A_column_whose_dates_can_only_be_month_first_is_read_month_first()
    {
        Assert.True(DateText.MonthFirst(["03/15/2025", "04/01/2025", "", "2025-05-06"]));
        Assert.Equal(new DateOnly(2025, 4, 1), DateText.Parse("04/01/2025", monthFirst: true));
        Assert.Equal(new DateOnly(2025, 3, 15), DateText.Parse("3/15/25", monthFirst: true));
        Assert.Equal(new DateOnly(2025, 5, 6), DateText.Parse("2025-05-06", monthFirst: true));
        // Day first as soon as one value says so, and when nothing says otherwise.
        Assert.False(DateText.MonthFirst(["03/15/2025", "15/03/2025"]));
        Assert.False(DateText.MonthFirst(["03/04/2025", "3 de marzo de 2025"]));
    }

    [Fact]
    public void An_english_export_with_month_first_dates_is_read_and_a_spanish_one_stays_day_first()
    {
        var english = StaffFile.Read(System.Text.Encoding.UTF8.GetBytes("Employee #,First Name,Last Name,Work Email,Hire Date\nE-1,Jo,Smith,jo@olivo.test,03/15/2025\nE-2,Al,Brown,al@olivo.test,04/01/2025\n"));
        Assert.Equal([new DateOnly(2025, 3, 15), new DateOnly(2025, 4, 1)], english.Rows.Select(r => r.HireDate));
        var spanish = StaffFile.Read(System.Text.Encoding.UTF8.GetBytes("Legajo;Apellido y nombre;Mail;Fecha de ingreso\nA-1;Gil, Ana;ana@olivo.test;15/03/2025\nA-2;Paz, Luis;luis@olivo.test;04/01/2025\nA-3;Sol, Eva;eva@olivo.test;03/15/2025\n"));
        Assert.Equal([new DateOnly(2025, 3, 15), new DateOnly(2025, 1, 4)], spanish.Rows.Select(r => r.HireDate));
        Assert.Contains("The hire date “03/15/2025” cannot be read", Assert.Single(spanish.Problems).Message.ToString());
    }

    [Theory]
    [InlineData("０３/０４/２０２５")] // full-width digits, as a Japanese or Chinese input method types them
    [InlineData("٠٣/٠٤/٢٠٢٥")] // Arabic-Indic digits
    [InlineData("２０２５０３０４")]
    public void Digits_of_other_scripts_are_an_unreadable_date_not_an_error(string value)
    {
        Assert.False(DateText.MonthFirst([value]));
        Assert.Null(DateText.Parse(value));
        var file = StaffFile.Read(System.Text.Encoding.UTF8.GetBytes($"Nº empleado;Nombre;Fecha de alta\nA-1;Ana Gil;{value}\n"));
        Assert.Contains(value, Assert.Single(file.Problems).Message.ToString());
    }
}
