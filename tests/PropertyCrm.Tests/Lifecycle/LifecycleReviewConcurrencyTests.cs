using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PropertyCrm.Domain.Lifecycle;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Plugins.Steps.Lifecycle;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Harness.Support;
using PropertyCrm.Tests.Support;
using static PropertyCrm.Tests.Support.RealThreads;

namespace PropertyCrm.Tests.Lifecycle;

/// <summary>
/// The lifecycle review racing a fee payment on real threads (harness row locks, snapshot reads): the review writes
/// the unpaid months too, so it must not undo a payment that committed after it read the owner.
/// </summary>
public sealed class LifecycleReviewConcurrencyTests
{
    private readonly LifecycleBed bed = new();

    [Fact]
    public async Task Run_PaymentCommitsAfterBillsReadBeforeWrite_PaymentsUnpaidMonthsSurvive()
    {
        // Moved in long ago, November's bill unpaid: the review (never run before) wants to write Stable and 1 unpaid month.
        var owner = bed.Data.OwnerMovedIn("2024-01-10");
        bed.Data.MonthlyBills(owner, "2024-01", "2024-11", "2024-11");
        bed.Data.RequestOpenedOn(owner, "2024-10-01");
        var november = bed.Dataverse.PeekAll(FeeBillTable.LogicalName)
            .Single(b => b.GetAttributeValue<DateTime>(FeeBillTable.Columns.PeriodStart).Month == 11).Id;
        bed.Today("2024-12-20");

        // The review's first read of bills is this owner's, after the page read and before any write of the owner: the
        // payment is made and committed right there (its own bill reads come later, on its thread, and pass through).
        Task<Guid>? payment = null;
        var billReads = 0;
        bed.Dataverse.RegisterStep(TestSteps.On("RetrieveMultiple", FeeBillTable.LogicalName, PipelineStage.PostOperation, run =>
        {
            if (Interlocked.Increment(ref billReads) == 1)
            {
                payment = OnThread(() => bed.Service.Create(DataProducer.NewPayment(november, 200m, bed.Dataverse.Clock.UtcNow)));
                // Waits for the commit without throwing here: a failed payment is reported by the await below.
                Assert.Equal(0, Task.WaitAny(new Task[] { payment }, Bound));
            }
        }));

        var response = await OnThread(() => bed.Run()).WaitAsync(Bound);
        await payment!.WaitAsync(Bound);

        // The payment cleared the unpaid month; the review, re-reading under the owner lock, leaves that alone.
        Assert.Equal(1, response.Results[RunLifecycleReviewPlugin.ChangedOutput]);
        Assert.Equal(LifecycleStage.Stable, bed.Stage(owner));
        Assert.Equal(0, bed.Contact(owner).GetAttributeValue<int?>(ContactTable.Columns.ConsecutiveUnpaidMonths));
    }
}
