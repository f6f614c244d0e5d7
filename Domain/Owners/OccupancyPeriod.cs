using System;

namespace PropertyCrm.Domain.Owners;

/// <summary>
/// When a person occupies a unit in a role (owner, co-owner, tenant, family member): a half-open
/// period [StartOn, EndOn) in China dates; EndOn null while it lasts.
/// </summary>
public sealed record OccupancyPeriod(DateTime? StartOn, DateTime? EndOn)
{
    /// <summary>Refuses a period that ends before it starts or has an end without a start.</summary>
    public OccupancyPeriod Validate()
    {
        if (EndOn is DateTime end)
        {
            if (StartOn is not DateTime start)
            {
                throw new DomainException(
                    "occupancy.end-without-start",
                    "填写结束日期前请先填写开始日期 / An occupancy with an end date needs a start date.");
            }

            if (end.Date < start.Date)
            {
                throw new DomainException(
                    "occupancy.end-before-start",
                    $"结束日期 {end:yyyy-MM-dd} 不能早于开始日期 {start:yyyy-MM-dd} / The end date {end:yyyy-MM-dd} cannot be before the start date {start:yyyy-MM-dd}.");
            }
        }

        return this;
    }

    /// <summary>Whether the period covers the given China date.</summary>
    public bool IsActiveOn(DateTime date) =>
        StartOn is DateTime start && start.Date <= date.Date && (EndOn is not DateTime end || date.Date < end.Date);
}
