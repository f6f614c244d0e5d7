namespace PropertyCrm.Domain.Sla;

/// <summary>One phrase that, found in a request's text, raises its urgency; <see cref="Category"/> says why.</summary>
public sealed class UrgencyKeyword
{
    public UrgencyKeyword(string phrase, Urgency urgency, string category)
    {
        if (string.IsNullOrWhiteSpace(phrase))
        {
            throw new DomainException(SlaErrorCodes.InvalidPolicy, "紧急关键词不能为空 / An urgency keyword must not be empty.");
        }

        Phrase = UrgencyDetector.Normalize(phrase);
        Urgency = urgency;
        Category = category ?? string.Empty;
    }

    /// <summary>Normalised (no whitespace, lower case) as it is matched.</summary>
    public string Phrase { get; }

    public Urgency Urgency { get; }

    /// <summary>e.g. "water 水", shown to the agent next to the suggestion.</summary>
    public string Category { get; }

    public override string ToString() => $"{Phrase} → {Urgency} ({Category})";
}
