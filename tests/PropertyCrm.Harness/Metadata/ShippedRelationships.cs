using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace PropertyCrm.Harness.Metadata;

/// <summary>
/// The 1:N relationships of the shipped Solution/ (<see cref="ShippedSolution"/>) with their cascade configuration,
/// so deletes and assigns cascade exactly as the imported solution makes Dataverse cascade them. Polymorphic owner
/// relationships (ReferencedEntityName "Owner") are left out: they cascade nothing and ownerid is not a plain lookup.
/// The N:N relationships come with their intersect tables, so Associate, Disassociate and queries of the intersect work as
/// in Dataverse ("Create Many-to-many table relationships": the intersect table has a column per primary key of the two
/// tables).
/// </summary>
internal static class ShippedRelationships
{
    private static readonly Lazy<IReadOnlyList<OneToManyRelationship>> Loaded = new(Load);

    private static readonly Lazy<IReadOnlyList<ManyToManyRelationship>> LoadedManyToMany = new(LoadManyToMany);

    public static IReadOnlyList<OneToManyRelationship> OneToMany => Loaded.Value;

    public static IReadOnlyList<ManyToManyRelationship> ManyToMany => LoadedManyToMany.Value;

    private static IReadOnlyList<ManyToManyRelationship> LoadManyToMany() =>
        ShippedSolution.Index.Relationships
            .Where(r => Text(r, "EntityRelationshipType") == "manytomany")
            .Select(r => new ManyToManyRelationship(
                (string?)r.Attribute("Name") ?? throw new InvalidOperationException("A relationship in Solution/ has no Name."),
                Text(r, "FirstEntityName"),
                Text(r, "SecondEntityName"),
                Text(r, "IntersectEntityName")))
            .ToArray();

    private static IReadOnlyList<OneToManyRelationship> Load() =>
        ShippedSolution.Index.Relationships
            .Where(r => Text(r, "EntityRelationshipType") == "onetomany" && Text(r, "ReferencedEntityName") != "owner")
            .Select(r => new OneToManyRelationship(
                (string?)r.Attribute("Name") ?? throw new InvalidOperationException("A relationship in Solution/ has no Name."),
                Text(r, "ReferencedEntityName"),
                Text(r, "ReferencingEntityName"),
                Text(r, "ReferencingAttributeName"))
            {
                CascadeDelete = Cascade(r, "CascadeDelete", CascadeBehavior.RemoveLink),
                CascadeAssign = Cascade(r, "CascadeAssign", CascadeBehavior.NoCascade),
                CascadeShare = Cascade(r, "CascadeShare", CascadeBehavior.NoCascade),
            })
            .ToArray();

    private static string Text(XElement relationship, string element) =>
        relationship.Element(element)?.Value.Trim().ToLowerInvariant() ?? string.Empty;

    private static CascadeBehavior Cascade(XElement relationship, string element, CascadeBehavior absent)
    {
        var value = relationship.Element(element)?.Value.Trim();
        return string.IsNullOrEmpty(value)
            ? absent
            : Enum.TryParse<CascadeBehavior>(value, ignoreCase: false, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"{(string?)relationship.Attribute("Name")}: unknown {element} '{value}'.");
    }
}
