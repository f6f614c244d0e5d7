using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Loyalty;
using PropertyCrm.Domain.ServiceRequests.FollowUps;
using PropertyCrm.Plugins.Mapping;
using Request = PropertyCrm.Schema.Tables.ServiceRequestTable.Columns;

namespace PropertyCrm.Plugins.Logic.FollowUps;

/// <summary>
/// Tells the technician that a 回访 reopened his request (返工): one platform Task, created as SYSTEM in the 回访's transaction,
/// owned by the request's owner (the technician it was dispatched to, or the team), high priority, category
/// <see cref="TaskActivity.ReworkCategory"/>, due by the request's resolution deadline (<see cref="FollowUpPolicy.ReworkTaskDueOn"/>),
/// with the 回访's finding in Chinese and English. Regarding the owner (业主), as the care tasks are: the request table is not
/// activity-enabled, so a task cannot be set regarding it; the subject names the request instead.
/// </summary>
/// <remarks>
/// <b>Once per reopen.</b> Only the finishing of a request's latest 回访 while the request is 已解决 reopens it, and it does so in
/// the same transaction as this task: the reopen moves the request to 处理中, so the same 回访 saved again (or a retry of a call
/// that did commit) finds the request no longer 已解决 and does nothing; a call that failed rolled the reopen and the task back
/// together, so its retry creates the one task. A finished 回访 is final, and each resolution gets its own 回访.
/// </remarks>
public static class ReworkTasks
{
    /// <summary>The request columns the task needs (read with the request, no extra call).</summary>
    public static readonly string[] RequestColumns = { Request.OwnerId, Request.Contact, ClockColumns.Resolution.DueOn };

    public static Guid Create(IOrganizationService system, Entity request, string finding, DateTimeOffset now, Action<string> trace)
    {
        var due = FollowUpPolicy.ReworkTaskDueOn(DataverseTime.Instant(request, ClockColumns.Resolution.DueOn), now);
        var title = request.GetAttributeValue<string>(Request.Name);
        var dueText = due.ToOffset(ChinaDate.Offset).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var task = new Entity(TaskActivity.LogicalName)
        {
            [TaskActivity.Subject] = ColumnText.Fit($"返工 Rework · {title}", TaskActivity.SubjectMaxLength),
            [TaskActivity.Description] = ColumnText.Fit(
                $"回访发现问题未解决,报事“{title}”已重新打开(返工),请在 {dueText} 前处理。\n"
                + $"The follow-up found \"{title}\" not fixed; the request is reopened (rework): please resolve it by {dueText} (China time).\n"
                + finding,
                TaskActivity.DescriptionMaxLength),
            [TaskActivity.ScheduledEnd] = due.UtcDateTime,
            [TaskActivity.PriorityCode] = new OptionSetValue(TaskActivity.Priorities.High),
            [TaskActivity.Category] = TaskActivity.ReworkCategory,
        };
        if (request.GetAttributeValue<EntityReference>(Request.Contact) is { } owner)
        {
            task[TaskActivity.RegardingObjectId] = new EntityReference(owner.LogicalName, owner.Id);
        }

        if (request.GetAttributeValue<EntityReference>(Request.OwnerId) is { } technician)
        {
            task[TaskActivity.OwnerId] = new EntityReference(technician.LogicalName, technician.Id);
        }

        var id = system.Create(task);
        trace($"Rework task {id} for {request.Id}, due {due:o}.");
        return id;
    }
}
