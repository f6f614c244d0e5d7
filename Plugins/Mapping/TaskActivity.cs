namespace PropertyCrm.Plugins.Mapping;

/// <summary>
/// The platform's Task activity table (<c>task</c>), which the care planner creates for butlers: the names and values
/// as the Dataverse table reference gives them (learn.microsoft.com/power-apps/developer/data-platform/reference/entities/task).
/// A platform table, so not in Schema/ (which holds the solution's tables).
/// </summary>
public static class TaskActivity
{
    public const string LogicalName = "task";

    /// <summary>Every activity table's key is <c>activityid</c>.</summary>
    public const string PrimaryId = "activityid";

    /// <summary>Subject. Text (200); the primary name.</summary>
    public const string Subject = "subject";

    /// <summary>Description. Multiline text (2,000).</summary>
    public const string Description = "description";

    /// <summary>Due (scheduledend). Date and time.</summary>
    public const string ScheduledEnd = "scheduledend";

    /// <summary>Regarding: the owner contact, so the task shows on the owner's timeline.</summary>
    public const string RegardingObjectId = "regardingobjectid";

    /// <summary>Priority: 0 low, 1 normal, 2 high.</summary>
    public const string PriorityCode = "prioritycode";

    /// <summary>Category. Text (250): the care planner's tasks carry <see cref="CareCategory"/>.</summary>
    public const string Category = "category";

    public const string OwnerId = "ownerid";

    public const string StateCode = "statecode";

    public const string StatusCode = "statuscode";

    /// <summary>The category of the tasks the care planner creates (views and flows filter on it).</summary>
    public const string CareCategory = "主动关怀 Care";

    /// <summary>The category of the technician's task when a 回访 reopens a request (返工).</summary>
    public const string ReworkCategory = "返工 Rework";

    public const int SubjectMaxLength = 200;

    public const int DescriptionMaxLength = 2000;

    /// <summary>Task states: Open (status Not Started 2, In Progress 3, Waiting on someone else 4, Deferred 7), Completed (5), Canceled (6).</summary>
    public static class States
    {
        public const int Open = 0;

        public const int Completed = 1;

        public const int Canceled = 2;
    }

    public static class Priorities
    {
        public const int Low = 0;

        public const int Normal = 1;

        public const int High = 2;
    }
}
