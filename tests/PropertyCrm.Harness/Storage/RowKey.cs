using System;

namespace PropertyCrm.Harness.Storage;

/// <summary>Identity of a stored row: table and primary key.</summary>
internal readonly record struct RowKey(string LogicalName, Guid Id)
{
    public override string ToString() => $"{LogicalName}({Id})";
}
