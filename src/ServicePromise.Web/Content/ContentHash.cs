using System.Security.Cryptography;
using System.Text;

namespace ServicePromise.Web.Content;

/// <summary>
/// Identifies content by what it says, not by file names or line endings: the same promise and pillars
/// always hash the same, so restarting with unchanged files publishes nothing new.
/// </summary>
public static class ContentHash
{
    public static string Of(ContentSet content)
    {
        var sb = new StringBuilder();
        sb.Append("default:").Append(content.DefaultLanguage).Append('\n');
        foreach (var lang in content.Languages.OrderBy(l => l.Language, StringComparer.Ordinal))
        {
            var p = lang.Promise;
            Field(sb, "lang", lang.Language);
            Field(sb, "company", p.Company);
            Field(sb, "title", p.Title);
            Field(sb, "statement", p.Statement);
            Field(sb, "body", p.Body);
            foreach (var pillar in lang.Pillars.OrderBy(x => x.Order))
            {
                Field(sb, "key", pillar.Key);
                Field(sb, "order", pillar.Order.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Field(sb, "title", pillar.Title);
                Field(sb, "summary", pillar.Summary);
                Field(sb, "prompt", pillar.ReflectionPrompt);
                // Only when given, so content written before these prompts existed keeps its hash.
                if (pillar.CustomersPrompt is { } customers) Field(sb, "customers_prompt", customers);
                if (pillar.ActionPrompt is { } action) Field(sb, "action_prompt", action);
                Field(sb, "body", pillar.Body);
                Field(sb, "check", pillar.Check?.ToJson() ?? "");
                // Only when given, so content without practice questions keeps its hash.
                if (pillar.Practice is { } practice) Field(sb, "practice", practice.ToJson());
                // Standards are part of the edition: a new threshold or wording is a new edition (but not a lesson to redo).
                foreach (var standard in pillar.StandardsOrEmpty)
                {
                    Field(sb, "standard", standard.Key);
                    Field(sb, "wording", standard.Wording);
                    Field(sb, "measured", standard.Measured);
                    Field(sb, "threshold", standard.Threshold.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    // Length-prefixed so no two different contents can serialise to the same text.
    static void Field(StringBuilder sb, string name, string value) =>
        sb.Append(name).Append(':').Append(value.Length).Append(':').Append(value).Append('\n');
}
