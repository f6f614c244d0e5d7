using PropertyCrm.Domain;
using PropertyCrm.Domain.ServiceRequests;
using PropertyCrm.Domain.Sla;

namespace PropertyCrm.Tests.Domain.ServiceRequests;

public sealed class StoredServiceRequestsTests
{
    [Theory]
    [InlineData(RequestType.Complaint, Urgency.Urgent, RequestType.Complaint, Urgency.Urgent)]
    [InlineData(RequestType.Inquiry, null, RequestType.Inquiry, Urgency.Normal)]
    [InlineData(null, null, RequestType.Repair, Urgency.Normal)] // no type: the sweep reads it as a repair
    [InlineData(null, Urgency.Emergency, RequestType.Repair, Urgency.Emergency)]
    public void FactsOrRepair_StoredValues_BlankTypeIsRepair(RequestType? type, Urgency? urgency, RequestType expectedType, Urgency expectedUrgency)
    {
        var facts = StoredServiceRequests.FactsOrRepair(type, ServiceLine.Maintenance, urgency, " gold ");

        Assert.Equal(expectedType, facts.RequestType);
        Assert.Equal(expectedUrgency, facts.Urgency);
        Assert.Equal(ServiceLine.Maintenance, facts.ServiceLine);
        Assert.Equal("gold", facts.OwnerTier);
    }

    [Fact]
    public void Facts_NoRequestType_Refused()
    {
        var ex = Assert.Throws<DomainException>(() => StoredServiceRequests.Facts(null, null, Urgency.Normal, null));

        Assert.Equal(ServiceRequestErrorCodes.RequestTypeRequired, ex.Code);
    }

    [Fact]
    public void Facts_NoUrgency_Normal()
    {
        Assert.Equal(Urgency.Normal, StoredServiceRequests.Facts(RequestType.Repair, null, null, null).Urgency);
    }

    [Theory]
    [InlineData(RequestStatus.New, false)]
    [InlineData(RequestStatus.Accepted, false)]
    [InlineData(RequestStatus.WaitingOnOwner, false)]
    [InlineData(RequestStatus.Resolved, false)]
    [InlineData(RequestStatus.Closed, true)]
    [InlineData(RequestStatus.Cancelled, true)]
    public void WritesStateCodeOnCreate_Status_OnlyFinal(RequestStatus status, bool expected)
    {
        Assert.Equal(expected, StoredServiceRequests.WritesStateCodeOnCreate(status));
    }

    [Fact]
    public void ToStoredPrecision_NoClocks_Unchanged()
    {
        var state = new ServiceRequestState { Status = RequestStatus.New };

        Assert.Equal(state, StoredServiceRequests.ToStoredPrecision(state, Iso.At("2026-03-02T10:00:00+08:00")));
    }
}
