namespace ServicePromise.Tests.Support;

/// <summary>The one quoted-printable decoder of the tests; the browser tests compile this file too (linked in their project).</summary>
public static class Mail
{
    /// <summary>A written .eml as a person reads it: quoted-printable soft breaks joined, =XX escapes decoded as UTF-8.</summary>
    public static string Decode(string mail)
    {
        var joined = mail.Replace("=\r\n", "").Replace("=\n", "");
        var bytes = new List<byte>();
        for (var i = 0; i < joined.Length; i++)
        {
            if (joined[i] == '=' && i + 2 < joined.Length && Uri.IsHexDigit(joined[i + 1]) && Uri.IsHexDigit(joined[i + 2]))
            {
                bytes.Add(Convert.ToByte(joined.Substring(i + 1, 2), 16));
                i += 2;
            }
            else bytes.AddRange(System.Text.Encoding.UTF8.GetBytes(joined[i].ToString()));
        }
        return System.Text.Encoding.UTF8.GetString(bytes.ToArray());
    }
}
