using System;
using System.Collections.Generic;
using System.Linq;
using PropertyCrm.Domain.Calendars;

namespace PropertyCrm.Domain.Sla;

/// <summary>
/// The deadlines a request logged at one instant would get, KPI by KPI, computed exactly as a logged request's clocks
/// are started (<see cref="SlaClock.Start"/>), with service hours on the property's calendar (<see cref="PropertyServiceHours"/>).
/// What <c>pcrm sla plan</c> prints, so admins can check policies without importing anything.
/// </summary>
public static class SlaPlan
{
    /// <param name="policies">The policies in force, e.g. <see cref="DefaultSlaPolicies.Set"/>.</param>
    /// <param name="facts">The request.</param>
    /// <param name="createdAt">When it is logged.</param>
    /// <param name="calendars">The calendars targets are looked up in.</param>
    /// <param name="propertyCalendar">The property's own calendar name; null for the built-in <c>service-hours</c>.</param>
    /// <exception cref="DomainException">An unknown calendar, or a deadline in a year a calendar does not cover.</exception>
    public static IReadOnlyList<SlaPlanItem> For(
        SlaPolicySet policies,
        SlaRequestFacts facts,
        DateTimeOffset createdAt,
        BusinessCalendarCatalog calendars,
        string? propertyCalendar)
    {
        Guard.NotNull(policies, nameof(policies));
        Guard.NotNull(calendars, nameof(calendars));

        return PropertyServiceHours.Apply(policies.Resolve(facts), propertyCalendar, calendars)
            .Select(m => new SlaPlanItem(m.Policy, SlaClock.Start(m.Target, calendars.Get(m.Target.CalendarName), createdAt)))
            .ToArray();
    }
}
