using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Harness.Diagnostics;
using PropertyCrm.Harness.Pipeline;

namespace PropertyCrm.Harness.Service;

/// <summary>
/// The organization service for one user. Every method goes through Execute, so the convenience methods
/// and the request classes run the same pipeline and are counted the same way.
/// </summary>
internal sealed class HarnessOrganizationService : IOrganizationService
{
    private readonly FakeDataverse dataverse;
    private readonly Guid userId;
    private readonly PluginExecutionContext? parent;

    public HarnessOrganizationService(FakeDataverse dataverse, Guid userId, PluginExecutionContext? parent)
    {
        this.dataverse = dataverse;
        this.userId = userId;
        this.parent = parent;
    }

    public Guid Create(Entity entity) => ((CreateResponse)Execute(new CreateRequest { Target = entity })).id;

    public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) =>
        ((RetrieveResponse)Execute(new RetrieveRequest { Target = new EntityReference(entityName, id), ColumnSet = columnSet })).Entity;

    public void Update(Entity entity) => Execute(new UpdateRequest { Target = entity });

    public void Delete(string entityName, Guid id) => Execute(new DeleteRequest { Target = new EntityReference(entityName, id) });

    public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
        Execute(new AssociateRequest { Target = new EntityReference(entityName, entityId), Relationship = relationship, RelatedEntities = relatedEntities });

    public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
        Execute(new DisassociateRequest { Target = new EntityReference(entityName, entityId), Relationship = relationship, RelatedEntities = relatedEntities });

    public EntityCollection RetrieveMultiple(QueryBase query) =>
        ((RetrieveMultipleResponse)Execute(new RetrieveMultipleRequest { Query = query })).EntityCollection;

    public OrganizationResponse Execute(OrganizationRequest request)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        if (parent is null)
        {
            return dataverse.ExecuteTopLevel(request, userId);
        }

        var origin = CallOrigin.FromPlugin(parent, userId);
        origin.Record.Add(new ServiceCall(request.RequestName ?? string.Empty, EntityNameOf(request), parent.PluginType, origin.Depth, inBatch: false));
        if (dataverse.NextCallFault(parent) is { } injected)
        {
            throw injected;
        }

        return dataverse.Pipeline.Execute(request, origin);
    }

    /// <summary>The table a request addresses, for diagnostics.</summary>
    internal static string? EntityNameOf(OrganizationRequest request)
    {
        var target = request.Parameters.TryGetValue("Target", out var t) ? t
            : request.Parameters.TryGetValue("EntityMoniker", out var m) ? m
            : null;
        return target switch
        {
            Entity e => e.LogicalName,
            EntityReference r => r.LogicalName,
            _ => request.Parameters.TryGetValue("Query", out var q) ? QueryEntityName(q) : null,
        };
    }

    private static string? FetchEntityName(string? fetchXml)
    {
        try
        {
            return Query.FetchXmlParser.Parse(fetchXml).Query.EntityName;
        }
        catch (DataverseFaultException)
        {
            return null;
        }
    }

    private static string? QueryEntityName(object? query) => query switch
    {
        QueryExpression qe => qe.EntityName,
        QueryByAttribute qa => qa.EntityName,
        FetchExpression fetch => FetchEntityName(fetch.Query),
        _ => null,
    };
}
