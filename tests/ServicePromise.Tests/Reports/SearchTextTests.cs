using ServicePromise.Web.Staff;

namespace ServicePromise.Tests.Reports;

public class SearchTextTests
{
    [Theory]
    [InlineData("Óscar Núñez Crespo", "oscar nunez crespo")]
    [InlineData("  Lucía   ROMERO ", "lucia romero")]
    [InlineData("Ana Belén Vargas-Rubio", "ana belen vargas-rubio")]
    [InlineData("Françoise Ørsted", "francoise ørsted")]
    [InlineData(null, "")]
    public void Names_fold_to_plain_lower_case(string? name, string folded)
    {
        Assert.Equal(folded, SearchText.Fold(name));
    }
}
