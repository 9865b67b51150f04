namespace ServicePromise.Web.Content;

/// <summary>The promise and its pillars as read from the content folder, before they become an edition.</summary>
public sealed record ContentSet(string DefaultLanguage, IReadOnlyList<LanguageContent> Languages)
{
    public LanguageContent Default => Languages.Single(l => l.Language == DefaultLanguage);
}

public sealed record LanguageContent(string Language, PromiseContent Promise, IReadOnlyList<PillarContent> Pillars);

public sealed record PromiseContent(string Company, string Title, string Statement, string Body);

/// <param name="DeclaredChange">What the content owner says changed against the previous edition: Editorial or Substantive (null: not said).</param>
public sealed record PillarContent(string Key, int Order, string Title, string Summary, string ReflectionPrompt, string Body, string SourceFile,
    Learning.ChangeKind? DeclaredChange = null, Learning.KnowledgeCheck? Check = null, string? CustomersPrompt = null, string? ActionPrompt = null,
    IReadOnlyList<StandardContent>? Standards = null, Learning.KnowledgeCheck? Practice = null)
{
    public IReadOnlyList<StandardContent> StandardsOrEmpty => Standards ?? [];
}

/// <summary>A service standard as the front matter declares it: key, wording, how it is measured, threshold (0–100).</summary>
public sealed record StandardContent(string Key, string Wording, string Measured, decimal Threshold, int Line);

/// <summary>One problem in one content file, located so a content owner can fix it — in their language on the admin pages, in English in logs.</summary>
public sealed record ContentError(string File, int Line, Infrastructure.Message Text)
{
    public string Problem => Text.ToString();

    public override string ToString() => $"{File}:{Line}: {Problem}";
}

public sealed class ContentInvalidException(IReadOnlyList<ContentError> errors)
    : Exception("The content is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  " + e)))
{
    public IReadOnlyList<ContentError> Errors { get; } = errors;
}
