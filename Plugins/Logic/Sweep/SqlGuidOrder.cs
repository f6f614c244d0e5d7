using System;
using System.Collections.Generic;

namespace PropertyCrm.Plugins.Logic.Sweep;

/// <summary>Guid order as SQL Server (and the harness, which follows it) sorts uniqueidentifier: merged id-ordered pages keep the query order.</summary>
public sealed class SqlGuidOrder : IComparer<Guid>
{
    public static readonly SqlGuidOrder Instance = new();

    public int Compare(Guid x, Guid y) => new System.Data.SqlTypes.SqlGuid(x).CompareTo(new System.Data.SqlTypes.SqlGuid(y));
}
