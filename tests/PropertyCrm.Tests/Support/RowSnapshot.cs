using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness;

namespace PropertyCrm.Tests.Support;

/// <summary>
/// A stored row read for an assertion in one line: <c>dataverse.Row(table, id).Get&lt;bool&gt;(column)</c>,
/// <c>.Option(column)</c>, <c>.Amount(column)</c>, <c>.LookupId(column)</c>. A missing row fails at once with
/// its table and id, instead of a NullReferenceException further on.
/// </summary>
internal sealed class RowSnapshot
{
    public RowSnapshot(Entity entity)
    {
        Entity = entity;
    }

    /// <summary>The full copy <see cref="FakeDataverse.Peek"/> returned.</summary>
    public Entity Entity { get; }

    /// <summary>The column's value as <typeparamref name="T"/>; default when blank (as Entity.GetAttributeValue).</summary>
    public T Get<T>(string column) => Entity.GetAttributeValue<T>(column);

    /// <summary>A choice column's value; null when blank.</summary>
    public int? Option(string column) => Entity.GetAttributeValue<OptionSetValue>(column)?.Value;

    /// <summary>A currency column's amount; null when blank.</summary>
    public decimal? Amount(string column) => Entity.GetAttributeValue<Money>(column)?.Value;

    /// <summary>The id a lookup column points to; null when blank.</summary>
    public Guid? LookupId(string column) => Entity.GetAttributeValue<EntityReference>(column)?.Id;
}

/// <summary>Reads a stored row for assertions: bypasses the service (not counted, no locks), like Peek.</summary>
internal static class RowSnapshotExtensions
{
    public static RowSnapshot Row(this FakeDataverse dataverse, string table, Guid id) =>
        new(dataverse.Peek(table, id) ?? throw new InvalidOperationException($"No {table} row with id {id}."));

    public static RowSnapshot Row(this FakeDataverse dataverse, EntityReference reference) => dataverse.Row(reference.LogicalName, reference.Id);
}
