using Microsoft.Xrm.Sdk;

namespace PropertyCrm.Plugins.Logic.FollowUps;

/// <summary>
/// One recording of a 回访 from a flow, bot (WeChat mini-program, IVR) or workflow: the 回访, or the request whose latest
/// 回访 it is; the answers (option values as stored: pcrm_fixverification, pcrm_satisfaction, pcrm_followupchannel); or a
/// failed attempt, optionally declaring the owner unreachable. A verification completes the 回访.
/// </summary>
public sealed record FollowUpEntry
{
    public EntityReference? FollowUp { get; init; }

    public EntityReference? ServiceRequest { get; init; }

    public int? Verification { get; init; }

    public int? Satisfaction { get; init; }

    public int? Nps { get; init; }

    public int? Reliability { get; init; }

    public int? Responsiveness { get; init; }

    public int? Assurance { get; init; }

    public int? Empathy { get; init; }

    public int? Tangibles { get; init; }

    public string? Comment { get; init; }

    public int? Channel { get; init; }

    public bool AttemptFailed { get; init; }

    public bool DeclareUnreachable { get; init; }

    public bool HasAnswers =>
        Verification.HasValue || Satisfaction.HasValue || Nps.HasValue || Reliability.HasValue || Responsiveness.HasValue
        || Assurance.HasValue || Empathy.HasValue || Tangibles.HasValue || !string.IsNullOrWhiteSpace(Comment) || Channel.HasValue;
}

/// <summary>What <see cref="FollowUpService.Record"/> did: the 回访 and the status reason it now has.</summary>
public sealed record FollowUpRecorded(System.Guid FollowUpId, int StatusCode, string Message);
