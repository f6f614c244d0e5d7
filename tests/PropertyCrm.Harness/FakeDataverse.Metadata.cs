using System;
using System.Collections.Generic;
using PropertyCrm.Harness.Metadata;

namespace PropertyCrm.Harness;

public sealed partial class FakeDataverse
{
    internal IEnumerable<ManyToManyRelationship> ManyToManyRelationships => Metadata.ManyToManyRelationships;

    internal IEnumerable<OneToManyRelationship> OneToManyRelationships => Metadata.OneToManyRelationships;

    /// <summary>Declares a table whose key or ownership differs from the defaults (e.g. activities: "activityid").</summary>
    public FakeDataverse RegisterTable(TableMetadata table)
    {
        Metadata.Register(table ?? throw new ArgumentNullException(nameof(table)));
        return this;
    }

    public FakeDataverse RegisterRelationship(ManyToManyRelationship relationship)
    {
        Metadata.Register(relationship ?? throw new ArgumentNullException(nameof(relationship)));
        return this;
    }

    /// <summary>Registers the shipped Solution/'s 1:N relationships with their cascade configuration, and its N:N relationships.</summary>
    public FakeDataverse WithShippedRelationships()
    {
        foreach (var relationship in ShippedRelationships.OneToMany)
        {
            Metadata.Register(relationship);
        }

        foreach (var relationship in ShippedRelationships.ManyToMany)
        {
            Metadata.Register(relationship);
        }

        return this;
    }

    public FakeDataverse RegisterRelationship(OneToManyRelationship relationship)
    {
        Metadata.Register(relationship ?? throw new ArgumentNullException(nameof(relationship)));
        return this;
    }
}
