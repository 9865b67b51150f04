namespace ServicePromise.Web.Content;

/// <summary>An immutable, numbered publication of the promise and all its pillars.</summary>
public class Edition
{
    public int Id { get; set; }
    public int Number { get; set; }
    /// <summary>SHA-256 of the normalised content: the same files never make a second edition.</summary>
    public string ContentHash { get; set; } = "";
    /// <summary>What the publisher said changed, in a sentence, for the people who read the edition list.</summary>
    public string? ChangeNote { get; set; }
    public DateTime PublishedAt { get; set; }
    public string DefaultLanguage { get; set; } = "es";
    public List<EditionText> Texts { get; set; } = [];
    public List<Pillar> Pillars { get; set; } = [];
}

/// <summary>The promise itself in one language.</summary>
public class EditionText
{
    public int Id { get; set; }
    public int EditionId { get; set; }
    public string Language { get; set; } = "";
    public string Company { get; set; } = "";
    public string Title { get; set; } = "";
    public string Statement { get; set; } = "";
    public string BodyMarkdown { get; set; } = "";
}

public class Pillar
{
    public int Id { get; set; }
    public int EditionId { get; set; }
    public Edition? Edition { get; set; }
    public string Key { get; set; } = "";
    public int Order { get; set; }
    /// <summary>How this pillar differs from the same key in the edition before (New in a first edition).</summary>
    public Learning.ChangeKind ChangeKind { get; set; }
    /// <summary>Whether the pillar has a knowledge check that must be passed; kept so completion is one query.</summary>
    public bool HasCheck { get; set; }
    public List<PillarText> Texts { get; set; } = [];
    /// <summary>The service standards an audit measures this pillar against (front matter 'standards'), in content order.</summary>
    public List<PillarStandard> Standards { get; set; } = [];
}

/// <summary>
/// One service standard of a pillar in one edition: what a service audit measures (e.g. "greets within 10 seconds"),
/// scored 0–100 against a threshold. The key names it across editions and in audit files.
/// </summary>
public class PillarStandard
{
    public int Id { get; set; }
    public int PillarId { get; set; }
    public Pillar? Pillar { get; set; }
    /// <summary>Unique across the edition's standards and pillar keys (lower case, digits and single hyphens).</summary>
    public string Key { get; set; } = "";
    public int Order { get; set; }
    /// <summary>The threshold in hundredths of a point (80 → 8000), so comparisons and sorting are exact in SQL on every provider.</summary>
    public int ThresholdHundredths { get; set; }
    public decimal Threshold => ThresholdHundredths / 100m;
    public List<PillarStandardText> Texts { get; set; } = [];
}

public class PillarStandardText
{
    public int Id { get; set; }
    public int PillarStandardId { get; set; }
    public string Language { get; set; } = "";
    /// <summary>The standard as staff read it ("Saludamos a cada cliente en menos de 10 segundos").</summary>
    public string Wording { get; set; } = "";
    /// <summary>How it is measured ("Cliente misterioso, 10 visitas al mes").</summary>
    public string Measured { get; set; } = "";
}

public class PillarText
{
    public int Id { get; set; }
    public int PillarId { get; set; }
    public string Language { get; set; } = "";
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    /// <summary>The reflection's first part: what this pillar means in the person's role.</summary>
    public string ReflectionPrompt { get; set; } = "";
    /// <summary>The prompt for "who my customers are"; null: the product's default wording.</summary>
    public string? CustomersPrompt { get; set; }
    /// <summary>The prompt for "one concrete action, and when"; null: the product's default wording.</summary>
    public string? ActionPrompt { get; set; }
    public string BodyMarkdown { get; set; } = "";
    /// <summary>The knowledge check in this language, with answers: <see cref="Learning.KnowledgeCheck"/> as JSON. Never sent to a browser as is.</summary>
    public string? CheckJson { get; set; }
    /// <summary>The practice questions beyond the check (front matter 'practice'), as <see cref="Learning.KnowledgeCheck"/> JSON; null when none.</summary>
    public string? PracticeJson { get; set; }
}
