using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace ServicePromise.Web.Infrastructure;

/// <summary>One page of a long list, counted and cut in the database.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Number, int Count)
{
    public Paged<TOut> Select<TOut>(Func<T, TOut> map) => new(Items.Select(map).ToList(), Total, Number, Count);
}

public static class Paging
{
    public const int DefaultSize = 25;

    /// <summary>The requested page (kept within the pages there are) of <paramref name="query"/>, which must be ordered.</summary>
    public static async Task<Paged<T>> PageAsync<T>(this IQueryable<T> query, int requested, CancellationToken ct, int size = DefaultSize)
    {
        // The page first: a short one (a search with few matches, the last page) says how many there are without a
        // second pass over the list to count it. Only a full page, or one past the end, needs the count.
        var first = Math.Max(1, requested);
        var items = await query.Skip((first - 1) * size).Take(size).ToListAsync(ct);
        if ((items.Count > 0 && items.Count < size) || (items.Count == 0 && first == 1))
            return new Paged<T>(items, (first - 1) * size + items.Count, first, first);
        var total = await query.CountAsync(ct);
        var count = Math.Max(1, (int)Math.Ceiling(total / (double)size));
        var number = Math.Clamp(requested, 1, count);
        if (number != first) items = await query.Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return new Paged<T>(items, total, number, count);
    }
}

/// <summary>
/// What the shared pager (Shared/_Pager.cshtml) draws: previous and next links that change <paramref name="Parameter"/>
/// and keep the other query values (filters, the page of another list on the same page).
/// </summary>
public sealed record Pager(int Number, int Count, string Parameter, IReadOnlyDictionary<string, string?> Keep, string? Fragment = null)
{
    public string Link(int page)
    {
        var values = Keep.Where(k => k.Key != Parameter && !string.IsNullOrEmpty(k.Value))
            .Append(new(Parameter, page.ToString(CultureInfo.InvariantCulture)))
            .Select(k => Uri.EscapeDataString(k.Key) + "=" + Uri.EscapeDataString(k.Value!));
        return "?" + string.Join("&", values) + (Fragment is null ? "" : "#" + Fragment);
    }
}
