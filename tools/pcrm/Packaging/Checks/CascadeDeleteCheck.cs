using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace PropertyCrm.Cli.Packaging.Checks;

/// <summary>
/// A delete that cascades must be able to finish. Dataverse deletes a row's Cascade children with it, in one
/// transaction; if one of the rows the cascade deletes is the parent of a <c>Restrict</c> relationship and still has
/// children there, the whole delete fails. So the owner's erasure (contact → fee bills) was blocked by the bills'
/// Restrict payments.
/// <para><b>Rule.</b> Take every 1:N relationship whose <c>CascadeDelete</c> is <c>Cascade</c> as an edge parent →
/// child. A <c>Restrict</c> relationship is an error when its parent table can be reached from any table over one or
/// more such edges: somebody deleting the root (every table can be deleted by an admin or by code) deletes rows of the
/// parent table that the Restrict may refuse. A Restrict on a table reached by no cascade is fine: it refuses a
/// direct delete, which is what Restrict is for.</para>
/// <para>The rule does not excuse a Restrict whose child table is also reached by the same cascade (contact → payments
/// beside contact → bills → payments): Dataverse does not promise the order in which it walks the branches, and the
/// children restricting a row need not be the ones the root's cascade reaches (a bill's payment may name another
/// owner), so only a cascade or remove-link on the relationship itself makes the delete certain.</para>
/// </summary>
internal sealed class CascadeDeleteCheck : ISolutionCheck
{
    public const string Cascade = "Cascade";
    public const string Restrict = "Restrict";

    public string Name => "cascade";

    public void Run(SolutionIndex solution, IssueList issues)
    {
        var oneToMany = solution.Relationships
            .Where(r => r.Element("EntityRelationshipType")?.Value == "OneToMany")
            .Select(r => new Edge(r, Table(r, "ReferencedEntityName"), Table(r, "ReferencingEntityName"), r.Element("CascadeDelete")?.Value ?? string.Empty))
            .Where(e => e.Parent.Length > 0 && e.Child.Length > 0)
            .ToList();
        var cascades = oneToMany.Where(e => e.CascadeDelete == Cascade)
            .GroupBy(e => e.Parent, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        foreach (var restrict in oneToMany.Where(e => e.CascadeDelete == Restrict))
        {
            var path = CascadePathTo(restrict.Parent, cascades);
            if (path is null)
            {
                continue;
            }

            var name = (string?)restrict.Relationship.Attribute("Name") ?? string.Empty;
            var route = string.Join(" → ", new[] { path[0].Parent }.Concat(path.Select(e => e.Child)));
            var via = string.Join(", ", path.Select(e => (string?)e.Relationship.Attribute("Name")));
            issues.Error(Name, (XObject?)restrict.Relationship.Element("CascadeDelete") ?? restrict.Relationship,
                $"关系 {name} 为限制删除(Restrict),但删除 {path[0].Parent} 会级联删除 {restrict.Parent}({route},经 {via});{restrict.Parent} 有 {restrict.Child} 时整个删除失败。请改为级联删除或解除关联 / "
                + $"relationship {name} restricts deleting a {restrict.Parent} that has {restrict.Child} rows, but deleting a {path[0].Parent} cascades to {restrict.Parent} ({route}, via {via}), so that delete fails whenever such rows exist; make {name} Cascade or RemoveLink");
        }
    }

    /// <summary>The shortest chain of Cascade edges from some table to <paramref name="target"/>, or null when none reaches it.</summary>
    private static IReadOnlyList<Edge>? CascadePathTo(string target, IReadOnlyDictionary<string, List<Edge>> cascades)
    {
        IReadOnlyList<Edge>? best = null;
        foreach (var root in cascades.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            var path = ShortestPath(root, target, cascades);
            if (path is not null && (best is null || path.Count < best.Count))
            {
                best = path;
            }
        }

        return best;
    }

    private static IReadOnlyList<Edge>? ShortestPath(string root, string target, IReadOnlyDictionary<string, List<Edge>> cascades)
    {
        var cameBy = new Dictionary<string, Edge>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        queue.Enqueue(root);
        while (queue.Count > 0)
        {
            var table = queue.Dequeue();
            if (!cascades.TryGetValue(table, out var edges))
            {
                continue;
            }

            foreach (var edge in edges)
            {
                // The root itself counts as reached only through a cycle back to it.
                if (cameBy.ContainsKey(edge.Child))
                {
                    continue;
                }

                cameBy[edge.Child] = edge;
                if (edge.Child == target)
                {
                    return Unwind(root, target, cameBy);
                }

                queue.Enqueue(edge.Child);
            }
        }

        return null;
    }

    private static IReadOnlyList<Edge> Unwind(string root, string target, IReadOnlyDictionary<string, Edge> cameBy)
    {
        var path = new List<Edge>();
        var table = target;
        do
        {
            var edge = cameBy[table];
            path.Insert(0, edge);
            table = edge.Parent;
        }
        while (table != root && path.Count <= cameBy.Count);

        return path;
    }

    private static string Table(XElement relationship, string element) =>
        relationship.Element(element)?.Value.Trim().ToLowerInvariant() ?? string.Empty;

    private sealed class Edge
    {
        public Edge(XElement relationship, string parent, string child, string cascadeDelete)
        {
            Relationship = relationship;
            Parent = parent;
            Child = child;
            CascadeDelete = cascadeDelete;
        }

        public XElement Relationship { get; }

        public string Parent { get; }

        public string Child { get; }

        public string CascadeDelete { get; }
    }
}
