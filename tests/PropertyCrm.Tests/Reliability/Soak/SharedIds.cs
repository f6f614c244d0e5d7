using System;
using System.Collections.Generic;

namespace PropertyCrm.Tests.Reliability.Soak;

/// <summary>Ids the staff threads made and pick from (requests, redemptions, payments); thread-safe.</summary>
internal sealed class SharedIds
{
    private readonly List<Guid> ids = new();

    public void Add(Guid id)
    {
        lock (ids)
        {
            ids.Add(id);
        }
    }

    public void Remove(Guid id)
    {
        lock (ids)
        {
            ids.Remove(id);
        }
    }

    /// <summary>A random id, or null when there is none yet.</summary>
    public Guid? Pick(Random random)
    {
        lock (ids)
        {
            return ids.Count == 0 ? null : ids[random.Next(ids.Count)];
        }
    }
}
