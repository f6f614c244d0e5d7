namespace PropertyCrm.Domain.Community;

/// <summary>An event registration's status: 报名 → 签到, or cancelled.</summary>
public enum AttendanceState
{
    Registered = 1,
    CheckedIn = 2,
    Cancelled = 3,
}

/// <summary>
/// Registration and check-in as pure rules: a check-in is final (its points are awarded), a cancelled registration
/// can register again, and an event with a capacity takes no more live registrations than its capacity.
/// </summary>
public static class AttendanceRules
{
    /// <summary>Refuses a change the rules do not allow; <paramref name="from"/> null is a new registration.</summary>
    public static void CheckTransition(AttendanceState? from, AttendanceState to)
    {
        if (from == AttendanceState.CheckedIn && to != AttendanceState.CheckedIn)
        {
            throw new DomainException(
                CommunityErrorCodes.AttendanceTransition,
                "已签到的报名不能改回报名或取消 / A checked-in registration cannot go back to registered or be cancelled.");
        }
    }

    /// <summary>Refuses a live registration (not cancelled) beyond the capacity; <paramref name="taken"/> counts the others.</summary>
    public static void CheckCapacity(int? capacity, int taken, AttendanceState state)
    {
        if (state != AttendanceState.Cancelled && capacity is int limit && taken >= limit)
        {
            throw new DomainException(
                CommunityErrorCodes.EventFull,
                $"活动名额已满({limit} 人) / The event is full ({limit} places).");
        }
    }
}
