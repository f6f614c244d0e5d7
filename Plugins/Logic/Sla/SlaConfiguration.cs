using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Calendars;
using PropertyCrm.Domain.Sla;
using PropertyCrm.Plugins.Mapping;

namespace PropertyCrm.Plugins.Logic.Sla;

/// <summary>
/// An immutable snapshot of the SLA configuration of one organization: the admin's policy rows and the calendar
/// catalog (built-ins + admin rows), as read at <see cref="LoadedOnUtc"/>. Shared by every thread of a sandbox worker
/// through <see cref="SlaConfigurationCache"/>; nothing in it changes after construction (the per-property policy sets
/// are memoized in a concurrent map of immutable values).
/// </summary>
/// <remarks>
/// Rows that cannot be used (bad JSON imported around the validation step, a policy whose targets are invalid) are
/// left out and listed in <see cref="Problems"/>, which the loader traces: one broken admin row must not stop every
/// request in the organization from being logged.
/// </remarks>
public sealed class SlaConfiguration
{
    private readonly IReadOnlyList<SlaPolicyRow>? policyRows;
    private readonly ConcurrentDictionary<Guid, SlaPolicySet> setsByProperty = new();
    private readonly ConcurrentDictionary<Guid, string> calendarsByProperty = new();

    public SlaConfiguration(DateTime loadedOnUtc, IEnumerable<SlaPolicyRow>? policyRows, BusinessCalendarCatalog calendars, IEnumerable<string>? problems = null)
    {
        LoadedOnUtc = loadedOnUtc;
        this.policyRows = policyRows is null ? null : Array.AsReadOnly(policyRows.ToArray());
        Calendars = Guard.NotNull(calendars, nameof(calendars));
        Problems = Array.AsReadOnly((problems ?? Array.Empty<string>()).ToArray());
    }

    /// <summary>The OperationCreatedOn (UTC) of the execution that read it; expiry is measured from here.</summary>
    public DateTime LoadedOnUtc { get; }

    /// <summary>Built-in calendars with the admin's calendar rows layered on (<see cref="CalendarLayering"/>).</summary>
    public BusinessCalendarCatalog Calendars { get; }

    /// <summary>False for a calendars-only snapshot (what the deadline API needs); policies then need a reload.</summary>
    public bool HasPolicies => policyRows is not null;

    /// <summary>Active admin policy rows, company-wide and per property.</summary>
    public IReadOnlyList<SlaPolicyRow> PolicyRows => policyRows ?? throw new InvalidOperationException("This SLA configuration snapshot holds calendars only.");

    /// <summary>Admin rows left out, with the reason (bilingual).</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>
    /// The policies in force for a request of <paramref name="propertyId"/> (null: company-wide only): the built-in
    /// defaults, replaced by company-wide rows, replaced by the property's rows (<see cref="SlaPolicyLayering"/>).
    /// </summary>
    /// <exception cref="DomainException">Two rows of the same layer have the same criteria.</exception>
    public SlaPolicySet PoliciesFor(Guid? propertyId)
    {
        var rows = PolicyRows;
        var key = propertyId ?? Guid.Empty;
        return setsByProperty.GetOrAdd(key, _ => SlaPolicyLayering.Compose(
            DefaultSlaPolicies.Set.Policies,
            rows.Where(r => r.PropertyId is null).Select(r => r.Policy),
            key == Guid.Empty ? Enumerable.Empty<SlaPolicy>() : rows.Where(r => r.PropertyId == key).Select(r => r.Policy)));
    }

    /// <summary>
    /// The property's own calendar code (<c>pcrm_businesscalendarcode</c>, "" when blank) as read with this snapshot,
    /// so it is as fresh as the policies; false when this snapshot has not seen the property yet.
    /// </summary>
    public bool TryGetPropertyCalendar(Guid propertyId, out string calendarCode) => calendarsByProperty.TryGetValue(propertyId, out calendarCode!);

    /// <summary>Remembers a property's calendar code (blank as "") for the life of this snapshot.</summary>
    public void RememberPropertyCalendar(Guid propertyId, string? calendarCode) => calendarsByProperty[propertyId] = calendarCode?.Trim() ?? string.Empty;

    /// <summary>True while <paramref name="nowUtc"/> lies in [<see cref="LoadedOnUtc"/>, <see cref="LoadedOnUtc"/> + <paramref name="lifetime"/>).</summary>
    public bool IsFreshAt(DateTime nowUtc, TimeSpan lifetime) => nowUtc >= LoadedOnUtc && nowUtc - LoadedOnUtc < lifetime;

    /// <summary>
    /// Builds a snapshot from raw rows: each calendar row is parsed and layered onto the built-ins, each policy row
    /// mapped and its calendars looked up; a row that fails is left out with its reason in <see cref="Problems"/>.
    /// </summary>
    public static SlaConfiguration Build(
        DateTime loadedOnUtc,
        IEnumerable<Func<SlaPolicyRow>>? policyRowReaders,
        IEnumerable<KeyValuePair<string?, string?>> calendarRows)
    {
        Guard.NotNull(calendarRows, nameof(calendarRows));

        var problems = new List<string>();
        var accepted = new List<BusinessCalendar>();
        foreach (var row in calendarRows)
        {
            try
            {
                var calendar = BusinessCalendarRowMapping.Parse(row.Key, row.Value);
                CalendarLayering.Compose(BuiltInCalendars.Catalog, accepted.Concat(new[] { calendar }));
                accepted.Add(calendar);
            }
            catch (DomainException ex)
            {
                problems.Add(ex.Message);
            }
        }

        var catalog = CalendarLayering.Compose(BuiltInCalendars.Catalog, accepted);
        List<SlaPolicyRow>? policies = null;
        if (policyRowReaders is not null)
        {
            policies = new List<SlaPolicyRow>();
            foreach (var read in policyRowReaders)
            {
                try
                {
                    var row = read();
                    var unknown = row.Policy.Targets.FirstOrDefault(t => !catalog.TryGet(t.CalendarName, out _));
                    if (unknown is not null)
                    {
                        // A typo in a calendar name must not stop every matching request from being logged.
                        problems.Add(
                            $"SLA 策略 '{row.Policy.Name}' 使用了未知的工作日历 '{unknown.CalendarName}' / "
                            + $"SLA policy '{row.Policy.Name}' names the unknown business calendar '{unknown.CalendarName}'.");
                        continue;
                    }

                    policies.Add(row);
                }
                catch (DomainException ex)
                {
                    problems.Add(ex.Message);
                }
            }
        }

        if (policies is not null)
        {
            // Two rows of one layer with the same criteria: which one the admin meant cannot be guessed, and refusing
            // every request of the organization would be worse than falling back to the layer beneath (traced).
            var ambiguous = policies
                .GroupBy(r => (r.PropertyId ?? Guid.Empty).ToString("N") + "|" + r.Policy.CriteriaKey, StringComparer.Ordinal)
                .Where(g => g.Count() > 1)
                .ToArray();
            foreach (var group in ambiguous)
            {
                var names = string.Join("', '", group.Select(r => r.Policy.Name));
                problems.Add(
                    $"SLA 策略 '{names}' 适用条件相同({group.First().Policy.CriteriaKey}),均未采用 / "
                    + $"SLA policies '{names}' have the same criteria ({group.First().Policy.CriteriaKey}); none of them is used.");
                policies.RemoveAll(group.Contains);
            }
        }

        return new SlaConfiguration(loadedOnUtc, policies, catalog, problems);
    }
}
