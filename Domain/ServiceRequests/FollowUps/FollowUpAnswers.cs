namespace PropertyCrm.Domain.ServiceRequests.FollowUps;

/// <summary>
/// What the owner said on a 回访: verification first (问题是否真正解决), then satisfaction 1–5, NPS 0–10 and the optional
/// SERVQUAL scores 1–5 (可靠性 reliability, 响应性 responsiveness, 保证性 assurance, 移情性 empathy, 有形性 tangibles).
/// Any may be blank while the 回访 is pending; completing needs the verification.
/// </summary>
public sealed record FollowUpAnswers
{
    public FixVerification? Verification { get; init; }

    /// <summary>1 非常不满意 … 5 非常满意.</summary>
    public int? Satisfaction { get; init; }

    /// <summary>0–10.</summary>
    public int? Nps { get; init; }

    public int? Reliability { get; init; }

    public int? Responsiveness { get; init; }

    public int? Assurance { get; init; }

    public int? Empathy { get; init; }

    public int? Tangibles { get; init; }

    /// <summary>True when a survey answer (satisfaction or NPS) was given: what earns the survey points.</summary>
    public bool HasSurveyAnswer => Satisfaction.HasValue || Nps.HasValue;

    /// <summary>Refuses a score outside its range, naming it in Chinese and English.</summary>
    /// <exception cref="DomainException"><see cref="FollowUpErrorCodes.AnswerOutOfRange"/>.</exception>
    public FollowUpAnswers Validate()
    {
        Range(Satisfaction, 1, 5, "满意度", "Satisfaction");
        Range(Nps, 0, 10, "推荐意愿(NPS)", "NPS");
        Range(Reliability, 1, 5, "可靠性", "SERVQUAL reliability");
        Range(Responsiveness, 1, 5, "响应性", "SERVQUAL responsiveness");
        Range(Assurance, 1, 5, "保证性", "SERVQUAL assurance");
        Range(Empathy, 1, 5, "移情性", "SERVQUAL empathy");
        Range(Tangibles, 1, 5, "有形性", "SERVQUAL tangibles");
        return this;
    }

    private static void Range(int? value, int min, int max, string chinese, string english)
    {
        if (value is { } v && (v < min || v > max))
        {
            throw new DomainException(
                FollowUpErrorCodes.AnswerOutOfRange,
                $"{chinese}须在 {min}–{max} 之间(当前 {v}) / {english} must be {min}–{max} (is {v}).");
        }
    }
}
