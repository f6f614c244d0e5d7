using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Sla;
using Columns = PropertyCrm.Schema.Tables.ServiceRequestTable.Columns;

namespace PropertyCrm.Plugins.Logic.Sweep;

/// <summary>The sweep's decision for one due request, made from its re-read under the job lock.</summary>
internal sealed class RequestReview
{
    private RequestReview(Entity? row, IReadOnlyList<SlaClock> observed, IReadOnlyList<DueEscalation> due, EscalationLevel? highestLevel, DateTimeOffset? nextEscalationOn)
    {
        Row = row;
        Observed = observed;
        Due = due;
        HighestLevel = highestLevel;
        NextEscalationOn = nextEscalationOn;
        PropertyId = row?.GetAttributeValue<EntityReference>(Columns.Property)?.Id;
    }

    /// <summary>The fresh row; null when the request is left untouched.</summary>
    public Entity? Row { get; }

    public IReadOnlyList<SlaClock> Observed { get; }

    public IReadOnlyList<DueEscalation> Due { get; }

    public EscalationLevel? HighestLevel { get; }

    public DateTimeOffset? NextEscalationOn { get; }

    public Guid? PropertyId { get; }

    public bool NeedsProperty => PropertyId.HasValue && Due.Any(d => d.Level != EscalationLevel.Warning);

    public static RequestReview Skip() => new(null, Array.Empty<SlaClock>(), Array.Empty<DueEscalation>(), null, null);

    public static RequestReview Of(Entity row, EscalationReview review) =>
        new(row, review.Observed, review.Due, review.HighestLevel, review.NextEscalationOn);
}
