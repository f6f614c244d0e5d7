using System;
using System.Collections.Generic;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness;
using PropertyCrm.Harness.Metadata;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Tests.Harness.Support;

namespace PropertyCrm.Tests.Harness;

/// <summary>Learn, "Configure table relationship cascading behavior": Cascade, RemoveLink and Restrict on delete; Cascade on assign.</summary>
public sealed class CascadeTests
{
    private const string Parent = "pcrm_parent";
    private const string Child = "pcrm_child";
    private const string Lookup = "pcrm_parentid";

    private readonly FakeDataverse dataverse = new();

    [Fact]
    public void Delete_CascadeRelationship_DeletesEachChildThroughPipelineAsChildOfParentDelete()
    {
        Relate(new OneToManyRelationship("pcrm_child_parent", Parent, Child, Lookup) { CascadeDelete = CascadeBehavior.Cascade });
        var parent = dataverse.Seed(new Entity(Parent));
        var children = new[] { SeedChild(parent), SeedChild(parent) };
        var contexts = new List<IPluginExecutionContext>();
        dataverse.RegisterStep(TestSteps.On("Delete", Child, PipelineStage.PreOperation, r => contexts.Add(r.Context)));

        dataverse.Service.Delete(Parent, parent);

        Assert.Equal(0, dataverse.Count(Child));
        Assert.Equal(2, contexts.Count);
        Assert.All(contexts, c =>
        {
            Assert.Equal(2, c.Depth);
            Assert.True(HasParent(c, "Delete", Parent));
        });
        Assert.Equal(new HashSet<Guid>(children), new HashSet<Guid>(contexts.ConvertAll(c => c.PrimaryEntityId)));
    }

    [Fact]
    public void Delete_CascadedChildStepRefuses_WholeDeleteRolledBack()
    {
        Relate(new OneToManyRelationship("pcrm_child_parent", Parent, Child, Lookup) { CascadeDelete = CascadeBehavior.Cascade });
        var parent = dataverse.Seed(new Entity(Parent));
        SeedChild(parent);
        dataverse.RegisterStep(TestSteps.On("Delete", Child, PipelineStage.PreValidation, _ => throw new InvalidPluginExecutionException("不可删除 / not deletable")));

        var fault = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Delete(Parent, parent));

        Assert.Equal(DataverseErrorCodes.IsvAborted, fault.ErrorCode);
        Assert.NotNull(dataverse.Peek(Parent, parent));
        Assert.Equal(1, dataverse.Count(Child));
    }

    [Fact]
    public void Delete_RestrictWithChildren_FaultsCannotDeleteDueToAssociationBeforePreOperation()
    {
        Relate(new OneToManyRelationship("pcrm_child_parent", Parent, Child, Lookup) { CascadeDelete = CascadeBehavior.Restrict });
        var parent = dataverse.Seed(new Entity(Parent));
        SeedChild(parent);
        var preOperationRan = false;
        dataverse.RegisterStep(TestSteps.On("Delete", Parent, PipelineStage.PreOperation, _ => preOperationRan = true));

        var fault = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Delete(Parent, parent));

        Assert.Equal(DataverseErrorCodes.CannotDeleteDueToAssociation, fault.ErrorCode);
        Assert.StartsWith("The object you tried to delete is associated with another object and cannot be deleted.", fault.Message, StringComparison.Ordinal);
        Assert.False(preOperationRan);
        Assert.NotNull(dataverse.Peek(Parent, parent));
    }

    [Fact]
    public void Delete_RemoveLink_ClearsLookupWithoutUpdateSteps()
    {
        Relate(new OneToManyRelationship("pcrm_child_parent", Parent, Child, Lookup) { CascadeDelete = CascadeBehavior.RemoveLink });
        var parent = dataverse.Seed(new Entity(Parent));
        var child = SeedChild(parent);
        var updates = 0;
        dataverse.RegisterStep(TestSteps.On("Update", Child, PipelineStage.PreOperation, _ => updates++));

        dataverse.Service.Delete(Parent, parent);

        Assert.False(dataverse.Peek(Child, child)!.Contains(Lookup));
        Assert.Equal(0, updates);
    }

    [Fact]
    public void Assign_CascadeAssign_AssignsChildrenThroughUpdatePipeline()
    {
        Relate(new OneToManyRelationship("pcrm_child_parent", Parent, Child, Lookup) { CascadeAssign = CascadeBehavior.Cascade });
        var parent = dataverse.Seed(new Entity(Parent));
        var child = SeedChild(parent);
        var agent = dataverse.CreateUser("客服 Agent");
        IPluginExecutionContext? childUpdate = null;
        dataverse.RegisterStep(TestSteps.On("Update", Child, PipelineStage.PreOperation, r => childUpdate = r.Context));

        dataverse.Service.Execute(new AssignRequest { Target = new EntityReference(Parent, parent), Assignee = new EntityReference("systemuser", agent) });

        Assert.Equal(agent, dataverse.Peek(Child, child)!.GetAttributeValue<EntityReference>("ownerid").Id);
        Assert.Equal(2, childUpdate!.Depth);
        Assert.True(HasParent(childUpdate, "Update", Parent));
    }

    [Fact]
    public void WithShippedRelationships_DeleteContact_CascadesToHouseholdAndUnlinksFeeBillAsShipped()
    {
        dataverse.WithShippedRelationships();
        var contact = dataverse.Seed(new Entity("contact") { ["lastname"] = "张" });
        dataverse.Seed(new Entity("pcrm_household") { ["pcrm_contactid"] = new EntityReference("contact", contact) });
        var bill = dataverse.Seed(new Entity("pcrm_feebill") { ["pcrm_contactid"] = new EntityReference("contact", contact) });

        dataverse.Service.Delete("contact", contact);

        Assert.Equal(0, dataverse.Count("pcrm_household"));
        Assert.Null(dataverse.Peek("pcrm_feebill", bill)!.GetAttributeValue<EntityReference>("pcrm_contactid"));
    }

    private static bool HasParent(IPluginExecutionContext context, string message, string table)
    {
        for (var parent = context.ParentContext; parent is not null; parent = parent.ParentContext)
        {
            if (parent.MessageName == message && parent.PrimaryEntityName == table)
            {
                return true;
            }
        }

        return false;
    }

    private void Relate(OneToManyRelationship relationship) => dataverse.RegisterRelationship(relationship);

    private Guid SeedChild(Guid parent) => dataverse.Seed(new Entity(Child) { [Lookup] = new EntityReference(Parent, parent) });
}
