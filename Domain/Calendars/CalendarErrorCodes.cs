namespace PropertyCrm.Domain.Calendars;

/// <summary>
/// Stable <see cref="DomainException.Code"/> values for calendar errors. Callers (plug-ins, the CLI, tests)
/// branch on these, never on message text, so the bilingual wording can change freely.
/// </summary>
public static class CalendarErrorCodes
{
    public const string UnknownCalendar = "calendar.unknown";
    public const string YearNotCovered = "calendar.year-not-covered";
    public const string InvalidInterval = "calendar.interval.invalid";
    public const string InvalidCalendar = "calendar.invalid";
    public const string InvalidSchedule = "calendar.schedule.invalid";
    public const string InvalidJson = "calendar.json.invalid";
    public const string NegativeDuration = "calendar.duration.negative";
    public const string OutOfRange = "calendar.out-of-range";
}
