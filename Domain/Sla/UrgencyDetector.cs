using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace PropertyCrm.Domain.Sla;

/// <summary>
/// Suggests a request's urgency from its text (an owner's WeChat message, the agent's notes): the most urgent
/// keyword found wins, Normal when none is. An agent's explicit choice always wins, in either direction, because
/// the agent on the phone knows more than a keyword list ("漏水 yesterday, already fixed").
/// </summary>
/// <remarks>
/// Matching ignores whitespace and letter case, so "漏 水" and "电梯 困人" still match; it is a plain substring
/// search, without negation handling ("没有漏水" still flags): see <see cref="UrgencyKeywords"/> for why false
/// alarms are the cheaper mistake.
/// </remarks>
public sealed class UrgencyDetector
{
    private readonly UrgencyKeyword[] keywords;

    public UrgencyDetector(IEnumerable<UrgencyKeyword> keywords)
    {
        Guard.NotNull(keywords, nameof(keywords));

        this.keywords = keywords.OrderByDescending(k => k.Urgency).ToArray();
    }

    /// <summary>With <see cref="UrgencyKeywords.Default"/>.</summary>
    public static UrgencyDetector Default { get; } = new UrgencyDetector(UrgencyKeywords.Default);

    public IReadOnlyList<UrgencyKeyword> Keywords => this.keywords;

    /// <param name="text">Free text; null or empty reads as Normal.</param>
    /// <param name="agentOverride">The agent's explicit choice, if any.</param>
    public UrgencyAssessment Assess(string? text, Urgency? agentOverride = null)
    {
        var normalized = Normalize(text ?? string.Empty);
        var matches = normalized.Length == 0
            ? Array.Empty<UrgencyKeyword>()
            : this.keywords.Where(k => normalized.IndexOf(k.Phrase, StringComparison.Ordinal) >= 0).ToArray();
        var detected = matches.Length == 0 ? Urgency.Normal : matches[0].Urgency;
        return new UrgencyAssessment(agentOverride ?? detected, detected, Array.AsReadOnly(matches), agentOverride.HasValue);
    }

    internal static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
