using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Steps.Owners;
using PropertyCrm.Schema.Tables;
using Columns = PropertyCrm.Schema.Tables.ContactTable.Columns;

namespace PropertyCrm.Tests.Owners;

/// <summary>Consent dates through the real Create/Update pipeline (steps registered from PluginCatalog).</summary>
public sealed class OwnerConsentPluginTests
{
    private readonly FakeDataverse dataverse = new FakeDataverse().WithPluginCatalog();

    [Fact]
    public void Create_WithMarketingConsent_StampsGrantDateFromOperationTime()
    {
        var now = dataverse.Clock.UtcNow;

        var id = dataverse.Service.Create(Owner(marketing: true));

        var saved = dataverse.Peek(ContactTable.LogicalName, id)!;
        Assert.Equal(now, saved.GetAttributeValue<DateTime?>(Columns.MarketingConsentOn));
        Assert.Null(saved.GetAttributeValue<DateTime?>(Columns.SensitiveDataConsentOn));
    }

    [Fact]
    public void Create_WithConsentStamp_CostsNoServiceCall()
    {
        dataverse.Service.Create(Owner(marketing: true));

        Assert.Equal(0, dataverse.LastExecution.PluginCalls.By<OwnerConsentPlugin>().Total);
    }

    [Fact]
    public void Update_WithdrawMarketing_KeepsGrantDateAndStampsWithdrawal()
    {
        var granted = dataverse.Clock.UtcNow;
        var id = dataverse.Service.Create(Owner(marketing: true));
        dataverse.Clock.AdvanceBy(TimeSpan.FromDays(30));

        dataverse.Service.Update(new Entity(ContactTable.LogicalName, id) { [Columns.MarketingConsent] = false });

        var saved = dataverse.Peek(ContactTable.LogicalName, id)!;
        Assert.Equal(granted, saved.GetAttributeValue<DateTime?>(Columns.MarketingConsentOn));
        Assert.Equal(granted.AddDays(30), saved.GetAttributeValue<DateTime?>(Columns.MarketingConsentWithdrawnOn));
        Assert.False(saved.GetAttributeValue<bool>(Columns.MarketingConsent));
    }

    [Fact]
    public void Update_UnrelatedColumn_DoesNotRunTheStep()
    {
        var id = dataverse.Service.Create(Owner(marketing: false));

        dataverse.Service.Update(new Entity(ContactTable.LogicalName, id) { [Columns.MobilePhone] = "13800000000" });

        Assert.DoesNotContain(dataverse.LastExecution.Traces, t => t.PluginType == typeof(OwnerConsentPlugin));
    }

    [Fact]
    public void Update_PaperConsentDatedYesterday_KeepsEnteredDate()
    {
        var id = dataverse.Service.Create(Owner(marketing: false));
        var yesterday = dataverse.Clock.UtcNow.AddDays(-1);

        dataverse.Service.Update(new Entity(ContactTable.LogicalName, id)
        {
            [Columns.SensitiveDataConsent] = true,
            [Columns.SensitiveDataConsentOn] = yesterday,
        });

        Assert.Equal(yesterday, dataverse.Peek(ContactTable.LogicalName, id)!.GetAttributeValue<DateTime?>(Columns.SensitiveDataConsentOn));
    }

    [Fact]
    public void Update_ConsentDatedInFuture_RefusedBilinguallyAndNothingSaved()
    {
        var id = dataverse.Service.Create(Owner(marketing: false));

        var fault = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Update(new Entity(ContactTable.LogicalName, id)
        {
            [Columns.MarketingConsent] = true,
            [Columns.MarketingConsentOn] = dataverse.Clock.UtcNow.AddDays(2),
        }));

        Assert.Contains("不能晚于当前时间", fault.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be in the future", fault.Message, StringComparison.Ordinal);
        Assert.False(dataverse.Peek(ContactTable.LogicalName, id)!.GetAttributeValue<bool>(Columns.MarketingConsent));
    }

    private static Entity Owner(bool marketing) => new(ContactTable.LogicalName)
    {
        [Columns.LastName] = "王",
        [Columns.FirstName] = "芳",
        [Columns.MarketingConsent] = marketing,
    };
}
