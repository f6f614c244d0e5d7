using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Steps.Owners;
using PropertyCrm.Schema.OptionSets;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Support;

namespace PropertyCrm.Tests.Collection;

/// <summary>The marketing-consent gate on owner messages (PIPL) and closing a retention case (挽留), through the pipeline.</summary>
public sealed class OwnerMessageAndRetentionCaseTests
{
    private readonly Care.CareBed bed = new();

    private FakeDataverse Dataverse => bed.Dataverse;

    private IOrganizationService Service => bed.Service;

    private DataProducer Data => bed.Data;

    [Fact]
    public void Create_MarketingMessageWithoutConsent_RefusedBilinguallyAndNothingWritten()
    {
        var owner = Data.Owner();

        var fault = Assert.Throws<DataverseFaultException>(() => Service.Create(NewMessage(owner, MessagePurpose.Marketing)));

        Assert.Contains("营销", fault.Message, StringComparison.Ordinal);
        Assert.Contains("marketing consent", fault.Message, StringComparison.Ordinal);
        Assert.Empty(Dataverse.PeekAll(OwnerMessageTable.LogicalName));
        Assert.Equal(1, Dataverse.LastExecution.PluginCalls.Reads);
        Assert.Equal(0, Dataverse.LastExecution.PluginCalls.Writes);
    }

    [Fact]
    public void Create_MarketingMessageWithConsentOrServiceNoticeWithout_Saved()
    {
        var consenting = Dataverse.Seed(new Entity(ContactTable.LogicalName) { [ContactTable.Columns.LastName] = "同意", [ContactTable.Columns.MarketingConsent] = true });
        var other = Data.Owner();

        Service.Create(NewMessage(consenting, MessagePurpose.Marketing));
        Service.Create(NewMessage(other, MessagePurpose.ServiceNotice));

        Assert.Equal(0, Dataverse.LastExecution.PluginCalls.Reads);
        Assert.Equal(2, Dataverse.PeekAll(OwnerMessageTable.LogicalName).Count);
    }

    [Fact]
    public void Update_ServiceNoticeTurnedMarketingWithoutConsent_RefusedAndUnchanged()
    {
        var owner = Data.Owner();
        var id = Service.Create(NewMessage(owner, MessagePurpose.ServiceNotice));

        Assert.Throws<DataverseFaultException>(() => Service.Update(new Entity(OwnerMessageTable.LogicalName, id)
        {
            [OwnerMessageTable.Columns.Purpose] = new OptionSetValue(MessagePurpose.Marketing),
        }));

        Assert.Equal(MessagePurpose.ServiceNotice, Dataverse.Peek(OwnerMessageTable.LogicalName, id)!.GetAttributeValue<OptionSetValue>(OwnerMessageTable.Columns.Purpose).Value);
    }

    [Fact]
    public void Close_RetentionCaseWithoutOutcome_RefusedBilinguallyThenClosedWithOne()
    {
        var owner = Data.Owner();
        var id = Dataverse.Seed(new Entity(RetentionCaseTable.LogicalName)
        {
            [RetentionCaseTable.Columns.Name] = "挽留 / Retention",
            [RetentionCaseTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner),
            [RetentionCaseTable.Columns.RiskSince] = DataProducer.DateOnly("2026-03-16"),
            [RetentionCaseTable.Columns.Key] = $"{owner:N}|20260316",
        });

        var fault = Assert.Throws<DataverseFaultException>(() => Service.Update(new Entity(RetentionCaseTable.LogicalName, id)
        {
            [RetentionCaseTable.Columns.StatusCode] = new OptionSetValue(RetentionCaseTable.StatusReasons.Closed),
        }));
        Assert.Contains("挽留结果", fault.Message, StringComparison.Ordinal);
        Assert.Contains("outcome", fault.Message, StringComparison.Ordinal);
        Assert.Equal(RetentionCaseTable.States.Active, Dataverse.Peek(RetentionCaseTable.LogicalName, id)!.GetAttributeValue<OptionSetValue>(RetentionCaseTable.Columns.StateCode).Value);

        Service.Update(new Entity(RetentionCaseTable.LogicalName, id)
        {
            [RetentionCaseTable.Columns.Outcome] = new OptionSetValue(RetentionOutcome.Retained),
            [RetentionCaseTable.Columns.StatusCode] = new OptionSetValue(RetentionCaseTable.StatusReasons.Closed),
        });

        var closed = Dataverse.Peek(RetentionCaseTable.LogicalName, id)!;
        Assert.Equal(RetentionCaseTable.States.Inactive, closed.GetAttributeValue<OptionSetValue>(RetentionCaseTable.Columns.StateCode).Value);
        Assert.NotNull(closed.GetAttributeValue<DateTime?>(RetentionCaseTable.Columns.ClosedOn));
    }

    [Fact]
    public void DeleteOwner_MessagesAndRetentionCasesGoWithTheOwner()
    {
        var owner = Data.Owner();
        Service.Create(NewMessage(owner, MessagePurpose.ServiceNotice));
        Dataverse.Seed(new Entity(RetentionCaseTable.LogicalName)
        {
            [RetentionCaseTable.Columns.Name] = "挽留 / Retention",
            [RetentionCaseTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner),
            [RetentionCaseTable.Columns.RiskSince] = DataProducer.DateOnly("2026-03-16"),
            [RetentionCaseTable.Columns.Key] = $"{owner:N}|20260316",
        });

        Service.Delete(ContactTable.LogicalName, owner);

        Assert.Empty(Dataverse.PeekAll(OwnerMessageTable.LogicalName));
        Assert.Empty(Dataverse.PeekAll(RetentionCaseTable.LogicalName));
    }

    [Fact]
    public void WithdrawMarketingConsent_PendingMarketingMessagesStopped_ServiceNoticesAndSentOnesKept()
    {
        var owner = Dataverse.Seed(new Entity(ContactTable.LogicalName) { [ContactTable.Columns.LastName] = "同意", [ContactTable.Columns.MarketingConsent] = true });
        var pending = Service.Create(NewMessage(owner, MessagePurpose.Marketing));
        var sent = NewMessage(owner, MessagePurpose.Marketing);
        sent[OwnerMessageTable.Columns.DeliveryStatus] = new OptionSetValue(MessageDeliveryStatus.Sent);
        var sentId = Service.Create(sent);
        var notice = Service.Create(NewMessage(owner, MessagePurpose.ServiceNotice));

        Service.Update(new Entity(ContactTable.LogicalName, owner) { [ContactTable.Columns.MarketingConsent] = false });

        var stopped = Dataverse.Peek(OwnerMessageTable.LogicalName, pending)!;
        Assert.Equal(MessageDeliveryStatus.Failed, stopped.GetAttributeValue<OptionSetValue>(OwnerMessageTable.Columns.DeliveryStatus).Value);
        Assert.Contains("撤回营销同意", stopped.GetAttributeValue<string>(OwnerMessageTable.Columns.FailureReason), StringComparison.Ordinal);
        Assert.Equal(MessageDeliveryStatus.Sent, Dataverse.Peek(OwnerMessageTable.LogicalName, sentId)!.GetAttributeValue<OptionSetValue>(OwnerMessageTable.Columns.DeliveryStatus).Value);
        Assert.Equal(MessageDeliveryStatus.Pending, Dataverse.Peek(OwnerMessageTable.LogicalName, notice)!.GetAttributeValue<OptionSetValue>(OwnerMessageTable.Columns.DeliveryStatus).Value);
    }

    [Fact]
    public void ExportOwnerData_OwnerWithAMessageAndARetentionCase_BothInTheCopy()
    {
        var owner = Data.Owner();
        var message = Service.Create(NewMessage(owner, MessagePurpose.ServiceNotice));
        var retention = Dataverse.Seed(new Entity(RetentionCaseTable.LogicalName)
        {
            [RetentionCaseTable.Columns.Name] = "挽留 / Retention",
            [RetentionCaseTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner),
            [RetentionCaseTable.Columns.RiskSince] = DataProducer.DateOnly("2026-03-16"),
            [RetentionCaseTable.Columns.Key] = $"{owner:N}|20260316",
            [RetentionCaseTable.Columns.Plan] = "每周回访 / call weekly",
        });

        var json = (string)Service.Execute(new OrganizationRequest(ExportOwnerDataPlugin.ApiName)
        {
            [ExportOwnerDataPlugin.ContactParameter] = new EntityReference(ContactTable.LogicalName, owner),
        }).Results[ExportOwnerDataPlugin.DataOutput];

        using var document = System.Text.Json.JsonDocument.Parse(json);
        var tables = document.RootElement.GetProperty("tables");
        var exportedMessage = Assert.Single(tables.GetProperty(OwnerMessageTable.LogicalName).EnumerateArray());
        Assert.Equal(message, exportedMessage.GetProperty("id").GetGuid());
        Assert.Equal("中秋游园会邀请您参加。", exportedMessage.GetProperty(OwnerMessageTable.Columns.Text).GetString());
        var exportedCase = Assert.Single(tables.GetProperty(RetentionCaseTable.LogicalName).EnumerateArray());
        Assert.Equal(retention, exportedCase.GetProperty("id").GetGuid());
        Assert.Equal("每周回访 / call weekly", exportedCase.GetProperty(RetentionCaseTable.Columns.Plan).GetString());
    }

    private static Entity NewMessage(Guid owner, int purpose) => new(OwnerMessageTable.LogicalName)
    {
        [OwnerMessageTable.Columns.Name] = "社区活动邀请 / Event invitation",
        [OwnerMessageTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner),
        [OwnerMessageTable.Columns.Purpose] = new OptionSetValue(purpose),
        [OwnerMessageTable.Columns.Channel] = new OptionSetValue(MessageChannel.WeChat),
        [OwnerMessageTable.Columns.Text] = "中秋游园会邀请您参加。",
        [OwnerMessageTable.Columns.DeliveryStatus] = new OptionSetValue(MessageDeliveryStatus.Pending),
    };
}
