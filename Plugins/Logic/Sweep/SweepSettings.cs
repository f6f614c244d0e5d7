using System;
using PropertyCrm.Domain.Calendars;
using PropertyCrm.Domain.Sla;

namespace PropertyCrm.Plugins.Logic.Sweep;

/// <summary>
/// The configuration the sweep restores clocks with: the SLA policies in force for a property (they supply each
/// target's warning share and escalation ladder) and the business calendars by name.
/// </summary>
public sealed class SweepSettings
{
    private readonly Func<Guid?, SlaPolicySet> policiesForProperty;

    /// <param name="policiesForProperty">The policy set a request of the given property (null: none) runs under.</param>
    /// <param name="calendars">Every calendar a stored target may name.</param>
    public SweepSettings(Func<Guid?, SlaPolicySet> policiesForProperty, BusinessCalendarCatalog calendars)
    {
        this.policiesForProperty = policiesForProperty ?? throw new ArgumentNullException(nameof(policiesForProperty));
        Calendars = calendars ?? throw new ArgumentNullException(nameof(calendars));
    }

    /// <summary>Built-in policies and calendars only (an installation with no configuration rows).</summary>
    public static SweepSettings BuiltIn { get; } = new(_ => DefaultSlaPolicies.Set, BuiltInCalendars.Catalog);

    public BusinessCalendarCatalog Calendars { get; }

    public SlaPolicySet PoliciesFor(Guid? propertyId) => policiesForProperty(propertyId);
}
