using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain.Tags;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Support;

namespace PropertyCrm.Tests.Care;

/// <summary>
/// The owner views by tag (issue 13 "views by tag"): one public contact view per rule tag of <see cref="OwnerTagCatalog"/>,
/// joining through the N:N intersect <c>pcrm_contact_pcrm_tag</c> to the active tag with the rule's code, run as FetchXML
/// from <c>Solution/</c> the way the app runs them.
/// </summary>
public sealed class OwnerTagViewTests
{
    private const string ComplaintSensitive = "complaint-sensitive";

    private readonly CareBed bed = new();

    public static TheoryData<string> RuleCodes => new(OwnerTagCatalog.All.Select(d => d.Code));

    [Theory]
    [MemberData(nameof(RuleCodes))]
    public void TagViews_RuleTagOfCatalog_ExactlyOneContactViewFilteringOnItsCode(string code)
    {
        var definition = OwnerTagCatalog.ByCode(code)!;

        var view = Assert.Single(TagViews(), v => v.Code == code);

        Assert.Equal(StableId.From("savedquery:contact:tag:" + code), view.Id);
        Assert.Equal("标签：" + definition.ChineseName, view.Name(2052));
        Assert.Equal("Tag: " + definition.EnglishName, view.Name(1033));
    }

    [Fact]
    public void TagViews_EveryView_FiltersOnACatalogCodeThroughTheIntersect()
    {
        var views = TagViews();

        Assert.Equal(OwnerTagCatalog.All.Count, views.Count);
        Assert.All(views, v =>
        {
            Assert.NotNull(OwnerTagCatalog.ByCode(v.Code));
            var fetch = v.Fetch;
            Assert.Equal("true", (string?)fetch.Attribute("distinct"));
            var entity = fetch.Element("entity")!;
            Assert.Equal(ContactTable.LogicalName, (string?)entity.Attribute("name"));
            Assert.Contains(entity.Element("filter")!.Elements("condition"), c => IsActive(c));
            var intersect = Assert.Single(entity.Elements("link-entity"));
            Assert.Equal(
                (TagTable.ManyToMany.IntersectTable, TagTable.ManyToMany.ContactId, ContactTable.PrimaryId, "inner"),
                ((string?)intersect.Attribute("name"), (string?)intersect.Attribute("from"), (string?)intersect.Attribute("to"), (string?)intersect.Attribute("link-type")));
            var tag = Assert.Single(intersect.Elements("link-entity"));
            Assert.Equal(
                (TagTable.LogicalName, TagTable.PrimaryId, TagTable.ManyToMany.TagId, "inner"),
                ((string?)tag.Attribute("name"), (string?)tag.Attribute("from"), (string?)tag.Attribute("to"), (string?)tag.Attribute("link-type")));
            Assert.Contains(tag.Element("filter")!.Elements("condition"), c => IsActive(c));
        });
    }

    [Fact]
    public void TagView_OwnersWithTheTagOtherTagsInactiveTagOrOwner_ReturnsActiveTaggedOwnersOnceEach()
    {
        var tag = bed.Data.Tag("投诉敏感", ComplaintSensitive);
        var duplicate = bed.Data.Tag("投诉敏感（重复）", ComplaintSensitive);
        var inactiveTag = bed.Data.Tag("投诉敏感（旧）", ComplaintSensitive);
        Deactivate(TagTable.LogicalName, inactiveTag);
        var otherRuleTag = bed.Data.Tag("欠费", "in-arrears");
        var handTag = bed.Data.Tag("VIP 关注");

        var tagged = Owner(tag);
        var taggedTwiceAndMore = Owner(tag, duplicate, otherRuleTag, handTag);
        var onlyOtherTags = Owner(otherRuleTag, handTag);
        var onlyInactiveTag = Owner(inactiveTag);
        var inactiveOwner = Owner(tag);
        Deactivate(ContactTable.LogicalName, inactiveOwner);
        Owner();

        var shown = bed.Service.RetrieveMultiple(new FetchExpression(TagViews().Single(v => v.Code == ComplaintSensitive).Fetch.ToString())).Entities.Select(e => e.Id).ToList();

        Assert.Equal(new[] { tagged, taggedTwiceAndMore }.OrderBy(id => id), shown.OrderBy(id => id));
        Assert.DoesNotContain(onlyOtherTags, shown);
        Assert.DoesNotContain(onlyInactiveTag, shown);
        Assert.DoesNotContain(inactiveOwner, shown);
    }

    [Fact]
    public void TagView_AnotherCode_ShowsOnlyItsOwners()
    {
        var complaint = bed.Data.Tag("投诉敏感", "complaint-sensitive");
        var arrears = bed.Data.Tag("欠费", "in-arrears");
        var sensitive = Owner(complaint);
        var inArrears = Owner(arrears);

        var shown = bed.Service.RetrieveMultiple(new FetchExpression(TagViews().Single(v => v.Code == "in-arrears").Fetch.ToString())).Entities;

        Assert.Equal(inArrears, Assert.Single(shown).Id);
        Assert.NotEqual(sensitive, inArrears);
    }

    private static bool IsActive(XElement condition) =>
        (string?)condition.Attribute("attribute") == "statecode" && (string?)condition.Attribute("operator") == "eq" && (string?)condition.Attribute("value") == "0";

    /// <summary>The contact views whose fetch links to <c>pcrm_tag</c> with a rule-code condition, by that code.</summary>
    private static List<TagView> TagViews()
    {
        var folder = Path.Combine(RepoPaths.Solution, "Entities", "Contact", "SavedQueries");
        var views = new List<TagView>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.xml"))
        {
            var query = XDocument.Load(file).Root!.Element("savedquery")!;
            var fetch = query.Element("fetchxml")!.Element("fetch")!;
            var codes = fetch.Descendants("link-entity")
                .Where(l => (string?)l.Attribute("name") == TagTable.LogicalName)
                .Descendants("condition")
                .Where(c => (string?)c.Attribute("attribute") == TagTable.Columns.RuleCode && (string?)c.Attribute("operator") == "eq")
                .Select(c => (string)c.Attribute("value")!)
                .ToList();
            foreach (var code in codes)
            {
                views.Add(new TagView(code, Guid.Parse(query.Element("savedqueryid")!.Value), query, fetch));
            }
        }

        return views;
    }

    private void Deactivate(string table, Guid id) => bed.Service.Update(new Entity(table, id)
    {
        ["statecode"] = new OptionSetValue(1),
        ["statuscode"] = new OptionSetValue(2),
    });

    /// <summary>An owner linked to <paramref name="tags"/> on the native N:N relationship (Associate, as staff and the planner do).</summary>
    private Guid Owner(params Guid[] tags)
    {
        var owner = bed.Data.OwnerWithButler("2020-01-10", null);
        if (tags.Length > 0)
        {
            var links = new EntityReferenceCollection();
            links.AddRange(tags.Select(t => new EntityReference(TagTable.LogicalName, t)));
            bed.Service.Associate(ContactTable.LogicalName, owner, new Relationship(TagTable.ManyToMany.Contacts), links);
        }

        return owner;
    }

    private sealed record TagView(string Code, Guid Id, XElement Query, XElement Fetch)
    {
        public string? Name(int languageCode) =>
            Query.Element("LocalizedNames")!.Elements("LocalizedName")
                .Where(n => (int?)n.Attribute("languagecode") == languageCode)
                .Select(n => (string?)n.Attribute("description"))
                .SingleOrDefault();
    }
}
