using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain;
using PropertyCrm.Plugins.Execution;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Logic;

/// <summary>An owner's consents as a flow or workflow asks for them before contacting the owner.</summary>
public sealed record OwnerConsents(bool Marketing, bool SensitiveData);

/// <summary>Answers "may we use this owner's data for this purpose?" from the consent columns: one read.</summary>
public sealed class ConsentService
{
    private readonly ExecutionScope scope;

    public ConsentService(ExecutionScope scope)
    {
        this.scope = Guard.NotNull(scope, nameof(scope));
    }

    public OwnerConsents Read(EntityReference? owner)
    {
        if (owner is null || owner.Id == Guid.Empty)
        {
            throw new InvalidPluginExecutionException("请指定业主 / An owner (contact) is required.");
        }

        if (!string.Equals(owner.LogicalName, ContactTable.LogicalName, StringComparison.Ordinal))
        {
            throw new InvalidPluginExecutionException($"业主必须是联系人记录:{owner.LogicalName} / The owner must be a contact record, not {owner.LogicalName}.");
        }

        var row = scope.Service.Retrieve(
            ContactTable.LogicalName,
            owner.Id,
            new ColumnSet(ConsentMapping.Marketing.Flag, ConsentMapping.SensitiveData.Flag));
        return new OwnerConsents(ConsentMapping.Marketing.Read(row).Granted, ConsentMapping.SensitiveData.Read(row).Granted);
    }
}
