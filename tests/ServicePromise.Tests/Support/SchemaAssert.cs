namespace ServicePromise.Tests.Support;

public static class SchemaAssert
{
    /// <summary>Both schema descriptions hold the same lines; the failure lists what each side lacks.</summary>
    public static void Same(IReadOnlyCollection<string> model, IReadOnlyCollection<string> migrated)
    {
        Assert.NotEmpty(model);
        var missing = model.Except(migrated).ToList();
        var extra = migrated.Except(model).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            "Schema differs from the model.\nMissing from migrations:\n  " + string.Join("\n  ", missing) + "\nExtra in migrations:\n  " + string.Join("\n  ", extra));
    }
}
