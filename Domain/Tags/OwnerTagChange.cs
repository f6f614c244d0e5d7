using System.Collections.Generic;

namespace PropertyCrm.Domain.Tags;

/// <summary>The rule tags to link to an owner and to unlink from them; both empty when nothing changes.</summary>
public sealed class OwnerTagChange
{
    public OwnerTagChange(IReadOnlyList<OwnerTagRule> add, IReadOnlyList<OwnerTagRule> remove)
    {
        Add = add;
        Remove = remove;
    }

    public IReadOnlyList<OwnerTagRule> Add { get; }

    public IReadOnlyList<OwnerTagRule> Remove { get; }

    public bool IsEmpty => Add.Count == 0 && Remove.Count == 0;
}
