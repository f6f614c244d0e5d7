using System;
using System.Collections.Generic;
using System.Linq;
using PropertyCrm.Domain;
using PropertyCrm.Domain.ServiceRequests;

namespace PropertyCrm.Tests.Domain.ServiceRequests;

public sealed class RequestLifecycleTests
{
    /// <summary>The documented table, written out: every pair not listed here is refused.</summary>
    private static readonly Dictionary<RequestStatus, RequestStatus[]> Documented = new()
    {
        [RequestStatus.New] = new[] { RequestStatus.Accepted, RequestStatus.Cancelled },
        [RequestStatus.Accepted] = new[] { RequestStatus.Dispatched, RequestStatus.InProgress, RequestStatus.WaitingOnOwner, RequestStatus.Resolved, RequestStatus.Cancelled },
        [RequestStatus.Dispatched] = new[] { RequestStatus.InProgress, RequestStatus.WaitingOnOwner, RequestStatus.Resolved },
        [RequestStatus.InProgress] = new[] { RequestStatus.WaitingOnOwner, RequestStatus.Resolved },
        [RequestStatus.WaitingOnOwner] = new[] { RequestStatus.Accepted, RequestStatus.Dispatched, RequestStatus.InProgress, RequestStatus.Resolved },
        [RequestStatus.Resolved] = new[] { RequestStatus.Closed, RequestStatus.InProgress },
        [RequestStatus.Closed] = Array.Empty<RequestStatus>(),
        [RequestStatus.Cancelled] = Array.Empty<RequestStatus>(),
    };

    public static TheoryData<RequestStatus, RequestStatus> AllPairs()
    {
        var data = new TheoryData<RequestStatus, RequestStatus>();
        foreach (RequestStatus from in Enum.GetValues(typeof(RequestStatus)))
        {
            foreach (RequestStatus to in Enum.GetValues(typeof(RequestStatus)))
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void IsAllowed_EveryPair_MatchesTheDocumentedTable(RequestStatus from, RequestStatus to)
    {
        var expected = from == to || Documented[from].Contains(to);

        Assert.Equal(expected, RequestLifecycle.IsAllowed(from, to));
        if (expected)
        {
            RequestLifecycle.EnsureAllowed(from, to);
        }
        else
        {
            var refused = Assert.Throws<DomainException>(() => RequestLifecycle.EnsureAllowed(from, to));
            Assert.Equal(ServiceRequestErrorCodes.InvalidTransition, refused.Code);
            Assert.Contains(RequestLifecycle.Chinese(from), refused.Message, StringComparison.Ordinal);
            Assert.Contains(RequestLifecycle.Chinese(to), refused.Message, StringComparison.Ordinal);
            Assert.Contains($"'{RequestLifecycle.English(from)}' to '{RequestLifecycle.English(to)}'", refused.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(RequestStatus.Closed, true)]
    [InlineData(RequestStatus.Cancelled, true)]
    [InlineData(RequestStatus.Resolved, false)]
    [InlineData(RequestStatus.New, false)]
    public void IsFinal_Status_OnlyClosedAndCancelled(RequestStatus status, bool final)
    {
        Assert.Equal(final, RequestLifecycle.IsFinal(status));
    }

    [Fact]
    public void EnsureAllowed_FromFinal_SaysItIsFinal()
    {
        var refused = Assert.Throws<DomainException>(() => RequestLifecycle.EnsureAllowed(RequestStatus.Closed, RequestStatus.InProgress));

        Assert.Contains("最终状态", refused.Message, StringComparison.Ordinal);
        Assert.Contains("it is final", refused.Message, StringComparison.Ordinal);
    }
}
