using System;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Calendars;
using PropertyCrm.Domain.Sla;
using PropertyCrm.Plugins.Logic.Sla;
using PropertyCrm.Plugins.Mapping;

namespace PropertyCrm.Plugins.Logic.Sweep;

/// <summary>
/// The SLA configuration one sweep call restores clocks with: the policies in force for a property (they supply each
/// target's warning share and escalation ladder) and the business calendars by name. Loaded on first use, with
/// that request's property as the anchor, so through <see cref="SlaConfigurationCache"/> a cold call costs one read,
/// a warm one none, and a call with nothing due none at all. One instance per call: it is never shared.
/// </summary>
public sealed class SweepSettings
{
    private readonly Func<Guid?, SlaConfiguration> load;
    private SlaConfiguration? loaded;

    /// <param name="load">Gets the configuration; given the first reviewed request's property as an anchor.</param>
    public SweepSettings(Func<Guid?, SlaConfiguration> load)
    {
        this.load = Guard.NotNull(load, nameof(load));
    }

    /// <summary>Built-in policies and calendars only (an installation without configuration rows).</summary>
    public static SweepSettings BuiltIn() =>
        new(_ => new SlaConfiguration(DateTime.MinValue, Array.Empty<SlaPolicyRow>(), BuiltInCalendars.Catalog));

    public SlaPolicySet PoliciesFor(Guid? propertyId) => Configuration(propertyId).PoliciesFor(propertyId);

    public BusinessCalendarCatalog CalendarsFor(Guid? propertyId) => Configuration(propertyId).Calendars;

    private SlaConfiguration Configuration(Guid? anchorPropertyId) => loaded ??= load(anchorPropertyId);
}
