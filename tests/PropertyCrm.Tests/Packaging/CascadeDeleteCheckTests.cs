using System;
using System.Linq;
using System.Xml.Linq;
using PropertyCrm.Cli.Packaging;
using PropertyCrm.Tests.Support;

namespace PropertyCrm.Tests.Packaging;

/// <summary>
/// The cascade check of pcrm validate: a Restrict relationship whose parent table a Cascade delete reaches would make
/// that delete fail (the owner's erasure, contact → fee bills, blocked by the bills' payments).
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed class CascadeDeleteCheckTests
{
    private const string Check = "cascade";
    private readonly PackagingFixture fixture;

    public CascadeDeleteCheckTests(PackagingFixture fixture)
    {
        this.fixture = fixture;
    }

    [Fact]
    public void Validate_CommittedSolution_NoRestrictInsideACascade()
    {
        var report = fixture.Validate(RepoPaths.Solution);

        Assert.DoesNotContain(report.Issues.All, i => i.Check == Check);
    }

    [Fact]
    public void Validate_PaymentsRestrictBillWhileOwnerCascadesToBills_ReportsErasureBlocked()
    {
        using var copy = SolutionCopy.Of(RepoPaths.Solution);
        var file = "Other/Relationships/pcrm_feebill.xml";
        copy.Edit(file, d => SetCascadeDelete(d, "pcrm_feepayment_feebill", "Restrict"));
        copy.Edit("Other/Relationships/Contact.xml", d => SetCascadeDelete(d, "pcrm_feebill_contact", "Cascade"));

        var issue = AssertCascadeError(fixture.Validate(copy.Root), file, "pcrm_feepayment_feebill");
        Assert.Contains("contact → pcrm_feebill", issue.Message, StringComparison.Ordinal);
        Assert.Contains("pcrm_feebill_contact", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RestrictTwoCascadesAway_ReportsWithThePath()
    {
        using var copy = SolutionCopy.Of(RepoPaths.Solution);
        copy.Edit("Other/Relationships/pcrm_property.xml", d => SetCascadeDelete(d, "pcrm_unit_property", "Cascade"));

        var report = fixture.Validate(copy.Root);

        // Units now go with their property, and a unit's bills, occupancies and requests restrict deleting it.
        foreach (var restricted in new[] { "pcrm_feebill_unit", "pcrm_occupancy_unit", "pcrm_servicerequest_unit" })
        {
            var issue = AssertCascadeError(report, "Other/Relationships/pcrm_unit.xml", restricted);
            Assert.Contains("pcrm_property → pcrm_unit", issue.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_RestrictOnTableNoCascadeReaches_NotReported()
    {
        using var copy = SolutionCopy.Of(RepoPaths.Solution);

        // pcrm_unit_property stays Restrict and nothing cascades to pcrm_property: a direct delete is refused, as meant.
        var report = fixture.Validate(copy.Root);

        Assert.DoesNotContain(report.Issues.All, i => i.Check == Check && i.Message.Contains("pcrm_unit_property", StringComparison.Ordinal));
    }

    private static void SetCascadeDelete(XDocument document, string relationship, string behaviour) =>
        document.Descendants("EntityRelationship")
            .Single(r => (string?)r.Attribute("Name") == relationship)
            .Element("CascadeDelete")!.Value = behaviour;

    private static ValidationIssue AssertCascadeError(ValidationReport report, string file, string relationship)
    {
        var issue = report.Issues.All.FirstOrDefault(i => i.Severity == IssueSeverity.Error && i.Check == Check && i.File == file
            && i.Message.Contains("relationship " + relationship + " ", StringComparison.Ordinal));
        Assert.True(
            issue is not null,
            $"expected a [{Check}] error in {file} naming {relationship}, got:{Environment.NewLine}{string.Join(Environment.NewLine, report.Issues.All)}");
        Assert.Contains("关系 " + relationship, issue!.Message, StringComparison.Ordinal);
        return issue;
    }
}
