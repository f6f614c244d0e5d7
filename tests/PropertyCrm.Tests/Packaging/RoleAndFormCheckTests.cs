using System;
using System.Linq;
using System.Xml.Linq;
using PropertyCrm.Cli.Packaging;
using PropertyCrm.Cli.Packaging.Checks;
using PropertyCrm.Tests.Support;

namespace PropertyCrm.Tests.Packaging;

/// <summary>
/// pcrm validate's role, control-class and quick-create checks over copies of Solution/ broken in one way each
/// (the committed Solution/ passing them is SolutionValidatorTests.Validate_CommittedSolution_HasNoErrors).
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed class RoleAndFormCheckTests
{
    private const string AgentRole = "Roles/PCRM 客服专员 Agent.xml";
    private readonly PackagingFixture fixture;

    public RoleAndFormCheckTests(PackagingFixture fixture)
    {
        this.fixture = fixture;
    }

    [Fact]
    public void Validate_QuickCreateFormOnTableWithQuickCreateDisabled_ReportsQuickCreateErrorInFormFile()
    {
        using var copy = SolutionCopy.Of(RepoPaths.Solution);
        var form = copy.FirstFile("Entities/pcrm_building/FormXml/quickCreate", "*.xml");
        copy.Edit("Entities/pcrm_building/Entity.xml", d => d.Descendants("IsQuickCreateEnabled").Single().Value = "0");

        AssertError(fixture.Validate(copy.Root), "quickcreate", form, "pcrm_building");
    }

    [Fact]
    public void Validate_PhoneColumnInTextControl_ReportsControlErrorInFormFile()
    {
        using var copy = SolutionCopy.Of(RepoPaths.Solution);
        var form = copy.FirstFile("Entities/pcrm_property/FormXml/main", "*.xml");
        copy.Edit(form, d => PhoneControl(d).SetAttributeValue("classid", ControlClassCheck.ClassIds.Text));

        AssertError(fixture.Validate(copy.Root), "controls", form, ControlClassCheck.ClassIds.Phone);
    }

    [Fact]
    public void Validate_LookupInTextControl_ReportsControlErrorInFormFile()
    {
        using var copy = SolutionCopy.Of(RepoPaths.Solution);
        var form = copy.FirstFile("Entities/pcrm_servicerequest/FormXml/main", "*.xml");
        copy.Edit(form, d => d.Descendants("control").First(c => (string?)c.Attribute("datafieldname") == "pcrm_propertyid")
            .SetAttributeValue("classid", ControlClassCheck.ClassIds.Text));

        AssertError(fixture.Validate(copy.Root), "controls", form, "pcrm_servicerequest.pcrm_propertyid");
    }

    [Fact]
    public void Validate_RoleWritingUserLookupWithoutAppendToUser_ReportsRoleError()
    {
        using var copy = SolutionCopy.Of(RepoPaths.Solution);
        copy.Edit(AgentRole, d => Privilege(d, "prvAppendToUser").Remove());

        AssertError(fixture.Validate(copy.Root), "roles", AgentRole, "pcrm_servicerequest.pcrm_firstcontactownerid → systemuser");
    }

    [Fact]
    public void Validate_RoleCreatingTableWithoutAppend_ReportsRoleError()
    {
        using var copy = SolutionCopy.Of(RepoPaths.Solution);
        copy.Edit(AgentRole, d => Privilege(d, "prvAppendpcrm_occupancy").Remove());

        AssertError(fixture.Validate(copy.Root), "roles", AgentRole, "prvAppendpcrm_occupancy");
    }

    [Fact]
    public void Validate_RoleWithoutTransactionCurrencyRead_ReportsRoleError()
    {
        using var copy = SolutionCopy.Of(RepoPaths.Solution);
        copy.Edit(AgentRole, d => Privilege(d, "prvReadTransactionCurrency").Remove());

        AssertError(fixture.Validate(copy.Root), "roles", AgentRole, "prvReadTransactionCurrency");
    }

    [Fact]
    public void Validate_RoleWithSystemChartsBelowGlobal_ReportsRoleError()
    {
        using var copy = SolutionCopy.Of(RepoPaths.Solution);
        copy.Edit(AgentRole, d => Privilege(d, "prvReadSavedQueryVisualizations").SetAttributeValue("level", "Local"));

        AssertError(fixture.Validate(copy.Root), "roles", AgentRole, "prvReadSavedQueryVisualizations");
    }

    [Fact]
    public void SystemOnlyLookups_Every_NamesACustomLookupColumn()
    {
        foreach (var key in RolePrivilegeCheck.SystemOnlyLookups.Keys)
        {
            var (table, column) = (key.Split('.')[0], key.Split('.')[1]);
            var entity = XDocument.Load(System.IO.Path.Combine(RepoPaths.Solution, "Entities", table, "Entity.xml"));
            Assert.Contains(entity.Descendants("attribute"), a => a.Element("LogicalName")?.Value == column && a.Element("Type")?.Value == "lookup");
        }
    }

    private static XElement PhoneControl(XDocument form) =>
        form.Descendants("control").First(c => (string?)c.Attribute("datafieldname") == "pcrm_servicecentrephone");

    private static XElement Privilege(XDocument role, string name) =>
        role.Descendants("RolePrivilege").Single(p => (string?)p.Attribute("name") == name);

    private static void AssertError(ValidationReport report, string check, string file, string messagePart)
    {
        Assert.False(report.IsClean);
        Assert.True(
            report.Issues.All.Any(i => i.Severity == IssueSeverity.Error && i.Check == check && string.Equals(
                i.File,
                file,
                StringComparison.Ordinal) && i.Message.Contains(messagePart, StringComparison.Ordinal)),
            $"expected a [{check}] error in {file} mentioning '{messagePart}', got:{Environment.NewLine}{string.Join(Environment.NewLine, report.Issues.All)}");
    }
}
